// The lead list's filters as they live in the URL, and as the API takes them.
import { dayBoundary } from '@/lib/format';
import { BOARD_GRADES, GRADES, LEAD_STATUSES } from '@/lib/sales';

export const LEAD_FILTER_KEYS = [
  'view',
  'q',
  'grade',
  'status',
  'source',
  'owner',
  'team_id',
  'overdue',
  'stagnant',
  'from',
  'to',
] as const;

export type LeadFilterKey = (typeof LEAD_FILTER_KEYS)[number];
export type LeadFilters = Partial<Record<LeadFilterKey, string>>;

/** `owner=none`: leads nobody owns; `owner=marketing`: the marketing pool. */
export const UNASSIGNED = 'none';
export const MARKETING_POOL = 'marketing';

export interface LeadListQuery {
  q?: string;
  owner_id?: string;
  unassigned?: boolean;
  pool?: string;
  team_id?: string;
  grade?: string;
  status?: string;
  source?: string;
  overdue?: boolean;
  stagnant?: boolean;
  created_from?: string;
  created_to?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Comma-separated values kept only when known, in the canonical order. */
function known(value: string | undefined, allowed: readonly string[]): string | undefined {
  if (!value) return undefined;
  const wanted = new Set(value.split(','));
  const kept = allowed.filter((item) => wanted.has(item));
  return kept.length > 0 ? kept.join(',') : undefined;
}

/**
 * The API's query for the URL's filters; unknown values are dropped rather than sent. Created
 * dates are the dealer's calendar days, sent as the UTC instants of their boundaries (`to`
 * includes the whole day). The board shows open leads only, so its status filter is fixed.
 */
export function leadListQuery(
  filters: LeadFilters,
  timeZone: string,
  board = false,
): LeadListQuery {
  const query: LeadListQuery = {};
  query.q = filters.q?.trim() || undefined;
  if (filters.owner === UNASSIGNED) query.unassigned = true;
  else if (filters.owner === MARKETING_POOL) query.pool = MARKETING_POOL;
  else if (filters.owner && UUID.test(filters.owner)) query.owner_id = filters.owner;
  if (filters.team_id && UUID.test(filters.team_id)) query.team_id = filters.team_id;
  query.grade = known(filters.grade, board ? BOARD_GRADES : GRADES);
  if (!board) query.status = known(filters.status, LEAD_STATUSES);
  if (filters.source) query.source = filters.source;
  if (filters.overdue === '1') query.overdue = true;
  if (filters.stagnant === '1') query.stagnant = true;
  if (filters.from && DATE.test(filters.from)) {
    query.created_from = dayBoundary(filters.from, timeZone);
  }
  if (filters.to && DATE.test(filters.to)) {
    query.created_to = dayBoundary(filters.to, timeZone, true);
  }
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined),
  ) as LeadListQuery;
}

export function hasLeadFilters(filters: LeadFilters): boolean {
  return LEAD_FILTER_KEYS.some((key) => key !== 'view' && !!filters[key]);
}
