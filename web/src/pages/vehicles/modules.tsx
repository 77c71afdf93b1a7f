// The vehicles' pages for the module registry (`@/app/modules`): the list and a vehicle's detail,
// a module of their own.
import { CarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const VehiclesPage = lazy(() => import('./VehiclesPage'));
const VehicleDetailPage = lazy(() => import('./VehicleDetailPage'));

export const vehiclesArea: AreaModules = {
  modules: [
    {
      key: 'vehicles',
      titleKey: 'nav.vehicles',
      icon: <CarOutlined />,
      pages: [
        {
          key: 'vehicles',
          path: '/vehicles',
          titleKey: 'nav.vehicles',
          keywordsKey: 'search.keywords.vehicles',
          icon: <CarOutlined />,
          allowed: (me) => can(me, 'vehicle:read'),
          component: VehiclesPage,
          routes: [{ path: '/vehicles/:id', component: VehicleDetailPage }],
        },
      ],
    },
  ],
};
