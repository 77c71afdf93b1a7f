// The morning report: the sales figures of a day, week or month in the dealer's time zone.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { ReportPeriod } from '@/api/types';

export const REPORT_KEY = ['sales-report'] as const;

export interface ReportQuery {
  period: ReportPeriod;
  /** A day of the period ("YYYY-MM-DD"); default today. */
  date?: string;
  team_id?: string;
  /** Only the signed-in user's own figures. */
  mine?: boolean;
}

export function useSalesReport(query: ReportQuery, enabled = true) {
  return useQuery({
    queryKey: [...REPORT_KEY, query],
    queryFn: () => unwrap(api.GET('/api/v1/sales/report', { params: { query } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}
