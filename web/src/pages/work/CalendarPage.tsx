// The calendar: day / week / month of one's own activities, a colleague's or a team's (for
// managers). Click an empty slot to plan, click a block to open it, drag a block to another
// time (or day, in the month) to reschedule; an overlap asks before saving anyway.
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Modal, Segmented, Select, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
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
  activityStart,
  useCalendar,
  useRefreshWork,
  type Activity,
  type ActivityPatch,
} from '@/lib/work';
import {
  hhmm,
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
import { useCalendarDrag } from './useCalendarDrag';
import { useWhoOptions } from './useWhoOptions';

interface Move {
  activity: Activity;
  patch: ActivityPatch;
  conflicts: Activity[];
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

  const { over, dragging, dragProps, dropProps, columnDropProps } = useCalendarDrag({
    items,
    tz,
    mayWrite,
    onMove: (activity, patch) => void save(activity, patch),
  });

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
