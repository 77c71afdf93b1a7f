// The desk's filters, kept in the URL: open or all, a status, a severity, only those with a
// breach on record, only mine (the ones I handle).
import { Checkbox, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintQuery } from './hooks';
import { SEVERITIES, STATUSES } from './rules';
import type { ComplaintStatus, Severity } from './types';

export const FILTER_KEYS = ['scope', 'status', 'severity', 'breached', 'mine'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

const isStatus = (value: string | undefined): value is ComplaintStatus =>
  (STATUSES as readonly string[]).includes(value ?? '');
const isSeverity = (value: string | undefined): value is Severity =>
  (SEVERITIES as readonly string[]).includes(value ?? '');

/**
 * The list endpoint's query for the filters in the URL: open ones unless "all" is chosen (a
 * status picked wins over both), mine as the handler's id.
 */
export function complaintQuery(filters: Filters, myId: string): ComplaintQuery {
  const status = isStatus(filters.status) ? filters.status : undefined;
  return {
    status,
    open: status === undefined && filters.scope !== 'all' ? true : undefined,
    severity: isSeverity(filters.severity) ? filters.severity : undefined,
    breached: filters.breached === '1' ? true : undefined,
    handler_id: filters.mine === '1' ? myId : undefined,
  };
}

/** The filter controls above the desk's list; they wrap on a phone. */
export function ComplaintFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (changes: Partial<Record<FilterKey, string | undefined>>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[8, 8]} style={{ marginBottom: 16 }} data-testid="complaint-filters">
      <Segmented
        value={filters.scope === 'all' ? 'all' : 'open'}
        onChange={(value) => onChange({ scope: value === 'all' ? 'all' : undefined })}
        options={[
          { value: 'open', label: t('complaints.filter.open') },
          { value: 'all', label: t('complaints.filter.all') },
        ]}
        data-testid="complaint-filter-scope"
      />
      <Select
        allowClear
        value={isStatus(filters.status) ? filters.status : undefined}
        onChange={(value?: ComplaintStatus) => onChange({ status: value })}
        placeholder={t('complaints.filter.anyStatus')}
        options={STATUSES.map((s) => ({ value: s, label: t(`complaints.status.${s}`) }))}
        style={{ minWidth: 120 }}
        data-testid="complaint-filter-status"
      />
      <Select
        allowClear
        value={isSeverity(filters.severity) ? filters.severity : undefined}
        onChange={(value?: Severity) => onChange({ severity: value })}
        placeholder={t('complaints.filter.anySeverity')}
        options={SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severity.${s}`) }))}
        style={{ minWidth: 120 }}
        data-testid="complaint-filter-severity"
      />
      <Checkbox
        checked={filters.breached === '1'}
        onChange={(e) => onChange({ breached: e.target.checked ? '1' : undefined })}
        data-testid="complaint-filter-breached"
      >
        {t('complaints.filter.breached')}
      </Checkbox>
      <Checkbox
        checked={filters.mine === '1'}
        onChange={(e) => onChange({ mine: e.target.checked ? '1' : undefined })}
        data-testid="complaint-filter-mine"
      >
        {t('complaints.filter.mine')}
      </Checkbox>
    </Space>
  );
}
