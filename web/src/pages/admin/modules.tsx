// The administrator's pages for the module registry (`@/app/modules`): each folder under
// `pages/admin/` is an area of its own, and this file gathers their pages into the admin module.
// Other areas add theirs (the test-drive fleet, the work settings) from their own `modules.tsx`.
import {
  ApartmentOutlined,
  AuditOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  KeyOutlined,
  MailOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  SlidersOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const UsersPage = lazy(() => import('./users/UsersPage'));
const UserCreatePage = lazy(() => import('./users/UserCreatePage'));
const UserDetailPage = lazy(() => import('./users/UserDetailPage'));
const RolesPage = lazy(() => import('./roles/RolesPage'));
const RoleEditPage = lazy(() => import('./roles/RoleEditPage'));
const OrgPage = lazy(() => import('./org/OrgPage'));
const DealerSettingsPage = lazy(() => import('./dealer/DealerSettingsPage'));
const CatalogPage = lazy(() => import('./catalog/CatalogPage'));
const SalesSettingsPage = lazy(() => import('./sales/SalesSettingsPage'));
const LookupsPage = lazy(() => import('./lookups/LookupsPage'));
const ApiTokensPage = lazy(() => import('./api-tokens/ApiTokensPage'));
const AuditLogPage = lazy(() => import('./audit/AuditLogPage'));
const JobsPage = lazy(() => import('./jobs/JobsPage'));
const MessagesPage = lazy(() => import('./messages/MessagesPage'));
const MessageTemplatesPage = lazy(() => import('./messages/MessageTemplatesPage'));

export const adminArea: AreaModules = {
  modules: [
    {
      key: 'admin',
      titleKey: 'nav.admin',
      icon: <SettingOutlined />,
      pages: [
        {
          key: 'admin.users',
          path: '/admin/users',
          titleKey: 'nav.users',
          keywordsKey: 'search.keywords.users',
          icon: <TeamOutlined />,
          allowed: (me) => can(me, 'user:read'),
          component: UsersPage,
          routes: [
            {
              path: '/admin/users/new',
              component: UserCreatePage,
              allowed: (me) => can(me, 'user:create'),
            },
            { path: '/admin/users/:id', component: UserDetailPage },
          ],
        },
        {
          key: 'admin.roles',
          path: '/admin/roles',
          titleKey: 'nav.roles',
          keywordsKey: 'search.keywords.roles',
          icon: <SafetyCertificateOutlined />,
          allowed: (me) => can(me, 'role:read'),
          component: RolesPage,
          routes: [
            {
              path: '/admin/roles/new',
              component: RoleEditPage,
              allowed: (me) => can(me, 'role:manage'),
            },
            { path: '/admin/roles/:key', component: RoleEditPage },
          ],
        },
        {
          key: 'admin.org',
          path: '/admin/org',
          titleKey: 'nav.org',
          keywordsKey: 'search.keywords.org',
          icon: <ApartmentOutlined />,
          allowed: (me) => can(me, 'team:read') || can(me, 'department:read'),
          component: OrgPage,
        },
        {
          key: 'admin.dealer',
          path: '/admin/dealer',
          titleKey: 'nav.dealer',
          keywordsKey: 'search.keywords.dealer',
          icon: <ShopOutlined />,
          allowed: (me) => can(me, 'dealer:read'),
          component: DealerSettingsPage,
        },
        {
          key: 'admin.catalog',
          path: '/admin/catalog',
          titleKey: 'nav.catalog',
          keywordsKey: 'search.keywords.catalog',
          icon: <DatabaseOutlined />,
          allowed: (me) => can(me, 'catalog:read'),
          component: CatalogPage,
        },
        {
          key: 'admin.sales',
          path: '/admin/sales',
          titleKey: 'nav.salesSettings',
          keywordsKey: 'search.keywords.salesSettings',
          icon: <SlidersOutlined />,
          allowed: (me) => can(me, 'sales:configure'),
          component: SalesSettingsPage,
        },
        {
          key: 'admin.lookups',
          path: '/admin/lookups',
          titleKey: 'nav.lookups',
          keywordsKey: 'search.keywords.lookups',
          icon: <OrderedListOutlined />,
          allowed: (me) => can(me, 'dealer:read'),
          component: LookupsPage,
        },
        {
          key: 'admin.apiTokens',
          path: '/admin/api-tokens',
          titleKey: 'nav.apiTokens',
          keywordsKey: 'search.keywords.apiTokens',
          icon: <KeyOutlined />,
          allowed: (me) => can(me, 'api_token:read') || can(me, 'api_token:create'),
          component: ApiTokensPage,
        },
        {
          key: 'admin.audit',
          path: '/admin/audit',
          titleKey: 'nav.audit',
          keywordsKey: 'search.keywords.audit',
          icon: <AuditOutlined />,
          allowed: (me) => can(me, 'audit:read'),
          component: AuditLogPage,
        },
        {
          key: 'admin.jobs',
          path: '/admin/jobs',
          titleKey: 'work.nav.jobs',
          keywordsKey: 'work.nav.keywords.jobs',
          icon: <ClusterOutlined />,
          allowed: (me) => can(me, 'job:manage'),
          component: JobsPage,
        },
        {
          key: 'admin.messages',
          path: '/admin/messages',
          titleKey: 'work.nav.messages',
          keywordsKey: 'work.nav.keywords.messages',
          icon: <MailOutlined />,
          allowed: (me) => can(me, 'message:read'),
          component: MessagesPage,
        },
        {
          key: 'admin.messageTemplates',
          path: '/admin/message-templates',
          titleKey: 'work.nav.templates',
          keywordsKey: 'work.nav.keywords.templates',
          icon: <FileTextOutlined />,
          allowed: (me) => can(me, 'message_template:manage'),
          component: MessageTemplatesPage,
        },
      ],
    },
  ],
};
