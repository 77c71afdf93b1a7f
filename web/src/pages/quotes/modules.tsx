// The quotes' pages for the module registry (`@/app/modules`), in the sales module: my quotes,
// the quote builder, a quote and its printed form.
import { CalculatorOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AreaModules } from '@/app/modules';
import { can } from '@/lib/permissions';

const MyQuotesPage = lazy(() => import('./MyQuotesPage'));
const QuoteBuilderPage = lazy(() => import('./QuoteBuilderPage'));
const QuoteDetailPage = lazy(() => import('./QuoteDetailPage'));
const QuotePrintPage = lazy(() => import('./QuotePrintPage'));

export const quotesArea: AreaModules = {
  pages: [
    {
      module: 'sales',
      after: 'sales.pipeline',
      pages: [
        {
          key: 'sales.quotes',
          path: '/quotes',
          titleKey: 'nav.quotes',
          keywordsKey: 'search.keywords.quotes',
          icon: <CalculatorOutlined />,
          allowed: (me) => can(me, 'quote:read'),
          component: MyQuotesPage,
          routes: [
            {
              path: '/quotes/new',
              component: QuoteBuilderPage,
              allowed: (me) => can(me, 'quote:write'),
            },
            { path: '/quotes/:id', component: QuoteDetailPage },
            { path: '/quotes/:id/print', component: QuotePrintPage },
          ],
        },
      ],
    },
  ],
};
