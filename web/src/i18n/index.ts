// i18next set up with the three languages of the UI. Simplified Chinese is the default.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import 'dayjs/locale/en';
import en from './en.json';
import zhCN from './zh-CN.json';
import zhTW from './zh-TW.json';
import workEn from './work.en.json';
import workZhCN from './work.zh-CN.json';
import workZhTW from './work.zh-TW.json';
import type { Locale } from '@/api/types';

export const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Each language named in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  en: 'English',
};

export const resources = {
  'zh-CN': { translation: { ...zhCN, ...workZhCN } },
  'zh-TW': { translation: { ...zhTW, ...workZhTW } },
  en: { translation: { ...en, ...workEn } },
} as const;

const STORAGE_KEY = 'forecourt.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen on this device before signing in, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts until the page is closed.
  }
}

const DAYJS_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

/** Switches the UI language (strings, dates, the <html lang>). */
export async function applyLocale(locale: Locale): Promise<void> {
  dayjs.locale(DAYJS_LOCALE[locale]);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

const initial = storedLocale() ?? DEFAULT_LOCALE;

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: LOCALES as Locale[],
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});
dayjs.locale(DAYJS_LOCALE[initial]);
if (typeof document !== 'undefined') document.documentElement.lang = initial;

export default i18n;
