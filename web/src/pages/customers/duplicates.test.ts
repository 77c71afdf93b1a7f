import { describe, expect, it } from 'vitest';
import { ApiError, toProblem } from '@/api/problem';
import { canCreateAnyway, duplicateCandidates } from './duplicates';

const candidate = {
  customer_id: '01a2-c1',
  name: '张伟',
  matched_on: ['phone'],
  owner: { id: 'u1', display_name: '李娜' },
  visible: true,
};

function conflict(body: Record<string, unknown>) {
  return new ApiError(409, toProblem(409, body));
}

describe('duplicate candidates', () => {
  it('are read from a possible_duplicate problem', () => {
    const found = duplicateCandidates(
      conflict({
        code: 'possible_duplicate',
        candidates: [
          candidate,
          { customer_id: 'c2', name: '王*', matched_on: ['vin', 'fax'], visible: false },
        ],
      }),
    );
    expect(found).toHaveLength(2);
    expect(found?.[0]?.owner?.display_name).toBe('李娜');
    expect(found?.[1]?.matched_on).toEqual(['vin']);
  });

  it('skip malformed entries and are absent for other errors', () => {
    expect(
      duplicateCandidates(
        conflict({ code: 'possible_duplicate', candidates: [{ name: 1 }, null] }),
      ),
    ).toEqual([]);
    expect(duplicateCandidates(conflict({ code: 'possible_duplicate' }))).toEqual([]);
    expect(duplicateCandidates(conflict({ code: 'version_conflict' }))).toBeNull();
    expect(duplicateCandidates(new Error('x'))).toBeNull();
  });

  it('allow creating anyway unless a car is already registered', () => {
    expect(canCreateAnyway([{ ...candidate, matched_on: ['phone', 'id_number'] }])).toBe(true);
    expect(canCreateAnyway([{ ...candidate, matched_on: ['phone', 'vin'] }])).toBe(false);
  });
});
