import { describe, expect, it } from 'vitest';
import {
  advisorTotals,
  dayTotals,
  formatBp,
  formatHours,
  payerTotals,
  periodFrom,
  periodProblem,
  presetOf,
  presetPeriod,
  ratioBp,
  utilisationBp,
  withinFrom,
} from './reportMath';

// Tuesday 8 December 2026.
const TODAY = '2026-12-08';

describe('periods', () => {
  it('computes the quick ranges in the dealer calendar', () => {
    expect(presetPeriod('thisMonth', TODAY)).toEqual({ from: '2026-12-01', to: TODAY });
    expect(presetPeriod('lastMonth', TODAY)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('lastMonth', '2027-03-31')).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
    expect(presetPeriod('last30', TODAY)).toEqual({ from: '2026-11-09', to: TODAY });
    expect(presetPeriod('last90', TODAY)).toEqual({ from: '2026-09-10', to: TODAY });
  });

  it('highlights the quick range shown, or none', () => {
    expect(presetOf({ from: '2026-12-01', to: TODAY }, TODAY)).toBe('thisMonth');
    expect(presetOf({ from: '2026-11-01', to: '2026-11-30' }, TODAY)).toBe('lastMonth');
    expect(presetOf({ from: '2026-11-02', to: TODAY }, TODAY)).toBeUndefined();
  });

  it('defaults to this month up to today and ignores what is not a day', () => {
    expect(periodFrom(undefined, undefined, TODAY)).toEqual({ from: '2026-12-01', to: TODAY });
    expect(periodFrom('2026-10-05', 'nonsense', TODAY)).toEqual({ from: '2026-10-05', to: TODAY });
    expect(periodFrom('2026-10-05', '2026-10-31', TODAY)).toEqual({
      from: '2026-10-05',
      to: '2026-10-31',
    });
  });

  it('refuses a period that ends before it starts or is longer than 366 days', () => {
    expect(periodProblem({ from: '2026-12-01', to: '2026-12-01' })).toBeNull();
    expect(periodProblem({ from: '2026-12-02', to: '2026-12-01' })).toBe('order');
    // 366 days in all is allowed (a leap year), 367 is not.
    expect(periodProblem({ from: '2027-01-01', to: '2027-12-31' })).toBeNull();
    expect(periodProblem({ from: '2028-01-01', to: '2028-12-31' })).toBeNull();
    expect(periodProblem({ from: '2027-01-01', to: '2028-01-01' })).toBeNull();
    expect(periodProblem({ from: '2027-01-01', to: '2028-01-02' })).toBe('tooLong');
  });

  it('reads the retention window, 1 to 365 days, else 30', () => {
    expect(withinFrom('45')).toBe(45);
    expect(withinFrom(undefined)).toBe(30);
    expect(withinFrom('0')).toBe(30);
    expect(withinFrom('366')).toBe(30);
    expect(withinFrom('7.5')).toBe(30);
  });
});

describe('ratios and units', () => {
  it('turns basis points into percentages', () => {
    expect(formatBp(6667)).toBe('66.7%');
    expect(formatBp(5000)).toBe('50%');
    expect(formatBp(10_000)).toBe('100%');
    expect(formatBp(0)).toBe('0%');
    expect(formatBp(4)).toBe('0%');
    expect(formatBp(5)).toBe('0.1%');
    expect(formatBp(null)).toBe('—');
  });

  it('computes ratios and the utilisation in basis points', () => {
    expect(ratioBp(2, 3)).toBe(6667);
    expect(ratioBp(4, 6)).toBe(6667);
    expect(ratioBp(0, 5)).toBe(0);
    expect(ratioBp(3, 0)).toBeNull();
    // 12.5 hours sold of 1,872 available: 0.6677…% → 67 bp → "0.7%".
    expect(utilisationBp(1250, 187_200)).toBe(67);
    expect(formatBp(utilisationBp(1250, 187_200))).toBe('0.7%');
    expect(utilisationBp(18_720, 187_200)).toBe(1000);
    expect(utilisationBp(500, 0)).toBeNull();
  });

  it('shows centi-hours as hours', () => {
    expect(formatHours(80)).toBe('0.8');
    expect(formatHours(125)).toBe('1.25');
    expect(formatHours(1200)).toBe('12');
    expect(formatHours(187_200)).toBe('1,872');
    expect(formatHours(0)).toBe('0');
    expect(formatHours(-150)).toBe('-1.5');
    expect(formatHours(undefined)).toBe('—');
  });
});

describe('totals', () => {
  it('adds up the days', () => {
    const day = (
      appointments: number,
      noShows: number,
      orders: number,
      picked: number,
      fen: number,
    ) => ({
      appointments,
      no_shows: noShows,
      repair_orders: orders,
      picked_up: picked,
      revenue_fen: fen,
    });
    expect(
      dayTotals([day(3, 1, 2, 1, 45_600), day(0, 0, 1, 2, 123_456), day(5, 2, 4, 0, 0)]),
    ).toEqual(day(8, 3, 7, 3, 169_056));
    expect(dayTotals([])).toEqual(day(0, 0, 0, 0, 0));
  });

  it('adds up the advisors', () => {
    expect(
      advisorTotals([
        {
          appointments: 4,
          repair_orders: 3,
          picked_up: 2,
          revenue_fen: 98_700,
          labour_hours_centi: 200,
        },
        {
          appointments: 1,
          repair_orders: 2,
          picked_up: 2,
          revenue_fen: 1_300,
          labour_hours_centi: 150,
        },
      ]),
    ).toEqual({
      appointments: 5,
      repair_orders: 5,
      picked_up: 4,
      revenue_fen: 100_000,
      labour_hours_centi: 350,
    });
  });

  it('adds up the paying parties, labour and parts', () => {
    expect(
      payerTotals([
        { labour_fen: 52_000, parts_fen: 96_500 },
        { labour_fen: 30_000, parts_fen: 68_000 },
        { labour_fen: 0, parts_fen: 0 },
        { labour_fen: 1, parts_fen: 2 },
      ]),
    ).toEqual({ labour_fen: 82_001, parts_fen: 164_502, total_fen: 246_503 });
  });
});
