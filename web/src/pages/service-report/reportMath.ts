// The service report's arithmetic: periods in the dealer's calendar, basis points and ratios as
// percentages, centi-hours as hours, and the totals of the report's rows. Money stays integer fen.
import dayjs from 'dayjs';
import { EMPTY } from '@/lib/format';

const DAY = 'YYYY-MM-DD';

/** The longest period the report and the claims cover, in days (the server's limit). */
export const MAX_PERIOD_DAYS = 366;
/** The retention window the server uses when none is given, in days after the due day. */
export const DEFAULT_WITHIN_DAYS = 30;

export interface Period {
  from: string;
  to: string;
}

/** The quick ranges, in the order of their buttons. */
export const PRESETS = ['thisMonth', 'lastMonth', 'last30', 'last90'] as const;
export type Preset = (typeof PRESETS)[number];

/** The days a quick range covers, relative to today ("YYYY-MM-DD" in the dealer's zone). */
export function presetPeriod(preset: Preset, today: string): Period {
  const day = dayjs(today);
  switch (preset) {
    case 'lastMonth': {
      const last = day.startOf('month').subtract(1, 'day');
      return { from: last.startOf('month').format(DAY), to: last.format(DAY) };
    }
    case 'last30':
      return { from: day.subtract(29, 'day').format(DAY), to: today };
    case 'last90':
      return { from: day.subtract(89, 'day').format(DAY), to: today };
    default:
      return { from: day.startOf('month').format(DAY), to: today };
  }
}

/** The quick range a period is, if any (the highlighted button follows the days shown). */
export function presetOf(period: Period, today: string): Preset | undefined {
  return PRESETS.find((preset) => {
    const candidate = presetPeriod(preset, today);
    return candidate.from === period.from && candidate.to === period.to;
  });
}

function isDay(text: string | undefined): text is string {
  return !!text && /^\d{4}-\d{2}-\d{2}$/.test(text) && dayjs(text).isValid();
}

/** The period asked for in the URL, else this month up to today. */
export function periodFrom(
  from: string | undefined,
  to: string | undefined,
  today: string,
): Period {
  const fallback = presetPeriod('thisMonth', today);
  return { from: isDay(from) ? from : fallback.from, to: isDay(to) ? to : fallback.to };
}

/** What is wrong with a period before asking the server: ends before it starts, or too long. */
export function periodProblem(period: Period): 'order' | 'tooLong' | null {
  const days = dayjs(period.to).diff(dayjs(period.from), 'day');
  if (days < 0) return 'order';
  if (days >= MAX_PERIOD_DAYS) return 'tooLong';
  return null;
}

/** The retention window asked for in the URL (1–365 days), else the server's default. */
export function withinFrom(text: string | undefined): number {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 && value <= 365 ? value : DEFAULT_WITHIN_DAYS;
}

/** A part of a whole in basis points (1 = 0.01%), rounded; none when the whole is nothing. */
export function ratioBp(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part * 10_000) / whole);
}

/** Basis points as a percentage with at most one decimal: 6667 → "66.7%", 5000 → "50%". */
export function formatBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined || Number.isNaN(bp)) return EMPTY;
  const tenths = Math.round(bp / 10);
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  const whole = Math.floor(abs / 10);
  const decimal = abs % 10;
  return `${sign}${whole}${decimal ? `.${decimal}` : ''}%`;
}

/** The workshop's utilisation: standard hours sold ÷ hours it had, in basis points. */
export function utilisationBp(soldCenti: number, availableCenti: number): number | null {
  return ratioBp(soldCenti, availableCenti);
}

/** Hours × 100 as hours, grouped, without trailing zeros: 12550 → "125.5", 187200 → "1,872". */
export function formatHours(centi: number | null | undefined): string {
  if (centi === null || centi === undefined || Number.isNaN(centi)) return EMPTY;
  const value = Math.round(centi);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

export interface DayFigures {
  appointments: number;
  no_shows: number;
  repair_orders: number;
  picked_up: number;
  revenue_fen: number;
}

/** The sums of the given numeric fields over the rows (zero for no rows). */
function sumFields<K extends string>(
  rows: readonly Record<K, number>[],
  keys: readonly K[],
): Record<K, number> {
  const sums = {} as Record<K, number>;
  for (const key of keys) sums[key] = rows.reduce((sum: number, row) => sum + row[key], 0);
  return sums;
}

/** The period's totals of the daily rows. */
export function dayTotals(days: readonly DayFigures[]): DayFigures {
  return sumFields(days, ['appointments', 'no_shows', 'repair_orders', 'picked_up', 'revenue_fen']);
}

export interface AdvisorFigures {
  appointments: number;
  repair_orders: number;
  picked_up: number;
  revenue_fen: number;
  labour_hours_centi: number;
}

/** The totals of the advisors' rows. */
export function advisorTotals(rows: readonly AdvisorFigures[]): AdvisorFigures {
  return sumFields(rows, [
    'appointments',
    'repair_orders',
    'picked_up',
    'revenue_fen',
    'labour_hours_centi',
  ]);
}

export interface PayerAmounts {
  labour_fen: number;
  parts_fen: number;
}

/** The totals of the paying parties' rows, and the whole revenue. */
export function payerTotals(rows: readonly PayerAmounts[]): PayerAmounts & { total_fen: number } {
  const sums = sumFields(rows, ['labour_fen', 'parts_fen']);
  return { ...sums, total_fen: sums.labour_fen + sums.parts_fen };
}

/** Fen as yuan for a chart's axis (never for display: `formatMoney` shows amounts). */
export function fenToYuan(fen: number): number {
  return fen / 100;
}
