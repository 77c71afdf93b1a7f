// The report's charts: where new leads came from, the steps from visit to order, why leads were
// lost.
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesReport } from '@/api/types';
import { EChart } from '@/components/charts/EChart';
import { lookupName, useLookups } from '@/lib/lookups';

export default function ReportCharts({ report }: { report: SalesReport }) {
  const { t } = useTranslation();
  const sources = useLookups('source');
  const reasons = useLookups('lost_reason');

  const sourceOption = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, icon: 'circle', itemWidth: 8, itemHeight: 8, itemGap: 10 },
      series: [
        {
          type: 'pie',
          radius: ['38%', '62%'],
          center: ['50%', '42%'],
          label: { show: true, formatter: '{c}' },
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          data: report.sources.map((row) => ({
            name: row.key
              ? lookupName(t, 'source', row.key, sources.data)
              : t('salesReport.notRecorded'),
            value: row.count,
          })),
        },
      ],
    }),
    [report.sources, sources.data, t],
  );

  const steps = useMemo(
    () => [
      { name: t('salesReport.figure.new_leads'), value: report.totals.new_leads },
      { name: t('salesReport.figure.visits'), value: report.totals.visits },
      { name: t('salesReport.figure.test_drives'), value: report.totals.test_drives },
      { name: t('salesReport.figure.orders'), value: report.totals.orders },
      { name: t('salesReport.figure.deliveries'), value: report.totals.deliveries },
    ],
    [report.totals, t],
  );
  const stepsOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: steps.map((s) => s.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          label: { show: true, position: 'top' },
          data: steps.map((s) => s.value),
        },
      ],
    }),
    [steps],
  );

  const lostRows = useMemo(
    () =>
      [...report.lost_reasons]
        .sort((a, b) => a.count - b.count)
        .map((row) => ({
          name: row.key
            ? lookupName(t, 'lost_reason', row.key, reasons.data)
            : t('salesReport.notRecorded'),
          value: row.count,
        })),
    [report.lost_reasons, reasons.data, t],
  );
  const lostOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: lostRows.map((r) => r.name) },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          itemStyle: { color: '#e0685a' },
          label: { show: true, position: 'right' },
          data: lostRows.map((r) => r.value),
        },
      ],
    }),
    [lostRows],
  );

  const empty = (text: string) => (
    <div className="chart-empty">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />
    </div>
  );

  return (
    <Row gutter={[16, 16]} className="report-charts">
      <Col xs={24} lg={8}>
        <Card
          title={t('salesReport.chart.sources')}
          variant="borderless"
          data-testid="chart-sources"
        >
          {report.sources.length === 0 ? (
            empty(t('salesReport.noLeads'))
          ) : (
            <EChart option={sourceOption} height={280} ariaLabel={t('salesReport.chart.sources')} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('salesReport.chart.steps')} variant="borderless" data-testid="chart-steps">
          <EChart option={stepsOption} height={280} ariaLabel={t('salesReport.chart.steps')} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('salesReport.chart.lost')} variant="borderless" data-testid="chart-lost">
          {lostRows.length === 0 ? (
            empty(t('salesReport.noLosses'))
          ) : (
            <EChart option={lostOption} height={280} ariaLabel={t('salesReport.chart.lost')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
