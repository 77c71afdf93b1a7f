// The orders (合同) within the reader's reach: a consultant's own, the dealer's for managers and
// finance. Cards at phone width, so a consultant can check an order's status on the floor.
import { Card, Empty, List, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { formatDate, formatMoney } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import { type Order, type OrderStatus, statusColour, useOrders } from './hooks';

const STATUSES: OrderStatus[] = ['open', 'invoiced', 'delivered', 'cancelled'];

export default function OrdersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const [status, setStatus] = useState<OrderStatus | 'all'>('all');
  const list = useOrders(status === 'all' ? undefined : status);
  const items = list.data?.items ?? [];
  const tz = me.dealer.time_zone;

  const columns: ColumnsType<Order> = [
    {
      title: t('orders.field.contractNo'),
      dataIndex: 'contract_no',
      render: (no: string, order) => <Link to={`/orders/${order.id}`}>{no}</Link>,
    },
    { title: t('orders.field.customer'), dataIndex: 'customer_name' },
    { title: t('orders.field.vehicle'), dataIndex: 'vehicle' },
    {
      title: t('orders.field.status'),
      dataIndex: 'status',
      render: (s: OrderStatus) => <Tag color={statusColour(s)}>{t(`orders.status.${s}`)}</Tag>,
    },
    {
      title: t('orders.field.total'),
      key: 'total',
      align: 'right',
      render: (_, o) => <span className="tabular">{formatMoney(o.money.total_fen)}</span>,
    },
    {
      title: t('orders.field.receivable'),
      key: 'receivable',
      align: 'right',
      render: (_, o) => <span className="tabular">{formatMoney(o.money.receivable_fen)}</span>,
    },
    {
      title: t('orders.field.signedAt'),
      dataIndex: 'signed_at',
      render: (at: string) => formatDate(at, tz),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.orders')} subtitle={t('orders.subtitle')} />
      <Card variant="borderless">
        <Segmented
          value={status}
          onChange={(value) => setStatus(value as OrderStatus | 'all')}
          options={[
            { value: 'all', label: t('orders.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) })),
          ]}
          style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
        />
        {list.error ? (
          <ErrorResult error={list.error} />
        ) : mobile ? (
          <List
            loading={list.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('orders.empty')} /> }}
            renderItem={(o) => (
              <List.Item key={o.id}>
                <Link to={`/orders/${o.id}`} style={{ width: '100%' }} data-testid="order-card">
                  <Typography.Text strong>{o.contract_no}</Typography.Text>{' '}
                  <Tag color={statusColour(o.status)}>{t(`orders.status.${o.status}`)}</Tag>
                  <div>
                    {o.customer_name} · {o.vehicle}
                  </div>
                  <div className="muted">
                    {t('orders.field.receivable')}: {formatMoney(o.money.receivable_fen)}
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
            locale={{ emptyText: <Empty description={t('orders.empty')} /> }}
          />
        )}
      </Card>
    </>
  );
}
