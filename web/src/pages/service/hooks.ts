// The service desk's API: the due list, appointments (book, move, cancel, no-show), the
// workshop's capacity by day, its settings and the maintenance plans.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Schemas } from '@/api/types';
import { useKeysetList } from '@/lib/useKeysetList';

export type ServiceDue = Schemas['ServiceDueView'];
export type Appointment = Schemas['AppointmentView'];
export type AppointmentStatus = Schemas['AppointmentStatus'];
export type AppointmentSource = Schemas['AppointmentSource'];
export type NewAppointment = Schemas['NewAppointment'];
export type MoveAppointment = Schemas['MoveAppointment'];
export type CapacityDayView = Schemas['CapacityDayView'];
export type ServiceSettings = Schemas['ServiceSettingsView'];
export type ServiceSettingsPatch = Schemas['ServiceSettingsPatch'];
export type MaintenancePlan = Schemas['MaintenancePlanView'];
export type MaintenancePlanInput = Schemas['MaintenancePlanInput'];

export const SERVICE_KEY = ['service'] as const;
const DUES_KEY = [...SERVICE_KEY, 'dues'] as const;
const APPOINTMENTS_KEY = [...SERVICE_KEY, 'appointments'] as const;
const CAPACITY_KEY = [...SERVICE_KEY, 'capacity'] as const;
const SETTINGS_KEY = [...SERVICE_KEY, 'settings'] as const;
const PLANS_KEY = [...SERVICE_KEY, 'plans'] as const;

export const APPOINTMENT_SOURCES: readonly AppointmentSource[] = [
  'phone',
  'customer',
  'walk_in',
  'due_list',
];

export const STATUS_COLOURS: Record<AppointmentStatus, string> = {
  booked: 'blue',
  arrived: 'green',
  no_show: 'red',
  cancelled: 'default',
};

/** The cars due in a period, soonest (and overdue) first, 50 at a time. */
export function useDues(range: { from?: string; to: string }) {
  return useKeysetList([...DUES_KEY, range], (cursor) =>
    unwrap(
      api.GET('/api/v1/service-dues', {
        params: { query: { from: range.from, to: range.to, limit: 50, cursor } },
      }),
    ),
  );
}

/** One day's appointments, all of them (a day holds far fewer than 200). */
export function useDayAppointments(day: string) {
  return useKeysetList([...APPOINTMENTS_KEY, day], (cursor) =>
    unwrap(
      api.GET('/api/v1/service-appointments', {
        params: { query: { from: day, to: day, limit: 200, cursor } },
      }),
    ),
  );
}

/** The workshop's days from `from` to `to`, with whether a job this long fits. */
export function useCapacity(
  from: string,
  to: string,
  jobMinutes?: number,
  advisorId?: string | null,
) {
  return useQuery({
    queryKey: [...CAPACITY_KEY, from, to, jobMinutes ?? null, advisorId ?? null],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/service-capacity', {
          params: {
            query: { from, to, job_minutes: jobMinutes, advisor_id: advisorId ?? undefined },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** A customer's cars, for picking the one to book. */
export function useCustomerCars(customerId: string | null) {
  return useQuery({
    queryKey: ['vehicles', 'of-customer', customerId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/vehicles', {
          params: { query: { customer_id: customerId ?? undefined, limit: 50 } },
        }),
      ),
    enabled: customerId !== null,
  });
}

function useServiceWrite<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SERVICE_KEY }),
  });
}

export function useBook() {
  return useServiceWrite((body: NewAppointment) =>
    unwrap(api.POST('/api/v1/service-appointments', { body })),
  );
}

export function useMoveAppointment() {
  return useServiceWrite(({ id, body }: { id: string; body: MoveAppointment }) =>
    unwrap(api.POST('/api/v1/service-appointments/{id}/move', { params: { path: { id } }, body })),
  );
}

export function useCancelAppointment() {
  return useServiceWrite(({ id, version }: { id: string; version: number }) =>
    unwrap(
      api.POST('/api/v1/service-appointments/{id}/cancel', {
        params: { path: { id } },
        body: { version },
      }),
    ),
  );
}

export function useNoShow() {
  return useServiceWrite(({ id, version }: { id: string; version: number }) =>
    unwrap(
      api.POST('/api/v1/service-appointments/{id}/no-show', {
        params: { path: { id } },
        body: { version },
      }),
    ),
  );
}

/** Refetches everything the service pages show (after a 409 version conflict). */
export function useReloadService() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: SERVICE_KEY });
}

export function useServiceSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/service/settings')),
  });
}

export function useUpdateServiceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceSettingsPatch) =>
      unwrap(api.PATCH('/api/v1/service/settings', { body })),
    onSuccess: (settings) => {
      queryClient.setQueryData(SETTINGS_KEY, settings);
      void queryClient.invalidateQueries({ queryKey: CAPACITY_KEY });
    },
  });
}

export function usePlans() {
  return useQuery({
    queryKey: PLANS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/maintenance-plans')),
  });
}

function usePlanWrite<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...SERVICE_KEY] }),
  });
}

export function useSavePlan() {
  return usePlanWrite(({ id, body }: { id?: string; body: MaintenancePlanInput }) =>
    id
      ? unwrap(api.PUT('/api/v1/maintenance-plans/{id}', { params: { path: { id } }, body }))
      : unwrap(api.POST('/api/v1/maintenance-plans', { body })),
  );
}

export function useDeletePlan() {
  return usePlanWrite((id: string) =>
    unwrap(api.DELETE('/api/v1/maintenance-plans/{id}', { params: { path: { id } } })),
  );
}
