// Warranty claims (索赔): the warranty-paid labour and parts lines of the repair orders picked
// up in a period of the dealer's calendar days (default this month up to today), oldest first,
// each order linking to its page, with the period's total and the Excel export the maker's
// claim is filed from. The period lives in the URL; the table scrolls sideways on a phone.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { display, formatMoney, formatNumber, todayIn } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { useWarrantyClaims, warrantyExportUrl, type WarrantyClaimLine } from './hooks';
import { PeriodPicker } from './PeriodPicker';
import { formatHours, periodFrom, periodProblem } from './reportMath';
import './serviceReport.css';

const KEYS = ['from', 'to'] as const;

type Row = WarrantyClaimLine & { key: string };

export default function WarrantyClaimsPage() {
  const me = useMe();
  const { t, i18n } = useTranslation();
  const mobile = useIsMobile();
  const today = todayIn(me.dealer.time_zone);
  const [filters, setFilters] = useUrlFilters(KEYS);
  const period = periodFrom(filters.from, filters.to, today);
  const problem = periodProblem(period);
  const claims = useWarrantyClaims(period, problem === null);
  const data = claims.data;
  // Two lines may look alike (the same part twice): the row's place is its key.
  const rows: Row[] = (data?.lines ?? []).map((line, index) => ({ ...line, key: String(index) }));

  const columns: ColumnsType<Row> = [
    {
      title: t('serviceReport.warranty.field.number'),
      key: 'number',
      fixed: 'left',
      render: (_, line) => (
        <Link
          to={`/repair-orders/${line.repair_order_id}`}
          className="nowrap"
          data-testid="claim-order"
        >
          {line.number}
        </Link>
      ),
    },
    {
      title: t('serviceReport.warranty.field.pickedUpOn'),
      key: 'picked_up_on',
      render: (_, line) => <span className="tabular nowrap">{line.picked_up_on}</span>,
    },
    {
      title: t('serviceReport.warranty.field.vin'),
      key: 'vin',
      render: (_, line) => <span className="tabular nowrap">{display(line.vin)}</span>,
    },
    {
      title: t('serviceReport.warranty.field.plate'),
      key: 'plate',
      render: (_, line) => <span className="nowrap">{display(line.plate)}</span>,
    },
    {
      title: t('serviceReport.warranty.field.model'),
      key: 'model',
      render: (_, line) => display(line.model),
    },
    {
      title: t('serviceReport.warranty.field.kind'),
      key: 'kind',
      render: (_, line) =>
        line.kind === 'labour' ? (
          <Tag color="blue">{t('serviceReport.warranty.kind.labour')}</Tag>
        ) : (
          <Tag color="gold">{t('serviceReport.warranty.kind.part')}</Tag>
        ),
    },
    {
      title: t('serviceReport.warranty.field.code'),
      key: 'code',
      render: (_, line) => <span className="tabular nowrap">{line.code}</span>,
    },
    {
      title: t('serviceReport.warranty.field.description'),
      dataIndex: 'description',
    },
    {
      title: t('serviceReport.warranty.field.quantity'),
      key: 'quantity',
      align: 'right',
      render: (_, line) => (
        <span className="tabular nowrap">
          {line.kind === 'labour'
            ? t('serviceReport.warranty.hours', { hours: formatHours(line.quantity) })
            : formatNumber(line.quantity)}
        </span>
      ),
    },
    {
      title: t('serviceReport.warranty.field.amount'),
      key: 'amount',
      align: 'right',
      render: (_, line) => <span className="tabular nowrap">{formatMoney(line.amount_fen)}</span>,
    },
  ];

  const controls = (
    <div className="report-controls">
      <PeriodPicker
        period={period}
        today={today}
        onChange={(next) => setFilters({ from: next.from, to: next.to })}
      />
      <Button
        icon={<DownloadOutlined />}
        href={warrantyExportUrl(period, i18n.language)}
        download
        disabled={problem !== null}
        data-testid="warranty-export"
      >
        {t('serviceReport.warranty.export')}
      </Button>
    </div>
  );

  return (
    <>
      <PageHeader
        title={t('nav.warrantyClaims')}
        subtitle={t('serviceReport.warranty.subtitle')}
        extra={mobile ? undefined : controls}
      />
      {mobile && <div className="filter-bar">{controls}</div>}
      {problem ? (
        <Alert type="warning" showIcon message={t(`serviceReport.problem.${problem}`)} />
      ) : claims.isError ? (
        <ErrorResult error={claims.error} onRetry={() => void claims.refetch()} />
      ) : (
        <Card variant="borderless" className="service-report-card">
          <div className="warranty-total" data-testid="warranty-total">
            <span className="muted">
              {data
                ? t('serviceReport.warranty.lines', {
                    count: data.lines.length,
                    from: data.from,
                    to: data.to,
                  })
                : t('common.loading')}
            </span>
            <strong className="tabular" data-value={data?.total_fen ?? ''}>
              {t('serviceReport.warranty.total')} {formatMoney(data?.total_fen)}
            </strong>
          </div>
          <Table<Row>
            rowKey="key"
            size="small"
            loading={claims.isLoading}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            tableLayout="auto"
            scroll={{ x: 960 }}
            className={claims.isFetching && data ? 'is-refreshing' : undefined}
            data-testid="warranty-table"
            onRow={() => ({ 'data-testid': 'claim-row' }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty description={t('serviceReport.warranty.empty')} /> }}
            summary={() =>
              data && data.lines.length > 0 ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={9}>
                    <strong>{t('serviceReport.warranty.total')}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={9} align="right">
                    <strong className="tabular">{formatMoney(data.total_fen)}</strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </Card>
      )}
    </>
  );
}
