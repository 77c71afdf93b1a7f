// The service desk's pages for the module registry (`@/app/modules`): it opens the after-sales
// module (`service`), with the cars due for service, the appointments and the workshop's
// settings. Other areas (repair orders, renewals) add their pages to the same module.
import { CalendarOutlined, SettingOutlined, ToolOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const DueListPage = lazy(() => import('./DueListPage'));
const AppointmentsPage = lazy(() => import('./AppointmentsPage'));
const ServiceSettingsPage = lazy(() => import('./ServiceSettingsPage'));

export const serviceArea: AreaModules = {
  modules: [
    {
      key: 'service',
      titleKey: 'nav.serviceModule',
      icon: <ToolOutlined />,
      pages: [
        {
          key: 'service.due',
          path: '/service/due',
          titleKey: 'nav.serviceDue',
          keywordsKey: 'search.keywords.serviceDue',
          icon: <ToolOutlined />,
          allowed: (me) => can(me, 'service:read'),
          component: DueListPage,
        },
        {
          key: 'service.appointments',
          path: '/service/appointments',
          titleKey: 'nav.serviceAppointments',
          keywordsKey: 'search.keywords.serviceAppointments',
          icon: <CalendarOutlined />,
          allowed: (me) => can(me, 'service:read'),
          component: AppointmentsPage,
        },
        {
          key: 'service.settings',
          path: '/service/settings',
          titleKey: 'nav.serviceSettings',
          keywordsKey: 'search.keywords.serviceSettings',
          icon: <SettingOutlined />,
          allowed: (me) => can(me, 'service:configure'),
          component: ServiceSettingsPage,
        },
      ],
    },
  ],
};
