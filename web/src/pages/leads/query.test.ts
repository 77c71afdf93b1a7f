import { describe, expect, it } from 'vitest';
import { leadListQuery } from './query';

describe('the lead list query', () => {
  it('takes known filters from the URL and drops the rest', () => {
    expect(
      leadListQuery({
        grade: 'A,H,Z',
        status: 'open,lost_pending,nope',
        owner: 'none',
        overdue: '1',
        stagnant: '0',
        source: 'walk_in',
      }),
    ).toEqual({
      grade: 'H,A',
      status: 'open,lost_pending',
      unassigned: true,
      overdue: true,
      source: 'walk_in',
    });
  });

  it('knows the marketing pool and a consultant', () => {
    expect(leadListQuery({ owner: 'marketing' })).toEqual({ pool: 'marketing' });
    const id = '01a203c4-2dca-731e-ada4-41bd811318a6';
    expect(leadListQuery({ owner: id, team_id: 'not-an-id' })).toEqual({ owner_id: id });
  });

  it('leaves the status to the board, which shows open leads by grade', () => {
    expect(leadListQuery({ status: 'lost', grade: 'O,H' }, true)).toEqual({ grade: 'H' });
  });
});
