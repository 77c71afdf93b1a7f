// The search box of the top bar: the customers the user may see (by name — two characters are
// enough — phone or its last four digits, plate, VIN or its last six), then the pages and
// actions the user can reach.
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { Me } from '@/api/types';
import { formatPhone } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useDebounced } from '@/lib/useDebounced';
import { visibleModules } from '../modules';
import { useMe } from '../session';

export interface SearchEntry {
  key: string;
  label: string;
  group: string;
  path: string;
  /** Lower-cased text the query is matched against. */
  haystack: string;
}

type T = (key: string) => string;

/** Everything the search can find for this user, in the current language. */
export function searchEntries(me: Me, t: T): SearchEntry[] {
  const entries: SearchEntry[] = [];
  const add = (key: string, label: string, group: string, path: string, keywords = '') =>
    entries.push({
      key,
      label,
      group,
      path,
      haystack: `${label} ${group} ${keywords}`.toLowerCase(),
    });
  for (const module of visibleModules(me)) {
    for (const page of module.pages) {
      add(
        page.key,
        t(page.titleKey),
        t(module.titleKey),
        page.path,
        page.keywordsKey ? t(page.keywordsKey) : '',
      );
    }
  }
  const actions = t('search.groupActions');
  if (can(me, 'customer:create')) {
    add(
      'action.newCustomer',
      t('customers.new'),
      actions,
      '/customers/new',
      t('search.keywords.newCustomer'),
    );
  }
  if (can(me, 'user:create')) {
    add(
      'action.newUser',
      t('users.new'),
      actions,
      '/admin/users/new',
      t('search.keywords.newUser'),
    );
  }
  if (can(me, 'role:manage')) {
    add(
      'action.newRole',
      t('roles.new'),
      actions,
      '/admin/roles/new',
      t('search.keywords.newRole'),
    );
  }
  if (can(me, 'api_token:create')) {
    add('action.newToken', t('apiTokens.new'), actions, '/admin/api-tokens?create=1', 'token api');
  }
  add('action.profile', t('userMenu.profile'), actions, '/profile', t('search.keywords.profile'));
  add(
    'action.password',
    t('userMenu.changePassword'),
    actions,
    '/profile?tab=password',
    t('search.keywords.password'),
  );
  return entries;
}

export function matchEntries(entries: SearchEntry[], query: string): SearchEntry[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((entry) => words.every((word) => entry.haystack.includes(word)));
}

function SearchBox({ autoFocus, onDone }: { autoFocus?: boolean; onDone?: () => void }) {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const inputRef = useRef<{ focus: () => void } | null>(null);
  const entries = useMemo(() => searchEntries(me, t), [me, t]);
  const matches = matchEntries(entries, query);
  const customerQuery = useDebounced(query.trim(), 250);
  const customers = useQuery({
    queryKey: ['customers', 'search', customerQuery, 6],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/customers/search', { params: { query: { q: customerQuery, limit: 6 } } }),
      ),
    enabled: can(me, 'customer:read') && customerQuery.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const hits = customerQuery.length >= 2 && query.trim() ? (customers.data ?? []) : [];

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      if (
        (event.key === 'k' && (event.metaKey || event.ctrlKey)) ||
        (event.key === '/' && !typing)
      ) {
        event.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const groups = new Map<string, SearchEntry[]>();
  for (const entry of matches) {
    groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  }
  const options = [
    ...(hits.length > 0
      ? [
          {
            label: <Typography.Text type="secondary">{t('search.groupCustomers')}</Typography.Text>,
            options: hits.map((hit) => ({
              value: `customer:${hit.customer.id}`,
              label: (
                <Space size={8} data-testid="search-customer">
                  <span>{hit.customer.name}</span>
                  <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
                    {formatPhone(hit.customer.phone)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`search.matchedOn.${hit.matched_on}`)}
                  </Typography.Text>
                </Space>
              ),
            })),
          },
        ]
      : []),
    ...[...groups].map(([group, list]) => ({
      label: <Typography.Text type="secondary">{group}</Typography.Text>,
      options: list.map((entry) => ({ value: entry.key, label: entry.label })),
    })),
  ];

  return (
    <AutoComplete
      className="global-search"
      options={options}
      value={query}
      onChange={setQuery}
      onSelect={(key: string) => {
        const entry = entries.find((e) => e.key === key);
        setQuery('');
        if (key.startsWith('customer:')) navigate(`/customers/${key.slice('customer:'.length)}`);
        else if (entry) navigate(entry.path);
        onDone?.();
      }}
      filterOption={false}
      notFoundContent={
        query ? (customers.isFetching ? t('common.loading') : t('search.noResults')) : null
      }
      popupMatchSelectWidth={320}
      style={{ width: '100%' }}
    >
      <Input
        ref={(node) => {
          inputRef.current = node;
        }}
        autoFocus={autoFocus}
        allowClear
        prefix={<SearchOutlined className="muted" />}
        suffix={autoFocus ? null : <kbd className="kbd">/</kbd>}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        data-testid="global-search"
      />
    </AutoComplete>
  );
}

export function GlobalSearch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!compact) return <SearchBox />;
  return (
    <>
      <Button
        type="text"
        icon={<SearchOutlined />}
        aria-label={t('search.placeholder')}
        onClick={() => setOpen(true)}
        data-testid="global-search-open"
      />
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        title={t('search.title')}
        destroyOnHidden
        style={{ top: 24 }}
      >
        <SearchBox autoFocus onDone={() => setOpen(false)} />
      </Modal>
    </>
  );
}
