// The complaint desk's rules as the UI mirrors them (the server decides): the vocabulary's
// values in order, the colour of each tag, which clock a complaint is on and when it is due,
// what each clock shows, and which steps a user may take from a complaint's status. Pure, so
// they are unit-tested.
import type { Me } from '@/api/types';
import { can, scopeOf } from '@/lib/permissions';
import type {
  ComplaintCategory,
  ComplaintDetail,
  ComplaintSource,
  ComplaintStatus,
  ComplaintView,
  Severity,
  SlaClock,
  SlaState,
} from './types';

export const STATUSES: readonly ComplaintStatus[] = [
  'entered',
  'assigned',
  'handling',
  'resolved',
  'closed',
];
export const SOURCES: readonly ComplaintSource[] = [
  'walk_in',
  'phone',
  'online',
  'oem_hotline',
  'consumer_12315',
  'social_media',
];
export const CATEGORIES: readonly ComplaintCategory[] = [
  'product_quality',
  'repair_quality',
  'sales_process',
  'price_billing',
  'parts',
  'staff_attitude',
  'waiting_time',
  'other',
];
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];
export const SLA_STATES: readonly SlaState[] = [
  'breached',
  'at_risk',
  'on_track',
  'paused',
  'done',
];
export const CLOCKS: readonly SlaClock[] = ['first_response', 'resolution'];

/** The colour of an SLA tag: red breached, orange at risk, green on track, grey paused. */
export function slaColour(state: SlaState): string {
  switch (state) {
    case 'breached':
      return 'red';
    case 'at_risk':
      return 'orange';
    case 'on_track':
      return 'green';
    case 'paused':
      return 'default';
    default:
      return 'blue';
  }
}

/** The colour of a severity tag. */
export function severityColour(severity: Severity): string {
  switch (severity) {
    case 'high':
      return 'red';
    case 'medium':
      return 'gold';
    default:
      return 'default';
  }
}

/** The colour of a status tag. */
export function statusColour(status: ComplaintStatus): string {
  switch (status) {
    case 'entered':
      return 'purple';
    case 'assigned':
      return 'blue';
    case 'handling':
      return 'processing';
    case 'resolved':
      return 'cyan';
    default:
      return 'success';
  }
}

/** What a complaint's list row says of its time: the running clock's due instant, or why none. */
export type DueFact =
  | { kind: 'running'; clock: SlaClock; at: string }
  | { kind: 'paused'; since: string | null }
  | { kind: 'done'; at: string | null };

/** The running clock's due instant, the wait for the customer, or when it was done. */
export function dueFact(c: ComplaintView): DueFact {
  if (c.sla_state === 'paused' || c.waiting_since) {
    return { kind: 'paused', since: c.waiting_since ?? null };
  }
  const clock = c.running_clock ?? null;
  const at =
    clock === 'first_response'
      ? c.first_response_due_at
      : clock === 'resolution'
        ? c.resolution_due_at
        : null;
  if (clock && at) return { kind: 'running', clock, at };
  return { kind: 'done', at: c.closed_at ?? c.resolved_at ?? null };
}

/** One SLA clock of a complaint: when it is due, when it stopped, and whether it was breached. */
export interface ClockFacts {
  clock: SlaClock;
  due: string | null;
  done: string | null;
  breached: boolean;
  running: boolean;
}

export function clockFacts(c: ComplaintView, clock: SlaClock): ClockFacts {
  const first = clock === 'first_response';
  return {
    clock,
    due: (first ? c.first_response_due_at : c.resolution_due_at) ?? null,
    done: (first ? c.first_responded_at : c.resolved_at) ?? null,
    breached: first ? c.first_response_breached : c.resolution_breached,
    running: c.running_clock === clock && !c.waiting_since,
  };
}

/** The steps of a complaint's flow a person takes from its page. */
export type StepAction =
  'assign' | 'respond' | 'action' | 'wait' | 'resume' | 'resolve' | 'verify' | 'reopen';

/** Whether the user works this complaint: they handle it, or handle the dealer's (or a team's). */
function mayHandle(me: Me, c: ComplaintView): boolean {
  const scope = scopeOf(me, 'complaint:handle');
  if (scope === null) return false;
  return scope !== 'own' || c.handler?.id === me.user.id;
}

/**
 * The steps valid for the complaint's status that the user's permissions allow, in the order
 * they are offered.
 */
export function availableActions(me: Me, detail: ComplaintDetail): StepAction[] {
  const c = detail.complaint;
  const actions: StepAction[] = [];
  const handle = mayHandle(me, c);
  const waiting = !!c.waiting_since;
  const working = c.status === 'assigned' || c.status === 'handling';
  if (handle && c.status === 'assigned') actions.push('respond');
  if (handle && c.status === 'handling') actions.push('resolve');
  if (handle && working) actions.push('action');
  if (handle && working && !waiting) actions.push('wait');
  if (handle && waiting) actions.push('resume');
  if (can(me, 'complaint:verify') && c.status === 'resolved') actions.push('verify');
  if (can(me, 'complaint:verify') && c.status === 'closed') actions.push('reopen');
  if (can(me, 'complaint:assign') && c.status !== 'closed') actions.push('assign');
  return actions;
}

/**
 * Why the user may not verify this complaint, or null when they may: a complaint is verified
 * by someone other than its handler and whoever resolved it.
 */
export function verifyBlocked(me: Me, detail: ComplaintDetail): 'handler' | 'resolver' | null {
  if (detail.complaint.handler?.id === me.user.id) return 'handler';
  if (detail.resolved_by?.id === me.user.id) return 'resolver';
  return null;
}

/** Minutes as whole hours and the minutes left: 90 → { hours: 1, minutes: 30 }. */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(total));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

/** The i18n key and values that word a number of minutes as hours and minutes. */
export function durationWords(total: number): {
  key: 'hours' | 'minutes' | 'hoursMinutes';
  values: { hours: number; minutes: number };
} {
  const values = splitMinutes(total);
  if (values.hours === 0) return { key: 'minutes', values };
  if (values.minutes === 0) return { key: 'hours', values };
  return { key: 'hoursMinutes', values };
}

/** Minutes after midnight as "08:30" (1440, the day's end, as "24:00"). */
export function timeOfDay(minutes: number): string {
  const m = Math.max(0, Math.min(1440, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
