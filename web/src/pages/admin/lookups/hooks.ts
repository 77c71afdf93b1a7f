// Writing the dealer's lists (sources, lost reasons). Reading them is `useLookups` in
// lib/lookups.tsx, shared with every picker.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { LookupList } from '@/api/types';
import { LOOKUPS_KEY } from '@/lib/lookups';

export function useCreateLookup(list: LookupList) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { key: string; name: string }) =>
      unwrap(api.POST('/api/v1/lookups/{list}', { params: { path: { list } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...LOOKUPS_KEY, list] }),
  });
}

export function useUpdateLookup(list: LookupList) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      name?: string;
      active?: boolean;
      sort_order?: number;
    }) =>
      unwrap(api.PATCH('/api/v1/lookups/{list}/{id}', { params: { path: { list, id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...LOOKUPS_KEY, list] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
