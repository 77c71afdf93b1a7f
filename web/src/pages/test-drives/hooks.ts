// The test-drive API: the fleet, the bookings of a period, booking, rescheduling, cancelling and
// the feedback after the drive.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type {
  Booking,
  BookingCancel,
  BookingPatch,
  DriveFeedback,
  NewBooking,
  NewTestDriveCar,
  TestDriveCarPatch,
} from '@/api/types';
import { invalidateSales } from '@/lib/sales';

export const TEST_DRIVES_KEY = ['test-drives'] as const;
export const CARS_KEY = ['test-drive-cars'] as const;

export function useTestDriveCars(enabled = true) {
  return useQuery({
    queryKey: CARS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/test-drive-cars')),
    enabled,
    staleTime: 30_000,
  });
}

export interface BookingRange {
  from: string;
  to: string;
  car_id?: string;
  consultant_id?: string;
  customer_id?: string;
}

/** Bookings overlapping a period (at most 62 days); others' bookings show as busy only. */
export function useBookings(range: BookingRange, enabled = true) {
  return useQuery({
    queryKey: [...TEST_DRIVES_KEY, 'list', range],
    queryFn: () => unwrap(api.GET('/api/v1/test-drives', { params: { query: range } })),
    enabled,
  });
}

function useBookingWrite<I>(call: (input: I) => Promise<Booking>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => invalidateSales(queryClient),
  });
}

export function useBook() {
  return useBookingWrite((body: NewBooking) => unwrap(api.POST('/api/v1/test-drives', { body })));
}

export function useReschedule(id: string) {
  return useBookingWrite((body: BookingPatch) =>
    unwrap(api.PATCH('/api/v1/test-drives/{id}', { params: { path: { id } }, body })),
  );
}

export function useCancelBooking(id: string) {
  return useBookingWrite((body: BookingCancel) =>
    unwrap(api.POST('/api/v1/test-drives/{id}/cancel', { params: { path: { id } }, body })),
  );
}

export function useDriveFeedback(id: string) {
  return useBookingWrite((body: DriveFeedback) =>
    unwrap(api.POST('/api/v1/test-drives/{id}/feedback', { params: { path: { id } }, body })),
  );
}

export function useSaveCar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (
      input: { id: string; patch: TestDriveCarPatch } | { id?: undefined; create: NewTestDriveCar },
    ) =>
      'patch' in input
        ? unwrap(
            api.PATCH('/api/v1/test-drive-cars/{id}', {
              params: { path: { id: input.id } },
              body: input.patch,
            }),
          )
        : unwrap(api.POST('/api/v1/test-drive-cars', { body: input.create })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CARS_KEY });
      void queryClient.invalidateQueries({ queryKey: TEST_DRIVES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
