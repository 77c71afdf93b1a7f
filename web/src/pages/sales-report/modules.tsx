// The sales report's page for the module registry (`@/app/modules`), in the sales module.
import { BarChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const SalesReportPage = lazy(() => import('./SalesReportPage'));

export const salesReportArea: AreaModules = {
  pages: [
    {
      module: 'sales',
      pages: [
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
  ],
};
