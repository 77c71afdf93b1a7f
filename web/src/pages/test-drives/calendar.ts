// Calendar arithmetic for the fleet view, in the dealer's time zone: the visible range, where a
// booking sits on the day's time axis, the days of a week.
import dayjs from 'dayjs';
import type { Booking } from '@/api/types';
import { dayBoundary, wallClock } from '@/lib/format';

export type CalendarView = 'day' | 'week';

/** The Monday of the date's week ("2024-05-01" → "2024-04-29"). */
export function weekStart(date: string): string {
  const day = dayjs(date);
  const offset = (day.day() + 6) % 7;
  return day.subtract(offset, 'day').format('YYYY-MM-DD');
}

/** The dates shown: one day, or Monday to Sunday. */
export function visibleDays(view: CalendarView, date: string): string[] {
  if (view === 'day') return [date];
  const first = dayjs(weekStart(date));
  return Array.from({ length: 7 }, (_, i) => first.add(i, 'day').format('YYYY-MM-DD'));
}

/** The API's `from` / `to` for the visible days. */
export function visibleRange(view: CalendarView, date: string, timeZone: string) {
  const days = visibleDays(view, date);
  return {
    from: dayBoundary(days[0] ?? date, timeZone),
    to: dayBoundary(days[days.length - 1] ?? date, timeZone, true),
  };
}

export function shiftDate(view: CalendarView, date: string, steps: number): string {
  return dayjs(date)
    .add(steps * (view === 'day' ? 1 : 7), 'day')
    .format('YYYY-MM-DD');
}

/** Minutes since the dealer's midnight of `date` (negative before, past 1440 after). */
export function minutesInto(iso: string, date: string, timeZone: string): number {
  return wallClock(iso, timeZone).diff(dayjs(`${date}T00:00:00`), 'minute');
}

/** Whether a booking still holds the car (cancelled and no-show ones do not). */
export function holdsCar(booking: Pick<Booking, 'status'>): boolean {
  return booking.status === 'booked' || booking.status === 'done';
}

/** The hours the day axis shows: 8:00 to 20:00, widened to fit the day's bookings. */
export function dayHours(bookings: Booking[], date: string, timeZone: string): [number, number] {
  let first = 8;
  let last = 20;
  for (const booking of bookings) {
    const start = minutesInto(booking.starts_at, date, timeZone);
    const end = minutesInto(booking.ends_at, date, timeZone);
    if (end <= 0 || start >= 1440) continue;
    first = Math.min(first, Math.max(0, Math.floor(start / 60)));
    last = Math.max(last, Math.min(24, Math.ceil(end / 60)));
  }
  return [first, last];
}

/** Left offset and width of a booking on the day axis, as percentages. */
export function barPosition(
  booking: Pick<Booking, 'starts_at' | 'ends_at'>,
  date: string,
  timeZone: string,
  [first, last]: [number, number],
): { left: number; width: number } | null {
  const span = (last - first) * 60;
  const start = Math.max(minutesInto(booking.starts_at, date, timeZone), first * 60);
  const end = Math.min(minutesInto(booking.ends_at, date, timeZone), last * 60);
  if (end <= start) return null;
  return {
    left: ((start - first * 60) / span) * 100,
    width: ((end - start) / span) * 100,
  };
}

/** The bookings of one car that touch one day. */
export function bookingsOn(
  bookings: Booking[],
  carId: string,
  date: string,
  timeZone: string,
): Booking[] {
  return bookings
    .filter((b) => b.car.id === carId)
    .filter((b) => {
      const start = minutesInto(b.starts_at, date, timeZone);
      const end = minutesInto(b.ends_at, date, timeZone);
      return end > 0 && start < 1440;
    })
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
}

/**
 * Where a new booking's time starts when nothing was picked: the next quarter hour after `now`
 * on the dealer's wall clock ("2026-12-07", "14:15"), so the time picker opens near the present
 * instead of at midnight.
 */
export function nextQuarterHour(now: string, timeZone: string): { day: string; start: string } {
  const clock = wallClock(now, timeZone);
  const minutes = clock.hour() * 60 + clock.minute() + (clock.second() > 0 ? 1 : 0);
  const next = clock.startOf('day').add(Math.ceil(minutes / 15) * 15, 'minute');
  return { day: next.format('YYYY-MM-DD'), start: next.format('HH:mm') };
}
