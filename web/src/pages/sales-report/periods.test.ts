import { describe, expect, it } from 'vitest';
import { pickDate, presetOf, rangeOf } from './periods';

// Monday 2 November 2026.
const TODAY = '2026-11-02';

describe('report periods', () => {
  it('computes the previous day, week and month like the server', () => {
    expect(rangeOf('yesterday', TODAY)).toEqual({ first: '2026-11-01', last: '2026-11-01' });
    expect(rangeOf('week', '2026-11-08')).toEqual({ first: '2026-11-02', last: '2026-11-08' });
    expect(rangeOf('last_week', TODAY)).toEqual({ first: '2026-10-26', last: '2026-11-01' });
    expect(rangeOf('last_month', TODAY)).toEqual({ first: '2026-10-01', last: '2026-10-31' });
    expect(rangeOf('last_month', '2026-03-31')).toEqual({
      first: '2026-02-01',
      last: '2026-02-28',
    });
  });

  it('highlights the preset that matches the days shown, or none', () => {
    expect(presetOf(rangeOf('today', TODAY), TODAY)).toBe('today');
    // Yesterday picked by date is the "yesterday" preset.
    expect(presetOf(rangeOf('today', '2026-11-01'), TODAY)).toBe('yesterday');
    // An older day is no preset: "today" must not stay highlighted.
    expect(presetOf(rangeOf('today', '2026-10-20'), TODAY)).toBeUndefined();
    expect(presetOf(rangeOf('week', '2026-10-28'), TODAY)).toBe('last_week');
    expect(presetOf(rangeOf('month', '2026-10-05'), TODAY)).toBe('last_month');
  });

  it('keeps the kind of range when a date is picked', () => {
    expect(pickDate('yesterday', '2026-10-20', TODAY)).toEqual({ date: '2026-10-20' });
    expect(pickDate('last_week', '2026-10-20', TODAY)).toEqual({
      period: 'week',
      date: '2026-10-20',
    });
    expect(pickDate('today', TODAY, TODAY)).toEqual({});
  });
});
