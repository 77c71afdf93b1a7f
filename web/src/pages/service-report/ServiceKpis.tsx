// The report's headline figures as cards: repair orders opened, cars picked up, the revenue,
// the workshop's utilisation (standard hours sold against the hours it had), retention (cars
// due that came back within the window) and the renewal rate. Three a row on a desktop, two on a
// phone.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '@/lib/format';
import type { ServiceReport } from './hooks';
import { dayTotals, formatBp, formatHours, payerTotals, utilisationBp } from './reportMath';

function Kpi({
  id,
  label,
  value,
  raw,
  detail,
}: {
  id: string;
  label: string;
  value: string;
  raw: number | null | undefined;
  detail: ReactNode;
}) {
  return (
    <div className="kpi-card" data-testid={`kpi-${id}`}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value tabular" data-testid="kpi-value" data-value={raw ?? ''}>
        {value}
      </div>
      <div className="kpi-detail tabular">{detail}</div>
    </div>
  );
}

export function ServiceKpis({ report }: { report: ServiceReport }) {
  const { t } = useTranslation();
  const totals = dayTotals(report.days);
  const money = payerTotals(report.payers);
  const utilisation = utilisationBp(
    report.labour_sold_hours_centi,
    report.labour_available_hours_centi,
  );
  return (
    <div className="kpi-grid service-kpis" data-testid="kpi-cards">
      <Kpi
        id="repairOrders"
        label={t('serviceReport.kpi.repairOrders')}
        value={formatNumber(totals.repair_orders)}
        raw={totals.repair_orders}
        detail={t('serviceReport.kpi.appointmentsOf', {
          appointments: formatNumber(totals.appointments),
          noShows: formatNumber(totals.no_shows),
        })}
      />
      <Kpi
        id="pickedUp"
        label={t('serviceReport.kpi.pickedUp')}
        value={formatNumber(totals.picked_up)}
        raw={totals.picked_up}
        detail={t('serviceReport.kpi.pickedUpHint')}
      />
      <Kpi
        id="revenue"
        label={t('serviceReport.kpi.revenue')}
        value={formatMoney(totals.revenue_fen)}
        raw={totals.revenue_fen}
        detail={t('serviceReport.kpi.revenueSplit', {
          labour: formatMoney(money.labour_fen),
          parts: formatMoney(money.parts_fen),
        })}
      />
      <Kpi
        id="utilisation"
        label={t('serviceReport.kpi.utilisation')}
        value={formatBp(utilisation)}
        raw={utilisation}
        detail={t('serviceReport.kpi.hoursSoldOf', {
          sold: formatHours(report.labour_sold_hours_centi),
          available: formatHours(report.labour_available_hours_centi),
        })}
      />
      <Kpi
        id="retention"
        label={t('serviceReport.kpi.retention')}
        value={formatBp(report.retention_bp)}
        raw={report.retention_bp}
        detail={t('serviceReport.kpi.retentionOf', {
          within: report.within_days,
          returned: formatNumber(report.returned_cars),
          due: formatNumber(report.due_cars),
        })}
      />
      <Kpi
        id="renewal"
        label={t('serviceReport.kpi.renewal')}
        value={formatBp(report.renewal_rate_bp)}
        raw={report.renewal_rate_bp}
        detail={t('serviceReport.kpi.renewalOf', {
          renewed: formatNumber(report.renewals_renewed_here),
          due: formatNumber(report.renewals_due),
        })}
      />
    </div>
  );
}
