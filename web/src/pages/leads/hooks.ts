// The leads API, as hooks for the lead pages (and the reception form, which makes leads).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type {
  BulkAssign,
  Lead,
  LeadAssignment,
  LeadBoard,
  LeadDetail,
  LeadPage,
  LeadPatch,
  LostDecision,
  LostInput,
  NewFollowUp,
  NewOpportunity,
  Opportunity,
  ReopenInput,
  Schemas,
} from '@/api/types';
import { invalidateSales, LEADS_KEY } from '@/lib/sales';
import { useKeysetList } from '@/lib/useKeysetList';
import type { LeadListQuery } from './query';

const PAGE_SIZE = 30;

export function useLeadList(query: LeadListQuery, enabled = true) {
  const list = useKeysetList<Lead>(
    [...LEADS_KEY, 'list', query],
    async (cursor) =>
      (await unwrap(
        api.GET('/api/v1/leads', {
          params: { query: { ...query, limit: PAGE_SIZE, cursor, with_count: !cursor } },
        }),
      )) as unknown as LeadPage,
    { enabled },
  );
  const first = list.data?.pages[0] as LeadPage | undefined;
  return { ...list, count: first?.count ?? null, countCapped: first?.count_capped ?? false };
}

/** The open leads by grade: the list's filters, beside `per_column`. */
export function useLeadBoard(query: LeadListQuery, enabled = true) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'board', query],
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/leads/board', {
          params: { query: { ...query, per_column: 20 } },
        }),
      )) as unknown as LeadBoard,
    enabled,
  });
}

export function useLead(id: string) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'detail', id],
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/leads/{id}', { params: { path: { id } } }),
      )) as unknown as LeadDetail,
    enabled: !!id,
    retry: false,
  });
}

function useLeadWrite<I, O>(id: string, call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => invalidateSales(queryClient),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...LEADS_KEY, 'detail', id] }),
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export function useUpdateLead(id: string) {
  return useLeadWrite(id, (body: LeadPatch) =>
    unwrap(
      api.PATCH('/api/v1/leads/{id}', {
        ...path(id),
        body: body as unknown as Schemas['LeadPatch'],
      }),
    ),
  );
}

export function useLogFollowUp(id: string) {
  return useLeadWrite(
    id,
    async (body: NewFollowUp) =>
      (await unwrap(
        api.POST('/api/v1/leads/{id}/follow-ups', {
          ...path(id),
          body: body as unknown as Schemas['NewFollowUp'],
        }),
      )) as unknown as Lead,
  );
}

export function useAssignLead(id: string) {
  return useLeadWrite(id, (body: LeadAssignment) =>
    unwrap(api.POST('/api/v1/leads/{id}/assign', { ...path(id), body })),
  );
}

export function useMarkLost(id: string) {
  return useLeadWrite(
    id,
    async (body: LostInput) =>
      (await unwrap(api.POST('/api/v1/leads/{id}/lost', { ...path(id), body }))) as unknown as Lead,
  );
}

export function useDecideLoss(id: string) {
  return useLeadWrite(
    id,
    async (body: LostDecision) =>
      (await unwrap(
        api.POST('/api/v1/leads/{id}/lost-decision', { ...path(id), body }),
      )) as unknown as Lead,
  );
}

export function useReopenLead(id: string) {
  return useLeadWrite(id, (body: ReopenInput) =>
    unwrap(api.POST('/api/v1/leads/{id}/reopen', { ...path(id), body })),
  );
}

export function useOpenOpportunity(id: string) {
  return useLeadWrite(
    id,
    async (body: NewOpportunity) =>
      (await unwrap(
        api.POST('/api/v1/leads/{id}/opportunity', { ...path(id), body }),
      )) as unknown as Opportunity,
  );
}

export function useBulkAssign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkAssign) => unwrap(api.POST('/api/v1/leads/bulk-assign', { body })),
    onSuccess: () => invalidateSales(queryClient),
  });
}
