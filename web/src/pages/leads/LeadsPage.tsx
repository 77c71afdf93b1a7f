// The leads: a filtered list (cards at phone width) with bulk assignment, or the board of open
// leads by grade. Filters and the view live in the URL.
import {
  AppstoreOutlined,
  FilterOutlined,
  MessageOutlined,
  PlusOutlined,
  SearchOutlined,
  UnorderedListOutlined,
  UserSwitchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Drawer,
  Empty,
  Input,
  Segmented,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Lead } from '@/api/types';
import { useDebounced } from '@/lib/useDebounced';
import { useMe } from '@/app/session';
import { ListFooter } from '@/components/ListFooter';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatCount, formatDateTime } from '@/lib/format';
import { lookupName, useLookups } from '@/lib/lookups';
import { can } from '@/lib/permissions';
import { FollowUpDue, GradeTag, LeadStatusTag } from '@/lib/sales';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { AssignModal } from './AssignModal';
import { FollowUpDrawer } from './FollowUpDrawer';
import { useBulkAssign, useLeadList } from './hooks';
import { LeadBoardView } from './LeadBoardView';
import { LeadCard } from './LeadCard';
import { LeadFilterControls } from './LeadFilters';
import { hasLeadFilters, LEAD_FILTER_KEYS, leadListQuery, type LeadFilters } from './query';

export default function LeadsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [filters, setFilters] = useUrlFilters(LEAD_FILTER_KEYS);
  const [drawer, setDrawer] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [followingUp, setFollowingUp] = useState<Lead | null>(null);
  const [search, setSearch] = useState(filters.q ?? '');
  const q = useDebounced(search.trim());
  useEffect(() => {
    if ((filters.q ?? '') !== q) setFilters({ q: q || undefined });
  }, [q, filters.q, setFilters]);
  const board = filters.view === 'board';
  const tz = me.dealer.time_zone;
  const query = useMemo(() => leadListQuery(filters, tz, false), [filters, tz]);
  const list = useLeadList(query, !board);
  const sources = useLookups('source');
  const bulk = useBulkAssign();
  const handleError = useApiErrorHandler();
  const selectable = can(me, 'lead:assign');
  const filtered = hasLeadFilters(filters);
  const active = LEAD_FILTER_KEYS.filter((k) => k !== 'view' && k !== 'q' && filters[k]).length;
  const canFollowUp = can(me, 'lead:update');

  const clearFilters = () => {
    const changes: LeadFilters = {};
    for (const key of LEAD_FILTER_KEYS) if (key !== 'view') changes[key] = undefined;
    setFilters(changes);
    setSearch('');
  };

  const count =
    list.count === null || board
      ? null
      : t('leads.count', { count: list.count, shown: formatCount(list.count, list.countCapped) });

  const columns: ColumnsType<Lead> = [
    {
      title: t('leads.field.customer'),
      key: 'customer',
      fixed: 'left',
      width: 150,
      render: (_, lead) => (
        <Space size={6} className="nowrap">
          <Link to={`/leads/${lead.id}`} data-testid="lead-link">
            {lead.customer.name}
          </Link>
          {lead.stagnant_since && (
            <Tooltip title={t('leads.stagnant')}>
              <WarningOutlined className="stagnant-icon" aria-label={t('leads.stagnant')} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('leads.field.grade'),
      dataIndex: 'grade',
      width: 80,
      className: 'nowrap',
      render: (_, lead) => <GradeTag grade={lead.grade} />,
    },
    {
      title: t('leads.field.status'),
      dataIndex: 'status',
      width: 150,
      className: 'nowrap',
      render: (_, lead) => <LeadStatusTag status={lead.status} />,
    },
    {
      title: t('leads.field.car'),
      key: 'car',
      width: 160,
      render: (_, lead) => lead.car?.name ?? '—',
    },
    {
      title: t('leads.field.source'),
      dataIndex: 'source',
      width: 120,
      render: (source: string | null) => lookupName(t, 'source', source, sources.data) || '—',
    },
    {
      title: t('leads.field.owner'),
      key: 'owner',
      width: 110,
      render: (_, lead) =>
        lead.owner?.display_name ?? (
          <Typography.Text type="secondary">
            {lead.pool ? t('sales.pool.marketing') : t('sales.unassigned')}
          </Typography.Text>
        ),
    },
    {
      title: t('leads.field.nextFollowUp'),
      key: 'next',
      width: 170,
      render: (_, lead) => (
        <FollowUpDue at={lead.next_follow_up_at} overdue={lead.follow_up_overdue} timeZone={tz} />
      ),
    },
    {
      title: t('leads.field.createdAt'),
      dataIndex: 'created_at',
      width: 150,
      render: (at: string) => <span className="tabular">{formatDateTime(at, tz)}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 150,
      className: 'nowrap',
      render: (_, lead) => (
        <Space size={0}>
          {canFollowUp && lead.status === 'open' && (
            <Button
              type="link"
              size="small"
              icon={<MessageOutlined />}
              onClick={(event) => {
                event.stopPropagation();
                setFollowingUp(lead);
              }}
              data-testid="row-follow-up"
            >
              {t('leads.action.followUpShort')}
            </Button>
          )}
          <Link to={`/leads/${lead.id}`} data-testid="row-open">
            {t('leads.action.open')}
          </Link>
        </Space>
      ),
    },
  ];

  const viewSwitch = (
    <Segmented
      value={board ? 'board' : 'list'}
      onChange={(value) => {
        setSelected([]);
        setFilters({ view: value === 'board' ? 'board' : undefined });
      }}
      options={[
        { value: 'list', icon: <UnorderedListOutlined />, label: t('leads.view.list') },
        { value: 'board', icon: <AppstoreOutlined />, label: t('leads.view.board') },
      ]}
      data-testid="lead-view"
    />
  );

  const headerActions = (
    <>
      {viewSwitch}
      {can(me, 'lead:create') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/reception/new')}
          data-testid="new-walk-in"
        >
          {t('leads.newWalkIn')}
        </Button>
      )}
    </>
  );

  const searchBox = (
    <Input
      allowClear
      prefix={<SearchOutlined className="muted" />}
      placeholder={t('leads.searchPlaceholder')}
      value={search}
      onChange={(event) => setSearch(event.target.value)}
      style={mobile ? { flex: 1 } : { width: 260 }}
      data-testid="leads-search"
    />
  );

  const filterBar = mobile ? (
    <div className="filter-bar">
      {searchBox}
      <Badge count={active} size="small">
        <Button
          icon={<FilterOutlined />}
          onClick={() => setDrawer(true)}
          data-testid="open-filters"
        >
          {t('leads.filter.button')}
        </Button>
      </Badge>
      <Drawer
        open={drawer}
        onClose={() => setDrawer(false)}
        placement="bottom"
        height="auto"
        title={t('leads.filter.title')}
        rootClassName="filter-drawer"
        extra={
          filtered && (
            <Button type="link" onClick={clearFilters}>
              {t('common.clearFilters')}
            </Button>
          )
        }
      >
        <div className="filter-stack">
          <LeadFilterControls filters={filters} setFilters={setFilters} board={board} vertical />
        </div>
      </Drawer>
    </div>
  ) : (
    <div className="filter-bar">
      {searchBox}
      <LeadFilterControls filters={filters} setFilters={setFilters} board={board} />
      {filtered && (
        <Button type="link" onClick={clearFilters} data-testid="clear-filters">
          {t('common.clearFilters')}
        </Button>
      )}
    </div>
  );

  const bulkBar = selected.length > 0 && (
    <div className="bulk-bar" data-testid="bulk-bar">
      <Typography.Text strong>
        {t('leads.bulk.selected', { count: selected.length })}
      </Typography.Text>
      <Space wrap>
        <Button
          icon={<UserSwitchOutlined />}
          onClick={() => setAssigning(true)}
          data-testid="bulk-assign"
        >
          {t('leads.bulk.assign')}
        </Button>
        <Button type="link" onClick={() => setSelected([])}>
          {t('leads.bulk.clear')}
        </Button>
      </Space>
      <AssignModal
        open={assigning}
        title={t('leads.bulk.assignTitle', { count: selected.length })}
        pending={bulk.isPending}
        onCancel={() => setAssigning(false)}
        onAssign={(choice) =>
          bulk.mutate(
            { ids: selected, ...choice },
            {
              onSuccess: ({ assigned, skipped }) => {
                void message.success(
                  skipped > 0
                    ? t('leads.bulk.doneSkipped', { count: assigned, skipped })
                    : t('leads.bulk.done', { count: assigned }),
                );
                setAssigning(false);
                setSelected([]);
              },
              onError: (error) => handleError(error),
            },
          )
        }
      />
    </div>
  );

  const footer = (
    <ListFooter
      shown={list.items.length}
      hasMore={!!list.hasNextPage}
      loading={list.isFetchingNextPage}
      onLoadMore={() => void list.fetchNextPage()}
    />
  );
  const empty = <Empty description={filtered ? t('leads.emptyFiltered') : t('leads.empty')} />;
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => (on ? [...current, id] : current.filter((x) => x !== id)));

  return (
    <>
      <PageHeader
        title={t('nav.leads')}
        subtitle={<span data-testid="leads-count">{count ?? t('leads.subtitle')}</span>}
        extra={headerActions}
      />
      <Card variant="borderless">
        {filterBar}
        {board ? (
          <LeadBoardView filters={filters} />
        ) : (
          <>
            {bulkBar}
            {list.isError ? (
              <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
            ) : mobile ? (
              <div data-testid="lead-cards">
                {list.isLoading && <Card loading variant="borderless" />}
                {!list.isLoading && list.items.length === 0 && empty}
                {list.items.map((lead) => (
                  <LeadCard
                    key={lead.id}
                    lead={lead}
                    timeZone={tz}
                    selected={selected.includes(lead.id)}
                    onSelect={selectable ? (on) => toggle(lead.id, on) : undefined}
                  />
                ))}
                {footer}
              </div>
            ) : (
              <>
                <Table<Lead>
                  rowKey="id"
                  columns={columns}
                  dataSource={list.items}
                  loading={list.isLoading}
                  pagination={false}
                  scroll={{ x: 1300 }}
                  rowSelection={
                    selectable
                      ? {
                          selectedRowKeys: selected,
                          onChange: (keys) => setSelected(keys as string[]),
                          preserveSelectedRowKeys: true,
                        }
                      : undefined
                  }
                  locale={{ emptyText: empty }}
                  onRow={(lead) => ({
                    onClick: (event) => {
                      const target = event.target as HTMLElement;
                      if (
                        target.closest(
                          'a, button, .ant-checkbox-wrapper, .ant-table-selection-column',
                        )
                      )
                        return;
                      navigate(`/leads/${lead.id}`);
                    },
                    style: { cursor: 'pointer' },
                    'data-testid': 'lead-row',
                  })}
                />
                {footer}
              </>
            )}
          </>
        )}
      </Card>
      {followingUp && (
        <FollowUpDrawer
          lead={followingUp}
          open
          onClose={() => {
            setFollowingUp(null);
            void list.refetch();
          }}
          onConflict={() => {
            void message.warning(t('leads.listConflict'));
            setFollowingUp(null);
            void list.refetch();
          }}
        />
      )}
    </>
  );
}
