// The complaint desk's pages (投诉) for the module registry (`@/app/modules`): the desk with
// each complaint's page, the SLA board and the care settings, in a customer-care module of
// their own.
import {
  CustomerServiceOutlined,
  DashboardOutlined,
  ExclamationCircleOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const ComplaintsPage = lazy(() => import('./ComplaintsPage'));
const ComplaintPage = lazy(() => import('./ComplaintPage'));
const SlaBoardPage = lazy(() => import('./SlaBoardPage'));
const CareSettingsPage = lazy(() => import('./CareSettingsPage'));

export const complaintsArea: AreaModules = {
  modules: [
    {
      key: 'care',
      titleKey: 'complaints.nav.module',
      icon: <CustomerServiceOutlined />,
      pages: [
        {
          key: 'care.complaints',
          path: '/complaints',
          titleKey: 'complaints.nav.desk',
          keywordsKey: 'complaints.keywords',
          icon: <ExclamationCircleOutlined />,
          allowed: (me) => can(me, 'complaint:read'),
          component: ComplaintsPage,
          routes: [{ path: '/complaints/:id', component: ComplaintPage }],
        },
        {
          key: 'care.board',
          path: '/complaints/board',
          titleKey: 'complaints.nav.board',
          keywordsKey: 'complaints.keywords',
          icon: <DashboardOutlined />,
          allowed: (me) => can(me, 'complaint:read'),
          component: SlaBoardPage,
        },
        {
          key: 'care.settings',
          path: '/complaints/settings',
          titleKey: 'complaints.nav.settings',
          keywordsKey: 'complaints.keywords',
          icon: <SettingOutlined />,
          allowed: (me) => can(me, 'complaint:read'),
          component: CareSettingsPage,
        },
      ],
    },
  ],
};
