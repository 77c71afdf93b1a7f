// The orders' pages for the module registry (`@/app/modules`): the list and an order's detail
// in the sales module.
import { FileDoneOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const OrdersPage = lazy(() => import('./OrdersPage'));
const OrderDetailPage = lazy(() => import('./OrderDetailPage'));

export const ordersArea: AreaModules = {
  pages: [
    {
      module: 'sales',
      pages: [
        {
          key: 'sales.orders',
          path: '/orders',
          titleKey: 'nav.orders',
          keywordsKey: 'search.keywords.orders',
          icon: <FileDoneOutlined />,
          allowed: (me) => can(me, 'order:read'),
          component: OrdersPage,
          routes: [{ path: '/orders/:id', component: OrderDetailPage }],
        },
      ],
    },
  ],
};
