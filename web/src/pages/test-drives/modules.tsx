// The test drives' pages for the module registry (`@/app/modules`): the bookings in the sales
// module, and the fleet of test-drive cars among the administrator's pages, after the sales
// settings.
import { CarOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const TestDrivesPage = lazy(() => import('./TestDrivesPage'));
const TestDriveCarsPage = lazy(() => import('./TestDriveCarsPage'));

export const testDrivesArea: AreaModules = {
  pages: [
    {
      module: 'sales',
      pages: [
        {
          key: 'sales.testDrives',
          path: '/test-drives',
          titleKey: 'nav.testDrives',
          keywordsKey: 'search.keywords.testDrives',
          icon: <CarOutlined />,
          allowed: (me) => can(me, 'test_drive:read'),
          component: TestDrivesPage,
        },
      ],
    },
    {
      module: 'admin',
      after: 'admin.sales',
      pages: [
        {
          key: 'admin.testDriveCars',
          path: '/admin/test-drive-cars',
          titleKey: 'nav.testDriveCars',
          keywordsKey: 'search.keywords.testDriveCars',
          icon: <ScheduleOutlined />,
          allowed: (me) => can(me, 'test_drive:fleet'),
          component: TestDriveCarsPage,
        },
      ],
    },
  ],
};
