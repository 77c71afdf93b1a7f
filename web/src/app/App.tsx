// The providers around every page: data, language, theme, session, router.
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import zhTW from 'antd/es/locale/zh_TW';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { isLocale } from '@/i18n';
import { createQueryClient } from './queryClient';
import { createAppRouter } from './router';
import { SessionProvider } from './session';
import { theme } from './theme';

const ANTD_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS } as const;

export default function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
