// The reception's pages for the module registry (`@/app/modules`). A sale starts at the front
// desk, so the reception opens the sales module; leads, the pipeline, test drives and the sales
// report add their pages to it.
import { FormOutlined, RiseOutlined, TableOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const ReceptionPage = lazy(() => import('./ReceptionPage'));
const ReceptionBulkPage = lazy(() => import('./ReceptionBulkPage'));

export const receptionArea: AreaModules = {
  modules: [
    {
      key: 'sales',
      titleKey: 'nav.salesModule',
      icon: <RiseOutlined />,
      pages: [
        {
          key: 'sales.reception',
          path: '/reception/new',
          titleKey: 'nav.reception',
          keywordsKey: 'search.keywords.reception',
          icon: <FormOutlined />,
          allowed: (me) => can(me, 'lead:create') && can(me, 'customer:create'),
          component: ReceptionPage,
        },
        {
          key: 'sales.receptionBulk',
          path: '/reception/bulk',
          titleKey: 'nav.receptionBulk',
          keywordsKey: 'search.keywords.receptionBulk',
          icon: <TableOutlined />,
          allowed: (me) =>
            can(me, 'lead:create') && can(me, 'customer:create') && can(me, 'lead:assign'),
          component: ReceptionBulkPage,
        },
      ],
    },
  ],
};
