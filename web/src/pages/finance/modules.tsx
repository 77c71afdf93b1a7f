// The finance pages for the module registry (`@/app/modules`): receivables ageing and the
// period export, in the sales module.
import { AccountBookOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const FinancePage = lazy(() => import('./FinancePage'));

export const financeArea: AreaModules = {
  pages: [
    {
      module: 'sales',
      pages: [
        {
          key: 'sales.finance',
          path: '/finance',
          titleKey: 'nav.finance',
          keywordsKey: 'search.keywords.finance',
          icon: <AccountBookOutlined />,
          allowed: (me) => can(me, 'finance:export'),
          component: FinancePage,
        },
      ],
    },
  ],
};
