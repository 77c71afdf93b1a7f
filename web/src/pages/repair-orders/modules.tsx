// The workshop's pages for the module registry (`@/app/modules`): repair orders (工单) and the
// parts price list, in the after-sales module the service area opens (after its appointments).
import { ToolOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const RepairOrdersPage = lazy(() => import('./RepairOrdersPage'));
const RepairOrderPage = lazy(() => import('./RepairOrderPage'));
const PartsPricesPage = lazy(() => import('./PartsPricesPage'));

export const repairOrdersArea: AreaModules = {
  pages: [
    {
      module: 'service',
      after: 'service.appointments',
      pages: [
        {
          key: 'service.repairOrders',
          path: '/repair-orders',
          titleKey: 'nav.repairOrders',
          keywordsKey: 'search.keywords.repairOrders',
          icon: <ToolOutlined />,
          allowed: (me) => can(me, 'service:read'),
          component: RepairOrdersPage,
          routes: [{ path: '/repair-orders/:id', component: RepairOrderPage }],
        },
        {
          key: 'service.partsPrices',
          path: '/parts-prices',
          titleKey: 'nav.partsPrices',
          keywordsKey: 'search.keywords.partsPrices',
          icon: <UnorderedListOutlined />,
          allowed: (me) => can(me, 'service:read') || can(me, 'service:configure'),
          component: PartsPricesPage,
        },
      ],
    },
  ],
};
