// How values are shown everywhere in the app. Pages never format money, times or phones by hand.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The placeholder for a value that is absent. */
export const EMPTY = '—';

/**
 * Money is integer fen (分). `formatMoney(123456)` → "¥1,234.56"; negative amounts get a
 * leading minus ("-¥12.00"). Never goes through floating point, so large amounts stay exact.
 */
export function formatMoney(fen: number | bigint | null | undefined): string {
  if (fen === null || fen === undefined) return EMPTY;
  let value = typeof fen === 'bigint' ? fen : BigInt(Math.trunc(fen));
  const negative = value < 0n;
  if (negative) value = -value;
  const yuan = (value / 100n).toString();
  const cents = (value % 100n).toString().padStart(2, '0');
  const grouped = yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}.${cents}`;
}

/** Parses "1,234.56" / "¥1234.5" into fen, or null when it is not an amount. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/[¥,\s]/g, '');
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, minus, yuan = '0', cents = ''] = match;
  const fen = Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
  return minus ? -fen : fen;
}

/** The default time zone when the dealer's is not known yet. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

function inZone(iso: string, timeZone: string) {
  const moment = dayjs(iso);
  try {
    return moment.tz(timeZone);
  } catch {
    return moment.tz(DEFAULT_TIME_ZONE);
  }
}

/** A UTC timestamp shown in the dealer's time zone: "2024-05-01 14:30". */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return EMPTY;
  const moment = dayjs(iso);
  if (!moment.isValid()) return EMPTY;
  return inZone(iso, timeZone).format('YYYY-MM-DD HH:mm');
}

/** The same with seconds, for audit trails. */
export function formatDateTimeSeconds(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return EMPTY;
  if (!dayjs(iso).isValid()) return EMPTY;
  return inZone(iso, timeZone).format('YYYY-MM-DD HH:mm:ss');
}

/** The calendar date in the dealer's time zone: "2024-05-01". */
export function formatDate(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return EMPTY;
  if (!dayjs(iso).isValid()) return EMPTY;
  return inZone(iso, timeZone).format('YYYY-MM-DD');
}

/** The hour of day (0–23) in the dealer's time zone, for greetings. */
export function hourIn(timeZone: string, now: Date = new Date()): number {
  return inZone(now.toISOString(), timeZone).hour();
}

/**
 * The start of a calendar day in the dealer's time zone as an RFC 3339 UTC instant, for API
 * filters such as `from` / `to` (`endOfDay` gives the first instant of the next day).
 */
export function dayBoundary(date: string, timeZone: string, endOfDay = false): string {
  const start = dayjs.tz(date, timeZone).startOf('day');
  return (endOfDay ? start.add(1, 'day') : start).utc().format('YYYY-MM-DDTHH:mm:ss[Z]');
}

/** Whether a phone or e-mail came masked from the server (138****5678, z***@example.com). */
export function isMasked(value: string | null | undefined): boolean {
  return !!value && value.includes('*');
}

/**
 * The `tel:` address of a phone number shown in clear (digits, a leading `+`, an extension
 * after `,`), or `null` for a masked or empty number, which cannot be called.
 */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone || isMasked(phone)) return null;
  const dialled = phone
    .trim()
    .replace(/[\s\-().]/g, '')
    .replace(/(?:ext\.?|转|#)/i, ',');
  if (!/^\+?\d{3,}(,\d+)?$/.test(dialled)) return null;
  return `tel:${dialled}`;
}

/**
 * A phone number as people read it: mobiles in 3-4-4 groups ("138 1234 5678"), landlines with
 * their area code ("0571-8888 6666"); masked numbers stay as the server sent them.
 */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return EMPTY;
  const trimmed = phone.trim();
  if (isMasked(trimmed)) return trimmed;
  let digits = trimmed.replace(/[\s-]/g, '');
  let prefix = '';
  if (digits.startsWith('+86')) {
    prefix = '+86 ';
    digits = digits.slice(3);
  }
  if (/^1\d{10}$/.test(digits)) {
    return `${prefix}${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  }
  const landline = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/.exec(digits);
  if (landline) {
    const [, area = '', number = ''] = landline;
    const split = number.length - 4;
    return `${prefix}${area}-${number.slice(0, split)} ${number.slice(split)}`;
  }
  return trimmed;
}

/** Any value for display: null, undefined and empty strings become the dash. */
export function display(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return EMPTY;
  const text = String(value).trim();
  return text === '' ? EMPTY : text;
}

/** The first character(s) for an avatar: "张伟" → "张伟"'s last char pair, "Alice Wong" → "AW". */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '?';
  if (/[\u4e00-\u9fff]/.test(trimmed)) return trimmed.slice(-2);
  const parts = trimmed.split(/\s+/).filter(Boolean);
  const letters =
    parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts[1]?.[0] ?? ''}` : trimmed.slice(0, 2);
  return letters.toUpperCase();
}

/** A whole number with thousands separators: 136128 → "136,128". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A count that the server caps ("exact up to 1,000, then 1,000+"): `formatCount(1000, true)` →
 * "1,000+".
 */
export function formatCount(count: number | null | undefined, capped: boolean): string {
  if (count === null || count === undefined) return EMPTY;
  return `${formatNumber(count)}${capped ? '+' : ''}`;
}

/** The time of day in the dealer's time zone: "14:30". */
export function formatTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return EMPTY;
  if (!dayjs(iso).isValid()) return EMPTY;
  return inZone(iso, timeZone).format('HH:mm');
}

/**
 * A UTC instant as the dealer's wall clock, in a plain (browser-zone) dayjs: what date and time
 * pickers show and edit, whatever zone the browser is in.
 */
export function wallClock(iso: string, timeZone: string): dayjs.Dayjs {
  return dayjs(inZone(iso, timeZone).format('YYYY-MM-DDTHH:mm:ss'));
}

/** The reverse of `wallClock`: a picked date and time, read in the dealer's zone, as UTC. */
export function fromWallClock(value: dayjs.Dayjs, timeZone: string): string {
  let moment: dayjs.Dayjs;
  try {
    moment = dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), timeZone);
  } catch {
    moment = dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), DEFAULT_TIME_ZONE);
  }
  return moment.utc().format('YYYY-MM-DDTHH:mm:ss[Z]');
}

/** Today's date in the dealer's time zone: "2024-05-01". */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return inZone(now.toISOString(), timeZone).format('YYYY-MM-DD');
}
