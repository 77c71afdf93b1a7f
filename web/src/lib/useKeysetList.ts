// A server-side list with keyset pagination: the server returns `{items, next_cursor}`; "load
// more" passes `next_cursor` back as `cursor`. Filters and sort belong in the query key, so
// changing them starts again from the first page.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '@/api/types';

/** `P` is the page as the API types it: its items, and whatever else it says (a count, say). */
export function useKeysetList<P extends Page<unknown>>(
  queryKey: readonly unknown[],
  fetchPage: (cursor: string | undefined) => Promise<P>,
  options: { enabled?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled: options.enabled ?? true,
  });
  const items: P['items'] = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}
