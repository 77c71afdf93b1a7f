// The service manager's report (售后报表) for a period of the dealer's calendar days (default
// this month up to today): repair orders, pickups, revenue, the workshop's utilisation,
// retention within a window of days and the renewal rate as cards; the days as a chart or a
// table; the advisors; the paying parties. The numbers are the API's; only ratios and totals
// are worked out here (reportMath). The period and the window live in the URL.
import { Alert, Card, Col, InputNumber, Row, Segmented, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { todayIn } from '@/lib/format';
import { useDebounced } from '@/lib/useDebounced';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { useServiceReport } from './hooks';
import { PeriodPicker } from './PeriodPicker';
import { AdvisorTable, DayTable, PayerTable } from './ReportTables';
import { ServiceKpis } from './ServiceKpis';
import { DEFAULT_WITHIN_DAYS, periodFrom, periodProblem, withinFrom } from './reportMath';
import './serviceReport.css';

const DayChart = lazy(() => import('./DayChart'));

const KEYS = ['from', 'to', 'within'] as const;

/** The retention window, typed freely and sent once it stops changing. */
function WithinInput({ value, onChange }: { value: number; onChange: (days: number) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<number | null>(value);
  const settled = useDebounced(typed, 400);
  useEffect(() => {
    if (settled !== null && settled !== value) onChange(settled);
    // Only a settled new value is sent; `value` changing from outside is not a new entry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  return (
    <InputNumber
      min={1}
      max={365}
      precision={0}
      value={typed}
      onChange={setTyped}
      addonBefore={t('serviceReport.withinDays')}
      addonAfter={t('serviceReport.days')}
      className="service-report-within"
      data-testid="within-days"
    />
  );
}

export default function ServiceReportPage() {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const today = todayIn(me.dealer.time_zone);
  const [filters, setFilters] = useUrlFilters(KEYS);
  const period = periodFrom(filters.from, filters.to, today);
  const within = withinFrom(filters.within);
  const problem = periodProblem(period);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const report = useServiceReport(period, within, problem === null);
  const data = report.data;

  const controls = (
    <div className="report-controls">
      <PeriodPicker
        period={period}
        today={today}
        onChange={(next) => setFilters({ from: next.from, to: next.to })}
      />
      <WithinInput
        value={within}
        onChange={(days) =>
          setFilters({ within: days === DEFAULT_WITHIN_DAYS ? undefined : String(days) })
        }
      />
    </div>
  );

  return (
    <>
      <PageHeader
        title={t('nav.serviceReport')}
        subtitle={
          data ? (
            <span data-testid="report-range">
              {t('serviceReport.range', { from: data.from, to: data.to })}
            </span>
          ) : (
            t('serviceReport.subtitle')
          )
        }
        extra={mobile ? undefined : controls}
      />
      {mobile && <div className="filter-bar">{controls}</div>}
      {problem ? (
        <Alert type="warning" showIcon message={t(`serviceReport.problem.${problem}`)} />
      ) : report.isError ? (
        <ErrorResult error={report.error} onRetry={() => void report.refetch()} />
      ) : !data ? (
        <Card loading variant="borderless" />
      ) : (
        <div
          className={report.isFetching ? 'report is-refreshing' : 'report'}
          data-testid="service-report"
        >
          <ServiceKpis report={data} />
          <Card
            title={t('serviceReport.byDay')}
            extra={
              <Segmented
                size="small"
                value={view}
                onChange={(value) => setView(value as 'chart' | 'table')}
                options={[
                  { value: 'chart', label: t('serviceReport.chart') },
                  {
                    value: 'table',
                    label: <span data-testid="by-day-table-tab">{t('serviceReport.table')}</span>,
                  },
                ]}
              />
            }
            variant="borderless"
            className="service-report-card"
            data-testid="by-day"
          >
            {view === 'chart' ? (
              <Suspense fallback={<div style={{ height: 300 }} />}>
                <DayChart days={data.days} />
              </Suspense>
            ) : (
              <DayTable days={data.days} />
            )}
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={14}>
              <Card title={t('serviceReport.byAdvisor')} variant="borderless">
                <AdvisorTable advisors={data.advisors} />
              </Card>
            </Col>
            <Col xs={24} xxl={10}>
              <Card title={t('serviceReport.byPayer')} variant="borderless">
                <PayerTable payers={data.payers} />
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" className="report-note">
            {t('serviceReport.note')}
          </Typography.Paragraph>
        </div>
      )}
    </>
  );
}
