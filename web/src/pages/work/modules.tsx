// The work engine's pages for the module registry (`@/app/modules`): my work, the calendar and
// approvals as a module of their own, and the work settings appended to the admin module (the
// jobs, messages and templates pages live under `pages/admin/` and are listed by its module).
import {
  AlertOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AppModule, AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const MyWorkPage = lazy(() => import('./MyWorkPage'));
const CalendarPage = lazy(() => import('./CalendarPage'));
const ActivityPage = lazy(() => import('./ActivityPage'));
const ApprovalsPage = lazy(() => import('./ApprovalsPage'));
const ApprovalDetailPage = lazy(() => import('./ApprovalDetailPage'));
const WorkSettingsPage = lazy(() => import('./WorkSettingsPage'));

const workModule: AppModule = {
  key: 'work',
  titleKey: 'work.nav.module',
  icon: <ScheduleOutlined />,
  pages: [
    {
      key: 'work.myWork',
      path: '/my-work',
      titleKey: 'work.nav.myWork',
      keywordsKey: 'work.nav.keywords.myWork',
      icon: <CheckSquareOutlined />,
      allowed: (me) => can(me, 'activity:read') || can(me, 'approval:read'),
      component: MyWorkPage,
      routes: [{ path: '/activities/:id', component: ActivityPage }],
    },
    {
      key: 'work.calendar',
      path: '/calendar',
      titleKey: 'work.nav.calendar',
      keywordsKey: 'work.nav.keywords.calendar',
      icon: <CalendarOutlined />,
      allowed: (me) => can(me, 'activity:read'),
      component: CalendarPage,
    },
    {
      key: 'work.approvals',
      path: '/approvals',
      titleKey: 'work.nav.approvals',
      keywordsKey: 'work.nav.keywords.approvals',
      icon: <AlertOutlined />,
      allowed: (me) => can(me, 'approval:read'),
      component: ApprovalsPage,
      routes: [{ path: '/approvals/:id', component: ApprovalDetailPage }],
    },
  ],
};

export const workArea: AreaModules = {
  modules: [workModule],
  pages: [
    {
      module: 'admin',
      pages: [
        {
          key: 'admin.workSettings',
          path: '/admin/work-settings',
          titleKey: 'work.nav.settings',
          keywordsKey: 'work.nav.keywords.settings',
          icon: <AlertOutlined />,
          allowed: (me) => can(me, 'dealer:read'),
          component: WorkSettingsPage,
        },
      ],
    },
  ],
};
