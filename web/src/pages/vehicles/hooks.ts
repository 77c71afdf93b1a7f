// The vehicles API, as hooks for the vehicle pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { MileageInput, TransferInput, Vehicle, VehiclePatch } from '@/api/types';
import { useKeysetList } from '@/lib/useKeysetList';

export const VEHICLES_KEY = ['vehicles'] as const;

export interface VehicleFilters {
  q?: string;
  brand?: string;
  bought_here?: string;
}

export function useVehicleList(filters: VehicleFilters) {
  return useKeysetList([...VEHICLES_KEY, 'list', filters], (cursor) =>
    unwrap(
      api.GET('/api/v1/vehicles', {
        params: {
          query: {
            q: filters.q || undefined,
            brand: filters.brand || undefined,
            bought_here:
              filters.bought_here === 'yes'
                ? true
                : filters.bought_here === 'no'
                  ? false
                  : undefined,
            limit: 30,
            cursor,
          },
        },
      }),
    ),
  );
}

export function useVehicle(id: string) {
  return useQuery({
    queryKey: [...VEHICLES_KEY, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/vehicles/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

function useVehicleWrite<I>(id: string, call: (input: I) => Promise<Vehicle>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (vehicle) => {
      queryClient.setQueryData([...VEHICLES_KEY, 'detail', id], vehicle);
      void queryClient.invalidateQueries({ queryKey: [...VEHICLES_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useUpdateVehicle(id: string) {
  return useVehicleWrite(id, (body: VehiclePatch) =>
    unwrap(api.PATCH('/api/v1/vehicles/{id}', { params: { path: { id } }, body })),
  );
}

export function useRecordMileage(id: string) {
  return useVehicleWrite(id, (body: MileageInput) =>
    unwrap(api.POST('/api/v1/vehicles/{id}/mileage', { params: { path: { id } }, body })),
  );
}

export function useTransferVehicle(id: string) {
  return useVehicleWrite(id, (body: TransferInput) =>
    unwrap(api.POST('/api/v1/vehicles/{id}/transfer', { params: { path: { id } }, body })),
  );
}

export const MILEAGE_SOURCES = ['customer', 'service', 'inspection', 'sale'] as const;
