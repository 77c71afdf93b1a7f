// The work engine on the client: activities, the calendar, my work, approvals and
// notifications — their types, query keys, fetching hooks and the small rules pages share.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { api, unwrap } from '@/api/client';
import { isApiError } from '@/api/problem';
import type { Schemas } from '@/api/types';

export type Activity = Schemas['ActivityView'];
export type ActivityKind = Schemas['ActivityKind'];
export type ActivityStatus = Schemas['ActivityStatus'];
export type NewActivity = Schemas['NewActivity'];
export type ActivityPatch = Schemas['ActivityPatch'];
export type CalendarView = Schemas['CalendarView'];
export type MyWork = Schemas['MyWork'];
export type Approval = Schemas['ApprovalView'];
export type ApprovalStatus = Schemas['ApprovalStatus'];
export type Notification = Schemas['NotificationView'];
export type Job = Schemas['JobView'];
export type JobStatus = Schemas['JobStatus'];
export type OutboundMessage = Schemas['MessageView'];
export type MessageStatus = Schemas['MessageStatus'];
export type MessageChannel = Schemas['MessageChannel'];
export type MessageTemplate = Schemas['TemplateView'];
export type WorkSettings = Schemas['WorkSettingsView'];
export type ApprovalBox = 'waiting' | 'mine' | 'all';

export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  'call',
  'visit',
  'meeting',
  'test_drive',
  'appointment',
  'task',
  'note',
];

/** Kinds that take a start and an end; the others take a due time. */
export const TIMED_KINDS: readonly ActivityKind[] = [
  'visit',
  'meeting',
  'test_drive',
  'appointment',
];

export function isTimed(kind: ActivityKind): boolean {
  return TIMED_KINDS.includes(kind);
}

export const APPROVAL_STATUSES: readonly ApprovalStatus[] = [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
];
export const JOB_STATUSES: readonly JobStatus[] = [
  'queued',
  'running',
  'done',
  'failed',
  'dead',
  'cancelled',
];
export const MESSAGE_STATUSES: readonly MessageStatus[] = [
  'queued',
  'sending',
  'sent',
  'failed',
  'dead',
  'suppressed',
];
export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['email', 'sms', 'wechat'];

/** The approval types the generic form may ask for (the others are asked by their module). */
export const GENERIC_APPROVAL_KINDS = ['discount', 'refund', 'customer.reassign'] as const;
/** Every approval type the UI has words for. */
export const APPROVAL_KINDS = [...GENERIC_APPROVAL_KINDS, 'activity.cancel'] as const;

export const KIND_COLORS: Record<ActivityKind, string> = {
  call: 'blue',
  visit: 'green',
  meeting: 'purple',
  test_drive: 'orange',
  appointment: 'cyan',
  task: 'geekblue',
  note: 'default',
};

export const APPROVAL_STATUS_COLORS: Record<ApprovalStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export const JOB_STATUS_COLORS: Record<JobStatus, string> = {
  queued: 'blue',
  running: 'processing',
  done: 'green',
  failed: 'orange',
  dead: 'red',
  cancelled: 'default',
};

export const MESSAGE_STATUS_COLORS: Record<MessageStatus, string> = {
  queued: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'orange',
  dead: 'red',
  suppressed: 'default',
};

/** All work queries start with this key, so one invalidation refreshes every view of the work. */
export const WORK_KEY = ['work'] as const;
export const UNREAD_KEY = [...WORK_KEY, 'notifications', 'unread'] as const;

/** Refreshes every work view after a change (my work, the calendar, approvals, the bell). */
export function useRefreshWork() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: WORK_KEY }), [client]);
}

export function useMyWork() {
  return useQuery({
    queryKey: [...WORK_KEY, 'my-work'],
    queryFn: () => unwrap(api.GET('/api/v1/my-work')),
    refetchInterval: 60_000,
  });
}

export interface CalendarWho {
  userId?: string;
  teamId?: string;
}

export function useCalendar(from: string, to: string, who: CalendarWho) {
  return useQuery({
    queryKey: [...WORK_KEY, 'calendar', from, to, who.userId ?? '', who.teamId ?? ''],
    queryFn: async () => {
      // The OpenAPI document gives this operation the same id as the test-drive calendar, so
      // the generated types describe the wrong one: the query and answer are typed here.
      const query = {
        from,
        to,
        ...(who.userId ? { user_id: who.userId } : {}),
        ...(who.teamId ? { team_id: who.teamId } : {}),
      };
      const data: unknown = await unwrap(
        api.GET('/api/v1/calendar', { params: { query: query as never } }),
      );
      return data as CalendarView;
    },
  });
}

export function useActivity(id: string | null | undefined) {
  return useQuery({
    queryKey: [...WORK_KEY, 'activity', id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/activities/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

export function useApproval(id: string | null | undefined) {
  return useQuery({
    queryKey: [...WORK_KEY, 'approval', id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/approvals/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

/** The bell's number, polled every 45 seconds. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
    refetchInterval: 45_000,
    enabled,
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...WORK_KEY, 'notifications', 'list'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 20 } } })),
    enabled,
  });
}

/** When an activity happens: its start (timed) or its due time, and its end. */
export function activityStart(activity: Activity): string | null {
  return activity.starts_at ?? activity.due_at ?? null;
}

export function activityEnd(activity: Activity): string | null {
  if (activity.ends_at) return activity.ends_at;
  const start = activityStart(activity);
  return start ? dayjs(start).add(30, 'minute').toISOString() : null;
}

/** The activities in the way of a 409 `schedule_conflict`; null for any other error. */
export function activityConflicts(error: unknown): Activity[] | null {
  if (!isApiError(error) || error.code !== 'schedule_conflict') return null;
  return ((error.problem.conflicts ?? []) as Partial<Activity>[]).filter(
    (c): c is Activity => typeof c.id === 'string',
  );
}

/** Where the record an activity or approval refers to lives in the app, if it has a page. */
export function refLink(refType: string | null | undefined, refId: string | null | undefined) {
  if (!refType || !refId) return null;
  switch (refType) {
    case 'lead':
      return `/leads/${refId}`;
    case 'customer':
      return `/customers/${refId}`;
    case 'vehicle':
      return `/vehicles/${refId}`;
    case 'test_drive':
      return '/test-drives';
    case 'activity':
      return `/activities/${refId}`;
    case 'approval':
      return `/approvals/${refId}`;
    default:
      return null;
  }
}

/** A word for a vocabulary value the UI may not know yet (a later module's type): the value. */
export function vocab(t: TFunction, prefix: string, value: string): string {
  return t(`${prefix}.${value}`, { defaultValue: value });
}

/** A notification in the reader's current language, re-rendered from its kind and params. */

/** The ISO instant of a local date-time picked in the dealer's zone. */
export function toInstant(value: dayjs.Dayjs): string {
  return value.utc().format('YYYY-MM-DDTHH:mm:ss[Z]');
}

/**
 * Pickers work in the browser's clock; the dealer's zone may differ. A UTC instant becomes a
 * picker value showing the dealer's wall-clock time...
 */
export function wallClock(iso: string | null | undefined, timeZone: string): dayjs.Dayjs | null {
  if (!iso) return null;
  return dayjs(dayjs(iso).tz(timeZone).format('YYYY-MM-DDTHH:mm:ss'));
}

/** ...and a picked wall-clock time in the dealer's zone becomes a UTC instant again. */
export function fromWallClock(value: dayjs.Dayjs, timeZone: string): string {
  return toInstant(dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), timeZone));
}
