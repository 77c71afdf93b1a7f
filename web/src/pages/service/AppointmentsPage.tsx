// The service desk's day: a day picker (today by default), the workshop's next 14 days as a
// capacity strip (click a day to see it), and the day's appointments with their car, customer,
// advisor, job, standard time and status; booking, moving, cancelling and no-shows for those
// who may book. Cards at phone width.
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { ListFooter } from '@/components/ListFooter';
import { MaskedText } from '@/components/MaskedText';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { display, todayIn } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { AppointmentActions } from './AppointmentActions';
import { BookingDrawer } from './BookingDrawer';
import { CapacityStrip } from './CapacityStrip';
import { type Appointment, STATUS_COLOURS, useDayAppointments } from './hooks';
import { addDays, minutesToHours } from './serviceMath';

function carLabel(a: Appointment): string {
  return [a.car?.plate, a.car?.description].filter(Boolean).join(' · ') || '—';
}

function StatusTag({ status }: { status: Appointment['status'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]}>{t(`service.status.${status}`)}</Tag>;
}

export default function AppointmentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isMobile = useIsMobile();
  const today = todayIn(me.dealer.time_zone);
  const [filters, setFilters] = useUrlFilters(['day'] as const);
  const day = filters.day && /^\d{4}-\d{2}-\d{2}$/.test(filters.day) ? filters.day : today;
  const setDay = (next: string) => setFilters({ day: next === today ? null : next });
  const [booking, setBooking] = useState(false);
  const write = can(me, 'service:write');
  const list = useDayAppointments(day);

  const actions = (a: Appointment) =>
    write ? <AppointmentActions appointment={a} today={today} /> : null;

  const columns: ColumnsType<Appointment> = [
    {
      title: t('service.field.car'),
      key: 'car',
      render: (_, a) => <span className="plate">{carLabel(a)}</span>,
    },
    {
      title: t('service.field.customer'),
      key: 'customer',
      render: (_, a) => (
        <>
          {display(a.customer?.name)}{' '}
          {a.customer?.phone && <MaskedText value={a.customer.phone} kind="phone" />}
        </>
      ),
    },
    { title: t('service.field.advisor'), dataIndex: 'advisor_name', render: display },
    { title: t('service.field.job'), dataIndex: 'job', ellipsis: true },
    {
      title: t('service.field.jobTime'),
      dataIndex: 'job_minutes',
      render: (m: number) => t('service.hours', { hours: minutesToHours(m) }),
    },
    {
      title: t('service.field.source'),
      dataIndex: 'source',
      render: (s: Appointment['source']) => t(`service.source.${s}`),
      responsive: ['lg'],
    },
    {
      title: t('service.field.status'),
      dataIndex: 'status',
      render: (s: Appointment['status']) => <StatusTag status={s} />,
    },
    ...(write ? [{ key: 'actions', render: (_: unknown, a: Appointment) => actions(a) }] : []),
  ];

  const footer = (
    <ListFooter
      shown={list.items.length}
      hasMore={list.hasNextPage}
      loading={list.isFetchingNextPage}
      onLoadMore={() => void list.fetchNextPage()}
    />
  );

  return (
    <>
      <PageHeader
        title={t('nav.serviceAppointments')}
        subtitle={t('service.appointments.subtitle')}
        extra={
          write && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setBooking(true)}
              block={isMobile}
              data-testid="book-appointment"
            >
              {t('service.book.title')}
            </Button>
          )
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Button icon={<LeftOutlined />} onClick={() => setDay(addDays(day, -1))} />
          <DatePicker
            allowClear={false}
            value={dayjs(day)}
            onChange={(d: Dayjs | null) => d && setDay(d.format('YYYY-MM-DD'))}
            data-testid="appointments-day"
          />
          <Button icon={<RightOutlined />} onClick={() => setDay(addDays(day, 1))} />
          {day !== today && <Button onClick={() => setDay(today)}>{t('service.today')}</Button>}
        </Space>
        <CapacityStrip from={today} selected={day} onPick={setDay} />
      </Card>
      <Card variant="borderless">
        {list.isError ? (
          <ErrorResult error={list.error} />
        ) : isMobile ? (
          <div>
            {!list.isLoading && list.items.length === 0 && (
              <Empty description={t('service.appointments.empty')} />
            )}
            {list.items.map((a) => (
              <div key={a.id} className="record-card" data-testid="appointment-row">
                <div className="record-card-title">
                  <span className="plate">{carLabel(a)}</span>
                  <StatusTag status={a.status} />
                </div>
                <dl className="record-card-meta">
                  <dt>{t('service.field.customer')}</dt>
                  <dd>
                    {display(a.customer?.name)}{' '}
                    {a.customer?.phone && <MaskedText value={a.customer.phone} kind="phone" />}
                  </dd>
                  <dt>{t('service.field.job')}</dt>
                  <dd>
                    {a.job} · {t('service.hours', { hours: minutesToHours(a.job_minutes) })}
                  </dd>
                  <dt>{t('service.field.advisor')}</dt>
                  <dd>{display(a.advisor_name)}</dd>
                </dl>
                {write && (a.status === 'booked' || a.repair_order_id) && (
                  <div style={{ marginTop: 8 }}>{actions(a)}</div>
                )}
              </div>
            ))}
            {footer}
          </div>
        ) : (
          <>
            <Table<Appointment>
              rowKey="id"
              size="small"
              loading={list.isLoading}
              columns={columns}
              dataSource={list.items}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: <Empty description={t('service.appointments.empty')} /> }}
            />
            {footer}
          </>
        )}
      </Card>
      {booking && <BookingDrawer day={day} onClose={() => setBooking(false)} onBooked={setDay} />}
    </>
  );
}
