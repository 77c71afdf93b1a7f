// The customers: one search box (name, phone or its last four digits, plate, VIN), filters in
// the URL, saved views, a capped count, load-more paging, bulk actions and export. Cards at
// phone width.
import {
  DownloadOutlined,
  FilterOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SearchOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Avatar,
  Badge,
  Button,
  Card,
  Checkbox,
  Drawer,
  Dropdown,
  Empty,
  Input,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CustomerRow } from '@/api/types';
import { useMe } from '@/app/session';
import { ListFooter } from '@/components/ListFooter';
import { MaskedText } from '@/components/MaskedText';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { formatCount, formatDateTime, initials } from '@/lib/format';
import { lookupName, useLookups } from '@/lib/lookups';
import { can } from '@/lib/permissions';
import { useDebounced } from '@/lib/useDebounced';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { BulkActions } from './BulkActions';
import { CustomerFilterControls } from './CustomerFilters';
import { useCustomerList } from './hooks';
import {
  CUSTOMER_FILTER_KEYS,
  customerExportUrl,
  customerListQuery,
  hasFilters,
  type CustomerFilters,
} from './query';
import { SavedViews } from './SavedViews';

function KindAvatar({ row }: { row: Pick<CustomerRow, 'name' | 'kind'> }) {
  return (
    <Avatar
      size={32}
      shape={row.kind === 'company' ? 'square' : 'circle'}
      style={{ background: '#e9f1fb', color: '#1f5fb4', fontSize: 12, flex: 'none' }}
    >
      {initials(row.name)}
    </Avatar>
  );
}

export default function CustomersPage() {
  const me = useMe();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [filters, setFilters] = useUrlFilters(CUSTOMER_FILTER_KEYS);
  const [search, setSearch] = useState(filters.q ?? '');
  const [drawer, setDrawer] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const q = useDebounced(search.trim());
  useEffect(() => {
    if ((filters.q ?? '') !== q) setFilters({ q });
  }, [q, filters.q, setFilters]);

  const tz = me.dealer.time_zone;
  const query = useMemo(() => customerListQuery(filters, tz), [filters, tz]);
  const list = useCustomerList(query);
  const sources = useLookups('source');
  const selectable = can(me, 'customer:assign') || can(me, 'customer:update');
  const filtered = hasFilters(filters);
  const active = CUSTOMER_FILTER_KEYS.filter((k) => k !== 'q' && k !== 'sort' && filters[k]).length;

  const applyFilters = (next: CustomerFilters) => {
    const changes: Record<string, string | undefined> = {};
    for (const key of CUSTOMER_FILTER_KEYS) changes[key] = next[key];
    setFilters(changes);
    setSearch(next.q ?? '');
  };

  const count =
    list.count === null
      ? null
      : t('customers.count', {
          count: list.count,
          shown: formatCount(list.count, list.countCapped),
        });

  const columns: ColumnsType<CustomerRow> = [
    {
      title: t('customers.field.name'),
      key: 'name',
      fixed: 'left',
      width: 200,
      render: (_, row) => (
        <Space size={10}>
          <KindAvatar row={row} />
          <div style={{ lineHeight: 1.3, minWidth: 0 }}>
            <Link to={`/customers/${row.id}`} data-testid="customer-link">
              {row.name}
            </Link>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.kind === 'company'
                  ? t('customers.kind.company')
                  : row.gender
                    ? t(`customers.gender.${row.gender}`)
                    : t('customers.kind.person')}
                {row.city ? ` · ${row.city}` : ''}
              </Typography.Text>
            </div>
          </div>
        </Space>
      ),
    },
    {
      title: t('customers.field.phone'),
      dataIndex: 'phone',
      width: 150,
      render: (phone: string | null) => <MaskedText value={phone} kind="phone" />,
    },
    {
      title: t('customers.field.owner'),
      key: 'owner',
      width: 110,
      render: (_, row) =>
        row.owner?.display_name ?? (
          <Typography.Text type="secondary">{t('customers.noOwner')}</Typography.Text>
        ),
    },
    {
      title: t('customers.field.source'),
      dataIndex: 'source',
      width: 110,
      render: (source: string | null) => lookupName(t, 'source', source, sources.data) || '—',
    },
    {
      title: t('customers.field.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) =>
        tags.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space size={[0, 4]} wrap>
            {tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Space>
        ),
    },
    {
      title: t('customers.field.createdAt'),
      dataIndex: 'created_at',
      width: 150,
      render: (at: string) => <span className="tabular">{formatDateTime(at, tz)}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 120,
      className: 'nowrap',
      render: (_, row) => (
        <Space size={12}>
          <Link to={`/customers/${row.id}`} data-testid="row-open">
            {t('customers.action.open')}
          </Link>
          {can(me, 'customer:update') && (
            <Link to={`/customers/${row.id}/edit`} data-testid="row-edit">
              {t('common.edit')}
            </Link>
          )}
        </Space>
      ),
    },
  ];

  const exportItems = (['xlsx', 'csv'] as const).map((format) => ({
    key: format,
    label: (
      <a
        href={customerExportUrl(filters, tz, format, i18n.language)}
        download
        data-testid={`export-${format}`}
      >
        {t(`customers.export.${format}`)}
      </a>
    ),
  }));

  const headerActions = (
    <>
      {can(me, 'customer:export') && (
        <Dropdown menu={{ items: exportItems }} trigger={['click']}>
          <Button icon={<DownloadOutlined />} block={mobile} data-testid="export">
            {t('customers.export.button')}
          </Button>
        </Dropdown>
      )}
      {can(me, 'customer:import') && (
        <Button
          icon={<UploadOutlined />}
          onClick={() => navigate('/customers/import')}
          block={mobile}
        >
          {t('customers.import')}
        </Button>
      )}
      {can(me, 'customer:merge') && (
        <Button
          icon={<MergeCellsOutlined />}
          onClick={() => navigate('/customers/merge')}
          block={mobile}
        >
          {t('customers.merge.button')}
        </Button>
      )}
      {can(me, 'customer:create') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/customers/new')}
          block={mobile}
          data-testid="new-customer"
        >
          {t('customers.new')}
        </Button>
      )}
    </>
  );

  const searchBox = (
    <Input
      allowClear
      prefix={<SearchOutlined className="muted" />}
      placeholder={t('customers.searchPlaceholder')}
      value={search}
      onChange={(event) => setSearch(event.target.value)}
      style={mobile ? { flex: 1 } : { width: 300 }}
      data-testid="customers-search"
    />
  );

  const footer = (
    <ListFooter
      shown={list.items.length}
      hasMore={!!list.hasNextPage}
      loading={list.isFetchingNextPage}
      onLoadMore={() => void list.fetchNextPage()}
    />
  );

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => (on ? [...current, id] : current.filter((x) => x !== id)));

  return (
    <>
      <PageHeader
        title={t('nav.customers')}
        subtitle={<span data-testid="customers-count">{count ?? t('customers.subtitle')}</span>}
        extra={headerActions}
      />
      <Card variant="borderless">
        {mobile ? (
          <div className="filter-bar">
            {searchBox}
            <Badge count={active} size="small">
              <Button
                icon={<FilterOutlined />}
                onClick={() => setDrawer(true)}
                data-testid="open-filters"
              >
                {t('customers.filter.button')}
              </Button>
            </Badge>
            <Drawer
              open={drawer}
              onClose={() => setDrawer(false)}
              placement="bottom"
              height="auto"
              title={t('customers.filter.title')}
              rootClassName="filter-drawer"
              extra={
                filtered && (
                  <Button type="link" onClick={() => applyFilters({ sort: filters.sort })}>
                    {t('common.clearFilters')}
                  </Button>
                )
              }
            >
              <div className="filter-stack">
                <CustomerFilterControls filters={filters} setFilters={setFilters} vertical />
                <SavedViews
                  filters={filters}
                  apply={(next) => {
                    applyFilters(next);
                    setDrawer(false);
                  }}
                  block
                />
              </div>
            </Drawer>
          </div>
        ) : (
          <div className="filter-bar">
            {searchBox}
            <CustomerFilterControls filters={filters} setFilters={setFilters} />
            <SavedViews filters={filters} apply={applyFilters} />
            {filtered && (
              <Button
                type="link"
                onClick={() => applyFilters({ sort: filters.sort })}
                data-testid="clear-filters"
              >
                {t('common.clearFilters')}
              </Button>
            )}
          </div>
        )}
        {selected.length > 0 && <BulkActions ids={selected} onDone={() => setSelected([])} />}
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : mobile ? (
          <div data-testid="customers-cards">
            {list.isLoading && <Card loading variant="borderless" />}
            {!list.isLoading && list.items.length === 0 && (
              <Empty description={filtered ? t('customers.emptyFiltered') : t('customers.empty')} />
            )}
            {list.items.map((row) => (
              <div className="record-card" data-testid="customer-row" key={row.id}>
                <div className="record-card-title">
                  <Link to={`/customers/${row.id}`} className="record-card-link">
                    <Space size={10}>
                      <KindAvatar row={row} />
                      <span>{row.name}</span>
                    </Space>
                  </Link>
                  {selectable && (
                    <Checkbox
                      checked={selected.includes(row.id)}
                      onChange={(event) => toggle(row.id, event.target.checked)}
                      aria-label={t('customers.bulk.select')}
                    />
                  )}
                </div>
                <dl className="record-card-meta">
                  <dt>{t('customers.field.phone')}</dt>
                  <dd>
                    <MaskedText value={row.phone} kind="phone" />
                  </dd>
                  <dt>{t('customers.field.owner')}</dt>
                  <dd>{row.owner?.display_name ?? t('customers.noOwner')}</dd>
                  {row.tags.length > 0 && (
                    <>
                      <dt>{t('customers.field.tags')}</dt>
                      <dd>{row.tags.join('、')}</dd>
                    </>
                  )}
                  <dt>{t('customers.field.createdAt')}</dt>
                  <dd className="tabular">{formatDateTime(row.created_at, tz)}</dd>
                </dl>
              </div>
            ))}
            {footer}
          </div>
        ) : (
          <>
            <Table<CustomerRow>
              rowKey="id"
              columns={columns}
              dataSource={list.items}
              loading={list.isLoading}
              pagination={false}
              scroll={{ x: 1100 }}
              rowSelection={
                selectable
                  ? {
                      selectedRowKeys: selected,
                      onChange: (keys) => setSelected(keys as string[]),
                      preserveSelectedRowKeys: true,
                    }
                  : undefined
              }
              locale={{
                emptyText: (
                  <Empty
                    description={filtered ? t('customers.emptyFiltered') : t('customers.empty')}
                  />
                ),
              }}
              onRow={(row) => ({
                onClick: (event) => {
                  const target = event.target as HTMLElement;
                  if (target.closest('a, .ant-checkbox-wrapper, .ant-table-selection-column'))
                    return;
                  navigate(`/customers/${row.id}`);
                },
                style: { cursor: 'pointer' },
                'data-testid': 'customer-row',
              })}
            />
            {footer}
          </>
        )}
      </Card>
    </>
  );
}
