// Who did what: the audit log with filters, and the before → after of each change.
import { Button, Card, DatePicker, Empty, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEvent } from '@/api/types';
import { useMe } from '@/app/session';
import { ListFooter } from '@/components/ListFooter';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { dayBoundary, formatDateTimeSeconds } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { ChangeDiff } from '@/components/audit/ChangeDiff';
import { useAuditList } from '@/lib/audit';
import { AUDIT_ACTIONS } from './hooks';
import {
  actionLabel,
  entityLabel,
  refLink,
  refName,
  type Lookups,
} from '@/components/audit/labels';
import { useLookups } from '@/components/audit/useLookups';

const FILTER_KEYS = ['entity_type', 'entity_id', 'action', 'actor_id', 'from', 'to'] as const;

const ACTION_COLORS: Record<string, string> = {
  created: 'green',
  updated: 'blue',
  deleted: 'red',
  revoked: 'red',
  locked: 'orange',
  unlocked: 'cyan',
  password_reset: 'purple',
  password_changed: 'purple',
  logged_in: 'default',
};

/** The record: its type, and its name (as the server resolved it for the reader) linking to its page. */
function Target({ event, lookups }: { event: AuditEvent; lookups: Lookups }) {
  const { t } = useTranslation();
  const entity = entityLabel(t, event.entity_type);
  if (!event.entity_id) return <>{entity}</>;
  const ref = event.entity;
  let name: string;
  let to: string | undefined;
  if (ref) {
    name = refName(t, ref, lookups.roles);
    to = refLink(ref);
  } else if (!event.entity_gone) {
    // A record without a name of its own (the dealer's settings, an approval): its type says it.
    return <span data-testid="audit-target">{entity}</span>;
  } else {
    // Gone since (deleted): the name the event recorded, else "a record".
    const changes = (event.changes ?? {}) as Record<string, { before?: unknown; after?: unknown }>;
    const recorded =
      changes.display_name?.after ??
      changes.name?.after ??
      changes.name?.before ??
      changes.display_name?.before;
    name = typeof recorded === 'string' ? recorded : t('audit.unnamed');
  }
  return (
    <span data-testid="audit-target">
      <Typography.Text type="secondary">{entity} </Typography.Text>
      {to ? <Link to={to}>{name}</Link> : name}
    </span>
  );
}

function ActionTag({ action }: { action: string }) {
  const { t } = useTranslation();
  const verb = action.split('.')[1] ?? '';
  return <Tag color={ACTION_COLORS[verb] ?? 'default'}>{actionLabel(t, action)}</Tag>;
}

export default function AuditLogPage() {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const lookups = useLookups();
  const tz = me.dealer.time_zone;
  const list = useAuditList({
    entity_type: filters.entity_type,
    entity_id: filters.entity_id,
    action: filters.action,
    actor_id: filters.actor_id,
    from: filters.from ? dayBoundary(filters.from, tz) : undefined,
    to: filters.to ? dayBoundary(filters.to, tz, true) : undefined,
  });

  const entityTypes = Object.keys(AUDIT_ACTIONS);
  const actions = (filters.entity_type ? [filters.entity_type] : entityTypes).flatMap((entity) =>
    (AUDIT_ACTIONS[entity] ?? []).map((verb) => `${entity}.${verb}`),
  );
  const anyFilter = FILTER_KEYS.some((key) => filters[key]);

  const columns: ColumnsType<AuditEvent> = [
    {
      title: t('audit.column.time'),
      dataIndex: 'occurred_at',
      width: 170,
      render: (at: string) => <span className="tabular">{formatDateTimeSeconds(at, tz)}</span>,
    },
    {
      title: t('audit.column.actor'),
      key: 'actor',
      width: 140,
      render: (_, event) =>
        event.actor_kind === 'system' ? (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ) : (
          event.actor_name
        ),
    },
    {
      title: t('audit.column.action'),
      dataIndex: 'action',
      width: 150,
      render: (action: string) => <ActionTag action={action} />,
    },
    {
      title: t('audit.column.target'),
      key: 'target',
      width: 180,
      render: (_, event) => <Target event={event} lookups={lookups} />,
    },
    {
      title: t('audit.column.changes'),
      key: 'changes',
      render: (_, event) => (
        <ChangeDiff
          changes={event.changes}
          refs={event.refs}
          lookups={lookups}
          action={event.action}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.audit')} subtitle={t('audit.subtitle')} />
      <Card variant="borderless">
        <div className="filter-bar">
          <Select
            allowClear
            placeholder={t('audit.filter.entity')}
            value={filters.entity_type}
            onChange={(value?: string) =>
              setFilters({ entity_type: value, action: undefined, entity_id: undefined })
            }
            options={entityTypes.map((entity) => ({
              value: entity,
              label: entityLabel(t, entity),
            }))}
            style={{ width: 150 }}
            data-testid="audit-filter-entity"
          />
          <Select
            allowClear
            placeholder={t('audit.filter.action')}
            value={filters.action}
            onChange={(value?: string) => setFilters({ action: value })}
            options={actions.map((action) => ({ value: action, label: actionLabel(t, action) }))}
            style={{ width: 170 }}
            data-testid="audit-filter-action"
          />
          {can(me, 'user:read') && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('audit.filter.actor')}
              value={filters.actor_id}
              onChange={(value?: string) => setFilters({ actor_id: value })}
              options={(lookups.users ?? []).map((user) => ({
                value: user.id,
                label: `${user.display_name} (${user.username})`,
              }))}
              style={{ width: 200 }}
            />
          )}
          <DatePicker.RangePicker
            value={[
              filters.from ? dayjs(filters.from) : null,
              filters.to ? dayjs(filters.to) : null,
            ]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              setFilters({
                from: range?.[0]?.format('YYYY-MM-DD'),
                to: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
            style={{ width: 260 }}
            inputReadOnly={mobile}
          />
          {anyFilter && (
            <Button
              onClick={() =>
                setFilters(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])))
              }
            >
              {t('common.clearFilters')}
            </Button>
          )}
        </div>
        {filters.entity_id && (
          <div style={{ marginBottom: 12 }}>
            <Tag closable onClose={() => setFilters({ entity_id: undefined })}>
              {t('audit.filter.oneRecord')}
            </Tag>
          </div>
        )}
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : mobile ? (
          <div>
            {list.isLoading && <Card loading variant="borderless" />}
            {!list.isLoading && list.items.length === 0 && <Empty description={t('audit.empty')} />}
            {list.items.map((event) => (
              <div key={event.id} className="record-card" data-testid="audit-row">
                <div className="record-card-title">
                  <ActionTag action={event.action} />
                  <Typography.Text
                    type="secondary"
                    style={{ fontWeight: 400, fontSize: 12 }}
                    className="tabular"
                  >
                    {formatDateTimeSeconds(event.occurred_at, tz)}
                  </Typography.Text>
                </div>
                <dl className="record-card-meta">
                  <dt>{t('audit.column.actor')}</dt>
                  <dd>{event.actor_kind === 'system' ? t('audit.system') : event.actor_name}</dd>
                  <dt>{t('audit.column.target')}</dt>
                  <dd>
                    <Target event={event} lookups={lookups} />
                  </dd>
                </dl>
                <div style={{ marginTop: 8 }}>
                  <ChangeDiff
                    changes={event.changes}
                    refs={event.refs}
                    lookups={lookups}
                    action={event.action}
                  />
                </div>
              </div>
            ))}
            <ListFooter
              shown={list.items.length}
              hasMore={!!list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </div>
        ) : (
          <>
            <Table<AuditEvent>
              rowKey="id"
              columns={columns}
              dataSource={list.items}
              loading={list.isLoading}
              pagination={false}
              scroll={{ x: 980 }}
              locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
              onRow={() => ({ 'data-testid': 'audit-row' }) as React.HTMLAttributes<HTMLElement>}
            />
            <ListFooter
              shown={list.items.length}
              hasMore={!!list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </Card>
    </>
  );
}
