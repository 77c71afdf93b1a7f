// The workshop's repair orders (工单), newest first, by status; cards at phone width so an
// advisor walking round the cars sees what is where. A walk-in order opens from here, and so
// does a booked appointment's (`?appointment=<id>`, from the appointments board).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { formatDateTime, formatMoney } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import {
  type RepairOrderRow,
  type RepairStatus,
  STATUSES,
  statusColour,
  useRepairOrders,
} from './hooks';
import { OpenForAppointment, OpenRepairOrder } from './OpenRepairOrder';

export default function RepairOrdersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const [status, setStatus] = useState<RepairStatus | 'all'>('all');
  const [opening, setOpening] = useState(false);
  const [params, setParams] = useSearchParams();
  const fromAppointment = params.get('appointment');
  const list = useRepairOrders(status === 'all' ? undefined : status);
  const items = list.data?.items ?? [];
  const tz = me.dealer.time_zone;
  const car = (o: RepairOrderRow) => [o.car.plate, o.car.model].filter(Boolean).join(' · ');

  const columns: ColumnsType<RepairOrderRow> = [
    {
      title: t('repairOrders.field.number'),
      dataIndex: 'number',
      render: (no: string, o) => <Link to={`/repair-orders/${o.id}`}>{no}</Link>,
    },
    { title: t('repairOrders.field.customer'), dataIndex: 'customer_name' },
    { title: t('repairOrders.field.car'), key: 'car', render: (_, o) => car(o) },
    {
      title: t('repairOrders.field.status'),
      dataIndex: 'status',
      render: (s: RepairStatus) => (
        <Tag color={statusColour(s)}>{t(`repairOrders.status.${s}`)}</Tag>
      ),
    },
    { title: t('repairOrders.field.advisor'), dataIndex: 'advisor_name' },
    {
      title: t('repairOrders.field.bill'),
      dataIndex: 'customer_total_fen',
      align: 'right',
      render: (fen: number) => <span className="tabular">{formatMoney(fen)}</span>,
    },
    {
      title: t('repairOrders.field.openedAt'),
      dataIndex: 'opened_at',
      render: (at: string) => formatDateTime(at, tz),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.repairOrders')}
        subtitle={t('repairOrders.subtitle')}
        extra={
          can(me, 'service:write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setOpening(true)}
              data-testid="repair-order-new"
            >
              {t('repairOrders.open')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <Segmented
          value={status}
          onChange={(value) => setStatus(value as RepairStatus | 'all')}
          options={[
            { value: 'all', label: t('repairOrders.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`repairOrders.status.${s}`) })),
          ]}
          style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
        />
        {list.error ? (
          <ErrorResult error={list.error} />
        ) : mobile ? (
          <List
            loading={list.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('repairOrders.empty')} /> }}
            renderItem={(o) => (
              <List.Item key={o.id}>
                <Link
                  to={`/repair-orders/${o.id}`}
                  style={{ width: '100%' }}
                  data-testid="repair-order-card"
                >
                  <Typography.Text strong>{o.car.plate ?? o.number}</Typography.Text>{' '}
                  <Tag color={statusColour(o.status)}>{t(`repairOrders.status.${o.status}`)}</Tag>
                  <div>
                    {o.customer_name} · {o.car.model}
                  </div>
                  <div className="muted">
                    {o.number} · {formatMoney(o.customer_total_fen)}
                  </div>
                </Link>
              </List.Item>
            )}
          />
        ) : (
          <Table
            rowKey="id"
            loading={list.isLoading}
            columns={columns}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: <Empty description={t('repairOrders.empty')} /> }}
          />
        )}
      </Card>
      {opening && <OpenRepairOrder onClose={() => setOpening(false)} />}
      {fromAppointment && (
        <OpenForAppointment
          appointmentId={fromAppointment}
          onClose={() => setParams({}, { replace: true })}
        />
      )}
    </>
  );
}
