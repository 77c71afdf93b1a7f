import { describe, expect, it } from 'vitest';
import type { Customer } from '@/api/types';
import { defaultChoices, differingFields, mergeRequest, mergeValue, swapChoices } from './merge';

function customer(id: string, changes: Partial<Customer>): Customer {
  return {
    id,
    kind: 'person',
    name: '张伟',
    gender: null,
    birthday: null,
    phones: [],
    contact_masked: false,
    wechat_id: null,
    email: null,
    address: {},
    id_number: null,
    occupation: null,
    notes: null,
    tags: [],
    source: null,
    owner: null,
    companions: [],
    consents: [],
    consent_history: [],
    vehicles: [],
    can_reveal_id_number: false,
    created_at: '2024-05-01T06:30:00Z',
    updated_at: '2024-05-01T06:30:00Z',
    version: 1,
    ...changes,
  };
}

const survivor = customer('a', {
  name: '张伟',
  gender: 'male',
  occupation: '  ',
  address: { province: '浙江省', city: '杭州市' },
  owner: { id: 'u1', display_name: '李娜' },
  version: 4,
});
const merged = customer('b', {
  name: '张 伟',
  birthday: '1990-02-03',
  occupation: '教师',
  owner: { id: 'u2', display_name: '王海峰' },
  source: 'web',
  version: 2,
});

describe('merging two customers', () => {
  it('reads each field comparably', () => {
    expect(mergeValue(survivor, 'address')).toBe('浙江省 杭州市');
    expect(mergeValue(merged, 'address')).toBeNull();
    expect(mergeValue(survivor, 'occupation')).toBeNull();
    expect(mergeValue(merged, 'owner')).toBe('u2');
  });

  it('starts from the survivor, filling its gaps from the other record', () => {
    const choices = defaultChoices(survivor, merged);
    expect(choices.name).toBe('survivor');
    expect(choices.owner).toBe('survivor');
    expect(choices.birthday).toBe('merged');
    expect(choices.occupation).toBe('merged');
    expect(choices.source).toBe('merged');
    expect(choices.gender).toBe('survivor');
    expect(choices.email).toBe('survivor');
  });

  it('offers a choice only where the records differ', () => {
    expect(differingFields(survivor, merged)).toEqual([
      'name',
      'gender',
      'birthday',
      'address',
      'occupation',
      'source',
      'owner',
    ]);
  });

  it('sends both versions and every choice', () => {
    const request = mergeRequest(survivor, merged, defaultChoices(survivor, merged));
    expect(request).toMatchObject({
      survivor_id: 'a',
      survivor_version: 4,
      merged_id: 'b',
      merged_version: 2,
    });
    expect(Object.keys(request.choices ?? {})).toHaveLength(12);
  });

  it('keeps the chosen values when the survivor is swapped', () => {
    const choices = defaultChoices(survivor, merged);
    const swapped = swapChoices(choices);
    expect(swapped.name).toBe('merged');
    expect(swapped.birthday).toBe('survivor');
    expect(swapChoices(swapped)).toEqual(choices);
  });
});
