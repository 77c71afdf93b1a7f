// The module registry: every module of the app, its pages, and who may see them. The sidebar,
// the router and the global search are all built from this list, so a module that is not
// registered (not built yet) or a page the user may not open is simply absent. Each area lists
// its own pages in its `modules.tsx`; this file only puts the areas in order.
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Me } from '@/api/types';
import { adminArea } from '@/pages/admin/modules';
import { complaintsArea } from '@/pages/complaints/modules';
import { customersArea } from '@/pages/customers/modules';
import { leadsArea } from '@/pages/leads/modules';
import { financeArea } from '@/pages/finance/modules';
import { opportunitiesArea } from '@/pages/opportunities/modules';
import { ordersArea } from '@/pages/orders/modules';
import { quotesArea } from '@/pages/quotes/modules';
import { receptionArea } from '@/pages/reception/modules';
import { renewalsArea } from '@/pages/renewals/modules';
import { repairOrdersArea } from '@/pages/repair-orders/modules';
import { salesReportArea } from '@/pages/sales-report/modules';
import { serviceReportArea } from '@/pages/service-report/modules';
import { serviceArea } from '@/pages/service/modules';
import { stockArea } from '@/pages/stock/modules';
import { testDrivesArea } from '@/pages/test-drives/modules';
import { vehiclesArea } from '@/pages/vehicles/modules';
import { workArea } from '@/pages/work/modules';
import { workbenchArea } from '@/pages/workbench/modules';

type Page = LazyExoticComponent<ComponentType>;

export interface AppRoute {
  /** The route, relative to the root: `admin/users/:id`. */
  path: string;
  component: Page;
  allowed?: (me: Me) => boolean;
}

export interface AppPage {
  /** Unique, dotted: `admin.users`. Also the menu key. */
  key: string;
  path: string;
  /** i18n key of the menu label and page title. */
  titleKey: string;
  /** i18n key of extra words the global search matches (synonyms, English names). */
  keywordsKey?: string;
  icon: ReactNode;
  allowed: (me: Me) => boolean;
  component: Page;
  /** Sub-pages reached from this one (detail, new), not in the menu. */
  routes?: AppRoute[];
}

export interface AppModule {
  key: string;
  titleKey: string;
  icon: ReactNode;
  pages: AppPage[];
}

/** Pages an area adds to a module another area opens. */
export interface ModulePages {
  /** The key of the module they join. */
  module: string;
  /** The key of the page they follow; at the module's end when absent. */
  after?: string;
  pages: AppPage[];
}

/** What an area plugs into the registry (its `modules.tsx`). */
export interface AreaModules {
  /** The modules this area opens, in the sidebar's order. */
  modules?: AppModule[];
  /** Pages this area adds to modules opened by others. */
  pages?: ModulePages[];
}

/** The areas in the sidebar's order: modules appear as their areas open them. */
const AREAS: AreaModules[] = [
  workbenchArea,
  workArea,
  customersArea,
  receptionArea,
  leadsArea,
  opportunitiesArea,
  quotesArea,
  testDrivesArea,
  ordersArea,
  financeArea,
  salesReportArea,
  vehiclesArea,
  serviceArea,
  stockArea,
  renewalsArea,
  repairOrdersArea,
  serviceReportArea,
  complaintsArea,
  adminArea,
];

/**
 * The modules the areas open, with the pages other areas add to them (in the areas' order, each
 * at the end or after the page it names).
 */
export function assembleModules(areas: readonly AreaModules[]): AppModule[] {
  const modules = areas.flatMap((area) =>
    (area.modules ?? []).map((module) => ({ ...module, pages: [...module.pages] })),
  );
  for (const contribution of areas.flatMap((area) => area.pages ?? [])) {
    const module = modules.find((candidate) => candidate.key === contribution.module);
    if (!module) throw new Error(`no module '${contribution.module}' to add pages to`);
    let at = module.pages.length;
    if (contribution.after !== undefined) {
      const index = module.pages.findIndex((page) => page.key === contribution.after);
      if (index < 0) throw new Error(`no page '${contribution.after}' in '${module.key}'`);
      at = index + 1;
    }
    module.pages.splice(at, 0, ...contribution.pages);
  }
  return modules;
}

export const MODULES: AppModule[] = assembleModules(AREAS);

/** The modules with the pages this user may open; modules left without pages are dropped. */
export function visibleModules(me: Me): AppModule[] {
  return MODULES.map((module) => ({
    ...module,
    pages: module.pages.filter((page) => page.allowed(me)),
  })).filter((module) => module.pages.length > 0);
}

/** The page a path belongs to (for the selected menu item and the document title). */
export function pageForPath(pathname: string): AppPage | undefined {
  let best: AppPage | undefined;
  for (const module of MODULES) {
    for (const page of module.pages) {
      const matches =
        page.path === '/'
          ? pathname === '/'
          : pathname === page.path || pathname.startsWith(`${page.path}/`);
      if (matches && (!best || page.path.length > best.path.length)) best = page;
    }
  }
  return best;
}
