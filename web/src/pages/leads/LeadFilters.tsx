// The lead list's filters: inline above the list on a desktop, in a drawer on a phone. Every
// value lives in the URL (see query.ts).
import { Checkbox, DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { lookupOptions, useLookups } from '@/lib/lookups';
import { can } from '@/lib/permissions';
import { GRADES, LEAD_STATUSES, useConsultants } from '@/lib/sales';
import { useTeams } from '@/lib/org';
import { MARKETING_POOL, UNASSIGNED, type LeadFilters } from './query';

export function LeadFilterControls({
  filters,
  setFilters,
  board,
  vertical = false,
}: {
  filters: LeadFilters;
  setFilters: (changes: LeadFilters) => void;
  board: boolean;
  vertical?: boolean;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const sources = useLookups('source');
  const people = useConsultants(can(me, 'user:read'));
  const teams = useTeams(can(me, 'team:read') && can(me, 'lead:read', 'team'));
  const width = (px: number) => (vertical ? { width: '100%' } : { width: px });
  const grades = filters.grade ? filters.grade.split(',') : [];
  const widerThanOwn = can(me, 'lead:read', 'team');
  const created: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null =
    filters.from || filters.to
      ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
      : null;

  return (
    <>
      {!board && (
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('leads.filter.grade')}
          value={grades}
          onChange={(values: string[]) => setFilters({ grade: values.join(',') || undefined })}
          options={GRADES.map((grade) => ({
            value: grade,
            label: `${grade} · ${t(`sales.gradeShort.${grade}`)}`,
          }))}
          style={width(170)}
          data-testid="filter-grade"
        />
      )}
      {!board && (
        <Select
          allowClear
          placeholder={t('leads.filter.status')}
          value={filters.status}
          onChange={(value?: string) => setFilters({ status: value })}
          options={[
            { value: 'open,lost_pending', label: t('leads.filter.active') },
            ...LEAD_STATUSES.map((status) => ({
              value: status,
              label: t(`sales.status.${status}`),
            })),
          ]}
          style={width(140)}
          data-testid="filter-status"
        />
      )}
      {widerThanOwn && (
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('leads.filter.owner')}
          value={filters.owner}
          onChange={(value?: string) => setFilters({ owner: value })}
          options={[
            { value: me.user.id, label: t('leads.filter.mine') },
            { value: UNASSIGNED, label: t('sales.unassigned') },
            { value: MARKETING_POOL, label: t('sales.pool.marketing') },
            ...people.consultants
              .filter((user) => user.id !== me.user.id)
              .map((user) => ({ value: user.id, label: user.display_name })),
          ]}
          style={width(140)}
          data-testid="filter-owner"
        />
      )}
      {widerThanOwn && can(me, 'team:read') && (
        <Select
          allowClear
          placeholder={t('leads.filter.team')}
          value={filters.team_id}
          onChange={(value?: string) => setFilters({ team_id: value })}
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          style={width(130)}
        />
      )}
      <Select
        allowClear
        placeholder={t('leads.filter.source')}
        value={filters.source}
        onChange={(value?: string) => setFilters({ source: value })}
        options={lookupOptions(t, 'source', sources.data, filters.source)}
        style={width(130)}
        data-testid="filter-source"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={created}
        onChange={(dates) =>
          setFilters({
            from: dates?.[0]?.format('YYYY-MM-DD'),
            to: dates?.[1]?.format('YYYY-MM-DD'),
          })
        }
        placeholder={[t('leads.filter.createdFrom'), t('leads.filter.createdTo')]}
        style={width(250)}
        data-testid="filter-created"
      />
      <Checkbox
        checked={filters.overdue === '1'}
        onChange={(event) => setFilters({ overdue: event.target.checked ? '1' : undefined })}
        className="filter-check"
        data-testid="filter-overdue"
      >
        {t('leads.filter.overdue')}
      </Checkbox>
      <Checkbox
        checked={filters.stagnant === '1'}
        onChange={(event) => setFilters({ stagnant: event.target.checked ? '1' : undefined })}
        className="filter-check"
        data-testid="filter-stagnant"
      >
        {t('leads.filter.stagnant')}
      </Checkbox>
    </>
  );
}
