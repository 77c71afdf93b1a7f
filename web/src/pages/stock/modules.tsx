// The stock pages for the module registry (`@/app/modules`): the stock list, in the sales
// module.
import { ContainerOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const StockPage = lazy(() => import('./StockPage'));

export const stockArea: AreaModules = {
  pages: [
    {
      module: 'sales',
      pages: [
        {
          key: 'sales.stock',
          path: '/stock',
          titleKey: 'nav.stock',
          keywordsKey: 'search.keywords.stock',
          icon: <ContainerOutlined />,
          allowed: (me) => can(me, 'stock:read'),
          component: StockPage,
        },
      ],
    },
  ],
};
