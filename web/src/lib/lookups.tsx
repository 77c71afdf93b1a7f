// The dealer's configurable lists (customer sources, lost reasons). Built-in entries are named
// by the UI from their key, in the user's language, unless the dealer renamed them; the
// dealer's own entries carry their own name.
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api, unwrap } from '@/api/client';
import type { Lookup, LookupList } from '@/api/types';

/** Built-in keys and the default (Chinese) name the server gives them. */
export const BUILTIN_LOOKUPS: Record<LookupList, Record<string, string>> = {
  source: {
    walk_in: '到店',
    phone: '来电',
    web: '官网',
    oem: '厂家下发',
    campaign: '市场活动',
    referral: '转介绍',
    auto_portal: '汽车网站',
    other: '其他',
  },
  lost_reason: {
    price: '价格因素',
    bought_competitor: '购买竞品',
    financing_refused: '贷款未通过',
    delivery_time: '交车周期太长',
    service: '对服务不满意',
    postponed: '暂缓购车',
    bought_used: '改买二手车',
    other: '其他',
  },
};

export const LOOKUP_LISTS: readonly LookupList[] = ['source', 'lost_reason'];

function isBuiltinKey(list: LookupList, key: string): boolean {
  return Object.hasOwn(BUILTIN_LOOKUPS[list], key);
}

/**
 * The name of an entry in the current language: a built-in entry by its key (unless the dealer
 * gave it a name of their own), a custom entry by its name, an unknown key as it is.
 */
export function lookupName(
  t: TFunction,
  list: LookupList,
  key: string | null | undefined,
  entries?: readonly Lookup[],
): string {
  if (!key) return '';
  const entry = entries?.find((e) => e.key === key);
  if (isBuiltinKey(list, key)) {
    const renamed = entry && entry.name !== BUILTIN_LOOKUPS[list][key];
    return renamed ? entry.name : t(`lookups.${list}.${key}`);
  }
  return entry?.name ?? key;
}

export const LOOKUPS_KEY = ['lookups'] as const;

/** Every entry of a list (active or not), in the dealer's order. */
export function useLookups(list: LookupList, enabled = true) {
  return useQuery({
    queryKey: [...LOOKUPS_KEY, list],
    queryFn: () => unwrap(api.GET('/api/v1/lookups/{list}', { params: { path: { list } } })),
    enabled,
    staleTime: 60_000,
    select: (entries) => [...entries].sort((a, b) => a.sort_order - b.sort_order),
  });
}

/** Options for a picker: active entries, plus `keep` (the record's current value) if switched off. */
export function lookupOptions(
  t: TFunction,
  list: LookupList,
  entries: readonly Lookup[] | undefined,
  keep?: string | null,
): { value: string; label: string }[] {
  return (entries ?? [])
    .filter((entry) => entry.active || entry.key === keep)
    .map((entry) => ({ value: entry.key, label: lookupName(t, list, entry.key, entries) }));
}
