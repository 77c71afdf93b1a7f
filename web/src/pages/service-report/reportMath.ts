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

/** The period's totals of the daily rows. */
export function dayTotals(days: readonly DayFigures[]): DayFigures {
  return days.reduce<DayFigures>(
    (sum, day) => ({
      appointments: sum.appointments + day.appointments,
      no_shows: sum.no_shows + day.no_shows,
      repair_orders: sum.repair_orders + day.repair_orders,
      picked_up: sum.picked_up + day.picked_up,
      revenue_fen: sum.revenue_fen + day.revenue_fen,
    }),
    { appointments: 0, no_shows: 0, repair_orders: 0, picked_up: 0, revenue_fen: 0 },
  );
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
  return rows.reduce<AdvisorFigures>(
    (sum, row) => ({
      appointments: sum.appointments + row.appointments,
      repair_orders: sum.repair_orders + row.repair_orders,
      picked_up: sum.picked_up + row.picked_up,
      revenue_fen: sum.revenue_fen + row.revenue_fen,
      labour_hours_centi: sum.labour_hours_centi + row.labour_hours_centi,
    }),
    { appointments: 0, repair_orders: 0, picked_up: 0, revenue_fen: 0, labour_hours_centi: 0 },
  );
}

export interface PayerAmounts {
  labour_fen: number;
  parts_fen: number;
}

/** The totals of the paying parties' rows, and the whole revenue. */
export function payerTotals(rows: readonly PayerAmounts[]): PayerAmounts & { total_fen: number } {
  const labour = rows.reduce((sum, row) => sum + row.labour_fen, 0);
  const parts = rows.reduce((sum, row) => sum + row.parts_fen, 0);
  return { labour_fen: labour, parts_fen: parts, total_fen: labour + parts };
}

/** Fen as yuan for a chart's axis (never for display: `formatMoney` shows amounts). */
export function fenToYuan(fen: number): number {
  return fen / 100;
}
