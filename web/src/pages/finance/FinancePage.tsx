// Finance: the receivables ageing of a day (what every live order still owes, by days past due
// in the dealer's time zone), the export of a period for the ledger, and where payments are
// entered (on each order).
import { Alert, Button, Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { Schemas } from '@/api/types';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { formatMoney } from '@/lib/format';

type Row = Schemas['AgeingRow'];
const BUCKETS = [
  'not_due_fen',
  'days_0_30_fen',
  'days_31_60_fen',
  'days_61_90_fen',
  'over_90_fen',
  'total_fen',
] as const;

export default function FinancePage() {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [period, setPeriod] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([
    dayjs().startOf('month'),
    dayjs(),
  ]);
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const ageing = useQuery({
    queryKey: ['finance', 'ageing', asOf ?? null],
    queryFn: () =>
      unwrap(api.GET('/api/v1/finance/receivables-ageing', { params: { query: { as_of: asOf } } })),
  });
  const exportHref = `/api/v1/finance/export?${new URLSearchParams({
    from: period[0].format('YYYY-MM-DD'),
    to: period[1].format('YYYY-MM-DD'),
    format,
    lang: i18n.language,
  }).toString()}`;

  return (
    <>
      <PageHeader title={t('nav.finance')} subtitle={t('finance.subtitle')} />
      <Card variant="borderless" title={t('finance.ageing')} style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>{t('finance.asOf')}</Typography.Text>
          <DatePicker
            allowClear
            onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
          />
        </Space>
        {ageing.error ? (
          <ErrorResult error={ageing.error} />
        ) : (
          <Table<Row>
            rowKey="order_id"
            size="small"
            loading={ageing.isLoading}
            pagination={false}
            scroll={{ x: true }}
            dataSource={ageing.data?.rows ?? []}
            columns={[
              {
                title: t('orders.field.contractNo'),
                dataIndex: 'contract_no',
                render: (no: string, row) => <Link to={`/orders/${row.order_id}`}>{no}</Link>,
              },
              ...BUCKETS.map((b) => ({
                title: t(`finance.bucket.${b}`),
                key: b,
                align: 'right' as const,
                render: (_: unknown, row: Row) => formatMoney(row.buckets[b]),
              })),
            ]}
            summary={() =>
              ageing.data ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('finance.total')}</Table.Summary.Cell>
                  {BUCKETS.map((b, i) => (
                    <Table.Summary.Cell key={b} index={i + 1} align="right">
                      {formatMoney(ageing.data.totals[b])}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              ) : null
            }
          />
        )}
      </Card>
      <Card variant="borderless" title={t('finance.export')}>
        <Space wrap>
          <DatePicker.RangePicker
            value={period}
            onChange={(range) => {
              if (range?.[0] && range[1]) setPeriod([range[0], range[1]]);
            }}
          />
          <Select
            value={format}
            onChange={setFormat}
            options={[
              { value: 'xlsx', label: 'Excel (.xlsx)' },
              { value: 'csv', label: 'CSV' },
            ]}
          />
          <Button type="primary" href={exportHref} data-testid="finance-export">
            {t('finance.download')}
          </Button>
        </Space>
        <Alert type="info" showIcon style={{ marginTop: 12 }} message={t('finance.paymentsHint')} />
      </Card>
    </>
  );
}
