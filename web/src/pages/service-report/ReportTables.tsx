// The report's tables: the days of the period, the advisors (sorted by revenue, as the server
// sends them) and the paying parties (labour and parts), each with its totals. They scroll
// sideways on a phone.
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '@/lib/format';
import type { AdvisorRow, PayerRow, ServiceDayRow } from './hooks';
import { advisorTotals, dayTotals, formatHours, payerTotals } from './reportMath';

type Align = 'right';
const RIGHT: Align = 'right';

function count(value: number, warn = false) {
  return (
    <span className={warn && value > 0 ? 'tabular warn-text' : 'tabular'}>
      {formatNumber(value)}
    </span>
  );
}

function money(fen: number) {
  return <span className="tabular">{formatMoney(fen)}</span>;
}

/** A totals row: the label, then one cell per value, right-aligned. */
function TotalRow({ label, cells }: { label: string; cells: string[] }) {
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0}>
        <strong>{label}</strong>
      </Table.Summary.Cell>
      {cells.map((cell, i) => (
        <Table.Summary.Cell key={i} index={i + 1} align="right">
          <strong className="tabular">{cell}</strong>
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}

export function DayTable({ days }: { days: ServiceDayRow[] }) {
  const { t } = useTranslation();
  const total = dayTotals(days);
  const columns: ColumnsType<ServiceDayRow> = [
    { title: t('serviceReport.field.day'), dataIndex: 'on_date', fixed: 'left', width: 110 },
    {
      title: t('serviceReport.field.appointments'),
      key: 'appointments',
      align: RIGHT,
      render: (_, row) => count(row.appointments),
    },
    {
      title: t('serviceReport.field.noShows'),
      key: 'no_shows',
      align: RIGHT,
      render: (_, row) => count(row.no_shows, true),
    },
    {
      title: t('serviceReport.field.repairOrders'),
      key: 'repair_orders',
      align: RIGHT,
      render: (_, row) => count(row.repair_orders),
    },
    {
      title: t('serviceReport.field.pickedUp'),
      key: 'picked_up',
      align: RIGHT,
      render: (_, row) => count(row.picked_up),
    },
    {
      title: t('serviceReport.field.revenue'),
      key: 'revenue',
      align: RIGHT,
      render: (_, row) => money(row.revenue_fen),
    },
  ];
  return (
    <Table<ServiceDayRow>
      rowKey="on_date"
      size="small"
      columns={columns}
      dataSource={days}
      pagination={false}
      scroll={{ x: 'max-content', y: 420 }}
      data-testid="day-table"
      summary={() => (
        <Table.Summary fixed="bottom">
          <TotalRow
            label={t('serviceReport.total')}
            cells={[
              formatNumber(total.appointments),
              formatNumber(total.no_shows),
              formatNumber(total.repair_orders),
              formatNumber(total.picked_up),
              formatMoney(total.revenue_fen),
            ]}
          />
        </Table.Summary>
      )}
    />
  );
}

export function AdvisorTable({ advisors }: { advisors: AdvisorRow[] }) {
  const { t } = useTranslation();
  const total = advisorTotals(advisors);
  const columns: ColumnsType<AdvisorRow> = [
    {
      title: t('serviceReport.field.advisor'),
      key: 'advisor',
      fixed: 'left',
      width: 110,
      render: (_, row) => (
        <span data-testid="advisor-name">{row.name ?? t('serviceReport.noAdvisor')}</span>
      ),
    },
    {
      title: t('serviceReport.field.appointments'),
      key: 'appointments',
      align: RIGHT,
      render: (_, row) => count(row.appointments),
    },
    {
      title: t('serviceReport.field.repairOrders'),
      key: 'repair_orders',
      align: RIGHT,
      render: (_, row) => count(row.repair_orders),
    },
    {
      title: t('serviceReport.field.pickedUp'),
      key: 'picked_up',
      align: RIGHT,
      render: (_, row) => count(row.picked_up),
    },
    {
      title: t('serviceReport.field.labourHours'),
      key: 'hours',
      align: RIGHT,
      render: (_, row) => <span className="tabular">{formatHours(row.labour_hours_centi)}</span>,
    },
    {
      title: t('serviceReport.field.revenue'),
      key: 'revenue',
      align: RIGHT,
      render: (_, row) => <span data-testid="advisor-revenue">{money(row.revenue_fen)}</span>,
    },
  ];
  return (
    <Table<AdvisorRow>
      rowKey={(row) => row.advisor_id ?? 'none'}
      size="small"
      columns={columns}
      dataSource={advisors}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="advisor-table"
      onRow={() => ({ 'data-testid': 'advisor-row' }) as HTMLAttributes<HTMLElement>}
      summary={() =>
        advisors.length > 1 ? (
          <TotalRow
            label={t('serviceReport.total')}
            cells={[
              formatNumber(total.appointments),
              formatNumber(total.repair_orders),
              formatNumber(total.picked_up),
              formatHours(total.labour_hours_centi),
              formatMoney(total.revenue_fen),
            ]}
          />
        ) : null
      }
    />
  );
}

export function PayerTable({ payers }: { payers: PayerRow[] }) {
  const { t } = useTranslation();
  const total = payerTotals(payers);
  const columns: ColumnsType<PayerRow> = [
    {
      title: t('serviceReport.field.payer'),
      key: 'payer',
      fixed: 'left',
      width: 110,
      render: (_, row) => t(`serviceReport.payer.${row.payer}`),
    },
    {
      title: t('serviceReport.field.labour'),
      key: 'labour',
      align: RIGHT,
      render: (_, row) => money(row.labour_fen),
    },
    {
      title: t('serviceReport.field.parts'),
      key: 'parts',
      align: RIGHT,
      render: (_, row) => money(row.parts_fen),
    },
    {
      title: t('serviceReport.field.total'),
      key: 'total',
      align: RIGHT,
      render: (_, row) => money(row.labour_fen + row.parts_fen),
    },
  ];
  return (
    <Table<PayerRow>
      rowKey="payer"
      size="small"
      columns={columns}
      dataSource={payers}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="payer-table"
      onRow={(row) => ({ 'data-payer': row.payer }) as HTMLAttributes<HTMLElement>}
      summary={() => (
        <TotalRow
          label={t('serviceReport.total')}
          cells={[
            formatMoney(total.labour_fen),
            formatMoney(total.parts_fen),
            formatMoney(total.total_fen),
          ]}
        />
      )}
    />
  );
}
