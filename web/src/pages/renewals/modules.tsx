// The renewal pages (续保) for the module registry (`@/app/modules`): the agent's call list with
// each renewal's page, and the renewal rate, in a module of their own.
import { LineChartOutlined, PhoneOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const CallListPage = lazy(() => import('./CallListPage'));
const RenewalPage = lazy(() => import('./RenewalPage'));
const RatePage = lazy(() => import('./RatePage'));

export const renewalsArea: AreaModules = {
  modules: [
    {
      key: 'renewals',
      titleKey: 'renewals.nav.module',
      icon: <SafetyCertificateOutlined />,
      pages: [
        {
          key: 'renewals.list',
          path: '/renewals',
          titleKey: 'renewals.nav.list',
          keywordsKey: 'renewals.keywords',
          icon: <PhoneOutlined />,
          allowed: (me) => can(me, 'renewal:read'),
          component: CallListPage,
          routes: [{ path: '/renewals/:id', component: RenewalPage }],
        },
        {
          key: 'renewals.rate',
          path: '/renewal-rate',
          titleKey: 'renewals.nav.rate',
          keywordsKey: 'renewals.keywords',
          icon: <LineChartOutlined />,
          allowed: (me) => can(me, 'renewal:read'),
          component: RatePage,
        },
      ],
    },
  ],
};
