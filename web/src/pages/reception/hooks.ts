// The showroom reception API: one walk-in from the quick form, or many paper forms at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { BulkReceptionOutcome, NewReception } from '@/api/types';
import { invalidateSales } from '@/lib/sales';

export function useCreateReception() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewReception) => unwrap(api.POST('/api/v1/receptions', { body })),
    onSuccess: () => invalidateSales(queryClient),
  });
}

export function useBulkReceptions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rows: NewReception[]): Promise<BulkReceptionOutcome> =>
      unwrap(
        api.POST('/api/v1/receptions/bulk', {
          body: { rows },
        }),
      ),
    onSuccess: (outcome) => {
      if (outcome.saved > 0) invalidateSales(queryClient);
    },
  });
}
