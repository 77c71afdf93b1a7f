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

  it('words what after-sales writes: repair orders with km and money, renewals by status', () => {
    const picked = describeTimelineEntry(
      t,
      entry(
        'repair_order.picked_up',
        { number: 'RO2026000012', plate: '浙A12345', odometer_km: 33120, paid_fen: 53800 },
        ['repair_order', 'r1'],
      ),
    );
    expect(picked.title).toBe('Car picked up after service');
    expect(picked.detail).toBe('RO2026000012 · 浙A12345 · 33,120 km · ¥538.00');
    expect(picked.link).toBe('/repair-orders/r1');
    expect(picked.tone).toBe('green');
    const closed = describeTimelineEntry(
      t,
      entry('renewal.closed', { status: 'lost', insurer: null, lost_reason: 'price' }, [
        'renewal',
        'n1',
      ]),
    );
    expect(closed.title).toBe('Insurance renewal closed');
    expect(closed.detail).toBe(`${t('renewals.status.lost')} · ${t('renewals.lostReason.price')}`);
    expect(closed.link).toBe('/renewals/n1');
    const reminded = describeTimelineEntry(
      t,
      entry('service.due_reminded', { plate: '浙A12345', due_on: '2026-11-15', due_by: 'time' }),
    );
    expect(reminded.detail).toBe(`浙A12345 · 2026-11-15 · ${t('service.dueBy.time')}`);
  });

  it('names kinds of later modules from their area and verb, and lists their values', () => {
    const unknown = describeTimelineEntry(t, entry('warranty.extended', {}));
    expect(unknown.title).toBe('warranty · extended');
    expect(unknown.detail).toBeNull();
    const later = describeTimelineEntry(
      t,
      entry('campaign.joined', { topic: 'Open day', campaign_id: 'x' }, ['campaign', 'c9']),
    );
    expect(later.title).toBe('Campaign · joined');
    expect(later.detail).toBe('topic: Open day');
    expect(later.link).toBeNull();
  });

  it('words complaints with their number, severity and summary, linked to their page', () => {
    const data = {
      complaint_id: 'c7',
      number: 'TS2026000007',
      summary: '保养后发动机异响',
      severity: 'high',
      status: 'closed',
    };
    const closed = describeTimelineEntry(t, entry('complaint.closed', data, ['complaint', 'c7']));
    expect(closed.title).toBe('Complaint closed after call-back');
    expect(closed.detail).toBe('TS2026000007 · Severe · 保养后发动机异响');
    expect(closed.link).toBe('/complaints/c7');
    expect(closed.tone).toBe('green');
    const reopened = describeTimelineEntry(t, entry('complaint.reopened', data));
    expect(reopened.link).toBe('/complaints/c7');
    expect(reopened.tone).toBe('red');
    for (const kind of ['entered', 'assigned', 'responded', 'action', 'waiting', 'resumed']) {
      expect(describeTimelineEntry(t, entry(`complaint.${kind}`, data)).title).not.toContain('·');
    }
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

  it('tell the story of a sale: visits, follow-ups, drives, stages and losses', () => {
    const visit = describeTimelineEntry(
      t,
      entry(
        'reception.visited',
        { grade: 'A', party_size: 2, models: ['大众 途观L'], test_drive: true },
        ['lead', 'l1'],
      ),
    );
    expect(visit.title).toBe('Showroom visit');
    expect(visit.detail).toBe('A · 2 people · 大众 途观L · Test-drove');
    expect(visit.link).toBe('/leads/l1');

    const call = describeTimelineEntry(
      t,
      entry('lead.followed_up', {
        channel: 'wechat',
        grade_before: 'A',
        grade_after: 'H',
        summary: '周六来签约',
      }),
    );
    expect(call.detail).toBe('WeChat · A → H · 周六来签约');

    const moved = describeTimelineEntry(
      t,
      entry('opportunity.stage_changed', {
        from: 'needs',
        from_name: '需求确认',
        to: 'quote',
        to_name: '报价',
      }),
    );
    expect(moved.detail).toBe('Needs confirmed → Quote');

    const lost = describeTimelineEntry(
      t,
      entry('lead.lost', {
        reason: 'bought_competitor',
        competitor_brand: '丰田',
        competitor_model: '凯美瑞',
      }),
    );
    expect(lost.title).toBe('Lead lost');
    expect(lost.detail).toBe("Bought a competitor's car · 丰田 凯美瑞");
    expect(lost.tone).toBe('red');
  });
});
