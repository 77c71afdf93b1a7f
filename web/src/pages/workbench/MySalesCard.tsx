// A consultant's own numbers on their home page: today, this week or this month — the same
// figures as the morning report, for them alone.
import { Card, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportPeriod } from '@/api/types';
import { KpiCards } from '@/components/KpiCards';
import { ErrorResult } from '@/components/Results';
import { useSalesReport } from '@/lib/salesReport';

const PERIODS: readonly ReportPeriod[] = ['today', 'week', 'month'];

export function MySalesCard() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<ReportPeriod>('today');
  const report = useSalesReport({ period, mine: true });
  return (
    <Card
      title={t('workbench.mySales')}
      variant="borderless"
      style={{ marginBottom: 16 }}
      loading={report.isLoading}
      data-testid="my-sales"
      extra={<Link to="/sales/report">{t('workbench.viewReport')}</Link>}
    >
      <Segmented
        size="small"
        value={period}
        onChange={(value) => setPeriod(value as ReportPeriod)}
        options={PERIODS.map((p) => ({ value: p, label: t(`salesReport.period.${p}`) }))}
        style={{ marginBottom: 12 }}
        data-testid="my-sales-period"
      />
      {report.isError ? (
        <ErrorResult error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        report.data && <KpiCards figures={report.data.totals} compact />
      )}
    </Card>
  );
}
