import { describe, expect, it } from 'vitest';
import {
  customerExportUrl,
  customerListQuery,
  filtersFromSavedQuery,
  hasFilters,
  UNOWNED,
} from './query';

const TZ = 'Asia/Shanghai';

describe('the customer list query', () => {
  it('turns URL filters into API parameters', () => {
    expect(
      customerListQuery(
        {
          q: ' 张伟 ',
          owner: 'u1',
          tag: '老客户',
          kind: 'company',
          consent: 'sms',
          from: '2024-05-01',
          to: '2024-05-31',
          sort: 'name',
        },
        TZ,
      ),
    ).toEqual({
      q: '张伟',
      owner_id: 'u1',
      tag: '老客户',
      kind: 'company',
      consent: 'sms',
      created_from: '2024-04-30T16:00:00Z',
      created_to: '2024-05-31T16:00:00Z',
      sort: 'name',
    });
  });

  it('asks for the pool with owner=none and drops values it does not know', () => {
    expect(
      customerListQuery(
        { owner: UNOWNED, kind: 'alien', consent: 'fax', from: 'May', sort: 'x' },
        TZ,
      ),
    ).toEqual({ unowned: true });
  });

  it('knows whether anything narrows the list', () => {
    expect(hasFilters({ sort: 'name' })).toBe(false);
    expect(hasFilters({ brand: '丰田' })).toBe(true);
  });

  it('builds the export link with the same filters and the header language', () => {
    const url = customerExportUrl({ tag: '老客户', owner: UNOWNED }, TZ, 'xlsx', 'en');
    const params = new URL(url, 'http://x').searchParams;
    expect(url.startsWith('/api/v1/customers/export?')).toBe(true);
    expect(params.get('format')).toBe('xlsx');
    expect(params.get('lang')).toBe('en');
    expect(params.get('tag')).toBe('老客户');
    expect(params.get('unowned')).toBe('true');
    expect(
      new URL(customerExportUrl({}, TZ, 'csv', 'zh-CN'), 'http://x').searchParams.has('lang'),
    ).toBe(false);
  });

  it('reads a saved view back into the same filters', () => {
    const filters = {
      owner: 'u1',
      from: '2024-05-01',
      to: '2024-05-31',
      source: 'web',
      sort: 'name',
    };
    expect(filtersFromSavedQuery(customerListQuery(filters, TZ), TZ)).toEqual(filters);
    expect(filtersFromSavedQuery({ unowned: true, bogus: 1 }, TZ)).toEqual({ owner: UNOWNED });
    expect(filtersFromSavedQuery(null, TZ)).toEqual({});
  });
});
