import { describe, expect, it } from 'vitest';
import { isMobileNumber, receptionField, toNewReception } from './receptionForm';

describe('the walk-in form', () => {
  it('becomes a reception with a new customer, the cars and the first grade', () => {
    const body = toNewReception({
      name: ' 王磊 ',
      phone: '138 1234 5678',
      party_size: 3,
      companions: ['spouse', 'child'],
      series: ['s1'],
      model_text: '问界 M7',
      test_drive: true,
      grade: 'A',
      source: 'walk_in',
      notes: '',
    });
    expect(body.customer?.name).toBe('王磊');
    expect(body.customer?.phones).toEqual([{ number: '13812345678', label: 'mobile' }]);
    expect(body.companions).toEqual([{ relation: 'spouse' }, { relation: 'child' }]);
    expect(body.models).toEqual([{ series_id: 's1' }, { text: '问界 M7' }]);
    expect(body.grade).toBe('A');
    expect(body.notes).toBeNull();
  });

  it('grades N when the consultant could not tell yet', () => {
    const body = toNewReception({
      name: '李静',
      phone: '13900001111',
      party_size: 1,
      companions: [],
      series: [],
      test_drive: false,
    });
    expect(body.grade).toBe('N');
    expect(body.models).toEqual([]);
  });

  it('knows mainland mobiles', () => {
    expect(isMobileNumber('138 1234 5678')).toBe(true);
    expect(isMobileNumber('+8613812345678')).toBe(true);
    expect(isMobileNumber('1381234567')).toBe(false);
    expect(isMobileNumber('0571-88886666')).toBe(false);
  });

  it('puts server errors on the fields people typed', () => {
    expect(receptionField('customer.phones.0.number')).toBe('phone');
    expect(receptionField('customer.name')).toBe('name');
    expect(receptionField('models.1')).toBe('series');
    expect(receptionField('party_size')).toBe('party_size');
    expect(receptionField('arrived_at')).toBeNull();
  });
});
