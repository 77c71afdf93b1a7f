// The renewal rate (续保率) for managers: per agent and month of the due day, the renewals due,
// renewed here, renewed elsewhere, lost and still open, and the rate renewed here ÷ due, with
// the totals. An agent who opens it sees their own rows.
import { Card, DatePicker, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { type RenewalRate, useRenewalRate } from './hooks';

type Row = RenewalRate['rows'][number];
type Counts = RenewalRate['totals'];

/** Basis points as a percentage: 6667 → 66.67%. */
export function percent(bp: number | null | undefined): string {
  return bp === null || bp === undefined ? '—' : `${(bp / 100).toFixed(2)}%`;
}

export default function RatePage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([
    dayjs().subtract(5, 'month').startOf('month'),
    dayjs().add(2, 'month').endOf('month'),
  ]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const rate = useRenewalRate(from, to);

  const counts = (key: keyof Counts, title: string) => ({
    title,
    key,
    align: 'right' as const,
    render: (_: unknown, r: Counts) => <span className="tabular">{String(r[key] ?? 0)}</span>,
  });
  const columns: ColumnsType<Row> = [
    {
      title: t('renewals.field.agent'),
      key: 'agent',
      render: (_, r) => r.agent?.display_name ?? t('renewals.unassigned'),
    },
    { title: t('renewals.rate.month'), dataIndex: 'month' },
    counts('due', t('renewals.rate.due')),
    counts('renewed_here', t('renewals.status.renewed_here')),
    counts('renewed_elsewhere', t('renewals.status.renewed_elsewhere')),
    counts('lost', t('renewals.status.lost')),
    counts('open', t('renewals.status.open')),
    {
      title: t('renewals.rate.rate'),
      key: 'rate',
      align: 'right',
      render: (_, r) => <strong className="tabular">{percent(r.rate_bp)}</strong>,
    },
  ];

  const totals = rate.data?.totals;
  return (
    <>
      <PageHeader title={t('renewals.nav.rate')} subtitle={t('renewals.rate.subtitle')} />
      <Card variant="borderless">
        <DatePicker.RangePicker
          picker="month"
          value={range}
          allowClear={false}
          onChange={(value) => {
            if (value?.[0] && value[1])
              setRange([value[0].startOf('month'), value[1].endOf('month')]);
          }}
          style={{ marginBottom: 16 }}
        />
        {rate.error ? (
          <ErrorResult error={rate.error} />
        ) : (
          <Table
            rowKey={(r) => `${r.agent?.id ?? '-'}:${r.month}`}
            loading={rate.isLoading}
            columns={columns}
            dataSource={rate.data?.rows ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="renewal-rate"
            locale={{ emptyText: <Empty description={t('renewals.rate.empty')} /> }}
            summary={() =>
              totals ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    <strong>{t('renewals.rate.total')}</strong>
                  </Table.Summary.Cell>
                  {(['due', 'renewed_here', 'renewed_elsewhere', 'lost', 'open'] as const).map(
                    (key, i) => (
                      <Table.Summary.Cell key={key} index={i + 2} align="right">
                        <span className="tabular">{totals[key]}</span>
                      </Table.Summary.Cell>
                    ),
                  )}
                  <Table.Summary.Cell index={7} align="right">
                    <strong className="tabular" data-testid="renewal-rate-total">
                      {percent(totals.rate_bp)}
                    </strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        )}
      </Card>
    </>
  );
}
