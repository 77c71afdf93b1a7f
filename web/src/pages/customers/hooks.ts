// The customers API, as hooks for the customer pages.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type {
  BulkAction,
  ConsentInput,
  Customer,
  CustomerPatch,
  MergeRequest,
  NewCustomer,
} from '@/api/types';
import { CUSTOMERS_KEY } from '@/lib/customers';
import { useKeysetList } from '@/lib/useKeysetList';
import type { CustomerListQuery } from './query';

export { CUSTOMERS_KEY };
const PAGE_SIZE = 30;

/** The list, a page at a time; the first page also counts the matches (exactly up to 1,000). */
export function useCustomerList(query: CustomerListQuery) {
  const list = useKeysetList([...CUSTOMERS_KEY, 'list', query], (cursor) =>
    unwrap(
      api.GET('/api/v1/customers', {
        params: { query: { ...query, limit: PAGE_SIZE, cursor, with_count: !cursor } },
      }),
    ),
  );
  const first = list.data?.pages[0];
  return { ...list, count: first?.count ?? null, countCapped: first?.count_capped ?? false };
}

/** The search box: name (two characters are enough), phone or its last four digits, plate, VIN. */
export function useCustomerSearch(q: string, limit = 8, enabled = true) {
  const text = q.trim();
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'search', text, limit],
    queryFn: () =>
      unwrap(api.GET('/api/v1/customers/search', { params: { query: { q: text, limit } } })),
    enabled: enabled && text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useCustomer(id: string, enabled = true) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/customers/{id}', { params: { path: { id } } })),
    enabled: enabled && !!id,
    retry: false,
  });
}

export function useTimeline(id: string) {
  return useKeysetList([...CUSTOMERS_KEY, 'timeline', id], (cursor) =>
    unwrap(
      api.GET('/api/v1/customers/{id}/timeline', {
        params: { path: { id }, query: { limit: 20, cursor } },
      }),
    ),
  );
}

function useCustomerWrite<I>(id: string, call: (input: I) => Promise<Customer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (customer) => {
      queryClient.setQueryData([...CUSTOMERS_KEY, 'detail', id], customer);
      void queryClient.invalidateQueries({ queryKey: [...CUSTOMERS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...CUSTOMERS_KEY, 'timeline', id] });
      void queryClient.invalidateQueries({ queryKey: ['vehicles'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCustomer) => unwrap(api.POST('/api/v1/customers', { body })),
    onSuccess: (customer) => {
      queryClient.setQueryData([...CUSTOMERS_KEY, 'detail', customer.id], customer);
      void queryClient.invalidateQueries({ queryKey: [...CUSTOMERS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...CUSTOMERS_KEY, 'search'] });
      void queryClient.invalidateQueries({ queryKey: ['vehicles'] });
    },
  });
}

export function useUpdateCustomer(id: string) {
  return useCustomerWrite(id, (body: CustomerPatch) =>
    unwrap(api.PATCH('/api/v1/customers/{id}', { params: { path: { id } }, body })),
  );
}

export function useChangeConsent(id: string) {
  return useCustomerWrite(id, (body: ConsentInput & { version: number }) =>
    unwrap(api.POST('/api/v1/customers/{id}/consents', { params: { path: { id } }, body })),
  );
}

export function useRevealIdNumber(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST('/api/v1/customers/{id}/id-number/reveal', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}

export function useBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[]; action: BulkAction }) =>
      unwrap(api.POST('/api/v1/customers/bulk', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useMergeCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MergeRequest) => unwrap(api.POST('/api/v1/customers/merge', { body })),
    onSuccess: (survivor) => {
      void queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['vehicles'] });
      queryClient.setQueryData([...CUSTOMERS_KEY, 'detail', survivor.id], survivor);
    },
  });
}

export const SAVED_VIEWS_KEY = ['saved-views'] as const;

export function useSavedViews(resource: 'customers' | 'vehicles') {
  return useQuery({
    queryKey: [...SAVED_VIEWS_KEY, resource],
    queryFn: () => unwrap(api.GET('/api/v1/saved-views', { params: { query: { resource } } })),
  });
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      query,
      ...rest
    }: {
      resource: 'customers' | 'vehicles';
      name: string;
      query: object;
    }) =>
      unwrap(
        api.POST('/api/v1/saved-views', {
          // The schema types a free-form object as Record<string, never>; any JSON object goes.
          body: { ...rest, query: query as Record<string, never> },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SAVED_VIEWS_KEY }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/saved-views/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SAVED_VIEWS_KEY }),
  });
}
