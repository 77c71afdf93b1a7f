// The stock API: the filtered list of units, one unit with its history, adding, editing and
// moving a unit, and the export's address.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

type Schemas = components['schemas'];
export type StockUnit = Schemas['StockUnitView'];
export type StockUnitDetail = Schemas['StockUnitDetail'];
export type StockStatus = Schemas['StockStatus'];
export type NewStockUnit = Schemas['NewStockUnit'];
export type StockUnitPatch = Schemas['StockUnitPatch'];
export type StockMove = Schemas['StockMove'];

export const STOCK_KEY = ['stock-units'] as const;

export interface StockFilters {
  q?: string;
  status?: string;
  colour?: string;
  location?: string;
  min_days?: number;
  used?: boolean;
}

function clean(filters: StockFilters): StockFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== '' && v !== null),
  ) as StockFilters;
}

export function useStockUnits(filters: StockFilters, cursor?: string) {
  return useQuery({
    queryKey: [...STOCK_KEY, 'list', filters, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/stock-units', {
          params: { query: { ...clean(filters), cursor, limit: 50 } },
        }),
      ),
  });
}

export function useStockUnit(id: string | null) {
  return useQuery({
    queryKey: [...STOCK_KEY, 'one', id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/stock-units/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
}

export function exportHref(filters: StockFilters, lang: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(clean(filters))) params.set(k, String(v));
  params.set('lang', lang);
  return `/api/v1/stock-units/export?${params.toString()}`;
}

function useStockWrite<I>(call: (input: I) => Promise<StockUnitDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STOCK_KEY }),
  });
}

export function useAddUnit() {
  return useStockWrite((body: NewStockUnit) => unwrap(api.POST('/api/v1/stock-units', { body })));
}

export function useEditUnit(id: string) {
  return useStockWrite((body: StockUnitPatch) =>
    unwrap(api.PATCH('/api/v1/stock-units/{id}', { params: { path: { id } }, body })),
  );
}

export function useMoveUnit(id: string) {
  return useStockWrite((body: StockMove) =>
    unwrap(api.POST('/api/v1/stock-units/{id}/move', { params: { path: { id } }, body })),
  );
}

export type ModelStock = Schemas['ModelStockView'];
export type StockSettings = Schemas['StockSettingsView'];
export type StockSettingsPatch = Schemas['StockSettingsPatch'];

/** Each model's units in stock and in transit against its minimum. */
export function useModelStock() {
  return useQuery({
    queryKey: [...STOCK_KEY, 'models'],
    queryFn: () => unwrap(api.GET('/api/v1/stock-models')),
  });
}

export function useStockSettings(enabled: boolean) {
  return useQuery({
    queryKey: [...STOCK_KEY, 'settings'],
    queryFn: () => unwrap(api.GET('/api/v1/stock/settings')),
    enabled,
  });
}

export function useUpdateStockSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StockSettingsPatch) => unwrap(api.PATCH('/api/v1/stock/settings', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STOCK_KEY }),
  });
}
