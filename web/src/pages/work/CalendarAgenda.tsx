// A day of the calendar on a phone: the activities one under the other, each as wide as the
// screen with its time, however many share an hour (a time grid would squeeze them into
// slivers). Activities at the same time are marked so the overlap is still visible.
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Activity } from '@/lib/work';
import { hhmm, type Placed } from '@/lib/workCalendar';

export function CalendarAgenda({
  placed,
  showOwner,
  blockClass,
  onOpen,
}: {
  /** The day's activities, placed (their lanes tell which overlap). */
  placed: Placed[];
  showOwner: boolean;
  blockClass: (activity: Activity, base: string) => string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (placed.length === 0) {
    return <Empty description={t('work.calendar.emptyDay')} data-testid="cal-agenda" />;
  }
  const sorted = [...placed].sort((a, b) => a.startMin - b.startMin || a.endMin - b.endMin);
  return (
    <ol className="cal-agenda" data-testid="cal-agenda">
      {sorted.map((p) => {
        const a = p.activity;
        return (
          <li key={a.id}>
            <button
              type="button"
              className={blockClass(a, 'cal-agenda-item')}
              onClick={() => onOpen(a.id)}
              data-testid="cal-block"
              data-activity-id={a.id}
            >
              <span className="cal-agenda-time tabular">
                {hhmm(p.startMin)}
                <span className="muted">–{hhmm(Math.min(p.endMin, 24 * 60 - 1))}</span>
              </span>
              <span className="cal-agenda-body">
                <span className="cal-agenda-subject">{a.subject}</span>
                {(showOwner || p.lanes > 1) && (
                  <span className="cal-agenda-meta muted">
                    {showOwner ? a.owner.display_name : ''}
                    {showOwner && p.lanes > 1 ? ' · ' : ''}
                    {p.lanes > 1 ? t('work.calendar.overlaps') : ''}
                  </span>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
