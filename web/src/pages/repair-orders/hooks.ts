// The repair-order API: the list, one order and every step of it — lines, clock-ons, moves,
// pickup — the parts price list and the people who may clock on a job.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Schemas } from '@/api/types';

export type RepairOrder = Schemas['RepairOrderView'];
export type RepairOrderRow = Schemas['RepairOrderSummary'];
export type RepairStatus = Schemas['RepairStatus'];
export type Payer = Schemas['Payer'];
export type NewRepairOrder = Schemas['NewRepairOrder'];
export type NewLabourLine = Schemas['NewLabourLine'];
export type NewPartLine = Schemas['NewPartLine'];
export type RepairPickup = Schemas['RepairPickup'];
export type PartsPrice = Schemas['PartsPriceView'];
export type PartsImportReport = Schemas['PartsImportReport'];

export const REPAIR_ORDERS_KEY = ['repair-orders'] as const;
export const PARTS_KEY = ['parts-prices'] as const;
export const STATUSES: RepairStatus[] = [
  'opened',
  'in_progress',
  'quality_check',
  'ready',
  'picked_up',
  'cancelled',
];
export const PAYERS: Payer[] = ['customer', 'warranty', 'insurance', 'internal'];

export function useRepairOrders(status?: RepairStatus) {
  return useQuery({
    queryKey: [...REPAIR_ORDERS_KEY, 'list', status ?? null],
    queryFn: () =>
      unwrap(api.GET('/api/v1/repair-orders', { params: { query: { status, limit: 200 } } })),
  });
}

export function useRepairOrder(id: string) {
  return useQuery({
    queryKey: [...REPAIR_ORDERS_KEY, id],
    queryFn: () => unwrap(api.GET('/api/v1/repair-orders/{id}', { params: { path: { id } } })),
  });
}

export function useOpenRepairOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRepairOrder) => unwrap(api.POST('/api/v1/repair-orders', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: REPAIR_ORDERS_KEY }),
  });
}

/** A write on one order; the answer is the order as it now stands. */
export function useOrderWrite<I>(id: string, call: (id: string, input: I) => Promise<RepairOrder>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => call(id, input),
    onSuccess: (order) => {
      queryClient.setQueryData([...REPAIR_ORDERS_KEY, id], order);
      void queryClient.invalidateQueries({ queryKey: [...REPAIR_ORDERS_KEY, 'list'] });
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });
const linePath = (id: string, line_id: string) => ({ params: { path: { id, line_id } } });

export const useAddLabour = (id: string) =>
  useOrderWrite(id, (id, body: NewLabourLine) =>
    unwrap(api.POST('/api/v1/repair-orders/{id}/labour', { ...path(id), body })),
  );
export const useAddPart = (id: string) =>
  useOrderWrite(id, (id, body: NewPartLine) =>
    unwrap(api.POST('/api/v1/repair-orders/{id}/parts', { ...path(id), body })),
  );
export const useRemoveLabour = (id: string) =>
  useOrderWrite(id, (id, input: { line: string; version: number }) =>
    unwrap(
      api.DELETE('/api/v1/repair-orders/{id}/labour/{line_id}', {
        params: { path: { id, line_id: input.line }, query: { version: input.version } },
      }),
    ),
  );
export const useRemovePart = (id: string) =>
  useOrderWrite(id, (id, input: { line: string; version: number }) =>
    unwrap(
      api.DELETE('/api/v1/repair-orders/{id}/parts/{line_id}', {
        params: { path: { id, line_id: input.line }, query: { version: input.version } },
      }),
    ),
  );
export const useClock = (id: string) =>
  useOrderWrite(id, (id, input: { line: string; technician_id: string; on: boolean }) =>
    input.on
      ? unwrap(
          api.POST('/api/v1/repair-orders/{id}/labour/{line_id}/clock-on', {
            ...linePath(id, input.line),
            body: { technician_id: input.technician_id },
          }),
        )
      : unwrap(
          api.POST('/api/v1/repair-orders/{id}/labour/{line_id}/clock-off', {
            ...linePath(id, input.line),
            body: { technician_id: input.technician_id },
          }),
        ),
  );
export const useLabourDone = (id: string) =>
  useOrderWrite(id, (id, line: string) =>
    unwrap(api.POST('/api/v1/repair-orders/{id}/labour/{line_id}/done', linePath(id, line))),
  );
export const useMoveOrder = (id: string) =>
  useOrderWrite(id, (id, body: { to: RepairStatus; version: number }) =>
    unwrap(api.POST('/api/v1/repair-orders/{id}/move', { ...path(id), body })),
  );
export const usePickup = (id: string) =>
  useOrderWrite(id, (id, body: RepairPickup) =>
    unwrap(api.POST('/api/v1/repair-orders/{id}/pickup', { ...path(id), body })),
  );

export function useTechnicians() {
  return useQuery({
    queryKey: ['service', 'technicians'],
    queryFn: () => unwrap(api.GET('/api/v1/service/technicians')),
    staleTime: 60_000,
  });
}

export function useParts(q: string) {
  return useQuery({
    queryKey: [...PARTS_KEY, q],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/parts-prices', { params: { query: { q: q || undefined, limit: 50 } } }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePartWrite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['NewPartsPrice']) =>
      unwrap(api.POST('/api/v1/parts-prices', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PARTS_KEY }),
  });
}

export function useImportParts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST('/api/v1/parts-prices/import', {
          // The raw bytes, not JSON: the schema names the body as bytes.
          body: file as unknown as number[],
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'content-type': 'application/octet-stream' },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PARTS_KEY }),
  });
}

/** The colour of a status tag. */
export function statusColour(status: RepairStatus): string {
  switch (status) {
    case 'opened':
      return 'blue';
    case 'in_progress':
      return 'orange';
    case 'quality_check':
      return 'purple';
    case 'ready':
      return 'green';
    case 'picked_up':
      return 'default';
    default:
      return 'red';
  }
}

/** The moves a person makes from a state (pickup has its own button). */
export function nextMoves(status: RepairStatus): RepairStatus[] {
  switch (status) {
    case 'opened':
      return ['in_progress', 'cancelled'];
    case 'in_progress':
      return ['quality_check'];
    case 'quality_check':
      return ['ready', 'in_progress'];
    default:
      return [];
  }
}
