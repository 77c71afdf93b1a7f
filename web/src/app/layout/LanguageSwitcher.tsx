// Switches the UI language; remembered on this device and, when signed in, on the user.
import { GlobalOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@/api/types';
import { problemMessage } from '@/api/problem';
import { applyLocale, isLocale, LOCALE_NAMES, LOCALES, storeLocale } from '@/i18n';
import { useSession } from '../session';

export function useChangeLocale() {
  const session = useSession();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return async (locale: Locale) => {
    if (!session.me) {
      storeLocale(locale);
      await applyLocale(locale);
      return;
    }
    try {
      await session.setLocale(locale);
    } catch (error) {
      void message.error(problemMessage(t, error));
    }
  };
}

export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const { i18n, t } = useTranslation();
  const changeLocale = useChangeLocale();
  const current: Locale = isLocale(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [current],
        items: LOCALES.map((locale) => ({
          key: locale,
          label: <span data-testid={`locale-${locale}`}>{LOCALE_NAMES[locale]}</span>,
        })),
        onClick: ({ key }) => {
          if (isLocale(key)) void changeLocale(key);
        },
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('topbar.language')}
        data-testid="language-switcher"
      >
        {compact ? null : LOCALE_NAMES[current]}
      </Button>
    </Dropdown>
  );
}
