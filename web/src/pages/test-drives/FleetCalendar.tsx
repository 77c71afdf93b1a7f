// The fleet on a calendar. Day: a row per car on a time axis, bookings as bars (click one for its
// actions, click a free spot to book it). Week: a row per car, a column per day. On a phone:
// a list per car (day) or per day (week).
import { Empty, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Booking, TestDriveCar } from '@/api/types';
import { formatTime } from '@/lib/format';
import {
  barPosition,
  bookingsOn,
  dayHours,
  holdsCar,
  minutesInto,
  visibleDays,
  type CalendarView,
} from './calendar';

interface Props {
  view: CalendarView;
  date: string;
  cars: TestDriveCar[];
  bookings: Booking[];
  timeZone: string;
  today: string;
  onOpen: (booking: Booking) => void;
  /** A free slot clicked: the car and the dealer's day and "HH:mm". */
  onSlot?: (carId: string, day: string, start: string) => void;
}

function bookingLabel(t: (key: string) => string, booking: Booking): string {
  if (booking.busy_only || !booking.customer) return t('testDrives.busy');
  return booking.customer.name;
}

function carLabel(car: TestDriveCar) {
  return (
    <div className="fleet-car">
      <div className="fleet-car-name">{car.label}</div>
      {car.plate && <div className="fleet-car-plate tabular">{car.plate}</div>}
    </div>
  );
}

function DayGrid({ date, cars, bookings, timeZone, onOpen, onSlot }: Props) {
  const { t } = useTranslation();
  const shown = bookings.filter(holdsCar);
  const [first, last] = dayHours(shown, date, timeZone);
  const hours = Array.from({ length: last - first }, (_, i) => first + i);

  const slotAt = (event: MouseEvent<HTMLDivElement>, carId: string) => {
    if (!onSlot || (event.target as HTMLElement).closest('.fleet-bar')) return;
    const box = event.currentTarget.getBoundingClientRect();
    const share = (event.clientX - box.left) / box.width;
    const minutes = first * 60 + Math.floor((share * (last - first) * 60) / 30) * 30;
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    onSlot(carId, date, `${hh}:${mm}`);
  };

  return (
    <div className="fleet-scroll">
      <div className="fleet-grid fleet-day" style={{ minWidth: 160 + hours.length * 64 }}>
        <div className="fleet-row fleet-head">
          <div className="fleet-car-cell" />
          <div className="fleet-track fleet-hours">
            {hours.map((hour) => (
              <span key={hour} className="fleet-hour tabular" style={{ flex: 1 }}>
                {String(hour).padStart(2, '0')}:00
              </span>
            ))}
          </div>
        </div>
        {cars.map((car) => (
          <div className="fleet-row" key={car.id} data-testid="fleet-row" data-car-id={car.id}>
            <div className="fleet-car-cell">{carLabel(car)}</div>
            <div
              className={onSlot ? 'fleet-track bookable' : 'fleet-track'}
              onClick={(event) => slotAt(event, car.id)}
              style={{ backgroundSize: `${100 / hours.length}% 100%` }}
            >
              {bookingsOn(shown, car.id, date, timeZone).map((booking) => {
                const position = barPosition(booking, date, timeZone, [first, last]);
                if (!position) return null;
                return (
                  <Tooltip
                    key={booking.id}
                    title={`${formatTime(booking.starts_at, timeZone)}–${formatTime(booking.ends_at, timeZone)} ${bookingLabel(t, booking)}${booking.consultant ? ` · ${booking.consultant.display_name}` : ''}`}
                  >
                    <button
                      type="button"
                      className={`fleet-bar status-${booking.status}${booking.busy_only ? ' busy' : ''}`}
                      style={{ left: `${position.left}%`, width: `${position.width}%` }}
                      onClick={() => onOpen(booking)}
                      data-testid="booking-bar"
                      data-booking-id={booking.id}
                    >
                      <span className="fleet-bar-time tabular">
                        {formatTime(booking.starts_at, timeZone)}
                      </span>
                      <span className="fleet-bar-name">{bookingLabel(t, booking)}</span>
                    </button>
                  </Tooltip>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

function Chip({
  booking,
  timeZone,
  onOpen,
}: {
  booking: Booking;
  timeZone: string;
  onOpen: (booking: Booking) => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`fleet-chip status-${booking.status}${booking.busy_only ? ' busy' : ''}`}
      onClick={() => onOpen(booking)}
      data-testid="booking-chip"
      data-booking-id={booking.id}
    >
      <span className="tabular">
        {formatTime(booking.starts_at, timeZone)}–{formatTime(booking.ends_at, timeZone)}
      </span>{' '}
      <span className="fleet-chip-name">{bookingLabel(t, booking)}</span>
    </button>
  );
}

function WeekGrid({ date, cars, bookings, timeZone, today, onOpen }: Props) {
  const days = visibleDays('week', date);
  return (
    <div className="fleet-scroll">
      <div className="fleet-grid fleet-week" style={{ minWidth: 160 + 7 * 120 }}>
        <div className="fleet-row fleet-head">
          <div className="fleet-car-cell" />
          {days.map((day) => (
            <div key={day} className={day === today ? 'fleet-day-head today' : 'fleet-day-head'}>
              {dayjs(day).format('ddd M/D')}
            </div>
          ))}
        </div>
        {cars.map((car) => (
          <div className="fleet-row" key={car.id} data-testid="fleet-row" data-car-id={car.id}>
            <div className="fleet-car-cell">{carLabel(car)}</div>
            {days.map((day) => (
              <div key={day} className={day === today ? 'fleet-cell today' : 'fleet-cell'}>
                {bookingsOn(bookings, car.id, day, timeZone).map((booking) => (
                  <Chip key={booking.id} booking={booking} timeZone={timeZone} onOpen={onOpen} />
                ))}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

/** Phones: the day's bookings under each car, or the week's under each day. */
function Agenda({ view, date, cars, bookings, timeZone, onOpen }: Props) {
  const { t } = useTranslation();
  if (view === 'day') {
    return (
      <div className="fleet-agenda">
        {cars.map((car) => {
          const list = bookingsOn(bookings, car.id, date, timeZone);
          return (
            <div className="record-card" key={car.id} data-testid="fleet-row" data-car-id={car.id}>
              <div className="record-card-title">{carLabel(car)}</div>
              <div className="fleet-agenda-list">
                {list.length === 0 ? (
                  <span className="muted">{t('testDrives.free')}</span>
                ) : (
                  list.map((booking) => (
                    <Chip key={booking.id} booking={booking} timeZone={timeZone} onOpen={onOpen} />
                  ))
                )}
              </div>
            </div>
          );
        })}
      </div>
    );
  }
  const days = visibleDays('week', date);
  return (
    <div className="fleet-agenda">
      {days.map((day) => {
        const list = bookings
          .filter((b) => {
            const start = minutesInto(b.starts_at, day, timeZone);
            return start >= 0 && start < 1440;
          })
          .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
        return (
          <div className="record-card" key={day}>
            <div className="record-card-title">{dayjs(day).format('ddd M/D')}</div>
            <div className="fleet-agenda-list">
              {list.length === 0 ? (
                <span className="muted">{t('testDrives.none')}</span>
              ) : (
                list.map((booking) => (
                  <div key={booking.id} className="fleet-agenda-item">
                    <span className="muted">{booking.car.label}</span>
                    <Chip booking={booking} timeZone={timeZone} onOpen={onOpen} />
                  </div>
                ))
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}

export function FleetCalendar(props: Props & { mobile: boolean }) {
  const { t } = useTranslation();
  if (props.cars.length === 0) {
    return <Empty description={t('testDrives.noCars')} data-testid="no-cars" />;
  }
  if (props.mobile) return <Agenda {...props} />;
  return props.view === 'day' ? <DayGrid {...props} /> : <WeekGrid {...props} />;
}
