import { describe, expect, it } from 'vitest';
import type { AuditRef } from '@/api/types';
import { refLink } from './labels';

const id = '0190c5a0-0000-7000-8000-000000000001';
const customer = '0190c5a0-0000-7000-8000-000000000002';

const ref = (entity_type: string, extra: Partial<AuditRef> = {}): AuditRef => ({
  entity_type,
  id,
  name: 'TS2026000001 · 刘*',
  ...extra,
});

describe('refLink', () => {
  it('opens a complaint, a repair order and a renewal on their own pages', () => {
    expect(refLink(ref('complaint', { customer_id: customer }))).toBe(`/complaints/${id}`);
    expect(refLink(ref('repair_order'))).toBe(`/repair-orders/${id}`);
    expect(refLink(ref('renewal'))).toBe(`/renewals/${id}`);
  });

  it("opens a policy on its customer's page, and nothing for a record without a page", () => {
    expect(refLink(ref('insurance_policy', { customer_id: customer }))).toBe(
      `/customers/${customer}`,
    );
    expect(refLink(ref('insurance_policy'))).toBeUndefined();
    expect(refLink(ref('complaint_sla_target'))).toBeUndefined();
  });
});
