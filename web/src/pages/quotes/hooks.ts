// The quotes API: one quote, its print view, saving a quote, asking for approval, accepting it,
// signing the order; the trim's configuration and the customer's appraisals for the builder.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { QUOTES_KEY } from '@/lib/quotes';
import { useDebounced } from '@/lib/useDebounced';

export type NewQuote = components['schemas']['NewQuote'];
export type QuotePreview = components['schemas']['QuotePreview'];
export type NewOrder = components['schemas']['NewOrder'];
export type TrimConfiguration = components['schemas']['TrimConfiguration'];
export type ConfigItem = components['schemas']['ItemView'];
export type DepositKind = components['schemas']['DepositKind'];

export function useQuote(id: string | null) {
  return useQuery({
    queryKey: [...QUOTES_KEY, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/quotes/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

export function useQuotePrint(id: string) {
  return useQuery({
    queryKey: [...QUOTES_KEY, 'print', id],
    queryFn: () => unwrap(api.GET('/api/v1/quotes/{id}/print', { params: { path: { id } } })),
  });
}

export function useOpportunity(id: string | null) {
  return useQuery({
    queryKey: ['opportunities', 'one', id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/opportunities/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

export function useTrimConfiguration(modelId: string | undefined) {
  return useQuery({
    queryKey: ['configurator', modelId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/configurator/models/{id}', { params: { path: { id: modelId ?? '' } } }),
      ),
    enabled: !!modelId,
  });
}

export function useAppraisals(customerId: string | undefined) {
  return useQuery({
    queryKey: ['appraisals', customerId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/appraisals', { params: { query: { customer_id: customerId } } })),
    enabled: !!customerId,
  });
}

/**
 * The builder's running price: the configuration priced by the server as saving it would, once
 * the consultant stops changing it. A configuration the server refuses (a group not chosen yet)
 * keeps the last price shown and reports why.
 */
export function useQuotePreview(body: NewQuote | null) {
  const debounced = useDebounced(body, 400);
  return useQuery({
    queryKey: [...QUOTES_KEY, 'preview', debounced],
    queryFn: () =>
      debounced
        ? unwrap(api.POST('/api/v1/quotes/preview', { body: debounced }))
        : Promise.reject(new Error('nothing to price')),
    enabled: !!debounced,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}

export function useCreateQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewQuote) => unwrap(api.POST('/api/v1/quotes', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: QUOTES_KEY }),
  });
}

type Step = 'request-approval' | 'accept';

export function useQuoteStep(id: string, step: Step) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      step === 'accept'
        ? unwrap(
            api.POST('/api/v1/quotes/{id}/accept', {
              params: { path: { id } },
              body: { version },
            }),
          )
        : unwrap(
            api.POST('/api/v1/quotes/{id}/request-approval', {
              params: { path: { id } },
              body: { version },
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: QUOTES_KEY }),
  });
}

export function useSignOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOrder) => unwrap(api.POST('/api/v1/orders', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: QUOTES_KEY }),
  });
}

export type NewAppraisal = components['schemas']['NewAppraisal'];

/** The customer's own cars (an appraisal is of one of them). */
export function useCustomerCars(customerId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['vehicles', 'of-customer', customerId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/vehicles', { params: { query: { customer_id: customerId, limit: 50 } } }),
      ),
    enabled: enabled && !!customerId,
  });
}

/** Records an appraisal of one of the customer's cars. */
export function useCreateAppraisal(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAppraisal) => unwrap(api.POST('/api/v1/appraisals', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['appraisals', customerId] }),
  });
}
