// The leads API, as hooks for the lead pages (and the reception form, which makes leads).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type {
  BulkAssign,
  LeadAssignment,
  LeadPatch,
  LostDecision,
  LostInput,
  NewFollowUp,
  NewOpportunity,
  ReopenInput,
} from '@/api/types';
import { invalidateSales, LEADS_KEY } from '@/lib/sales';
import { useKeysetList } from '@/lib/useKeysetList';
import type { LeadListQuery } from './query';

const PAGE_SIZE = 30;

export function useLeadList(query: LeadListQuery, enabled = true) {
  const list = useKeysetList(
    [...LEADS_KEY, 'list', query],
    (cursor) =>
      unwrap(
        api.GET('/api/v1/leads', {
          params: { query: { ...query, limit: PAGE_SIZE, cursor, with_count: !cursor } },
        }),
      ),
    { enabled },
  );
  const first = list.data?.pages[0];
  return { ...list, count: first?.count ?? null, countCapped: first?.count_capped ?? false };
}

/** The open leads by grade: the list's filters, beside `per_column`. */
export function useLeadBoard(query: LeadListQuery, enabled = true) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'board', query],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/leads/board', {
          params: { query: { ...query, per_column: 20 } },
        }),
      ),
    enabled,
  });
}

export function useLead(id: string) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/leads/{id}', { params: { path: { id } } })),
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
        body,
      }),
    ),
  );
}

export function useLogFollowUp(id: string) {
  return useLeadWrite(id, (body: NewFollowUp) =>
    unwrap(
      api.POST('/api/v1/leads/{id}/follow-ups', {
        ...path(id),
        body,
      }),
    ),
  );
}

export function useAssignLead(id: string) {
  return useLeadWrite(id, (body: LeadAssignment) =>
    unwrap(api.POST('/api/v1/leads/{id}/assign', { ...path(id), body })),
  );
}

export function useMarkLost(id: string) {
  return useLeadWrite(id, (body: LostInput) =>
    unwrap(api.POST('/api/v1/leads/{id}/lost', { ...path(id), body })),
  );
}

export function useDecideLoss(id: string) {
  return useLeadWrite(id, (body: LostDecision) =>
    unwrap(api.POST('/api/v1/leads/{id}/lost-decision', { ...path(id), body })),
  );
}

export function useReopenLead(id: string) {
  return useLeadWrite(id, (body: ReopenInput) =>
    unwrap(api.POST('/api/v1/leads/{id}/reopen', { ...path(id), body })),
  );
}

export function useOpenOpportunity(id: string) {
  return useLeadWrite(id, (body: NewOpportunity) =>
    unwrap(api.POST('/api/v1/leads/{id}/opportunity', { ...path(id), body })),
  );
}

export function useBulkAssign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkAssign) => unwrap(api.POST('/api/v1/leads/bulk-assign', { body })),
    onSuccess: () => invalidateSales(queryClient),
  });
}
