import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import '@/i18n';
import type { Grant, Me, Permission, Scope } from '@/api/types';
import { complaintQuery } from './ComplaintFilters';
import { durationText } from './ComplaintTags';
import {
  availableActions,
  clockFacts,
  dueFact,
  durationWords,
  slaColour,
  splitMinutes,
  timeOfDay,
  verifyBlocked,
} from './rules';
import { sortedTargets } from './SlaTargets';
import type { ComplaintDetail, ComplaintView } from './types';

const t = i18n.t.bind(i18n);
const ME = 'u-me';

function meWith(grants: [Permission, Scope][]): Me {
  const permissions: Grant[] = grants.map(([permission, scope]) => ({ permission, scope }));
  // A test fixture: only the user's id and grants matter to these rules.
  return { user: { id: ME }, permissions } as unknown as Me;
}

function complaint(over: Partial<ComplaintView> = {}): ComplaintView {
  return {
    id: 'c1',
    number: 'TS2026000001',
    status: 'assigned',
    source: 'phone',
    category: 'repair_quality',
    severity: 'medium',
    summary: '保养后异响',
    entered_at: '2026-12-07T01:00:00Z',
    sla_state: 'on_track',
    cycle: 0,
    first_response_breached: false,
    resolution_breached: false,
    version: 3,
    handler: { id: 'u-advisor', display_name: '郑强' },
    running_clock: 'first_response',
    first_response_due_at: '2026-12-07T05:00:00Z',
    resolution_due_at: '2026-12-09T05:00:00Z',
    ...over,
  };
}

function detail(over: Partial<ComplaintView> = {}, resolvedBy?: string): ComplaintDetail {
  return {
    complaint: complaint(over),
    details: '',
    steps: [],
    escalations: [],
    resolved_by: resolvedBy ? { id: resolvedBy, display_name: 'x' } : null,
  };
}

beforeAll(async () => {
  await i18n.changeLanguage('en');
});

describe('complaint rules', () => {
  it('colours the SLA state red, orange, green and grey', () => {
    expect(slaColour('breached')).toBe('red');
    expect(slaColour('at_risk')).toBe('orange');
    expect(slaColour('on_track')).toBe('green');
    expect(slaColour('paused')).toBe('default');
  });

  it('words minutes as hours and minutes', () => {
    expect(splitMinutes(90)).toEqual({ hours: 1, minutes: 30 });
    expect(durationWords(240).key).toBe('hours');
    expect(durationWords(30).key).toBe('minutes');
    expect(durationWords(2890).key).toBe('hoursMinutes');
    expect(durationText(t, 240)).toBe('4 h');
    expect(durationText(t, 90)).toBe('1 h 30 min');
    expect(durationText(t, 30)).toBe('30 min');
    expect(durationText(i18n.getFixedT('zh-CN'), 240)).toBe('4 小时');
    expect(durationText(i18n.getFixedT('zh-CN'), 90)).toBe('1 小时 30 分钟');
    expect(timeOfDay(510)).toBe('08:30');
    expect(timeOfDay(1440)).toBe('24:00');
  });

  it('shows the running clock, the wait for the customer, or when it was done', () => {
    expect(dueFact(complaint())).toEqual({
      kind: 'running',
      clock: 'first_response',
      at: '2026-12-07T05:00:00Z',
    });
    expect(
      dueFact(complaint({ running_clock: 'resolution', first_responded_at: '2026-12-07T02:00Z' })),
    ).toEqual({ kind: 'running', clock: 'resolution', at: '2026-12-09T05:00:00Z' });
    expect(
      dueFact(complaint({ sla_state: 'paused', waiting_since: '2026-12-07T03:00:00Z' })),
    ).toEqual({ kind: 'paused', since: '2026-12-07T03:00:00Z' });
    expect(
      dueFact(
        complaint({
          status: 'closed',
          sla_state: 'done',
          running_clock: null,
          resolved_at: '2026-12-08T01:00:00Z',
          closed_at: '2026-12-08T02:00:00Z',
        }),
      ),
    ).toEqual({ kind: 'done', at: '2026-12-08T02:00:00Z' });
  });

  it('reads each clock: due, done and breached', () => {
    const c = complaint({
      status: 'handling',
      running_clock: 'resolution',
      first_responded_at: '2026-12-07T06:00:00Z',
      first_response_breached: true,
    });
    expect(clockFacts(c, 'first_response')).toEqual({
      clock: 'first_response',
      due: '2026-12-07T05:00:00Z',
      done: '2026-12-07T06:00:00Z',
      breached: true,
      running: false,
    });
    expect(clockFacts(c, 'resolution').running).toBe(true);
  });

  it('offers the steps valid for the status and the permissions', () => {
    const advisor = { ...meWith([['complaint:handle', 'own']]), user: { id: 'u-advisor' } } as Me;
    const stranger = meWith([['complaint:handle', 'own']]);
    const manager = meWith([
      ['complaint:handle', 'dealer'],
      ['complaint:assign', 'dealer'],
      ['complaint:verify', 'dealer'],
    ]);
    const callCentre = meWith([
      ['complaint:read', 'dealer'],
      ['complaint:verify', 'dealer'],
    ]);
    expect(availableActions(advisor, detail())).toEqual(['respond', 'action', 'wait']);
    expect(availableActions(stranger, detail())).toEqual([]);
    expect(availableActions(advisor, detail({ status: 'handling' }))).toEqual([
      'resolve',
      'action',
      'wait',
    ]);
    expect(
      availableActions(advisor, detail({ status: 'handling', waiting_since: '2026-12-07T03:00Z' })),
    ).toEqual(['resolve', 'action', 'resume']);
    expect(availableActions(manager, detail({ status: 'entered', handler: null }))).toEqual([
      'assign',
    ]);
    expect(availableActions(callCentre, detail({ status: 'resolved' }))).toEqual(['verify']);
    expect(availableActions(callCentre, detail({ status: 'closed' }))).toEqual(['reopen']);
    expect(availableActions(manager, detail({ status: 'closed' }))).toEqual(['reopen']);
  });

  it('keeps the call-back away from the handler and whoever resolved it', () => {
    const advisor = { ...meWith([['complaint:verify', 'dealer']]), user: { id: 'u-advisor' } };
    expect(verifyBlocked(advisor as Me, detail({ status: 'resolved' }))).toBe('handler');
    expect(verifyBlocked(meWith([]), detail({ status: 'resolved' }, ME))).toBe('resolver');
    expect(verifyBlocked(meWith([]), detail({ status: 'resolved' }, 'u-other'))).toBeNull();
  });
});

describe('the desk filters', () => {
  it('asks for open ones unless all or a status is chosen', () => {
    expect(complaintQuery({}, ME)).toEqual({ open: true });
    expect(complaintQuery({ scope: 'all' }, ME)).toEqual({});
    expect(complaintQuery({ status: 'closed' }, ME)).toEqual({ status: 'closed' });
    expect(complaintQuery({ status: 'nonsense', severity: 'high' }, ME)).toEqual({
      open: true,
      severity: 'high',
    });
    expect(complaintQuery({ breached: '1', mine: '1' }, ME)).toEqual({
      open: true,
      breached: true,
      handler_id: ME,
    });
  });
});

describe('the SLA targets', () => {
  it('lists each severity with its default row first, then its sources', () => {
    const row = (severity: 'low' | 'high', source: string) => ({
      severity,
      source,
      first_response_minutes: 60,
      resolution_minutes: 600,
    });
    const sorted = sortedTargets([
      row('high', 'oem_hotline'),
      row('low', 'any'),
      row('high', 'any'),
      row('high', 'phone'),
    ]);
    expect(sorted.map((r) => `${r.severity}:${r.source}`)).toEqual([
      'low:any',
      'high:any',
      'high:phone',
      'high:oem_hotline',
    ]);
  });
});
