// The report's quick ranges (today, yesterday, this/last week, this/last month) and which one
// the range on screen is: the highlighted preset follows the days shown, not the last click.
import dayjs from 'dayjs';
import type { ReportPeriod } from '@/api/types';

/** The presets, in the order of the buttons. */
export const PRESETS: readonly ReportPeriod[] = [
  'today',
  'yesterday',
  'week',
  'last_week',
  'month',
  'last_month',
];

export interface DayRange {
  first: string;
  last: string;
}

const DAY = 'YYYY-MM-DD';

/** Monday of the week of `day` (the report's weeks run Monday to Sunday). */
function monday(day: dayjs.Dayjs): dayjs.Dayjs {
  return day.subtract((day.day() + 6) % 7, 'day');
}

/** The days a period covers relative to a reference day, as the server computes them. */
export function rangeOf(period: ReportPeriod, date: string): DayRange {
  const day = dayjs(date);
  switch (period) {
    case 'yesterday': {
      const d = day.subtract(1, 'day').format(DAY);
      return { first: d, last: d };
    }
    case 'week':
    case 'last_week': {
      const start = monday(period === 'week' ? day : day.subtract(7, 'day'));
      return { first: start.format(DAY), last: start.add(6, 'day').format(DAY) };
    }
    case 'month':
    case 'last_month': {
      const start = (period === 'month' ? day : day.startOf('month').subtract(1, 'day')).startOf(
        'month',
      );
      return { first: start.format(DAY), last: start.endOf('month').format(DAY) };
    }
    default:
      return { first: date, last: date };
  }
}

/** The kind of range a period shows: a day, a week or a month. */
export function kindOf(period: ReportPeriod): 'today' | 'week' | 'month' {
  if (period === 'week' || period === 'last_week') return 'week';
  if (period === 'month' || period === 'last_month') return 'month';
  return 'today';
}

/** The preset whose range (from today) is the range shown, if any. */
export function presetOf(range: DayRange, today: string): ReportPeriod | undefined {
  return PRESETS.find((preset) => {
    const candidate = rangeOf(preset, today);
    return candidate.first === range.first && candidate.last === range.last;
  });
}

/** After a date is picked: the same kind of range, around the picked day. */
export function pickDate(
  period: ReportPeriod,
  picked: string,
  today: string,
): { period?: string; date?: string } {
  const kind = kindOf(period);
  return {
    period: kind === 'today' ? undefined : kind,
    date: picked === today ? undefined : picked,
  };
}
