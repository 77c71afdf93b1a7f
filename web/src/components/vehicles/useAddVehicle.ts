// Registering a car for a customer: from the customer's 360° page and from the quote builder's
// trade-in appraisal. The customer's file and timeline, and the vehicle lists, are refreshed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { NewVehicle } from '@/api/types';
import { CUSTOMERS_KEY } from '@/lib/customers';

/** Registers a car for this customer. */
export function useAddVehicle(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewVehicle) => unwrap(api.POST('/api/v1/vehicles', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...CUSTOMERS_KEY, 'detail', customerId] });
      void queryClient.invalidateQueries({ queryKey: [...CUSTOMERS_KEY, 'timeline', customerId] });
      void queryClient.invalidateQueries({ queryKey: ['vehicles'] });
    },
  });
}
