// Test drives: the fleet's day or week, booking a car (also straight from a lead), and each
// booking's actions. The view and the date live in the URL; `?book=1&customer=…&lead=…&name=…`
// opens the booking form for that customer.
import { CarOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Booking } from '@/api/types';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { todayIn } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { BookingDrawer } from './BookingDrawer';
import { BookingModal, type BookingDefaults } from './BookingModal';
import { shiftDate, visibleRange, type CalendarView } from './calendar';
import { FleetCalendar } from './FleetCalendar';
import { useBookings, useTestDriveCars } from './hooks';

const KEYS = ['view', 'date', 'book', 'customer', 'lead', 'name'] as const;

export default function TestDrivesPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const tz = me.dealer.time_zone;
  const today = todayIn(tz);
  const [params, setParams] = useUrlFilters(KEYS);
  const view: CalendarView = params.view === 'week' ? 'week' : 'day';
  const date = params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : today;
  const range = useMemo(() => visibleRange(view, date, tz), [view, date, tz]);
  const cars = useTestDriveCars();
  const bookings = useBookings(range);
  const [open, setOpen] = useState<Booking | null>(null);
  const [moving, setMoving] = useState<Booking | null>(null);
  const [slot, setSlot] = useState<BookingDefaults | null>(null);
  const canBook = can(me, 'test_drive:book');

  const fromLead: BookingDefaults | null =
    params.book === '1'
      ? {
          customer: params.customer ? { id: params.customer, name: params.name ?? '' } : null,
          leadId: params.lead ?? null,
          day: date,
        }
      : null;
  const bookingDefaults = fromLead ?? slot;
  const closeBooking = (saved?: Booking) => {
    setSlot(null);
    if (fromLead) {
      setParams({ book: undefined, customer: undefined, lead: undefined, name: undefined });
    }
    if (saved) {
      const day = dayjs(saved.starts_at).tz(tz).format('YYYY-MM-DD');
      if (day !== date) setParams({ date: day });
    }
  };

  // Cars shown: the active ones, and any switched-off car that still has bookings in view.
  const shownCars = (cars.data ?? []).filter(
    (car) => car.active || (bookings.data ?? []).some((b) => b.car.id === car.id),
  );

  const header = (
    <>
      {can(me, 'test_drive:fleet') && !mobile && (
        <Button icon={<CarOutlined />} onClick={() => navigate('/admin/test-drive-cars')}>
          {t('nav.testDriveCars')}
        </Button>
      )}
      {canBook && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setSlot({ day: date })}
          block={mobile}
          data-testid="new-booking"
        >
          {t('testDrives.new')}
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader title={t('nav.testDrives')} subtitle={t('testDrives.subtitle')} extra={header} />
      <Card variant="borderless">
        <div className="filter-bar calendar-bar">
          <Segmented
            value={view}
            onChange={(value) => setParams({ view: value === 'week' ? 'week' : undefined })}
            options={[
              { value: 'day', label: t('testDrives.view.day') },
              { value: 'week', label: t('testDrives.view.week') },
            ]}
            data-testid="calendar-view"
          />
          <Space.Compact>
            <Button
              icon={<LeftOutlined />}
              onClick={() => setParams({ date: shiftDate(view, date, -1) })}
              aria-label={t('testDrives.previous')}
            />
            <Button onClick={() => setParams({ date: undefined })} data-testid="calendar-today">
              {t('testDrives.today')}
            </Button>
            <Button
              icon={<RightOutlined />}
              onClick={() => setParams({ date: shiftDate(view, date, 1) })}
              aria-label={t('testDrives.next')}
              data-testid="calendar-next"
            />
          </Space.Compact>
          <DatePicker
            value={dayjs(date)}
            allowClear={false}
            onChange={(value) =>
              value &&
              setParams({
                date: value.format('YYYY-MM-DD') === today ? undefined : value.format('YYYY-MM-DD'),
              })
            }
            data-testid="calendar-date"
          />
        </div>
        {cars.isError || bookings.isError ? (
          <ErrorResult
            error={cars.error ?? bookings.error}
            onRetry={() => {
              void cars.refetch();
              void bookings.refetch();
            }}
          />
        ) : cars.isLoading || bookings.isLoading ? (
          <Card loading variant="borderless" />
        ) : (
          <div data-testid="fleet-calendar">
            <FleetCalendar
              view={view}
              date={date}
              cars={shownCars}
              bookings={bookings.data ?? []}
              timeZone={tz}
              today={today}
              mobile={mobile}
              onOpen={setOpen}
              onSlot={canBook ? (carId, day, start) => setSlot({ carId, day, start }) : undefined}
            />
          </div>
        )}
      </Card>
      <BookingDrawer
        booking={open}
        onClose={() => setOpen(null)}
        onReschedule={(booking) => {
          setOpen(null);
          setMoving(booking);
        }}
      />
      {(bookingDefaults || moving) && cars.data && (
        <BookingModal
          open
          booking={moving}
          defaults={bookingDefaults ?? undefined}
          cars={cars.data}
          bookings={bookings.data ?? []}
          onClose={(saved) => {
            setMoving(null);
            closeBooking(saved);
          }}
        />
      )}
    </>
  );
}
