// The renewal agent's call list (续保): their renewals by due date with the days left, the car,
// the customer with a phone to tap and call, and the policy being renewed. Cards at phone width
// (390 px), a table on the desktop; managers see the dealer's and may filter by status.
import { PhoneOutlined } from '@ant-design/icons';
import { Card, Empty, List, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { formatMoney } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import {
  type Renewal,
  type RenewalStatus,
  STATUSES,
  statusColour,
  urgency,
  useRenewals,
} from './hooks';

/** The customer's phone: a `tel:` link when it is whole, the masked number otherwise. */
export function PhoneLink({ renewal }: { renewal: Renewal }) {
  const phone = renewal.customer?.phone;
  if (!phone) return null;
  if (!renewal.customer?.phone_whole) return <span className="tabular">{phone}</span>;
  return (
    <a href={`tel:${phone}`} className="tabular" data-testid="renewal-phone">
      <PhoneOutlined /> {phone}
    </a>
  );
}

function DaysLeft({ renewal }: { renewal: Renewal }) {
  const { t } = useTranslation();
  if (renewal.status !== 'open') return null;
  return (
    <Tag color={urgency(renewal.days_left)}>
      {renewal.days_left >= 0
        ? t('renewals.daysLeft', { count: renewal.days_left })
        : t('renewals.overdueDays', { count: -renewal.days_left })}
    </Tag>
  );
}

function carText(renewal: Renewal): string {
  const car = renewal.car;
  if (!car) return '';
  return [car.plate, car.label].filter(Boolean).join(' · ');
}

export default function CallListPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [status, setStatus] = useState<RenewalStatus | 'all'>('open');
  const list = useRenewals(status === 'all' ? undefined : status);
  const items = list.data?.items ?? [];

  const columns: ColumnsType<Renewal> = [
    {
      title: t('renewals.field.dueOn'),
      dataIndex: 'due_on',
      render: (due: string, r) => (
        <Space>
          <Link to={`/renewals/${r.id}`}>{due}</Link>
          <DaysLeft renewal={r} />
        </Space>
      ),
    },
    { title: t('renewals.field.car'), key: 'car', render: (_, r) => carText(r) },
    {
      title: t('renewals.field.customer'),
      key: 'customer',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.customer?.name}</span>
          <PhoneLink renewal={r} />
        </Space>
      ),
    },
    {
      title: t('renewals.field.policy'),
      key: 'policy',
      render: (_, r) =>
        r.policy ? (
          <span>
            {t(`renewals.kind.${r.policy.kind}`)} · {r.policy.insurer} ·{' '}
            <span className="tabular">{formatMoney(r.policy.premium_fen)}</span>
          </span>
        ) : null,
    },
    { title: t('renewals.field.agent'), key: 'agent', render: (_, r) => r.agent?.display_name },
    {
      title: t('renewals.field.status'),
      dataIndex: 'status',
      render: (s: RenewalStatus) => <Tag color={statusColour(s)}>{t(`renewals.status.${s}`)}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader title={t('renewals.nav.list')} subtitle={t('renewals.subtitle')} />
      <Card variant="borderless">
        <Segmented
          value={status}
          onChange={(value) => setStatus(value as RenewalStatus | 'all')}
          options={[
            ...STATUSES.map((s) => ({ value: s, label: t(`renewals.status.${s}`) })),
            { value: 'all', label: t('renewals.all') },
          ]}
          style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
        />
        {list.error ? (
          <ErrorResult error={list.error} />
        ) : mobile ? (
          <List
            loading={list.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('renewals.empty')} /> }}
            renderItem={(r) => (
              <List.Item key={r.id} data-testid="renewal-card">
                <div style={{ width: '100%' }}>
                  <Space wrap>
                    <Link to={`/renewals/${r.id}`}>
                      <Typography.Text strong>{r.customer?.name}</Typography.Text>
                    </Link>
                    <DaysLeft renewal={r} />
                    {r.status !== 'open' && (
                      <Tag color={statusColour(r.status)}>{t(`renewals.status.${r.status}`)}</Tag>
                    )}
                  </Space>
                  <div>{carText(r)}</div>
                  {r.policy && (
                    <div className="muted">
                      {t(`renewals.kind.${r.policy.kind}`)} · {r.policy.insurer} ·{' '}
                      {t('renewals.field.dueOn')} {r.due_on}
                    </div>
                  )}
                  <PhoneLink renewal={r} />
                </div>
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
            locale={{ emptyText: <Empty description={t('renewals.empty')} /> }}
          />
        )}
      </Card>
    </>
  );
}
