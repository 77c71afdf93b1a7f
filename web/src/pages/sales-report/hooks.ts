// The morning report's export (the figures themselves: `@/lib/salesReport`).
import type { ReportQuery } from '@/lib/salesReport';

/**
 * The report's Excel export for the same range and team: the browser downloads it straight from
 * the server (the session cookie authenticates the GET), headed in the app's language.
 */
export function reportExportUrl(query: ReportQuery, locale: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  params.set('lang', locale);
  return `/api/v1/sales/report/export?${params.toString()}`;
}
