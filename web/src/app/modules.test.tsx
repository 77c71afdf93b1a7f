import {
  isValidElement,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';
import { describe, expect, it } from 'vitest';
import type { Grant, Me, Permission } from '@/api/types';
import { assembleModules, MODULES, pageForPath, visibleModules, type AppPage } from './modules';

// Every permission a page or route of the registry asks for.
const PERMISSIONS = [
  'activity:read',
  'api_token:create',
  'api_token:read',
  'approval:read',
  'audit:read',
  'catalog:read',
  'customer:create',
  'customer:import',
  'customer:merge',
  'customer:read',
  'customer:update',
  'dealer:read',
  'department:read',
  'job:manage',
  'lead:assign',
  'lead:create',
  'lead:read',
  'message:read',
  'message_template:manage',
  'opportunity:read',
  'quote:read',
  'quote:write',
  'renewal:read',
  'role:manage',
  'role:read',
  'sales:configure',
  'sales_report:read',
  'team:read',
  'test_drive:fleet',
  'test_drive:read',
  'user:create',
  'user:read',
  'vehicle:read',
  'stock:read',
  'order:read',
  'finance:export',
  'service:read',
  'service:configure',
  'service:report',
  'complaint:read',
] as Permission[];

function meWith(permissions: readonly Permission[]): Me {
  const grants: Grant[] = permissions.map((permission) => ({ permission, scope: 'dealer' }));
  // A test fixture: only the grants matter to the registry.
  return { permissions: grants } as unknown as Me;
}

/** Which permissions a check needs (taking one away denies) and which alone suffice. */
function gate(allowed?: (me: Me) => boolean): string {
  if (!allowed) return 'open';
  if (allowed(meWith([]))) return 'always';
  const needs = PERMISSIONS.filter((p) => !allowed(meWith(PERMISSIONS.filter((q) => q !== p))));
  const alone = PERMISSIONS.filter((p) => allowed(meWith([p])));
  return `needs[${needs.join(',')}] alone[${alone.join(',')}]`;
}

function iconName(icon: ReactNode): string {
  if (!isValidElement(icon)) return '?';
  const type = icon.type as { displayName?: string; name?: string };
  return type.displayName ?? type.name ?? '?';
}

/** The module a lazy page loads, by its default export's name (React's lazy internals). */
async function componentName(component: LazyExoticComponent<ComponentType>): Promise<string> {
  // React types no internals; an unloaded lazy component keeps its loader in `_payload._result`.
  const payload = (
    component as unknown as { _payload: { _result: () => Promise<{ default: { name: string } }> } }
  )._payload;
  const loaded = await payload._result();
  return loaded.default.name;
}

async function describeRegistry(): Promise<string[]> {
  const lines: string[] = [];
  for (const module of MODULES) {
    lines.push(`module ${module.key} ${module.titleKey} ${iconName(module.icon)}`);
    for (const page of module.pages) {
      lines.push(
        `  page ${page.key} ${page.path} ${page.titleKey} ${page.keywordsKey ?? '-'} ${iconName(page.icon)} ${await componentName(page.component)} ${gate(page.allowed)}`,
      );
      for (const route of page.routes ?? []) {
        lines.push(
          `    route ${route.path} ${await componentName(route.component)} ${gate(route.allowed)}`,
        );
      }
    }
  }
  return lines;
}

// The registry as it was when each area moved its pages into its own `modules.tsx`.
const TODAY = [
  'module workbench nav.workbench HomeOutlined',
  '  page workbench / nav.workbench search.keywords.workbench HomeOutlined WorkbenchPage always',
  'module work work.nav.module ScheduleOutlined',
  '  page work.myWork /my-work work.nav.myWork work.nav.keywords.myWork CheckSquareOutlined MyWorkPage needs[] alone[activity:read,approval:read]',
  '    route /activities/:id ActivityPage open',
  '  page work.calendar /calendar work.nav.calendar work.nav.keywords.calendar CalendarOutlined CalendarPage needs[activity:read] alone[activity:read]',
  '  page work.approvals /approvals work.nav.approvals work.nav.keywords.approvals AlertOutlined ApprovalsPage needs[approval:read] alone[approval:read]',
  '    route /approvals/:id ApprovalDetailPage open',
  'module customers nav.customersModule ContactsOutlined',
  '  page customers.list /customers nav.customers search.keywords.customers ContactsOutlined CustomersPage needs[customer:read] alone[customer:read]',
  '    route /customers/new CustomerCreatePage needs[customer:create] alone[customer:create]',
  '    route /customers/merge MergePage needs[customer:merge] alone[customer:merge]',
  '    route /customers/:id CustomerDetailPage open',
  '    route /customers/:id/edit CustomerEditPage needs[customer:update] alone[customer:update]',
  '  page customers.import /customers/import nav.customerImport search.keywords.customerImport ImportOutlined ImportPage needs[customer:import] alone[customer:import]',
  'module sales nav.salesModule RiseOutlined',
  '  page sales.reception /reception/new nav.reception search.keywords.reception FormOutlined ReceptionPage needs[customer:create,lead:create] alone[]',
  '  page sales.receptionBulk /reception/bulk nav.receptionBulk search.keywords.receptionBulk TableOutlined ReceptionBulkPage needs[customer:create,lead:assign,lead:create] alone[]',
  '  page sales.leads /leads nav.leads search.keywords.leads SolutionOutlined LeadsPage needs[lead:read] alone[lead:read]',
  '    route /leads/:id LeadDetailPage open',
  '  page sales.pipeline /opportunities nav.pipeline search.keywords.pipeline FundProjectionScreenOutlined PipelinePage needs[opportunity:read] alone[opportunity:read]',
  '  page sales.quotes /quotes nav.quotes search.keywords.quotes CalculatorOutlined MyQuotesPage needs[quote:read] alone[quote:read]',
  '    route /quotes/new QuoteBuilderPage needs[quote:write] alone[quote:write]',
  '    route /quotes/:id QuoteDetailPage open',
  '    route /quotes/:id/print QuotePrintPage open',
  '  page sales.testDrives /test-drives nav.testDrives search.keywords.testDrives CarOutlined TestDrivesPage needs[test_drive:read] alone[test_drive:read]',
  '  page sales.orders /orders nav.orders search.keywords.orders FileDoneOutlined OrdersPage needs[order:read] alone[order:read]',
  '    route /orders/:id OrderDetailPage open',
  '  page sales.finance /finance nav.finance search.keywords.finance AccountBookOutlined FinancePage needs[finance:export] alone[finance:export]',
  '  page sales.report /sales/report nav.salesReport search.keywords.salesReport BarChartOutlined SalesReportPage needs[sales_report:read] alone[sales_report:read]',
  '  page sales.stock /stock nav.stock search.keywords.stock ContainerOutlined StockPage needs[stock:read] alone[stock:read]',
  'module vehicles nav.vehicles CarOutlined',
  '  page vehicles /vehicles nav.vehicles search.keywords.vehicles CarOutlined VehiclesPage needs[vehicle:read] alone[vehicle:read]',
  '    route /vehicles/:id VehicleDetailPage open',
  'module service nav.serviceModule ToolOutlined',
  '  page service.due /service/due nav.serviceDue search.keywords.serviceDue ToolOutlined DueListPage needs[service:read] alone[service:read]',
  '  page service.appointments /service/appointments nav.serviceAppointments search.keywords.serviceAppointments CalendarOutlined AppointmentsPage needs[service:read] alone[service:read]',
  '  page service.repairOrders /repair-orders nav.repairOrders search.keywords.repairOrders ToolOutlined RepairOrdersPage needs[service:read] alone[service:read]',
  '    route /repair-orders/:id RepairOrderPage open',
  '  page service.report /service/report nav.serviceReport search.keywords.serviceReport BarChartOutlined ServiceReportPage needs[service:report] alone[service:report]',
  '  page service.warrantyClaims /service/warranty-claims nav.warrantyClaims search.keywords.warrantyClaims FileProtectOutlined WarrantyClaimsPage needs[service:report] alone[service:report]',
  '  page service.partsPrices /parts-prices nav.partsPrices search.keywords.partsPrices UnorderedListOutlined PartsPricesPage needs[] alone[service:read,service:configure]',
  '  page service.settings /service/settings nav.serviceSettings search.keywords.serviceSettings SettingOutlined ServiceSettingsPage needs[service:configure] alone[service:configure]',
  'module renewals renewals.nav.module SafetyCertificateOutlined',
  '  page renewals.list /renewals renewals.nav.list renewals.keywords PhoneOutlined CallListPage needs[renewal:read] alone[renewal:read]',
  '    route /renewals/:id RenewalPage open',
  '  page renewals.rate /renewal-rate renewals.nav.rate renewals.keywords LineChartOutlined RatePage needs[renewal:read] alone[renewal:read]',
  'module care complaints.nav.module CustomerServiceOutlined',
  '  page care.complaints /complaints complaints.nav.desk complaints.keywords ExclamationCircleOutlined ComplaintsPage needs[complaint:read] alone[complaint:read]',
  '    route /complaints/:id ComplaintPage open',
  '  page care.board /complaints/board complaints.nav.board complaints.keywords DashboardOutlined SlaBoardPage needs[complaint:read] alone[complaint:read]',
  '  page care.settings /complaints/settings complaints.nav.settings complaints.keywords SettingOutlined CareSettingsPage needs[complaint:read] alone[complaint:read]',
  'module admin nav.admin SettingOutlined',
  '  page admin.users /admin/users nav.users search.keywords.users TeamOutlined UsersPage needs[user:read] alone[user:read]',
  '    route /admin/users/new UserCreatePage needs[user:create] alone[user:create]',
  '    route /admin/users/:id UserDetailPage open',
  '  page admin.roles /admin/roles nav.roles search.keywords.roles SafetyCertificateOutlined RolesPage needs[role:read] alone[role:read]',
  '    route /admin/roles/new RoleEditPage needs[role:manage] alone[role:manage]',
  '    route /admin/roles/:key RoleEditPage open',
  '  page admin.org /admin/org nav.org search.keywords.org ApartmentOutlined OrgPage needs[] alone[department:read,team:read]',
  '  page admin.dealer /admin/dealer nav.dealer search.keywords.dealer ShopOutlined DealerSettingsPage needs[dealer:read] alone[dealer:read]',
  '  page admin.catalog /admin/catalog nav.catalog search.keywords.catalog DatabaseOutlined CatalogPage needs[catalog:read] alone[catalog:read]',
  '  page admin.sales /admin/sales nav.salesSettings search.keywords.salesSettings SlidersOutlined SalesSettingsPage needs[sales:configure] alone[sales:configure]',
  '  page admin.testDriveCars /admin/test-drive-cars nav.testDriveCars search.keywords.testDriveCars ScheduleOutlined TestDriveCarsPage needs[test_drive:fleet] alone[test_drive:fleet]',
  '  page admin.lookups /admin/lookups nav.lookups search.keywords.lookups OrderedListOutlined LookupsPage needs[dealer:read] alone[dealer:read]',
  '  page admin.apiTokens /admin/api-tokens nav.apiTokens search.keywords.apiTokens KeyOutlined ApiTokensPage needs[] alone[api_token:create,api_token:read]',
  '  page admin.audit /admin/audit nav.audit search.keywords.audit AuditOutlined AuditLogPage needs[audit:read] alone[audit:read]',
  '  page admin.jobs /admin/jobs work.nav.jobs work.nav.keywords.jobs ClusterOutlined JobsPage needs[job:manage] alone[job:manage]',
  '  page admin.messages /admin/messages work.nav.messages work.nav.keywords.messages MailOutlined MessagesPage needs[message:read] alone[message:read]',
  '  page admin.messageTemplates /admin/message-templates work.nav.templates work.nav.keywords.templates FileTextOutlined MessageTemplatesPage needs[message_template:manage] alone[message_template:manage]',
  '  page admin.workSettings /admin/work-settings work.nav.settings work.nav.keywords.settings AlertOutlined WorkSettingsPage needs[dealer:read] alone[dealer:read]',
];

describe('module registry', () => {
  it('lists the same modules, pages, icons, permissions, paths and routes as before the areas plugged themselves in', async () => {
    expect(await describeRegistry()).toEqual(TODAY);
  }, 60000);

  it('finds the page of a path and drops modules left without pages', () => {
    expect(pageForPath('/')?.key).toBe('workbench');
    expect(pageForPath('/customers/import')?.key).toBe('customers.import');
    expect(pageForPath('/customers/42/edit')?.key).toBe('customers.list');
    expect(pageForPath('/admin/test-drive-cars')?.key).toBe('admin.testDriveCars');
    expect(pageForPath('/nowhere')).toBeUndefined();
    const visible = visibleModules(meWith(['lead:read', 'test_drive:fleet']));
    expect(visible.map((m) => [m.key, m.pages.map((p) => p.key)])).toEqual([
      ['workbench', ['workbench']],
      ['sales', ['sales.leads']],
      ['admin', ['admin.testDriveCars']],
    ]);
  });

  it('adds the pages of other areas at the end or after the page they name', () => {
    const page = (key: string) => ({ key }) as AppPage;
    const modules = assembleModules([
      { pages: [{ module: 'm', pages: [page('m.last')] }] },
      { modules: [{ key: 'm', titleKey: 't', icon: null, pages: [page('m.a'), page('m.b')] }] },
      { pages: [{ module: 'm', after: 'm.a', pages: [page('m.between')] }] },
    ]);
    expect(modules[0]?.pages.map((p) => p.key)).toEqual(['m.a', 'm.between', 'm.b', 'm.last']);
    expect(() => assembleModules([{ pages: [{ module: 'x', pages: [] }] }])).toThrow();
  });
});
