// The users of the dealer: search, filter, sort, load more; create for those who may.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { User } from '@/api/types';
import { useMe } from '@/app/session';
import { ListFooter } from '@/components/ListFooter';
import { MaskedText } from '@/components/MaskedText';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { formatDateTime, initials } from '@/lib/format';
import { can } from '@/lib/permissions';
import { roleName, useRoles } from '@/lib/roles';
import { useDebounced } from '@/lib/useDebounced';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { useTeams } from '@/lib/org';
import { useUserList } from './hooks';
import { UserStatusTag } from './UserStatusTag';

const FILTER_KEYS = ['q', 'status', 'role', 'team_id', 'sort'] as const;

export default function UsersPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const [search, setSearch] = useState(filters.q ?? '');
  const q = useDebounced(search.trim());
  useEffect(() => {
    if ((filters.q ?? '') !== q) setFilters({ q });
  }, [q, filters.q, setFilters]);

  const list = useUserList({ ...filters, q: filters.q });
  const roles = useRoles(can(me, 'role:read'));
  const teams = useTeams(can(me, 'team:read'));
  const tz = me.dealer.time_zone;
  const teamName = (id?: string | null) => teams.data?.find((team) => team.id === id)?.name;

  const columns: ColumnsType<User> = [
    {
      title: t('users.field.displayName'),
      key: 'name',
      render: (_, user) => (
        <Space size={10}>
          <Avatar size={32} style={{ background: '#e9f1fb', color: '#1f5fb4', fontSize: 12 }}>
            {initials(user.display_name)}
          </Avatar>
          <div style={{ lineHeight: 1.3 }}>
            <Link to={`/admin/users/${user.id}`} className="user-link">
              {user.display_name}
            </Link>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {user.username}
              </Typography.Text>
            </div>
          </div>
        </Space>
      ),
    },
    {
      title: t('users.field.role'),
      dataIndex: 'role',
      render: (role: string) => roleName(t, role, roles.data),
    },
    {
      title: t('users.field.team'),
      dataIndex: 'team_id',
      render: (id: string | null) =>
        teamName(id) ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('users.field.phone'),
      dataIndex: 'phone',
      render: (phone: string | null) => <MaskedText value={phone} kind="phone" />,
    },
    {
      title: t('users.field.status'),
      key: 'status',
      render: (_, user) => <UserStatusTag user={user} />,
    },
    {
      title: t('users.field.lastLogin'),
      dataIndex: 'last_login_at',
      render: (at: string | null) => <span className="tabular">{formatDateTime(at, tz)}</span>,
    },
  ];

  const filterBar = (
    <div className="filter-bar">
      <Input
        allowClear
        prefix={<SearchOutlined className="muted" />}
        placeholder={t('users.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        style={{ width: 260 }}
        data-testid="users-search"
      />
      <Select
        allowClear
        placeholder={t('users.filter.status')}
        value={filters.status}
        onChange={(value?: string) => setFilters({ status: value })}
        options={[
          { value: 'active', label: t('users.status.active') },
          { value: 'disabled', label: t('users.status.disabled') },
        ]}
        style={{ width: 140 }}
      />
      <Select
        allowClear
        placeholder={t('users.filter.role')}
        value={filters.role}
        onChange={(value?: string) => setFilters({ role: value })}
        options={(roles.data ?? []).map((role) => ({
          value: role.key,
          label: roleName(t, role.key, roles.data),
        }))}
        style={{ width: 160 }}
        disabled={!can(me, 'role:read')}
      />
      <Select
        allowClear
        placeholder={t('users.filter.team')}
        value={filters.team_id}
        onChange={(value?: string) => setFilters({ team_id: value })}
        options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        style={{ width: 160 }}
      />
      <Select
        value={filters.sort ?? 'username'}
        onChange={(value: string) => setFilters({ sort: value === 'username' ? undefined : value })}
        options={[
          { value: 'username', label: t('users.sort.username') },
          { value: 'display_name', label: t('users.sort.displayName') },
          { value: '-created_at', label: t('users.sort.newest') },
        ]}
        style={{ width: 160 }}
        aria-label={t('users.sort.label')}
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

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        subtitle={t('users.subtitle', { dealer: me.dealer.name })}
        extra={
          can(me, 'user:create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/admin/users/new')}
              data-testid="new-user"
              block={mobile}
            >
              {t('users.new')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        {filterBar}
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : mobile ? (
          <div data-testid="users-cards">
            {list.isLoading && <Card loading variant="borderless" />}
            {!list.isLoading && list.items.length === 0 && <Empty description={t('users.empty')} />}
            {list.items.map((user) => (
              <Link key={user.id} to={`/admin/users/${user.id}`} className="record-link">
                <div className="record-card" data-testid="user-row">
                  <div className="record-card-title">
                    <Space size={10}>
                      <Avatar
                        size={32}
                        style={{ background: '#e9f1fb', color: '#1f5fb4', fontSize: 12 }}
                      >
                        {initials(user.display_name)}
                      </Avatar>
                      <span>
                        {user.display_name}
                        <Typography.Text
                          type="secondary"
                          style={{ fontWeight: 400, marginLeft: 6 }}
                        >
                          {user.username}
                        </Typography.Text>
                      </span>
                    </Space>
                    <UserStatusTag user={user} />
                  </div>
                  <dl className="record-card-meta">
                    <dt>{t('users.field.role')}</dt>
                    <dd>{roleName(t, user.role, roles.data)}</dd>
                    <dt>{t('users.field.team')}</dt>
                    <dd>{teamName(user.team_id) ?? '—'}</dd>
                    <dt>{t('users.field.phone')}</dt>
                    <dd>
                      <MaskedText value={user.phone} kind="phone" />
                    </dd>
                  </dl>
                </div>
              </Link>
            ))}
            {footer}
          </div>
        ) : (
          <>
            <Table<User>
              rowKey="id"
              columns={columns}
              dataSource={list.items}
              loading={list.isLoading}
              pagination={false}
              scroll={{ x: 860 }}
              locale={{ emptyText: <Empty description={t('users.empty')} /> }}
              onRow={(user) => ({
                onClick: (event) => {
                  if ((event.target as HTMLElement).closest('a')) return;
                  navigate(`/admin/users/${user.id}`);
                },
                style: { cursor: 'pointer' },
                'data-testid': 'user-row',
              })}
            />
            {footer}
          </>
        )}
      </Card>
    </>
  );
}
