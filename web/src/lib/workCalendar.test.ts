import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { describe, expect, it } from 'vitest';
import type { Activity } from './work';
import { hourRange, instantOf, mondayOf, placeDay, shiftAnchor, viewDates } from './workCalendar';

dayjs.extend(utc);
dayjs.extend(timezone);

const TZ = 'Asia/Shanghai';

function activity(id: string, starts: string, ends: string): Activity {
  return {
    id,
    kind: 'meeting',
    subject: id,
    owner: { id: 'u', display_name: 'U' },
    participants: [],
    status: 'planned',
    overdue: false,
    cancel_needs_approval: false,
    completion_locked: false,
    created_at: starts,
    version: 1,
    starts_at: starts,
    ends_at: ends,
  } as Activity;
}

describe('the calendar', () => {
  it('starts weeks on Monday and months on the Monday before the first', () => {
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(viewDates('week', '2026-11-18')[0]).toBe('2026-11-16');
    const month = viewDates('month', '2026-11-18');
    expect(month).toHaveLength(42);
    expect(month[0]).toBe('2026-10-26');
    expect(shiftAnchor('month', '2026-01-31', 1)).toBe('2026-02-28');
  });

  it('turns a wall-clock time of the dealer into UTC', () => {
    expect(instantOf('2026-11-22', 10 * 60, TZ)).toBe('2026-11-22T02:00:00Z');
  });

  it('puts overlapping activities side by side', () => {
    const placed = placeDay(
      [
        activity('a', '2026-11-22T02:00:00Z', '2026-11-22T03:00:00Z'),
        activity('b', '2026-11-22T02:30:00Z', '2026-11-22T03:30:00Z'),
        activity('c', '2026-11-22T06:00:00Z', '2026-11-22T07:00:00Z'),
      ],
      '2026-11-22',
      TZ,
    );
    const byId = Object.fromEntries(placed.map((p) => [p.activity.id, p]));
    expect(byId.a?.startMin).toBe(600);
    expect([byId.a?.lane, byId.b?.lane]).toEqual([0, 1]);
    expect(byId.a?.lanes).toBe(2);
    expect(byId.c?.lanes).toBe(1);
    expect(hourRange(placed)).toEqual({ first: 7, last: 22 });
  });
});
