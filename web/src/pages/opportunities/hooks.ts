// The opportunities API: the kanban board, the funnel, moving a card to another stage.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { OpportunityPatch } from '@/api/types';
import { invalidateSales } from '@/lib/sales';

export const OPPORTUNITIES_KEY = ['opportunities'] as const;

export interface BoardQuery {
  owner_id?: string;
  team_id?: string;
}

export function usePipelineBoard(query: BoardQuery) {
  return useQuery({
    queryKey: [...OPPORTUNITIES_KEY, 'board', query],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/opportunities/board', { params: { query: { ...query, per_column: 50 } } }),
      ),
  });
}

export function useFunnel(query: BoardQuery & { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...OPPORTUNITIES_KEY, 'funnel', query],
    queryFn: () => unwrap(api.GET('/api/v1/opportunities/funnel', { params: { query } })),
  });
}

/** A card dropped on another column: the stage changes if nobody changed the card meanwhile. */
export function useMoveStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, stage_id }: { id: string; version: number; stage_id: string }) =>
      unwrap(
        api.POST('/api/v1/opportunities/{id}/stage', {
          params: { path: { id } },
          body: { version, stage_id },
        }),
      ),
    onSettled: () => invalidateSales(queryClient),
  });
}

export function useUpdateOpportunity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpportunityPatch) =>
      unwrap(api.PATCH('/api/v1/opportunities/{id}', { params: { path: { id } }, body })),
    onSuccess: () => invalidateSales(queryClient),
  });
}
