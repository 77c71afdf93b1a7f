// The manager's morning report: a day, week or month in the dealer's time zone (quick ranges for
// today, yesterday, this and last week or month; the highlighted one follows the days shown) — the
// figures, the conversion at each step, per consultant and per team, and charts of lead sources
// and lost reasons. The numbers are the API's, unchanged.
import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Segmented,
  Select,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ConsultantRow,
  Conversion,
  Figures,
  ReportPeriod,
  SalesReport,
  TeamRow,
} from '@/api/types';
import { useMe } from '@/app/session';
import { KpiCards } from '@/components/KpiCards';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { formatNumber, todayIn } from '@/lib/format';
import { can } from '@/lib/permissions';
import { formatPercent } from '@/lib/sales';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { useTeams } from '@/lib/org';
import { CONVERSIONS, FIGURES, WARNING_FIGURES } from '@/components/KpiCards';
import { useSalesReport } from '@/lib/salesReport';
import { reportExportUrl } from './hooks';
import { pickDate, PRESETS, presetOf, rangeOf } from './periods';

const ReportCharts = lazy(() => import('./ReportCharts'));

const KEYS = ['period', 'date', 'team_id'] as const;

function ConversionStrip({ conversion }: { conversion: Conversion }) {
  const { t } = useTranslation();
  return (
    <div className="conversion-strip" data-testid="conversion">
      {CONVERSIONS.map((key) => (
        <Tooltip key={key} title={t(`salesReport.conversionHint.${key}`)}>
          <div className="conversion-item" data-testid={`conversion-${key}`}>
            <span className="muted">{t(`salesReport.conversion.${key}`)}</span>
            <strong className="tabular">{formatPercent(conversion[key])}</strong>
          </div>
        </Tooltip>
      ))}
    </div>
  );
}

function figureColumns<T extends { figures: Figures; conversion: Conversion }>(
  t: (key: string) => string,
): ColumnsType<T> {
  return [
    ...FIGURES.map((key) => ({
      title: t(`salesReport.figureShort.${key}`),
      key,
      width: 76,
      align: 'right' as const,
      render: (_: unknown, row: T) => (
        <span
          className={
            WARNING_FIGURES.includes(key) && row.figures[key] > 0 ? 'tabular warn-text' : 'tabular'
          }
          data-figure={key}
        >
          {formatNumber(row.figures[key])}
        </span>
      ),
    })),
    {
      title: t('salesReport.conversion.lead_to_order'),
      key: 'conversion',
      width: 96,
      align: 'right' as const,
      render: (_: unknown, row: T) => (
        <span className="tabular">{formatPercent(row.conversion.lead_to_order)}</span>
      ),
    },
  ];
}

function Tables({ report }: { report: SalesReport }) {
  const me = useMe();
  const { t } = useTranslation();
  const teams = useTeams(can(me, 'team:read'));
  const teamName = (id?: string | null, name?: string | null) =>
    name ?? teams.data?.find((team) => team.id === id)?.name ?? t('salesReport.noTeam');
  const consultants: ColumnsType<ConsultantRow> = [
    {
      title: t('salesReport.consultant'),
      key: 'user',
      fixed: 'left',
      width: 110,
      render: (_, row) => <span data-testid="consultant-name">{row.user.display_name}</span>,
    },
    {
      title: t('salesReport.team'),
      key: 'team',
      width: 100,
      render: (_, row) => teamName(row.team_id),
    },
    ...figureColumns<ConsultantRow>(t),
  ];
  const teamColumns: ColumnsType<TeamRow> = [
    {
      title: t('salesReport.team'),
      key: 'team',
      fixed: 'left',
      width: 120,
      render: (_, row) => teamName(row.team_id, row.name),
    },
    ...figureColumns<TeamRow>(t),
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={t('salesReport.byConsultant')} variant="borderless">
          <Table<ConsultantRow>
            rowKey={(row) => row.user.id}
            size="small"
            columns={consultants}
            dataSource={report.consultants}
            pagination={false}
            scroll={{ x: 980 }}
            data-testid="consultant-table"
            onRow={() => ({ 'data-testid': 'consultant-row' }) as React.HTMLAttributes<HTMLElement>}
          />
        </Card>
      </Col>
      {report.teams.length > 0 && (
        <Col span={24}>
          <Card title={t('salesReport.byTeam')} variant="borderless">
            <Table<TeamRow>
              rowKey={(row) => row.team_id ?? 'none'}
              size="small"
              columns={teamColumns}
              dataSource={report.teams}
              pagination={false}
              scroll={{ x: 900 }}
              data-testid="team-table"
            />
          </Card>
        </Col>
      )}
    </Row>
  );
}

export default function SalesReportPage() {
  const me = useMe();
  const { t, i18n } = useTranslation();
  const mobile = useIsMobile();
  const tz = me.dealer.time_zone;
  const today = todayIn(tz);
  const [filters, setFilters] = useUrlFilters(KEYS);
  const period: ReportPeriod = (PRESETS as readonly string[]).includes(filters.period ?? '')
    ? (filters.period as ReportPeriod)
    : 'today';
  const date = filters.date && /^\d{4}-\d{2}-\d{2}$/.test(filters.date) ? filters.date : today;
  // The days shown, and the preset they are (none for another day, week or month).
  const shown = rangeOf(period, date);
  const preset = presetOf(shown, today);
  const wide = can(me, 'sales_report:read', 'team');
  const teams = useTeams(wide && can(me, 'team:read'));
  const query = {
    period,
    ...(filters.date ? { date } : {}),
    ...(filters.team_id ? { team_id: filters.team_id } : {}),
  };
  const report = useSalesReport(query);
  const data = report.data;

  const controls = (
    <div className="report-controls">
      <Segmented
        value={preset ?? ''}
        onChange={(value) =>
          setFilters({ period: value === 'today' ? undefined : String(value), date: undefined })
        }
        options={PRESETS.map((p) => ({
          value: p,
          label: <span data-testid={`report-preset-${p}`}>{t(`salesReport.period.${p}`)}</span>,
        }))}
        data-testid="report-period"
        data-preset={preset ?? 'none'}
      />
      <DatePicker
        value={dayjs(shown.first)}
        allowClear={false}
        inputReadOnly={mobile}
        disabledDate={(day) => day.format('YYYY-MM-DD') > today}
        onChange={(value) => {
          const next = value?.format('YYYY-MM-DD');
          if (next) setFilters(pickDate(period, next, today));
        }}
        data-testid="report-date"
      />
      {wide && can(me, 'team:read') && (
        <Select
          allowClear
          placeholder={t('salesReport.allTeams')}
          value={filters.team_id}
          onChange={(value?: string) => setFilters({ team_id: value })}
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          style={{ minWidth: 130 }}
          data-testid="report-team"
        />
      )}
      <Button
        icon={<DownloadOutlined />}
        href={reportExportUrl(query, i18n.language)}
        download
        data-testid="report-export"
      >
        {t('salesReport.export')}
      </Button>
    </div>
  );

  const range = data
    ? data.first_day === data.last_day
      ? data.first_day
      : `${data.first_day} – ${data.last_day}`
    : '';

  return (
    <>
      <PageHeader
        title={t('nav.salesReport')}
        subtitle={
          data ? (
            <span data-testid="report-range">
              {t('salesReport.range', { range, zone: data.time_zone })}
            </span>
          ) : (
            t('salesReport.subtitle')
          )
        }
        extra={mobile ? undefined : controls}
      />
      {mobile && <div className="filter-bar">{controls}</div>}
      {report.isError ? (
        <ErrorResult error={report.error} onRetry={() => void report.refetch()} />
      ) : !data ? (
        <Card loading variant="borderless" />
      ) : (
        <div className={report.isFetching ? 'report is-refreshing' : 'report'} data-testid="report">
          <KpiCards figures={data.totals} />
          <ConversionStrip conversion={data.conversion} />
          <Suspense fallback={<Card loading variant="borderless" style={{ marginBottom: 16 }} />}>
            <ReportCharts report={data} />
          </Suspense>
          <Tables report={data} />
          <Typography.Paragraph type="secondary" className="report-note">
            {t('salesReport.note')}
          </Typography.Paragraph>
        </div>
      )}
    </>
  );
}
