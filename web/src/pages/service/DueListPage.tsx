// The cars coming due for service, soonest first, overdue ones highlighted: the car, its owner
// (a phone that calls), the due day and days left, whether time or distance decides it (and
// the km), 首保, the driving rate in km a month (estimated when the car has too few readings),
// the last service, whether the reminder went out and any booking. "Book" opens the booking
// drawer with the car filled in. Cards at phone width.
import { Button, Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { ListFooter } from '@/components/ListFooter';
import { MaskedText } from '@/components/MaskedText';
import { PageHeader } from '@/components/PageHeader';
import { DaysLeft, LastService, Rate } from '@/components/service/DueParts';
import { ErrorResult } from '@/components/Results';
import { display, formatNumber, todayIn } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { type BookingCar, BookingDrawer } from './BookingDrawer';
import { type ServiceDue, useDues } from './hooks';
import { DUE_PERIODS, type DuePeriod, dueRange } from './serviceMath';

function carLabel(due: ServiceDue): string {
  return [due.car?.plate, due.car?.description].filter(Boolean).join(' · ') || '—';
}

function Tags({ due }: { due: ServiceDue }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {due.first_service && <Tag color="gold">{t('service.due.firstService')}</Tag>}
      <Tag>{t(`service.dueBy.${due.due_by}`)}</Tag>
      {due.reminded ? (
        <Tag color="cyan">{t('service.due.reminded')}</Tag>
      ) : (
        <Tag>{t('service.due.notReminded')}</Tag>
      )}
      {due.booked && (
        <Tag color="green" data-testid="due-booked">
          {t('service.due.booked', { day: due.booked.on_date })}
        </Tag>
      )}
    </Space>
  );
}

export default function DueListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isMobile = useIsMobile();
  const today = todayIn(me.dealer.time_zone);
  const [filters, setFilters] = useUrlFilters(['period'] as const);
  const period: DuePeriod = DUE_PERIODS.includes(filters.period as DuePeriod)
    ? (filters.period as DuePeriod)
    : 'month';
  const list = useDues(dueRange(period, today));
  const write = can(me, 'service:write');
  const [booking, setBooking] = useState<BookingCar | null>(null);

  const book = (due: ServiceDue): ReactNode =>
    write && !due.booked ? (
      <Button
        size="small"
        type="primary"
        ghost
        onClick={() =>
          setBooking({
            vehicle_id: due.vehicle_id,
            label: carLabel(due),
            customer_id: due.customer?.id,
            customer_name: due.customer?.name,
          })
        }
        data-testid="due-book"
      >
        {t('service.due.book')}
      </Button>
    ) : null;

  const dueKm = (due: ServiceDue) => t('service.km', { km: formatNumber(due.due_km) });

  const columns: ColumnsType<ServiceDue> = [
    {
      title: t('service.field.car'),
      key: 'car',
      render: (_, due) => <span className="plate">{carLabel(due)}</span>,
    },
    {
      title: t('service.field.customer'),
      key: 'customer',
      render: (_, due) => (
        <>
          <div>{display(due.customer?.name)}</div>
          {due.customer?.phone && <MaskedText value={due.customer.phone} kind="phone" />}
        </>
      ),
    },
    {
      title: t('service.due.dueOn'),
      key: 'due',
      render: (_, due) => (
        <>
          <div className="tabular">{due.due_on}</div>
          <DaysLeft due={due} />
        </>
      ),
    },
    { title: t('service.due.dueKm'), key: 'km', render: (_, due) => dueKm(due) },
    { title: '', key: 'tags', render: (_, due) => <Tags due={due} /> },
    { title: t('service.due.rate'), key: 'rate', render: (_, due) => <Rate due={due} /> },
    {
      title: t('service.due.lastService'),
      key: 'last',
      render: (_, due) => <LastService due={due} />,
      responsive: ['lg'],
    },
    ...(write ? [{ key: 'book', render: (_: unknown, due: ServiceDue) => book(due) }] : []),
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
      <PageHeader title={t('nav.serviceDue')} subtitle={t('service.due.subtitle')} />
      <Card variant="borderless">
        <Segmented
          value={period}
          onChange={(value) => setFilters({ period: value === 'month' ? null : String(value) })}
          options={DUE_PERIODS.map((p) => ({ value: p, label: t(`service.period.${p}`) }))}
          style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
          data-testid="due-period"
        />
        {list.isError ? (
          <ErrorResult error={list.error} />
        ) : isMobile ? (
          <div>
            {!list.isLoading && list.items.length === 0 && (
              <Empty description={t('service.due.empty')} />
            )}
            {list.items.map((due) => (
              <div
                key={due.vehicle_id}
                className={`record-card${due.days_left < 0 ? ' due-overdue' : ''}`}
                data-testid="due-row"
              >
                <div className="record-card-title">
                  <span className="plate">{carLabel(due)}</span>
                  <DaysLeft due={due} />
                </div>
                <dl className="record-card-meta">
                  <dt>{t('service.field.customer')}</dt>
                  <dd>
                    {display(due.customer?.name)}{' '}
                    {due.customer?.phone && <MaskedText value={due.customer.phone} kind="phone" />}
                  </dd>
                  <dt>{t('service.due.dueOn')}</dt>
                  <dd className="tabular">
                    {due.due_on} · {dueKm(due)}
                  </dd>
                  <dt>{t('service.due.rate')}</dt>
                  <dd>
                    <Rate due={due} />
                  </dd>
                  <dt>{t('service.due.lastService')}</dt>
                  <dd>
                    <LastService due={due} />
                  </dd>
                </dl>
                <div style={{ marginTop: 8 }}>
                  <Tags due={due} />
                </div>
                {book(due) && <div style={{ marginTop: 8 }}>{book(due)}</div>}
              </div>
            ))}
            {footer}
          </div>
        ) : (
          <>
            <Table<ServiceDue>
              rowKey="vehicle_id"
              size="small"
              loading={list.isLoading}
              columns={columns}
              dataSource={list.items}
              pagination={false}
              scroll={{ x: 1000 }}
              rowClassName={(due) => (due.days_left < 0 ? 'due-overdue' : '')}
              locale={{ emptyText: <Empty description={t('service.due.empty')} /> }}
            />
            {footer}
          </>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('service.due.hint')}
        </Typography.Paragraph>
      </Card>
      {booking && (
        <BookingDrawer car={booking} source="due_list" onClose={() => setBooking(null)} />
      )}
    </>
  );
}
