// The funnel of a period: how many opportunities opened in it reached each stage and how many of
// them are won (one cohort for every count), the conversion from one stage to the next (bars
// proportional to the counts), and what is still open (at full value and weighted by
// each stage's probability: the forecast).
import { Card, Col, Empty, Row, Segmented, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FunnelStage } from '@/api/types';
import { useMe } from '@/app/session';
import { EChart } from '@/components/charts/EChart';
import { ErrorResult } from '@/components/Results';
import { dayBoundary, formatMoney, formatNumber, todayIn } from '@/lib/format';
import { formatPercent, stageName } from '@/lib/sales';
import { useIsMobile } from '@/lib/useIsMobile';
import { useFunnel, type BoardQuery } from './hooks';

export const FUNNEL_PERIODS = ['month', 'quarter', 'year'] as const;
export type FunnelPeriod = (typeof FUNNEL_PERIODS)[number];

/** The period's first day (in the dealer's zone): this month, the last three months, this year. */
export function periodStart(period: FunnelPeriod, today: string): string {
  const day = dayjs(today);
  if (period === 'year') return day.startOf('year').format('YYYY-MM-DD');
  if (period === 'quarter') return day.subtract(2, 'month').startOf('month').format('YYYY-MM-DD');
  return day.startOf('month').format('YYYY-MM-DD');
}

export function FunnelPanel({
  query,
  period,
  onPeriod,
}: {
  query: BoardQuery;
  period: FunnelPeriod;
  onPeriod: (period: FunnelPeriod) => void;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const tz = me.dealer.time_zone;
  const today = todayIn(tz);
  const range = {
    from: dayBoundary(periodStart(period, today), tz),
    to: dayBoundary(today, tz, true),
  };
  const funnel = useFunnel({ ...query, ...range });
  const stages = useMemo(() => funnel.data?.stages ?? [], [funnel.data]);

  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (params: { name: string; value: number; dataIndex: number }) => {
          const stage = stages[params.dataIndex];
          const conversion =
            stage?.conversion != null
              ? `<br/>${t('pipeline.funnel.conversion')}: ${formatPercent(stage.conversion)}`
              : '';
          return `${params.name}: ${formatNumber(params.value)}${conversion}`;
        },
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          // Widths proportional to the counts: an empty stage is a sliver, not a full bar.
          min: 0,
          max: Math.max(1, ...stages.map((stage) => stage.reached)),
          minSize: '1%',
          maxSize: '100%',
          left: mobile ? '2%' : '4%',
          width: mobile ? '56%' : '62%',
          top: 10,
          bottom: 10,
          gap: 2,
          label: {
            show: true,
            position: 'right',
            color: '#1f2329',
            formatter: (params: { name: string; value: number; dataIndex: number }) => {
              const stage = stages[params.dataIndex];
              const conversion =
                stage?.conversion != null ? ` · ${formatPercent(stage.conversion)}` : '';
              return `${params.name}  ${formatNumber(params.value)}${conversion}`;
            },
          },
          labelLine: { show: true, length: 8 },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          data: stages.map((stage) => ({
            name: stageName(t, stage.stage),
            value: stage.reached,
          })),
        },
      ],
    }),
    [stages, t, mobile],
  );

  const columns = [
    {
      title: t('pipeline.field.stage'),
      key: 'stage',
      render: (_: unknown, row: FunnelStage) => stageName(t, row.stage),
    },
    {
      title: t('pipeline.funnel.reached'),
      dataIndex: 'reached',
      align: 'right' as const,
      render: (value: number) => <span className="tabular">{formatNumber(value)}</span>,
    },
    {
      title: t('pipeline.funnel.conversion'),
      dataIndex: 'conversion',
      align: 'right' as const,
      render: (value: number | null | undefined) => (
        <span className="tabular" data-testid="funnel-conversion">
          {formatPercent(value)}
        </span>
      ),
    },
    {
      title: t('pipeline.funnel.openNow'),
      key: 'open',
      align: 'right' as const,
      render: (_: unknown, row: FunnelStage) => (
        <span className="tabular">
          {formatNumber(row.open_count)} · {formatMoney(row.open_amount_fen)}
        </span>
      ),
    },
    {
      title: t('pipeline.field.weighted'),
      dataIndex: 'weighted_fen',
      align: 'right' as const,
      render: (value: number) => <span className="tabular">{formatMoney(value)}</span>,
    },
  ];

  const data = funnel.data;
  return (
    <div data-testid="funnel-panel">
      <div className="filter-bar">
        <Segmented
          value={period}
          onChange={(value) => onPeriod(value as FunnelPeriod)}
          options={FUNNEL_PERIODS.map((p) => ({ value: p, label: t(`pipeline.period.${p}`) }))}
          data-testid="funnel-period"
        />
      </div>
      {funnel.isError ? (
        <ErrorResult error={funnel.error} onRetry={() => void funnel.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]} className="stat-row">
            <Col xs={12} md={6}>
              <Card size="small" variant="borderless" className="stat-card">
                <Statistic
                  title={t('pipeline.funnel.opened')}
                  value={data ? formatNumber(data.opened) : '—'}
                  loading={funnel.isLoading}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" variant="borderless" className="stat-card">
                <Statistic
                  title={t('pipeline.funnel.won')}
                  value={data ? formatNumber(data.won) : '—'}
                  suffix={data && <span className="stat-suffix">{formatMoney(data.won_fen)}</span>}
                  loading={funnel.isLoading}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" variant="borderless" className="stat-card">
                <Statistic
                  title={t('pipeline.funnel.pipeline')}
                  value={data ? formatMoney(data.pipeline_fen) : '—'}
                  loading={funnel.isLoading}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" variant="borderless" className="stat-card stat-card-accent">
                <Statistic
                  title={t('pipeline.funnel.forecast')}
                  value={data ? formatMoney(data.forecast_fen) : '—'}
                  loading={funnel.isLoading}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={11}>
              {data && data.opened === 0 && stages.every((s) => s.reached === 0) ? (
                <Empty description={t('pipeline.funnel.empty')} />
              ) : (
                <div data-testid="funnel-chart">
                  <p className="muted funnel-note">{t('pipeline.funnel.cohortNote')}</p>
                  <EChart
                    option={option}
                    height={mobile ? 280 : 340}
                    loading={funnel.isLoading}
                    ariaLabel={t('pipeline.funnel.title')}
                  />
                </div>
              )}
            </Col>
            <Col xs={24} xl={13}>
              <Table<FunnelStage>
                rowKey={(row) => row.stage.id}
                size="small"
                columns={columns}
                dataSource={stages}
                loading={funnel.isLoading}
                pagination={false}
                scroll={{ x: 520 }}
                data-testid="funnel-table"
              />
              {data && (
                <p className="muted funnel-lost">
                  {t('pipeline.funnel.lost', { count: data.lost })}
                </p>
              )}
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
