// Picks a customer by the same search as the search box: name (two characters are enough),
// phone or its last four digits, plate, VIN or its last six. Phones show as the server sends
// them (masked for roles that may not see them).
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import type { CustomerRow } from '@/api/types';
import { formatPhone } from '@/lib/format';
import { useDebounced } from '@/lib/useDebounced';

/** What the picker shows of a customer: a search hit, or one already chosen elsewhere. */
export type PickedCustomer = Pick<CustomerRow, 'id' | 'name'> &
  Partial<Pick<CustomerRow, 'phone' | 'owner'>>;

export function CustomerPicker({
  value,
  onChange,
  exclude,
  initial,
  placeholder,
  testId,
}: {
  value?: string | null;
  onChange?: (id: string | null, customer: PickedCustomer | null) => void;
  /** Customers not to offer (the one being merged, the car's current owner). */
  exclude?: readonly string[];
  /** The customer already chosen, to show its name before any search. */
  initial?: PickedCustomer | null;
  placeholder?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const hits = useQuery({
    queryKey: ['customers', 'search', q, 20],
    queryFn: () =>
      unwrap(api.GET('/api/v1/customers/search', { params: { query: { q, limit: 20 } } })),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
  const rows: PickedCustomer[] = (hits.data ?? []).map((hit) => hit.customer);
  const all = initial && !rows.some((r) => r.id === initial.id) ? [initial, ...rows] : rows;
  const options = all
    .filter((row) => !exclude?.includes(row.id))
    .map((row) => ({
      value: row.id,
      label: row.name,
      row,
    }));

  return (
    <Select
      showSearch
      allowClear
      value={value ?? undefined}
      filterOption={false}
      onSearch={setSearch}
      onChange={(id?: string) => {
        const row = all.find((r) => r.id === id) ?? null;
        onChange?.(id ?? null, row);
      }}
      loading={hits.isFetching}
      placeholder={placeholder ?? t('customers.picker.placeholder')}
      notFoundContent={
        q.length < 2
          ? t('customers.picker.typeMore')
          : hits.isFetching
            ? null
            : t('customers.picker.none')
      }
      options={options}
      optionRender={(option) => {
        const row = (option.data as { row: PickedCustomer }).row;
        return (
          <Space size={8} wrap>
            <span>{row.name}</span>
            <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
              {formatPhone(row.phone)}
            </Typography.Text>
            {row.owner && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.owner.display_name}
              </Typography.Text>
            )}
          </Space>
        );
      }}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
