// The workbench's page for the module registry (`@/app/modules`): the home page, a module of its own.
import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';

const WorkbenchPage = lazy(() => import('./WorkbenchPage'));

export const workbenchArea: AreaModules = {
  modules: [
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
          allowed: () => true,
          component: WorkbenchPage,
        },
      ],
    },
  ],
};
