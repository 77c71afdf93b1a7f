// The customers' pages for the module registry (`@/app/modules`): the list with its detail, new,
// edit and merge pages, and the import, as a module of their own.
import { ContactsOutlined, ImportOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const CustomersPage = lazy(() => import('./CustomersPage'));
const CustomerCreatePage = lazy(() => import('./CustomerCreatePage'));
const CustomerDetailPage = lazy(() => import('./CustomerDetailPage'));
const CustomerEditPage = lazy(() => import('./CustomerEditPage'));
const MergePage = lazy(() => import('./MergePage'));
const ImportPage = lazy(() => import('./imports/ImportPage'));

export const customersArea: AreaModules = {
  modules: [
    {
      key: 'customers',
      titleKey: 'nav.customersModule',
      icon: <ContactsOutlined />,
      pages: [
        {
          key: 'customers.list',
          path: '/customers',
          titleKey: 'nav.customers',
          keywordsKey: 'search.keywords.customers',
          icon: <ContactsOutlined />,
          allowed: (me) => can(me, 'customer:read'),
          component: CustomersPage,
          routes: [
            {
              path: '/customers/new',
              component: CustomerCreatePage,
              allowed: (me) => can(me, 'customer:create'),
            },
            {
              path: '/customers/merge',
              component: MergePage,
              allowed: (me) => can(me, 'customer:merge'),
            },
            { path: '/customers/:id', component: CustomerDetailPage },
            {
              path: '/customers/:id/edit',
              component: CustomerEditPage,
              allowed: (me) => can(me, 'customer:update'),
            },
          ],
        },
        {
          key: 'customers.import',
          path: '/customers/import',
          titleKey: 'nav.customerImport',
          keywordsKey: 'search.keywords.customerImport',
          icon: <ImportOutlined />,
          allowed: (me) => can(me, 'customer:import'),
          component: ImportPage,
        },
      ],
    },
  ],
};
