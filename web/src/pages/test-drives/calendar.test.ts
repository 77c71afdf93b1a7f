import { describe, expect, it } from 'vitest';
import type { Booking } from '@/api/types';
import {
  barPosition,
  bookingsOn,
  dayHours,
  nextQuarterHour,
  visibleDays,
  visibleRange,
  weekStart,
} from './calendar';

const TZ = 'Asia/Shanghai';

function booking(id: string, car: string, starts: string, ends: string): Booking {
  return {
    id,
    car: { id: car, name: car, label: car },
    starts_at: starts,
    ends_at: ends,
    status: 'booked',
    busy_only: false,
    version: 1,
  };
}

describe('the fleet calendar', () => {
  it('shows Monday to Sunday in the week view', () => {
    expect(weekStart('2024-05-01')).toBe('2024-04-29');
    expect(weekStart('2024-05-05')).toBe('2024-04-29');
    expect(visibleDays('week', '2024-05-01')).toHaveLength(7);
    expect(visibleDays('day', '2024-05-01')).toEqual(['2024-05-01']);
  });

  it('asks the API for the dealer’s days', () => {
    expect(visibleRange('day', '2024-05-01', TZ)).toEqual({
      from: '2024-04-30T16:00:00Z',
      to: '2024-05-01T16:00:00Z',
    });
  });

  it('places a booking on the day axis in the dealer’s time', () => {
    // 10:00–11:00 in Shanghai on an 8:00–20:00 axis.
    const b = booking('1', 'car', '2024-05-01T02:00:00Z', '2024-05-01T03:00:00Z');
    const position = barPosition(b, '2024-05-01', TZ, [8, 20]);
    expect(position?.left).toBeCloseTo((120 / 720) * 100);
    expect(position?.width).toBeCloseTo((60 / 720) * 100);
  });

  it('widens the axis for early and late drives and finds a car’s bookings', () => {
    const early = booking('1', 'a', '2024-04-30T23:00:00Z', '2024-05-01T00:00:00Z'); // 7:00–8:00
    const other = booking('2', 'b', '2024-05-01T13:00:00Z', '2024-05-01T13:30:00Z'); // 21:00
    expect(dayHours([early, other], '2024-05-01', TZ)).toEqual([7, 22]);
    expect(bookingsOn([early, other], 'a', '2024-05-01', TZ).map((b) => b.id)).toEqual(['1']);
    expect(bookingsOn([early, other], 'a', '2024-05-02', TZ)).toEqual([]);
  });
});

describe('a new booking starts near now', () => {
  it('rounds up to the next quarter hour on the dealer clock', () => {
    expect(nextQuarterHour('2026-12-07T06:07:30Z', 'Asia/Shanghai')).toEqual({
      day: '2026-12-07',
      start: '14:15',
    });
    expect(nextQuarterHour('2026-12-07T06:15:00Z', 'Asia/Shanghai')).toEqual({
      day: '2026-12-07',
      start: '14:15',
    });
  });

  it('moves to the next day after the last quarter', () => {
    expect(nextQuarterHour('2026-12-07T15:50:00Z', 'Asia/Shanghai')).toEqual({
      day: '2026-12-08',
      start: '00:00',
    });
  });
});
