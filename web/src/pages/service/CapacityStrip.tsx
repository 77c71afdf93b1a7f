// The workshop's next days at a glance: each day's capacity, booked and left hours, closed days
// greyed, and (when a job length is given) a tick on the days the job fits. Clicking a working
// day picks it. Scrolls sideways on a phone.
import { CheckCircleFilled } from '@ant-design/icons';
import { Progress, Skeleton, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/Results';
import { useCapacity } from './hooks';
import { addDays, buildStrip } from './serviceMath';
import './service.css';

export function CapacityStrip({
  from,
  days = 14,
  jobMinutes,
  advisorId,
  selected,
  onPick,
}: {
  from: string;
  days?: number;
  jobMinutes?: number;
  advisorId?: string | null;
  selected?: string;
  onPick?: (day: string) => void;
}) {
  const { t } = useTranslation();
  const capacity = useCapacity(from, addDays(from, days - 1), jobMinutes, advisorId);
  if (capacity.isError) return <ErrorResult error={capacity.error} />;
  if (!capacity.data) return <Skeleton active paragraph={{ rows: 1 }} />;
  const strip = buildStrip(capacity.data, selected);
  return (
    <div className="capacity-strip" data-testid="capacity-strip">
      {strip.map((day) => {
        const label = `${t(`service.weekday.${day.weekday}`)} ${day.dayOfMonth}`;
        const classes = [
          'capacity-day',
          day.closed ? 'capacity-day-closed' : '',
          day.selected ? 'capacity-day-selected' : '',
          day.fits === true ? 'capacity-day-fits' : '',
          day.fits === false && !day.closed ? 'capacity-day-full' : '',
        ]
          .filter(Boolean)
          .join(' ');
        const body = (
          <button
            type="button"
            className={classes}
            disabled={day.closed || !onPick}
            onClick={() => onPick?.(day.date)}
            data-testid={`capacity-${day.date}`}
          >
            <div className="capacity-day-label">
              {label}
              {day.fits === true && <CheckCircleFilled className="capacity-day-tick" />}
            </div>
            {day.closed ? (
              <div className="capacity-day-hours">{t('service.capacity.closed')}</div>
            ) : (
              <>
                <Progress
                  percent={day.percent}
                  showInfo={false}
                  size="small"
                  status={day.percent >= 100 ? 'exception' : 'normal'}
                />
                <div className="capacity-day-hours tabular">
                  {t('service.capacity.usage', {
                    booked: day.bookedHours,
                    capacity: day.capacityHours,
                  })}
                </div>
                <div className="capacity-day-left tabular">
                  {t('service.capacity.left', { hours: day.leftHours })}
                </div>
              </>
            )}
          </button>
        );
        return day.closed ? (
          <span key={day.date}>{body}</span>
        ) : (
          <Tooltip
            key={day.date}
            title={t('service.capacity.tooltip', {
              capacity: day.capacityHours,
              booked: day.bookedHours,
              left: day.leftHours,
            })}
          >
            {body}
          </Tooltip>
        );
      })}
    </div>
  );
}
