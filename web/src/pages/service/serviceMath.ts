// The service desk's arithmetic: times of day kept as minutes after midnight, job lengths as
// hours, a car's driving rate as km a month, the due list's periods as day ranges and the
// capacity strip's days.
import dayjs from 'dayjs';

/** Minutes after midnight as "HH:mm" (1440 is the day's end, "24:00"). */
export function minutesToTime(minutes: number): string {
  const m = Math.max(0, Math.min(1440, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "HH:mm" (or "H:mm") as minutes after midnight; null when it is not a time of day. */
export function timeToMinutes(time: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** Minutes as hours for people: 90 → "1.5", 480 → "8", 50 → "0.8". */
export function minutesToHours(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  return String(hours);
}

/** Hours as whole minutes: 1.5 → 90. */
export function hoursToMinutes(hours: number): number {
  return Math.round(hours * 60);
}

/** The standard times a job may be booked for, in hours. */
export const JOB_HOURS = [0.5, 1, 1.5, 2, 2.5, 3, 4, 6, 8] as const;

export type DuePeriod = 'week' | 'month' | 'quarter' | 'overdue';
export const DUE_PERIODS: readonly DuePeriod[] = ['week', 'month', 'quarter', 'overdue'];

/**
 * The `from` / `to` of the due list for a period, from the dealer's today ("YYYY-MM-DD"):
 * the next 7, 30 or 90 days (overdue cars included, they come first), or only the overdue ones.
 */
export function dueRange(period: DuePeriod, today: string): { from?: string; to: string } {
  const day = dayjs(today);
  switch (period) {
    case 'overdue':
      return { to: day.subtract(1, 'day').format('YYYY-MM-DD') };
    case 'week':
      return { to: day.add(7, 'day').format('YYYY-MM-DD') };
    case 'quarter':
      return { to: day.add(90, 'day').format('YYYY-MM-DD') };
    default:
      return { to: day.add(30, 'day').format('YYYY-MM-DD') };
  }
}

/** A day `n` days after a "YYYY-MM-DD" day. */
export function addDays(day: string, n: number): string {
  return dayjs(day).add(n, 'day').format('YYYY-MM-DD');
}

export interface CapacityDay {
  on_date: string;
  working: boolean;
  capacity_minutes: number;
  booked_minutes: number;
  left_minutes: number;
  advisor_left_minutes?: number | null;
  fits?: boolean | null;
}

export interface StripDay {
  date: string;
  /** Day of the month and weekday index (0 Sunday … 6 Saturday), for the label. */
  dayOfMonth: number;
  weekday: number;
  closed: boolean;
  capacityHours: string;
  bookedHours: string;
  leftHours: string;
  /** Booked share of the capacity, 0–100, for a bar. */
  percent: number;
  /** Whether the job asked about fits (undefined when no job was asked about). */
  fits?: boolean;
  selected: boolean;
}

/** The capacity strip's cells from the server's days. */
export function buildStrip(days: readonly CapacityDay[], selected?: string): StripDay[] {
  return days.map((day) => {
    const date = dayjs(day.on_date);
    const closed = !day.working || day.capacity_minutes <= 0;
    const percent = closed
      ? 0
      : Math.min(100, Math.round((day.booked_minutes / day.capacity_minutes) * 100));
    return {
      date: day.on_date,
      dayOfMonth: date.date(),
      weekday: date.day(),
      closed,
      capacityHours: minutesToHours(day.capacity_minutes),
      bookedHours: minutesToHours(day.booked_minutes),
      leftHours: minutesToHours(Math.max(0, day.left_minutes)),
      percent,
      fits: day.fits === null || day.fits === undefined ? undefined : day.fits && !closed,
      selected: day.on_date === selected,
    };
  });
}

/** Working days as the settings form shows them: Monday first, seven flags. */
export function normaliseWorkingDays(flags: readonly boolean[] | undefined): boolean[] {
  return Array.from({ length: 7 }, (_, i) => flags?.[i] ?? false);
}
