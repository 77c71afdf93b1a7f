import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import '@/i18n';
import type { TimelineEntry } from '@/api/types';
import { describeTimelineEntry, timelineLink } from './timeline';

const t = i18n.t.bind(i18n);

function entry(kind: string, data: Record<string, unknown>, ref?: [string, string]): TimelineEntry {
  return {
    id: 'e1',
    occurred_at: '2024-05-01T06:30:00Z',
    kind,
    data: data as TimelineEntry['data'],
    ref_type: ref?.[0] ?? null,
    ref_id: ref?.[1] ?? null,
    actor_name: '张伟',
  };
}

beforeAll(async () => {
  await i18n.changeLanguage('en');
});

describe('timeline entries', () => {
  it('have a title and a detail for the kinds this module writes', () => {
    const added = describeTimelineEntry(
      t,
      entry('vehicle.added', { plate: '浙A12345', brand: '比亚迪', series: '汉', vin: null }, [
        'vehicle',
        'v1',
      ]),
    );
    expect(added.title).toBe('Car added');
    expect(added.detail).toBe('浙A12345 · 比亚迪 汉');
    expect(added.link).toBe('/vehicles/v1');

    const owner = describeTimelineEntry(t, entry('owner.changed', { from: null, to: '李娜' }));
    expect(owner.detail).toBe('Unassigned → 李娜');

    const consent = describeTimelineEntry(
      t,
      entry('consent.changed', { channel: 'sms', granted: false, method: 'verbal' }),
    );
    expect(consent.detail).toBe('SMS: withdrawn · Verbally');
    expect(consent.tone).toBe('red');

    const updated = describeTimelineEntry(
      t,
      entry('customer.updated', { fields: ['name', 'phones'] }),
    );
    expect(updated.detail).toBe('Name、Phones');

    const mileage = describeTimelineEntry(
      t,
      entry('mileage.recorded', { plate: '浙A12345', km: 15456, read_on: '2024-05-01' }, [
        'vehicle',
        'v1',
      ]),
    );
    expect(mileage.detail).toBe('浙A12345 · 15,456 km · 2024-05-01');
  });

  it('names kinds of later modules from their area and verb, and lists their values', () => {
    const unknown = describeTimelineEntry(t, entry('warranty.extended', {}));
    expect(unknown.title).toBe('warranty · extended');
    expect(unknown.detail).toBeNull();
    const later = describeTimelineEntry(
      t,
      entry('complaint.resolved', { subject: 'Noise', complaint_id: 'x' }, ['complaint', 'c9']),
    );
    expect(later.title).toBe('Complaint · resolved');
    expect(later.detail).toBe('subject: Noise');
    expect(later.link).toBeNull();
  });

  it('names the source through the dealer list when given', () => {
    const created = describeTimelineEntry(
      t,
      entry('customer.created', { source: 'roadshow' }),
      (key) => (key === 'roadshow' ? 'Roadshow 2024' : key),
    );
    expect(created.detail).toBe('Source: Roadshow 2024');
  });

  it('links only to records with a page', () => {
    expect(timelineLink({ ref_type: 'customer', ref_id: 'c1' })).toBe('/customers/c1');
    expect(timelineLink({ ref_type: 'order', ref_id: 'o1' })).toBeNull();
    expect(timelineLink({ ref_type: null, ref_id: null })).toBeNull();
  });
});
