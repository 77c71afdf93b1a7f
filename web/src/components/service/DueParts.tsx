// Pieces of a car's next service shown wherever it appears (the due list, the car's page): the
// days left (overdue in red), the driving rate in km a month (marked when estimated) and the
// last service.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import type { Schemas } from '@/api/types';
import { kmPerMonth } from '@/lib/mileage';

type ServiceDue = Schemas['ServiceDueView'];

export function DaysLeft({ due }: { due: ServiceDue }) {
  const { t } = useTranslation();
  if (due.days_left < 0)
    return <Tag color="red">{t('service.due.overdueDays', { count: -due.days_left })}</Tag>;
  if (due.days_left === 0) return <Tag color="orange">{t('service.due.today')}</Tag>;
  return <span className="tabular">{t('service.due.daysLeft', { count: due.days_left })}</span>;
}

export function Rate({ due }: { due: ServiceDue }) {
  const { t } = useTranslation();
  return (
    <span className="tabular">
      {t('service.due.kmPerMonth', { km: formatNumber(kmPerMonth(due.metres_per_day)) })}
      {due.rate_estimated && (
        <Tag style={{ marginLeft: 4 }} data-testid="rate-estimated">
          {t('service.due.estimated')}
        </Tag>
      )}
    </span>
  );
}

export function LastService({ due }: { due: ServiceDue }) {
  const { t } = useTranslation();
  if (!due.last_service_on) return <>{t('service.due.never')}</>;
  return (
    <span className="tabular">
      {due.last_service_on}
      {due.last_service_km !== null && due.last_service_km !== undefined
        ? ` · ${t('service.km', { km: formatNumber(due.last_service_km) })}`
        : ''}
    </span>
  );
}
