import { describe, expect, it } from 'vitest';
import {
  addDays,
  buildStrip,
  dueRange,
  hoursToMinutes,
  minutesToHours,
  minutesToTime,
  normaliseWorkingDays,
  timeToMinutes,
} from './serviceMath';
import { kmPerMonth } from '@/lib/mileage';

describe('times of day', () => {
  it('shows minutes after midnight as HH:mm', () => {
    expect(minutesToTime(510)).toBe('08:30');
    expect(minutesToTime(0)).toBe('00:00');
    expect(minutesToTime(1080)).toBe('18:00');
    expect(minutesToTime(1440)).toBe('24:00');
  });

  it('reads HH:mm back', () => {
    expect(timeToMinutes('08:30')).toBe(510);
    expect(timeToMinutes('8:05')).toBe(485);
    expect(timeToMinutes('24:00')).toBe(1440);
    expect(timeToMinutes('24:01')).toBeNull();
    expect(timeToMinutes('12:60')).toBeNull();
    expect(timeToMinutes('noon')).toBeNull();
  });

  it('round-trips every quarter hour', () => {
    for (let m = 0; m <= 1440; m += 15) expect(timeToMinutes(minutesToTime(m))).toBe(m);
  });
});

describe('hours', () => {
  it('shows minutes as hours with one decimal at most', () => {
    expect(minutesToHours(90)).toBe('1.5');
    expect(minutesToHours(480)).toBe('8');
    expect(minutesToHours(50)).toBe('0.8');
    expect(minutesToHours(0)).toBe('0');
  });

  it('turns hours into minutes', () => {
    expect(hoursToMinutes(0.5)).toBe(30);
    expect(hoursToMinutes(2.5)).toBe(150);
    expect(hoursToMinutes(8)).toBe(480);
  });
});

describe('driving rate', () => {
  it('turns metres a day into km a month', () => {
    // 15,000 km a year is 41,096 m a day, 1,250 km a month.
    expect(kmPerMonth(41096)).toBe(1250);
    expect(kmPerMonth(0)).toBe(0);
    expect(kmPerMonth(33)).toBe(1);
  });
});

describe('due periods', () => {
  it('ends the period 7, 30 or 90 days ahead', () => {
    expect(dueRange('week', '2024-02-25')).toEqual({ to: '2024-03-03' });
    expect(dueRange('month', '2024-02-01')).toEqual({ to: '2024-03-02' });
    expect(dueRange('quarter', '2024-01-01')).toEqual({ to: '2024-03-31' });
  });

  it('keeps only the days before today for overdue', () => {
    expect(dueRange('overdue', '2024-03-01')).toEqual({ to: '2024-02-29' });
  });

  it('adds days across months', () => {
    expect(addDays('2024-12-25', 13)).toBe('2025-01-07');
  });
});

describe('capacity strip', () => {
  const monday = {
    on_date: '2024-05-06',
    working: true,
    capacity_minutes: 2400,
    booked_minutes: 1800,
    left_minutes: 600,
    fits: true,
  };
  const days = [
    monday,
    {
      on_date: '2024-05-07',
      working: true,
      capacity_minutes: 2400,
      booked_minutes: 2400,
      left_minutes: 0,
      fits: false,
    },
    {
      on_date: '2024-05-12',
      working: false,
      capacity_minutes: 0,
      booked_minutes: 0,
      left_minutes: 0,
      fits: false,
    },
  ];

  it('turns minutes into hours and a share booked', () => {
    const [first, tuesday] = buildStrip(days, '2024-05-07');
    expect(first).toMatchObject({
      date: '2024-05-06',
      dayOfMonth: 6,
      weekday: 1,
      closed: false,
      capacityHours: '40',
      bookedHours: '30',
      leftHours: '10',
      percent: 75,
      fits: true,
      selected: false,
    });
    expect(tuesday).toMatchObject({ percent: 100, leftHours: '0', fits: false, selected: true });
  });

  it('greys closed days', () => {
    const sunday = buildStrip(days)[2];
    expect(sunday).toMatchObject({ closed: true, percent: 0, weekday: 0, fits: false });
  });

  it('leaves fits unset when no job was asked about', () => {
    const [day] = buildStrip([{ ...monday, fits: null }]);
    expect(day?.fits).toBeUndefined();
  });

  it('never shows negative hours left', () => {
    const [day] = buildStrip([{ ...monday, booked_minutes: 2500, left_minutes: -100 }]);
    expect(day).toMatchObject({ leftHours: '0', percent: 100 });
  });
});

describe('working days', () => {
  it('always has seven flags', () => {
    expect(normaliseWorkingDays([true, true])).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(normaliseWorkingDays(undefined)).toHaveLength(7);
  });
});
