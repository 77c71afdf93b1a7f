// The service manager's figures from the API: the report of a period and the warranty claims
// (索赔) of the orders picked up in it, with the claims' Excel export address.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Schemas } from '@/api/types';
import type { Period } from './reportMath';

export type ServiceReport = Schemas['ServiceReportView'];
export type ServiceDayRow = Schemas['ServiceDayRow'];
export type AdvisorRow = Schemas['AdvisorRow'];
export type PayerRow = Schemas['PayerRow'];
export type WarrantyClaims = Schemas['WarrantyClaims'];
export type WarrantyClaimLine = Schemas['WarrantyClaimLine'];

export const SERVICE_REPORT_KEY = ['service-report'] as const;
export const WARRANTY_CLAIMS_KEY = ['warranty-claims'] as const;

export function useServiceReport(period: Period, withinDays: number, enabled = true) {
  const query = { from: period.from, to: period.to, within_days: withinDays };
  return useQuery({
    queryKey: [...SERVICE_REPORT_KEY, query],
    queryFn: () => unwrap(api.GET('/api/v1/service/report', { params: { query } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useWarrantyClaims(period: Period, enabled = true) {
  const query = { from: period.from, to: period.to };
  return useQuery({
    queryKey: [...WARRANTY_CLAIMS_KEY, query],
    queryFn: () => unwrap(api.GET('/api/v1/warranty-claims', { params: { query } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/**
 * The claims' Excel export for the same period: the browser downloads it straight from the
 * server (the session cookie authenticates the GET), headed in the app's language.
 */
export function warrantyExportUrl(period: Period, locale: string): string {
  const params = new URLSearchParams({ from: period.from, to: period.to, lang: locale });
  return `/api/v1/warranty-claims/export?${params.toString()}`;
}
