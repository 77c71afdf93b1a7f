// The pipeline's page for the module registry (`@/app/modules`), in the sales module.
import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const PipelinePage = lazy(() => import('./PipelinePage'));

export const opportunitiesArea: AreaModules = {
  pages: [
    {
      module: 'sales',
      pages: [
        {
          key: 'sales.pipeline',
          path: '/opportunities',
          titleKey: 'nav.pipeline',
          keywordsKey: 'search.keywords.pipeline',
          icon: <FundProjectionScreenOutlined />,
          allowed: (me) => can(me, 'opportunity:read'),
          component: PipelinePage,
        },
      ],
    },
  ],
};
