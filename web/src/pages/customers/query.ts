// The customer list's filters as they live in the URL, and as the API takes them. Kept apart
// from the hooks so the list, the export and saved views all build the same query.
import dayjs from 'dayjs';
import type { ConsentChannel, CustomerKind } from '@/api/types';
import { dayBoundary } from '@/lib/format';

/** The list's filters, as strings in the URL's query. */
export const CUSTOMER_FILTER_KEYS = [
  'q',
  'owner',
  'team_id',
  'source',
  'tag',
  'kind',
  'from',
  'to',
  'brand',
  'consent',
  'sort',
] as const;

export type CustomerFilterKey = (typeof CUSTOMER_FILTER_KEYS)[number];
export type CustomerFilters = Partial<Record<CustomerFilterKey, string>>;

/** `owner=none` in the URL: customers nobody owns (the pool). */
export const UNOWNED = 'none';

export const CUSTOMER_SORTS = ['-created_at', '-updated_at', 'name'] as const;

export interface CustomerListQuery {
  q?: string;
  owner_id?: string;
  unowned?: boolean;
  team_id?: string;
  source?: string;
  tag?: string;
  kind?: CustomerKind;
  created_from?: string;
  created_to?: string;
  brand?: string;
  consent?: ConsentChannel;
  sort?: (typeof CUSTOMER_SORTS)[number];
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const KINDS: readonly string[] = ['person', 'company'];
const CHANNELS: readonly string[] = ['sms', 'phone', 'email', 'wechat'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The API's query for the URL's filters. Dates are the dealer's calendar days, sent as the UTC
 * instants of their boundaries (`to` includes the whole day). Unknown values are dropped rather
 * than sent, so a hand-edited URL cannot make the list fail.
 */
export function customerListQuery(filters: CustomerFilters, timeZone: string): CustomerListQuery {
  const query: CustomerListQuery = {};
  const text = (value?: string) => value?.trim() || undefined;
  query.q = text(filters.q);
  if (filters.owner === UNOWNED) query.unowned = true;
  else query.owner_id = text(filters.owner);
  query.team_id = text(filters.team_id);
  query.source = text(filters.source);
  query.tag = text(filters.tag);
  query.brand = text(filters.brand);
  if (filters.kind && KINDS.includes(filters.kind)) query.kind = filters.kind as CustomerKind;
  if (filters.consent && CHANNELS.includes(filters.consent)) {
    query.consent = filters.consent as ConsentChannel;
  }
  if (filters.from && DATE.test(filters.from)) {
    query.created_from = dayBoundary(filters.from, timeZone);
  }
  if (filters.to && DATE.test(filters.to)) {
    query.created_to = dayBoundary(filters.to, timeZone, true);
  }
  if (filters.sort && (CUSTOMER_SORTS as readonly string[]).includes(filters.sort)) {
    query.sort = filters.sort as (typeof CUSTOMER_SORTS)[number];
  }
  return withoutUndefined(query);
}

/** Whether any filter (other than the sort) narrows the list. */
export function hasFilters(filters: CustomerFilters): boolean {
  return CUSTOMER_FILTER_KEYS.some((key) => key !== 'sort' && !!filters[key]);
}

/**
 * The export's URL for the list as filtered: the browser downloads it straight from the server
 * (streamed; the session cookie authenticates the GET). Column headers follow the language:
 * English for `en`, Chinese otherwise.
 */
export function customerExportUrl(
  filters: CustomerFilters,
  timeZone: string,
  format: 'csv' | 'xlsx',
  locale: string,
): string {
  const params = new URLSearchParams();
  params.set('format', format);
  if (locale === 'en') params.set('lang', 'en');
  for (const [key, value] of Object.entries(customerListQuery(filters, timeZone))) {
    params.set(key, String(value));
  }
  return `/api/v1/customers/export?${params.toString()}`;
}

/**
 * A saved view's query (the API's parameters, as `customerListQuery` made them) back into the
 * URL's filters. Unknown keys are ignored; a saved view from another client works as well.
 */
export function filtersFromSavedQuery(query: unknown, timeZone: string): CustomerFilters {
  const filters: CustomerFilters = {};
  if (!query || typeof query !== 'object') return filters;
  const saved = query as Record<string, unknown>;
  const text = (key: string) => {
    const value = saved[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  filters.q = text('q');
  filters.owner = saved.unowned === true || saved.unowned === 'true' ? UNOWNED : text('owner_id');
  filters.team_id = text('team_id');
  filters.source = text('source');
  filters.tag = text('tag');
  filters.kind = text('kind');
  filters.brand = text('brand');
  filters.consent = text('consent');
  filters.sort = text('sort');
  const from = text('created_from');
  if (from && dayjs(from).isValid()) filters.from = dayjs(from).tz(timeZone).format('YYYY-MM-DD');
  const to = text('created_to');
  if (to && dayjs(to).isValid()) {
    // `created_to` is the first instant after the last day.
    filters.to = dayjs(to).subtract(1, 'millisecond').tz(timeZone).format('YYYY-MM-DD');
  }
  return withoutUndefined(filters);
}
