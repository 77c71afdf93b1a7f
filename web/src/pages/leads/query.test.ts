import { describe, expect, it } from 'vitest';
import { leadListQuery } from './query';

const TZ = 'Asia/Shanghai';

describe('the lead list query', () => {
  it('takes known filters from the URL and drops the rest', () => {
    expect(
      leadListQuery(
        {
          grade: 'A,H,Z',
          status: 'open,lost_pending,nope',
          owner: 'none',
          overdue: '1',
          stagnant: '0',
          source: 'walk_in',
        },
        TZ,
      ),
    ).toEqual({
      grade: 'H,A',
      status: 'open,lost_pending',
      unassigned: true,
      overdue: true,
      source: 'walk_in',
    });
  });

  it('knows the marketing pool and a consultant', () => {
    expect(leadListQuery({ owner: 'marketing' }, TZ)).toEqual({ pool: 'marketing' });
    const id = '01a203c4-2dca-731e-ada4-41bd811318a6';
    expect(leadListQuery({ owner: id, team_id: 'not-an-id' }, TZ)).toEqual({ owner_id: id });
  });

  it('leaves the status to the board, which shows open leads by grade', () => {
    expect(leadListQuery({ status: 'lost', grade: 'O,H' }, TZ, true)).toEqual({ grade: 'H' });
  });

  it("searches by keyword and by the dealer's calendar days of creation", () => {
    expect(leadListQuery({ q: '  5678 ', from: '2026-12-01', to: '2026-12-07' }, TZ)).toEqual({
      q: '5678',
      created_from: '2026-11-30T16:00:00Z',
      created_to: '2026-12-07T16:00:00Z',
    });
    expect(leadListQuery({ q: '   ', from: '12/01/2026' }, TZ)).toEqual({});
  });
});
