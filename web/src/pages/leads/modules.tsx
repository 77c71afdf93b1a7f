// The leads' pages for the module registry (`@/app/modules`): the list and a lead's detail, in
// the sales module.
import { SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const LeadsPage = lazy(() => import('./LeadsPage'));
const LeadDetailPage = lazy(() => import('./LeadDetailPage'));

export const leadsArea: AreaModules = {
  pages: [
    {
      module: 'sales',
      pages: [
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
      ],
    },
  ],
};
