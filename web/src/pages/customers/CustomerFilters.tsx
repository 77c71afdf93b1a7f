// The customer list's filters: inline above the list on a desktop, in a drawer on a phone.
// Every value lives in the URL (see query.ts).
import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { useCatalog } from '@/lib/catalog';
import { lookupOptions, useLookups } from '@/lib/lookups';
import { can } from '@/lib/permissions';
import { useUserOptions } from '@/lib/users';
import { useTeams } from '@/lib/org';
import { CONSENT_CHANNELS } from './customerForm';
import { UNOWNED, type CustomerFilters } from './query';

export function CustomerFilterControls({
  filters,
  setFilters,
  vertical = false,
}: {
  filters: CustomerFilters;
  setFilters: (changes: CustomerFilters) => void;
  vertical?: boolean;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const users = useUserOptions(can(me, 'user:read'));
  const teams = useTeams(can(me, 'team:read'));
  const sources = useLookups('source');
  const catalog = useCatalog(can(me, 'catalog:read'));
  const width = (px: number) => (vertical ? { width: '100%' } : { width: px });
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null =
    filters.from || filters.to
      ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
      : null;

  return (
    <>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('customers.filter.owner')}
        value={filters.owner}
        onChange={(value?: string) => setFilters({ owner: value })}
        options={[
          { value: me.user.id, label: t('customers.filter.mine') },
          { value: UNOWNED, label: t('customers.filter.unowned') },
          ...(users.data?.items ?? [])
            .filter((user) => user.id !== me.user.id)
            .map((user) => ({ value: user.id, label: user.display_name })),
        ]}
        style={width(150)}
        data-testid="filter-owner"
      />
      {can(me, 'team:read') && (
        <Select
          allowClear
          placeholder={t('customers.filter.team')}
          value={filters.team_id}
          onChange={(value?: string) => setFilters({ team_id: value })}
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          style={width(130)}
        />
      )}
      <Select
        allowClear
        placeholder={t('customers.filter.source')}
        value={filters.source}
        onChange={(value?: string) => setFilters({ source: value })}
        options={lookupOptions(t, 'source', sources.data, filters.source)}
        style={width(130)}
        data-testid="filter-source"
      />
      <Input
        allowClear
        placeholder={t('customers.filter.tag')}
        defaultValue={filters.tag}
        key={`tag-${filters.tag ?? ''}`}
        onPressEnter={(event) => setFilters({ tag: event.currentTarget.value.trim() })}
        onBlur={(event) => setFilters({ tag: event.currentTarget.value.trim() })}
        onClear={() => setFilters({ tag: undefined })}
        style={width(120)}
        data-testid="filter-tag"
      />
      <Select
        allowClear
        placeholder={t('customers.filter.kind')}
        value={filters.kind}
        onChange={(value?: string) => setFilters({ kind: value })}
        options={[
          { value: 'person', label: t('customers.kind.person') },
          { value: 'company', label: t('customers.kind.company') },
        ]}
        style={width(110)}
      />
      <Select
        allowClear
        showSearch
        placeholder={t('customers.filter.brand')}
        value={filters.brand}
        onChange={(value?: string) => setFilters({ brand: value })}
        options={(catalog.data ?? []).map((brand) => ({ value: brand.name, label: brand.name }))}
        style={width(130)}
        data-testid="filter-brand"
      />
      <Select
        allowClear
        placeholder={t('customers.filter.consent')}
        value={filters.consent}
        onChange={(value?: string) => setFilters({ consent: value })}
        options={CONSENT_CHANNELS.map((channel) => ({
          value: channel,
          label: t(`customers.filter.consentTo.${channel}`),
        }))}
        style={width(140)}
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={range}
        onChange={(dates) =>
          setFilters({
            from: dates?.[0]?.format('YYYY-MM-DD'),
            to: dates?.[1]?.format('YYYY-MM-DD'),
          })
        }
        placeholder={[t('customers.filter.createdFrom'), t('customers.filter.createdTo')]}
        style={width(250)}
      />
      <Select
        value={filters.sort ?? '-created_at'}
        onChange={(value: string) =>
          setFilters({ sort: value === '-created_at' ? undefined : value })
        }
        options={[
          { value: '-created_at', label: t('customers.sort.newest') },
          { value: '-updated_at', label: t('customers.sort.updated') },
          { value: 'name', label: t('customers.sort.name') },
        ]}
        style={width(140)}
        aria-label={t('customers.sort.label')}
        data-testid="filter-sort"
      />
    </>
  );
}
