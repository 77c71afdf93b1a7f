// The renewals API (续保): the call list, one renewal with its calls and quotes, logging calls
// and quotes, the result, reassignment and the renewal rate.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Schemas } from '@/api/types';

export type Renewal = Schemas['RenewalView'];
export type RenewalDetail = Schemas['RenewalDetail'];
export type RenewalStatus = Schemas['RenewalStatus'];
export type CallOutcome = Schemas['CallOutcome'];
export type LostReason = Schemas['LostReason'];
export type NewCall = Schemas['NewCall'];
export type NewInsurerQuote = Schemas['NewInsurerQuote'];
export type RenewalResult = Schemas['RenewalResult'];
export type RenewalRate = Schemas['RenewalRate'];

export const RENEWALS_KEY = ['renewals'] as const;

export const OUTCOMES: CallOutcome[] = [
  'no_answer',
  'call_back',
  'interested',
  'quoted',
  'declined',
];
export const LOST_REASONS: LostReason[] = ['price', 'service', 'moved', 'sold_car', 'other'];
export const STATUSES: RenewalStatus[] = ['open', 'renewed_here', 'renewed_elsewhere', 'lost'];

export function statusColour(status: RenewalStatus): string {
  switch (status) {
    case 'open':
      return 'processing';
    case 'renewed_here':
      return 'success';
    case 'renewed_elsewhere':
      return 'warning';
    default:
      return 'default';
  }
}

/** The colour of the days left: red when due within a week, orange within a month. */
export function urgency(daysLeft: number): string {
  if (daysLeft <= 7) return 'red';
  if (daysLeft <= 30) return 'orange';
  return 'blue';
}

export function useRenewals(status?: RenewalStatus) {
  return useQuery({
    queryKey: [...RENEWALS_KEY, 'list', status ?? null],
    queryFn: () =>
      unwrap(api.GET('/api/v1/renewals', { params: { query: { status, limit: 200 } } })),
  });
}

export function useRenewal(id: string) {
  return useQuery({
    queryKey: [...RENEWALS_KEY, id],
    queryFn: () => unwrap(api.GET('/api/v1/renewals/{id}', { params: { path: { id } } })),
  });
}

export function useRenewalRate(from: string, to: string) {
  return useQuery({
    queryKey: [...RENEWALS_KEY, 'rate', from, to],
    queryFn: () => unwrap(api.GET('/api/v1/renewals/rate', { params: { query: { from, to } } })),
  });
}

function useRenewalWrite<I>(
  id: string,
  call: (path: { id: string }, input: I) => Promise<RenewalDetail>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => call({ id }, input),
    onSuccess: (detail) => {
      queryClient.setQueryData([...RENEWALS_KEY, id], detail);
      void queryClient.invalidateQueries({ queryKey: [...RENEWALS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...RENEWALS_KEY, 'rate'] });
    },
  });
}

export const useLogCall = (id: string) =>
  useRenewalWrite(id, (path, body: NewCall) =>
    unwrap(api.POST('/api/v1/renewals/{id}/calls', { params: { path }, body })),
  );
export const useAddQuote = (id: string) =>
  useRenewalWrite(id, (path, body: NewInsurerQuote) =>
    unwrap(api.POST('/api/v1/renewals/{id}/quotes', { params: { path }, body })),
  );
export const useCloseRenewal = (id: string) =>
  useRenewalWrite(id, (path, body: RenewalResult) =>
    unwrap(api.POST('/api/v1/renewals/{id}/result', { params: { path }, body })),
  );
