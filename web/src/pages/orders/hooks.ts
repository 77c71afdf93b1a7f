// The orders API: the list, one order, and every step of it — the payment plan, payments,
// refunds, the car, the invoice, the checklists, the handover, cancellation.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Schemas } from '@/api/types';

export type Order = Schemas['OrderView'];
export type OrderStatus = Schemas['OrderStatus'];
export type NewPayment = Schemas['NewPayment'];
export type NewScheduleItem = Schemas['NewScheduleItem'];
export type NewRefund = Schemas['NewRefund'];
export type ChecklistTicks = Schemas['ChecklistTicks'];
export type OrderCancel = Schemas['OrderCancel'];

export const ORDERS_KEY = ['orders'] as const;

export function useOrders(status?: OrderStatus) {
  return useQuery({
    queryKey: [...ORDERS_KEY, 'list', status ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/orders', { params: { query: { status, limit: 200 } } })),
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: [...ORDERS_KEY, id],
    queryFn: () => unwrap(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })),
  });
}

function useOrderWrite<I>(id: string, call: (path: { id: string }, input: I) => Promise<Order>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => call({ id }, input),
    onSuccess: (order) => {
      queryClient.setQueryData([...ORDERS_KEY, id], order);
      void queryClient.invalidateQueries({ queryKey: [...ORDERS_KEY, 'list'] });
    },
  });
}

export const usePlan = (id: string) =>
  useOrderWrite(id, (path, body: NewScheduleItem) =>
    unwrap(api.POST('/api/v1/orders/{id}/schedule', { params: { path }, body })),
  );
export const usePay = (id: string) =>
  useOrderWrite(id, (path, body: NewPayment) =>
    unwrap(api.POST('/api/v1/orders/{id}/payments', { params: { path }, body })),
  );
export const useRefund = (id: string) =>
  useOrderWrite(id, (path, body: NewRefund) =>
    unwrap(api.POST('/api/v1/orders/{id}/refunds', { params: { path }, body })),
  );
export const useApproveLoan = (id: string) =>
  useOrderWrite(id, (path, schedule_item_id: string) =>
    unwrap(
      api.POST('/api/v1/orders/{id}/loan-approvals', {
        params: { path },
        body: { schedule_item_id },
      }),
    ),
  );
export const useTick = (id: string) =>
  useOrderWrite(id, (path, body: ChecklistTicks) =>
    unwrap(api.PUT('/api/v1/orders/{id}/checklists', { params: { path }, body })),
  );
export const useAllocate = (id: string) =>
  useOrderWrite(id, (path, body: { stock_unit_id: string; version: number }) =>
    unwrap(api.POST('/api/v1/orders/{id}/allocation', { params: { path }, body })),
  );
export const useInvoice = (id: string) =>
  useOrderWrite(id, (path, body: { invoice_no: string; version: number }) =>
    unwrap(api.POST('/api/v1/orders/{id}/invoice', { params: { path }, body })),
  );
export const useDeliver = (id: string) =>
  useOrderWrite(id, (path, body: { odometer_km: number; version: number }) =>
    unwrap(api.POST('/api/v1/orders/{id}/delivery', { params: { path }, body })),
  );
export const useCancel = (id: string) =>
  useOrderWrite(
    id,
    (path, body: OrderCancel) =>
      unwrap(
        api.POST('/api/v1/orders/{id}/cancel', { params: { path }, body }),
      ) as Promise<unknown> as Promise<Order>,
  );

/** The colour of a status tag. */
export function statusColour(status: OrderStatus): string {
  switch (status) {
    case 'open':
      return 'blue';
    case 'invoiced':
      return 'gold';
    case 'delivered':
      return 'green';
    default:
      return 'default';
  }
}

export type StockUnitChoice = Schemas['StockUnitView'];

/** The units in stock a car can be allocated from: `q` is a VIN or its last six. */
export function useInStockUnits(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['stock-units', 'in-stock-for-order', q],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/stock-units', {
          params: { query: { status: 'in_stock', q: q || undefined, limit: 200 } },
        }),
      ),
    enabled,
  });
}
