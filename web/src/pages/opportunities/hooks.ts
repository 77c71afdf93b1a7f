// The opportunities API: the kanban board, the funnel, moving a card to another stage.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Funnel, Opportunity, OpportunityPatch, PipelineBoard } from '@/api/types';
import { invalidateSales } from '@/lib/sales';

export const OPPORTUNITIES_KEY = ['opportunities'] as const;

export interface BoardQuery {
  owner_id?: string;
  team_id?: string;
}

export function usePipelineBoard(query: BoardQuery) {
  return useQuery({
    queryKey: [...OPPORTUNITIES_KEY, 'board', query],
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/opportunities/board', { params: { query: { ...query, per_column: 50 } } }),
      )) as unknown as PipelineBoard,
  });
}

export function useFunnel(query: BoardQuery & { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...OPPORTUNITIES_KEY, 'funnel', query],
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/opportunities/funnel', { params: { query } }),
      )) as unknown as Funnel,
  });
}

/** A card dropped on another column: the stage changes if nobody changed the card meanwhile. */
export function useMoveStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      version,
      stage_id,
    }: {
      id: string;
      version: number;
      stage_id: string;
    }) =>
      (await unwrap(
        api.POST('/api/v1/opportunities/{id}/stage', {
          params: { path: { id } },
          body: { version, stage_id },
        }),
      )) as unknown as Opportunity,
    onSettled: () => invalidateSales(queryClient),
  });
}

export function useUpdateOpportunity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: OpportunityPatch) =>
      (await unwrap(
        api.PATCH('/api/v1/opportunities/{id}', { params: { path: { id } }, body }),
      )) as unknown as Opportunity,
    onSuccess: () => invalidateSales(queryClient),
  });
}
