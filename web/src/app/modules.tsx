// The module registry: every module of the app, its pages, and who may see them. The sidebar,
// the router and the global search are all built from this list, so a module that is not
// registered (not built yet) or a page the user may not open is simply absent.
import {
  ApartmentOutlined,
  AuditOutlined,
  CarOutlined,
  ContactsOutlined,
  DatabaseOutlined,
  BarChartOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  ScheduleOutlined,
  RiseOutlined,
  SolutionOutlined,
  TableOutlined,
  HomeOutlined,
  ImportOutlined,
  OrderedListOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SlidersOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Me } from '@/api/types';
import { can } from '@/lib/permissions';
import { workAdminPages, workModule } from '@/pages/work/modules';

type Page = LazyExoticComponent<ComponentType>;

export interface AppRoute {
  /** The route, relative to the root: `admin/users/:id`. */
  path: string;
  component: Page;
  allowed?: (me: Me) => boolean;
}

export interface AppPage {
  /** Unique, dotted: `admin.users`. Also the menu key. */
  key: string;
  path: string;
  /** i18n key of the menu label and page title. */
  titleKey: string;
  /** i18n key of extra words the global search matches (synonyms, English names). */
  keywordsKey?: string;
  icon: ReactNode;
  allowed: (me: Me) => boolean;
  component: Page;
  /** Sub-pages reached from this one (detail, new), not in the menu. */
  routes?: AppRoute[];
}

export interface AppModule {
  key: string;
  titleKey: string;
  icon: ReactNode;
  pages: AppPage[];
}

const always = () => true;

const WorkbenchPage = lazy(() => import('@/pages/workbench/WorkbenchPage'));
const UsersPage = lazy(() => import('@/pages/admin/users/UsersPage'));
const UserCreatePage = lazy(() => import('@/pages/admin/users/UserCreatePage'));
const UserDetailPage = lazy(() => import('@/pages/admin/users/UserDetailPage'));
const RolesPage = lazy(() => import('@/pages/admin/roles/RolesPage'));
const RoleEditPage = lazy(() => import('@/pages/admin/roles/RoleEditPage'));
const OrgPage = lazy(() => import('@/pages/admin/org/OrgPage'));
const DealerSettingsPage = lazy(() => import('@/pages/admin/dealer/DealerSettingsPage'));
const ApiTokensPage = lazy(() => import('@/pages/admin/api-tokens/ApiTokensPage'));
const AuditLogPage = lazy(() => import('@/pages/admin/audit/AuditLogPage'));
const CustomersPage = lazy(() => import('@/pages/customers/CustomersPage'));
const CustomerCreatePage = lazy(() => import('@/pages/customers/CustomerCreatePage'));
const CustomerDetailPage = lazy(() => import('@/pages/customers/CustomerDetailPage'));
const CustomerEditPage = lazy(() => import('@/pages/customers/CustomerEditPage'));
const MergePage = lazy(() => import('@/pages/customers/MergePage'));
const ImportPage = lazy(() => import('@/pages/customers/imports/ImportPage'));
const VehiclesPage = lazy(() => import('@/pages/vehicles/VehiclesPage'));
const VehicleDetailPage = lazy(() => import('@/pages/vehicles/VehicleDetailPage'));
const CatalogPage = lazy(() => import('@/pages/admin/catalog/CatalogPage'));
const LookupsPage = lazy(() => import('@/pages/admin/lookups/LookupsPage'));
const ReceptionPage = lazy(() => import('@/pages/reception/ReceptionPage'));
const ReceptionBulkPage = lazy(() => import('@/pages/reception/ReceptionBulkPage'));
const LeadsPage = lazy(() => import('@/pages/leads/LeadsPage'));
const LeadDetailPage = lazy(() => import('@/pages/leads/LeadDetailPage'));
const PipelinePage = lazy(() => import('@/pages/opportunities/PipelinePage'));
const TestDrivesPage = lazy(() => import('@/pages/test-drives/TestDrivesPage'));
const TestDriveCarsPage = lazy(() => import('@/pages/test-drives/TestDriveCarsPage'));
const SalesReportPage = lazy(() => import('@/pages/sales-report/SalesReportPage'));
const SalesSettingsPage = lazy(() => import('@/pages/admin/sales/SalesSettingsPage'));

export const MODULES: AppModule[] = [
  {
    key: 'workbench',
    titleKey: 'nav.workbench',
    icon: <HomeOutlined />,
    pages: [
      {
        key: 'workbench',
        path: '/',
        titleKey: 'nav.workbench',
        keywordsKey: 'search.keywords.workbench',
        icon: <HomeOutlined />,
        allowed: always,
        component: WorkbenchPage,
      },
    ],
  },
  workModule,
  {
    key: 'customers',
    titleKey: 'nav.customersModule',
    icon: <ContactsOutlined />,
    pages: [
      {
        key: 'customers.list',
        path: '/customers',
        titleKey: 'nav.customers',
        keywordsKey: 'search.keywords.customers',
        icon: <ContactsOutlined />,
        allowed: (me) => can(me, 'customer:read'),
        component: CustomersPage,
        routes: [
          {
            path: '/customers/new',
            component: CustomerCreatePage,
            allowed: (me) => can(me, 'customer:create'),
          },
          {
            path: '/customers/merge',
            component: MergePage,
            allowed: (me) => can(me, 'customer:merge'),
          },
          { path: '/customers/:id', component: CustomerDetailPage },
          {
            path: '/customers/:id/edit',
            component: CustomerEditPage,
            allowed: (me) => can(me, 'customer:update'),
          },
        ],
      },
      {
        key: 'customers.import',
        path: '/customers/import',
        titleKey: 'nav.customerImport',
        keywordsKey: 'search.keywords.customerImport',
        icon: <ImportOutlined />,
        allowed: (me) => can(me, 'customer:import'),
        component: ImportPage,
      },
    ],
  },
  {
    key: 'sales',
    titleKey: 'nav.salesModule',
    icon: <RiseOutlined />,
    pages: [
      {
        key: 'sales.reception',
        path: '/reception/new',
        titleKey: 'nav.reception',
        keywordsKey: 'search.keywords.reception',
        icon: <FormOutlined />,
        allowed: (me) => can(me, 'lead:create') && can(me, 'customer:create'),
        component: ReceptionPage,
      },
      {
        key: 'sales.receptionBulk',
        path: '/reception/bulk',
        titleKey: 'nav.receptionBulk',
        keywordsKey: 'search.keywords.receptionBulk',
        icon: <TableOutlined />,
        allowed: (me) =>
          can(me, 'lead:create') && can(me, 'customer:create') && can(me, 'lead:assign'),
        component: ReceptionBulkPage,
      },
      {
        key: 'sales.leads',
        path: '/leads',
        titleKey: 'nav.leads',
        keywordsKey: 'search.keywords.leads',
        icon: <SolutionOutlined />,
        allowed: (me) => can(me, 'lead:read'),
        component: LeadsPage,
        routes: [{ path: '/leads/:id', component: LeadDetailPage }],
      },
      {
        key: 'sales.pipeline',
        path: '/opportunities',
        titleKey: 'nav.pipeline',
        keywordsKey: 'search.keywords.pipeline',
        icon: <FundProjectionScreenOutlined />,
        allowed: (me) => can(me, 'opportunity:read'),
        component: PipelinePage,
      },
      {
        key: 'sales.testDrives',
        path: '/test-drives',
        titleKey: 'nav.testDrives',
        keywordsKey: 'search.keywords.testDrives',
        icon: <CarOutlined />,
        allowed: (me) => can(me, 'test_drive:read'),
        component: TestDrivesPage,
      },
      {
        key: 'sales.report',
        path: '/sales/report',
        titleKey: 'nav.salesReport',
        keywordsKey: 'search.keywords.salesReport',
        icon: <BarChartOutlined />,
        allowed: (me) => can(me, 'sales_report:read'),
        component: SalesReportPage,
      },
    ],
  },
  {
    key: 'vehicles',
    titleKey: 'nav.vehicles',
    icon: <CarOutlined />,
    pages: [
      {
        key: 'vehicles',
        path: '/vehicles',
        titleKey: 'nav.vehicles',
        keywordsKey: 'search.keywords.vehicles',
        icon: <CarOutlined />,
        allowed: (me) => can(me, 'vehicle:read'),
        component: VehiclesPage,
        routes: [{ path: '/vehicles/:id', component: VehicleDetailPage }],
      },
    ],
  },
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
        key: 'admin.testDriveCars',
        path: '/admin/test-drive-cars',
        titleKey: 'nav.testDriveCars',
        keywordsKey: 'search.keywords.testDriveCars',
        icon: <ScheduleOutlined />,
        allowed: (me) => can(me, 'test_drive:fleet'),
        component: TestDriveCarsPage,
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
      ...workAdminPages,
    ],
  },
];

/** The modules with the pages this user may open; modules left without pages are dropped. */
export function visibleModules(me: Me): AppModule[] {
  return MODULES.map((module) => ({
    ...module,
    pages: module.pages.filter((page) => page.allowed(me)),
  })).filter((module) => module.pages.length > 0);
}

/** The page a path belongs to (for the selected menu item and the document title). */
export function pageForPath(pathname: string): AppPage | undefined {
  let best: AppPage | undefined;
  for (const module of MODULES) {
    for (const page of module.pages) {
      const matches =
        page.path === '/'
          ? pathname === '/'
          : pathname === page.path || pathname.startsWith(`${page.path}/`);
      if (matches && (!best || page.path.length > best.path.length)) best = page;
    }
  }
  return best;
}
