// Approvals: requests waiting for my decision, my own requests, and (for those who see further)
// all requests within my scope; a new generic request (a discount, a refund, a reassignment).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { ListFooter } from '@/components/ListFooter';
import { PageHeader } from '@/components/PageHeader';
import { ApprovalDecision } from '@/components/work/ApprovalDecision';
import {
  ApprovalKindTag,
  ApprovalStatusTag,
  PayloadSummary,
} from '@/components/work/ApprovalSummary';
import '@/components/work/work.css';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { useKeysetList } from '@/lib/useKeysetList';
import {
  APPROVAL_STATUSES,
  WORK_KEY,
  type Approval,
  type ApprovalBox,
  type ApprovalStatus,
} from '@/lib/work';
import { NewApprovalModal } from './NewApprovalModal';

export default function ApprovalsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const tz = me.dealer.time_zone;
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const box = (params.get('box') as ApprovalBox | null) ?? 'waiting';
  const [status, setStatus] = useState<ApprovalStatus | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const seeAll = can(me, 'approval:read', 'team');
  const list = useKeysetList([...WORK_KEY, 'approvals', box, status ?? ''], (cursor) =>
    unwrap(
      api.GET('/api/v1/approvals', {
        params: { query: { box, status, cursor, limit: 30 } },
      }),
    ),
  );

  const tabs = [
    { key: 'waiting', label: t('work.approvals.box.waiting') },
    { key: 'mine', label: t('work.approvals.box.mine') },
    ...(seeAll ? [{ key: 'all', label: t('work.approvals.box.all') }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('work.approvals.title')}
        extra={
          can(me, 'approval:create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-approval"
            >
              {t('work.approvals.new')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <Tabs
          activeKey={box}
          items={tabs}
          onChange={(key) => {
            setParams({ box: key }, { replace: true });
            setStatus(undefined);
          }}
          tabBarExtraContent={
            box !== 'waiting' ? (
              <Select
                allowClear
                placeholder={t('work.approvals.anyStatus')}
                value={status}
                onChange={setStatus}
                style={{ width: mobile ? 110 : 140 }}
                options={APPROVAL_STATUSES.map((s) => ({
                  value: s,
                  label: t(`work.approvalStatus.${s}`),
                }))}
                data-testid="approval-status-filter"
              />
            ) : null
          }
        />
        {mobile ? (
          list.items.length === 0 && !list.isLoading ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.approvals.empty')} />
          ) : (
            <List
              loading={list.isLoading}
              dataSource={list.items}
              renderItem={(approval) => (
                <List.Item
                  style={{ paddingInline: 0, display: 'block' }}
                  data-testid="approval-row"
                >
                  <Space size={4} wrap>
                    <ApprovalKindTag kind={approval.kind} />
                    <ApprovalStatusTag approval={approval} />
                  </Space>
                  <div style={{ margin: '4px 0' }}>
                    <Link to={`/approvals/${approval.id}`}>{approval.title}</Link>
                  </div>
                  <div className="my-work-item-meta">
                    <span>{approval.requester.display_name}</span>
                    <span className="tabular">{formatDateTime(approval.created_at, tz)}</span>
                  </div>
                  <PayloadSummary
                    payload={approval.payload as Record<string, unknown>}
                    kind={approval.kind}
                  />
                  <div style={{ marginTop: 6 }}>
                    <ApprovalDecision approval={approval} compact />
                  </div>
                </List.Item>
              )}
            />
          )
        ) : (
          <Table<Approval>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={list.items}
            pagination={false}
            locale={{ emptyText: t('work.approvals.empty') }}
            onRow={() => ({ 'data-testid': 'approval-row' }) as object}
            columns={[
              {
                title: t('work.approvals.col.kind'),
                dataIndex: 'kind',
                width: 130,
                render: (kind: string) => <ApprovalKindTag kind={kind} />,
              },
              {
                title: t('work.approvals.col.title'),
                dataIndex: 'title',
                render: (title: string, approval) => (
                  <>
                    <Link to={`/approvals/${approval.id}`}>{title}</Link>
                    <div>
                      <PayloadSummary
                        payload={approval.payload as Record<string, unknown>}
                        kind={approval.kind}
                      />
                    </div>
                  </>
                ),
              },
              {
                title: t('work.approvals.col.requester'),
                width: 120,
                render: (_, approval) => approval.requester.display_name,
              },
              {
                title: t('work.approvals.col.createdAt'),
                width: 150,
                render: (_, approval) => (
                  <span className="tabular">{formatDateTime(approval.created_at, tz)}</span>
                ),
              },
              {
                title: t('work.approvals.col.status'),
                width: 100,
                render: (_, approval) => <ApprovalStatusTag approval={approval} />,
              },
              {
                title: t('common.actions'),
                width: 260,
                render: (_, approval) =>
                  approval.status === 'pending' ? (
                    <ApprovalDecision approval={approval} compact />
                  ) : (
                    <Typography.Text type="secondary">
                      {approval.decided_by?.display_name ?? ''}
                      {approval.comment ? ` · ${approval.comment}` : ''}
                    </Typography.Text>
                  ),
              },
            ]}
          />
        )}
        <ListFooter
          shown={list.items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </Card>
      <NewApprovalModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
