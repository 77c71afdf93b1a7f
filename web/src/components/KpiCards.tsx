// The sales figures as a grid of cards (the morning report, a consultant's home page), in the
// order the morning meeting reads them.
import { useTranslation } from 'react-i18next';
import type { Figures } from '@/api/types';
import { formatNumber } from '@/lib/format';

export const FIGURES: readonly (keyof Figures)[] = [
  'new_leads',
  'visits',
  'test_drives',
  'grade_upgrades',
  'orders',
  'deliveries',
  'lost',
  'overdue_follow_ups',
];

/** Figures that are bad news when they are high. */
export const WARNING_FIGURES: readonly (keyof Figures)[] = ['lost', 'overdue_follow_ups'];

export const CONVERSIONS = ['visit_to_test_drive', 'test_drive_to_order', 'lead_to_order'] as const;

export function KpiCards({ figures, compact = false }: { figures: Figures; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={compact ? 'kpi-grid compact' : 'kpi-grid'} data-testid="kpi-cards">
      {FIGURES.map((key) => (
        <div
          key={key}
          className={
            WARNING_FIGURES.includes(key) && figures[key] > 0 ? 'kpi-card warning' : 'kpi-card'
          }
          data-testid={`kpi-${key}`}
        >
          <div className="kpi-label">{t(`salesReport.figure.${key}`)}</div>
          <div className="kpi-value tabular" data-testid="kpi-value" data-value={figures[key]}>
            {formatNumber(figures[key])}
          </div>
        </div>
      ))}
    </div>
  );
}
