// The service manager's pages for the module registry (`@/app/modules`): the service report
// (售后报表) and the warranty claims (索赔), in the after-sales module the service area opens
// (after its repair orders).
import { BarChartOutlined, FileProtectOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const ServiceReportPage = lazy(() => import('./ServiceReportPage'));
const WarrantyClaimsPage = lazy(() => import('./WarrantyClaimsPage'));

export const serviceReportArea: AreaModules = {
  pages: [
    {
      module: 'service',
      after: 'service.repairOrders',
      pages: [
        {
          key: 'service.report',
          path: '/service/report',
          titleKey: 'nav.serviceReport',
          keywordsKey: 'search.keywords.serviceReport',
          icon: <BarChartOutlined />,
          allowed: (me) => can(me, 'service:report'),
          component: ServiceReportPage,
        },
        {
          key: 'service.warrantyClaims',
          path: '/service/warranty-claims',
          titleKey: 'nav.warrantyClaims',
          keywordsKey: 'search.keywords.warrantyClaims',
          icon: <FileProtectOutlined />,
          allowed: (me) => can(me, 'service:report'),
          component: WarrantyClaimsPage,
        },
      ],
    },
  ],
};
