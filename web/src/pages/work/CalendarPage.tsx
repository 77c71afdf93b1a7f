// The calendar: day / week / month of one's own activities, a colleague's or a team's (for
// managers). Click an empty slot to plan, click a block to open it, drag a block to another
// time (or day, in the month) to reschedule; an overlap asks before saving anyway.
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Modal, Segmented, Select, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { ActivityDrawer } from '@/components/work/ActivityDrawer';
import { ActivityFormModal } from '@/components/work/ActivityFormModal';
import { ConflictWarning } from '@/components/work/ConflictWarning';
import '@/components/work/work.css';
import { dayBoundary } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import {
  activityConflicts,
  activityEnd,
  activityStart,
  useCalendar,
  useRefreshWork,
  type Activity,
  type ActivityPatch,
} from '@/lib/work';
import {
  hourRange,
  instantOf,
  localParts,
  placeDay,
  shiftAnchor,
  SLOT_MINUTES,
  SLOT_PX,
  viewDates,
  type CalendarMode,
  type Placed,
} from '@/lib/workCalendar';
import { CalendarAgenda } from './CalendarAgenda';
import { FeedButton } from './FeedButton';

interface Move {
  activity: Activity;
  patch: ActivityPatch;
  conflicts: Activity[];
}

function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The change that moves an activity to start at `start` (its length kept). */
function movePatch(activity: Activity, start: string): ActivityPatch {
  if (activity.starts_at) {
    const length = dayjs(activityEnd(activity)).diff(dayjs(activity.starts_at), 'minute');
    return {
      version: activity.version,
      starts_at: start,
      ends_at: dayjs(start).add(length, 'minute').utc().format('YYYY-MM-DDTHH:mm:ss[Z]'),
    };
  }
  return { version: activity.version, due_at: start };
}

function useWhoOptions() {
  const me = useMe();
  const { t } = useTranslation();
  const wide = can(me, 'activity:read', 'team');
  const teams = useQuery({
    queryKey: ['teams'],
    queryFn: () => unwrap(api.GET('/api/v1/teams')),
    enabled: wide && can(me, 'team:read'),
    staleTime: 60_000,
  });
  const users = useQuery({
    queryKey: ['users', 'options'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200, sort: 'display_name' } } })),
    enabled: wide && can(me, 'user:read'),
    staleTime: 60_000,
  });
  const options = [{ value: 'me', label: t('work.calendar.mine') }];
  if (!wide) return { wide, options };
  const groups = [
    ...options,
    {
      label: t('work.calendar.teams'),
      options: (teams.data ?? []).map((team) => ({
        value: `team:${team.id}`,
        label: team.name,
      })),
    },
    {
      label: t('work.calendar.people'),
      options: (users.data?.items ?? [])
        .filter((u) => u.status === 'active' && u.id !== me.user.id)
        .map((u) => ({ value: `user:${u.id}`, label: u.display_name })),
    },
  ];
  return { wide, options: groups };
}

export default function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const tz = me.dealer.time_zone;
  const mobile = useIsMobile();
  const today = dayjs().tz(tz).format('YYYY-MM-DD');
  // The view and date live in the address, so a link (or the back button) finds them again.
  const [params, setParams] = useSearchParams();
  const modeParam = params.get('mode');
  const mode: CalendarMode =
    modeParam === 'day' || modeParam === 'week' || modeParam === 'month'
      ? modeParam
      : mobile
        ? 'day'
        : 'week';
  const dateParam = params.get('date');
  const anchor = dateParam && dayjs(dateParam).isValid() ? dateParam : today;
  const setView = (nextMode: CalendarMode, nextAnchor: string) =>
    setParams({ mode: nextMode, date: nextAnchor }, { replace: true });
  const setMode = (nextMode: CalendarMode) => setView(nextMode, anchor);
  const setAnchor = (nextAnchor: string) => setView(mode, nextAnchor);
  const [who, setWho] = useState('me');
  const [openId, setOpenId] = useState<string | null>(null);
  const [createAt, setCreateAt] = useState<dayjs.Dayjs | null | undefined>(undefined);
  const [move, setMove] = useState<Move | null>(null);
  const [saving, setSaving] = useState(false);
  const [over, setOver] = useState<string | null>(null);
  // While dragging, blocks let the pointer through so any slot (even a taken one) takes a drop.
  const [dragging, setDragging] = useState(false);
  const dragged = useRef<Activity | null>(null);
  const onError = useApiErrorHandler();
  const refresh = useRefreshWork();
  const whoOptions = useWhoOptions();

  const dates = viewDates(mode, anchor);
  const first = dates[0] ?? anchor;
  const last = dates[dates.length - 1] ?? anchor;
  const from = dayBoundary(first, tz);
  const to = dayBoundary(last, tz, true);
  const calendar = useCalendar(from, to, {
    userId: who.startsWith('user:') ? who.slice(5) : undefined,
    teamId: who.startsWith('team:') ? who.slice(5) : undefined,
  });
  const items = useMemo(() => calendar.data?.items ?? [], [calendar.data]);
  const inConflict = useMemo(
    () => new Set((calendar.data?.conflicts ?? []).flatMap((c) => c.activity_ids)),
    [calendar.data],
  );
  const showOwner = who !== 'me';
  const mayWrite = can(me, 'activity:write');

  const save = async (activity: Activity, patch: ActivityPatch) => {
    setSaving(true);
    try {
      await unwrap(
        api.PATCH('/api/v1/activities/{id}', {
          params: { path: { id: activity.id } },
          body: patch,
        }),
      );
      void message.success(t('work.activity.rescheduled'));
      setMove(null);
    } catch (error) {
      const conflicts = activityConflicts(error);
      if (conflicts) setMove({ activity, patch, conflicts });
      else {
        setMove(null);
        onError(error, { onConflict: () => void message.warning(t('work.staleReloaded')) });
      }
    } finally {
      setSaving(false);
      void refresh();
    }
  };

  const drop = (start: string, id: string) => {
    setOver(null);
    setDragging(false);
    const activity = items.find((a) => a.id === id) ?? dragged.current;
    dragged.current = null;
    if (!activity || activity.status !== 'planned') return;
    if (activityStart(activity) === start) return;
    void save(activity, movePatch(activity, start));
  };

  const dragProps = (activity: Activity) => {
    // A test drive's entry moves with its booking, on the test-drive page.
    const followsRecord = activity.completion_locked && !activity.cancel_needs_approval;
    const movable = mayWrite && activity.status === 'planned' && !followsRecord;
    return {
      draggable: movable,
      onDragStart: (e: React.DragEvent) => {
        dragged.current = activity;
        e.dataTransfer.setData('text/plain', activity.id);
        e.dataTransfer.effectAllowed = 'move';
        // Changing the dragged element in dragstart itself can abort the drag.
        window.setTimeout(() => setDragging(true), 0);
      },
      onDragEnd: () => {
        setOver(null);
        setDragging(false);
      },
    };
  };

  const dropProps = (key: string, start: (moving: Activity | null) => string) => ({
    onDragOver: (e: React.DragEvent) => {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (over !== key) setOver(key);
    },
    onDragLeave: () => setOver((current) => (current === key ? null : current)),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      const moving = dragged.current;
      const id = e.dataTransfer.getData('text/plain') || moving?.id || '';
      drop(start(items.find((a) => a.id === id) ?? moving), id);
    },
  });

  /** A day column takes drops anywhere (over other blocks too): the time is where the pointer is. */
  const columnDropProps = (date: string, firstHour: number) => {
    const slotAt = (e: React.DragEvent) => {
      const rect = e.currentTarget.getBoundingClientRect();
      const index = Math.max(0, Math.floor((e.clientY - rect.top) / SLOT_PX));
      return firstHour * 60 + index * SLOT_MINUTES;
    };
    return {
      onDragOver: (e: React.DragEvent) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        const key = `${date}T${hhmm(slotAt(e))}`;
        if (over !== key) setOver(key);
      },
      onDragLeave: (e: React.DragEvent) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null);
      },
      onDrop: (e: React.DragEvent) => {
        e.preventDefault();
        const id = e.dataTransfer.getData('text/plain') || dragged.current?.id || '';
        drop(instantOf(date, slotAt(e), tz), id);
      },
    };
  };

  const blockClass = (activity: Activity, base: string) =>
    [
      base,
      `kind-${activity.kind}`,
      activity.status,
      activity.overdue ? 'overdue' : '',
      inConflict.has(activity.id) ? 'conflict' : '',
    ]
      .filter(Boolean)
      .join(' ');

  const title = (() => {
    const a = dayjs(anchor);
    if (mode === 'month') return a.format(t('work.calendar.monthFormat'));
    if (mode === 'day') return a.format(t('work.calendar.dayFormat'));
    return `${dayjs(first).format('MM-DD')} – ${dayjs(last).format('MM-DD')}`;
  })();

  const timeGrid = () => {
    const placedByDay = dates.map((date) => placeDay(items, date, tz));
    const { first: h0, last: h1 } = hourRange(placedByDay.flat());
    const slots = Array.from(
      { length: ((h1 - h0) * 60) / SLOT_MINUTES },
      (_, i) => h0 * 60 + i * SLOT_MINUTES,
    );
    const height = slots.length * SLOT_PX;
    const block = (p: Placed) => {
      const a = p.activity;
      const top = ((Math.max(p.startMin, h0 * 60) - h0 * 60) / SLOT_MINUTES) * SLOT_PX;
      const bottom = ((Math.min(p.endMin, h1 * 60) - h0 * 60) / SLOT_MINUTES) * SLOT_PX;
      const width = 100 / p.lanes;
      const blockHeight = Math.max(bottom - top - 1, SLOT_PX - 2);
      return (
        <div
          key={a.id}
          className={blockClass(a, 'cal-block')}
          style={{
            top,
            height: blockHeight,
            left: `calc(${p.lane * width}% + 2px)`,
            width: `calc(${width}% - 4px)`,
          }}
          title={`${hhmm(p.startMin)} ${a.subject}${showOwner ? ` · ${a.owner.display_name}` : ''}`}
          onClick={() => setOpenId(a.id)}
          data-testid="cal-block"
          data-activity-id={a.id}
          {...dragProps(a)}
        >
          {blockHeight >= 40 ? (
            <>
              <div className="cal-block-subject">{a.subject}</div>
              <div className="cal-block-time">
                {hhmm(p.startMin)}
                {showOwner ? ` · ${a.owner.display_name}` : ''}
              </div>
            </>
          ) : (
            <div className="cal-block-subject">
              {showOwner ? `${a.owner.display_name} · ` : ''}
              {a.subject}
            </div>
          )}
        </div>
      );
    };
    return (
      <div
        className={dragging ? 'cal-grid dragging' : 'cal-grid'}
        style={{ gridTemplateColumns: `44px repeat(${dates.length}, minmax(0, 1fr))` }}
        data-testid="cal-grid"
      >
        <div className="cal-head" style={{ borderLeft: 'none' }} />
        {dates.map((date) => (
          <div key={date} className={date === today ? 'cal-head today' : 'cal-head'}>
            {dayjs(date).format(
              mode === 'day'
                ? t('work.calendar.dayFormat')
                : mobile
                  ? t('work.calendar.weekdayShortFormat')
                  : t('work.calendar.weekdayFormat'),
            )}
          </div>
        ))}
        <div className="cal-hours" style={{ height }}>
          {slots
            .filter((m) => m % 60 === 0)
            .map((m) => (
              <div key={m} className="cal-hour-label" style={{ height: SLOT_PX * 2 }}>
                {hhmm(m)}
              </div>
            ))}
        </div>
        {dates.map((date, i) => (
          <div
            key={date}
            className="cal-day"
            style={{ height }}
            data-testid="cal-day-column"
            data-date={date}
            {...columnDropProps(date, h0)}
          >
            {slots.map((m) => {
              const key = `${date}T${hhmm(m)}`;
              return (
                <div
                  key={m}
                  className={[
                    'cal-slot',
                    m % 60 === 0 ? 'hour' : '',
                    over === key ? 'drop-over' : '',
                  ].join(' ')}
                  style={{ height: SLOT_PX }}
                  data-testid="cal-slot"
                  data-time={key}
                  onClick={() => mayWrite && setCreateAt(dayjs(key))}
                />
              );
            })}
            {(placedByDay[i] ?? []).map(block)}
          </div>
        ))}
      </div>
    );
  };

  const monthGrid = () => {
    const month = dayjs(anchor).month();
    const byDate = new Map<string, Activity[]>();
    for (const a of items) {
      const start = activityStart(a);
      if (!start) continue;
      const { date } = localParts(start, tz);
      byDate.set(date, [...(byDate.get(date) ?? []), a]);
    }
    const weekdays = dates.slice(0, 7);
    return (
      <div className={dragging ? 'cal-month dragging' : 'cal-month'} data-testid="cal-month">
        {weekdays.map((date) => (
          <div key={`h${date}`} className="cal-head" style={{ borderLeft: 'none' }}>
            {dayjs(date).format('dd')}
          </div>
        ))}
        {dates.map((date) => {
          const list = (byDate.get(date) ?? []).sort((a, b) =>
            (activityStart(a) ?? '').localeCompare(activityStart(b) ?? ''),
          );
          const cls = [
            'cal-month-cell',
            dayjs(date).month() !== month ? 'other' : '',
            date === today ? 'today' : '',
            over === date ? 'drop-over' : '',
          ].join(' ');
          return (
            <div
              key={date}
              className={cls}
              data-testid="cal-day"
              data-date={date}
              {...dropProps(date, (moving) => {
                const start = moving ? activityStart(moving) : null;
                const minutes = start ? localParts(start, tz).minutes : 9 * 60;
                return instantOf(date, minutes, tz);
              })}
            >
              <div className="cal-month-date" onClick={() => setView('day', date)}>
                {dayjs(date).date()}
              </div>
              {list.slice(0, mobile ? 3 : 4).map((a) => (
                <div
                  key={a.id}
                  className={blockClass(a, 'cal-chip')}
                  onClick={() => setOpenId(a.id)}
                  data-testid="cal-block"
                  data-activity-id={a.id}
                  {...dragProps(a)}
                >
                  {mobile ? '' : `${dayjs(activityStart(a)).tz(tz).format('HH:mm')} `}
                  {a.subject}
                </div>
              ))}
              {list.length > (mobile ? 3 : 4) && (
                <div className="muted" style={{ fontSize: 11 }}>
                  {t('work.calendar.more', { count: list.length - (mobile ? 3 : 4) })}
                </div>
              )}
            </div>
          );
        })}
      </div>
    );
  };

  return (
    <>
      <PageHeader
        title={t('work.calendar.title')}
        extra={
          <Space wrap>
            <FeedButton />
            {mayWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreateAt(null)}
                data-testid="new-activity"
              >
                {t('work.activity.new')}
              </Button>
            )}
          </Space>
        }
      />
      <div className="cal-toolbar">
        <Space.Compact>
          <Button
            icon={<LeftOutlined />}
            aria-label={t('work.calendar.previous')}
            onClick={() => setAnchor(shiftAnchor(mode, anchor, -1))}
            data-testid="cal-prev"
          />
          <Button onClick={() => setAnchor(today)} data-testid="cal-today">
            {t('work.calendar.today')}
          </Button>
          <Button
            icon={<RightOutlined />}
            aria-label={t('work.calendar.next')}
            onClick={() => setAnchor(shiftAnchor(mode, anchor, 1))}
            data-testid="cal-next"
          />
        </Space.Compact>
        <span className="cal-toolbar-title tabular" data-testid="cal-title">
          {title}
        </span>
        <Segmented<CalendarMode>
          value={mode}
          onChange={setMode}
          options={(['day', 'week', 'month'] as const).map((m) => ({
            value: m,
            label: t(`work.calendar.mode.${m}`),
          }))}
          data-testid="cal-mode"
        />
        {whoOptions.wide && (
          <Select
            value={who}
            onChange={setWho}
            options={whoOptions.options}
            style={{ minWidth: 160 }}
            showSearch
            optionFilterProp="label"
            data-testid="cal-who"
            aria-label={t('work.calendar.whose')}
          />
        )}
        {calendar.isFetching && <Spin size="small" />}
      </div>
      {mode === 'month' ? (
        monthGrid()
      ) : mode === 'day' && mobile ? (
        <CalendarAgenda
          placed={placeDay(items, anchor, tz)}
          showOwner={showOwner}
          blockClass={blockClass}
          onOpen={setOpenId}
        />
      ) : (
        timeGrid()
      )}
      <div className="muted" style={{ fontSize: 12, marginTop: 8 }}>
        {mayWrite && !(mode === 'day' && mobile) ? t('work.calendar.hint') : null}
      </div>
      <ActivityDrawer id={openId} onClose={() => setOpenId(null)} />
      <ActivityFormModal
        open={createAt !== undefined}
        start={createAt ?? null}
        onClose={() => setCreateAt(undefined)}
      />
      <Modal
        open={!!move}
        title={t('work.calendar.moveConflictTitle')}
        footer={null}
        onCancel={() => setMove(null)}
        destroyOnHidden
      >
        {move && (
          <ConflictWarning
            conflicts={move.conflicts}
            saving={saving}
            onSaveAnyway={() => void save(move.activity, { ...move.patch, allow_overlap: true })}
            onDismiss={() => setMove(null)}
          />
        )}
      </Modal>
    </>
  );
}
