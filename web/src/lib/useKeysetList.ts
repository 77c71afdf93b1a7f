// A server-side list with keyset pagination: the server returns `{items, next_cursor}`; "load
// more" passes `next_cursor` back as `cursor`. Filters and sort belong in the query key, so
// changing them starts again from the first page.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '@/api/types';

export function useKeysetList<T>(
  queryKey: readonly unknown[],
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  options: { enabled?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled: options.enabled ?? true,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}
