// Outbound messages (e-mail, SMS, WeChat): status, channel, recipient (phones masked), the text
// sent, and — opened — each delivery attempt with its result.
import {
  Card,
  Descriptions,
  Drawer,
  Empty,
  List,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { ListFooter } from '@/components/ListFooter';
import { PageHeader } from '@/components/PageHeader';
import '@/components/work/work.css';
import { EMPTY, formatDateTime, formatDateTimeSeconds } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import { useKeysetList } from '@/lib/useKeysetList';
import {
  MESSAGE_CHANNELS,
  MESSAGE_STATUS_COLORS,
  MESSAGE_STATUSES,
  vocab,
  WORK_KEY,
  type MessageChannel,
  type MessageStatus,
  type OutboundMessage,
} from '@/lib/work';

function MessageDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const tz = useMe().dealer.time_zone;
  const mobile = useIsMobile();
  const query = useQuery({
    queryKey: [...WORK_KEY, 'message', id],
    queryFn: () => unwrap(api.GET('/api/v1/messages/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
  const m = query.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={mobile ? '100%' : 520}
      title={t('work.messages.detail')}
      destroyOnHidden
    >
      {!m ? (
        <Skeleton active />
      ) : (
        <div data-testid="message-detail">
          <Descriptions column={1} size="small" styles={{ label: { width: 100 } }}>
            <Descriptions.Item label={t('work.messages.col.status')}>
              <Tag color={MESSAGE_STATUS_COLORS[m.status]}>
                {t(`work.messageStatus.${m.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('work.messages.col.channel')}>
              {t(`work.channel.${m.channel}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('work.messages.col.recipient')}>
              {m.recipient}
            </Descriptions.Item>
            {m.customer_id && (
              <Descriptions.Item label={t('work.field.customer')}>
                <Link to={`/customers/${m.customer_id}`}>{t('work.messages.openCustomer')}</Link>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('work.messages.col.template')}>
              {vocab(t, 'work.templateKey', m.template_key.replace(/\./g, '_'))} · {m.locale}
            </Descriptions.Item>
            {m.subject && (
              <Descriptions.Item label={t('work.templates.subject')}>{m.subject}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('work.templates.body')}>
              <span className="pre-wrap">{m.body}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('work.messages.col.sentAt')}>
              {formatDateTime(m.sent_at, tz)}
            </Descriptions.Item>
            {m.last_error && (
              <Descriptions.Item label={t('work.jobs.col.error')}>
                <span className="work-overdue">{m.last_error}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          <h4 style={{ marginTop: 16 }}>{t('work.messages.deliveries')}</h4>
          {(m.deliveries ?? []).length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('work.messages.noDeliveries')}
            />
          ) : (
            <Timeline
              items={(m.deliveries ?? []).map((d) => ({
                color: d.result === 'accepted' ? 'green' : d.result === 'started' ? 'blue' : 'red',
                children: (
                  <div data-testid="delivery">
                    <strong>
                      #{d.attempt} {vocab(t, 'work.deliveryResult', d.result)}
                    </strong>
                    <div className="muted tabular" style={{ fontSize: 12 }}>
                      {formatDateTimeSeconds(d.started_at, tz)}
                      {d.finished_at ? ` → ${formatDateTimeSeconds(d.finished_at, tz)}` : ''}
                    </div>
                    {d.provider_message_id && (
                      <div className="muted" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                        {d.provider_message_id}
                      </div>
                    )}
                    {d.error && <div className="work-overdue">{d.error}</div>}
                  </div>
                ),
              }))}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}

export default function MessagesPage() {
  const { t } = useTranslation();
  const tz = useMe().dealer.time_zone;
  const mobile = useIsMobile();
  const [status, setStatus] = useState<MessageStatus | undefined>();
  const [channel, setChannel] = useState<MessageChannel | undefined>();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useKeysetList([...WORK_KEY, 'messages', status ?? '', channel ?? ''], (cursor) =>
    unwrap(
      api.GET('/api/v1/messages', { params: { query: { status, channel, cursor, limit: 50 } } }),
    ),
  );
  const statusTag = (s: MessageStatus) => (
    <Tag color={MESSAGE_STATUS_COLORS[s]}>{t(`work.messageStatus.${s}`)}</Tag>
  );

  return (
    <>
      <PageHeader title={t('work.messages.title')} subtitle={t('work.messages.subtitle')} />
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('work.messages.anyStatus')}
            value={status}
            onChange={setStatus}
            style={{ width: 140 }}
            options={MESSAGE_STATUSES.map((s) => ({
              value: s,
              label: t(`work.messageStatus.${s}`),
            }))}
          />
          <Select
            allowClear
            placeholder={t('work.messages.anyChannel')}
            value={channel}
            onChange={setChannel}
            style={{ width: 140 }}
            options={MESSAGE_CHANNELS.map((c) => ({ value: c, label: t(`work.channel.${c}`) }))}
          />
        </Space>
        {mobile ? (
          list.items.length === 0 && !list.isLoading ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.messages.empty')} />
          ) : (
            <List
              loading={list.isLoading}
              dataSource={list.items}
              renderItem={(m) => (
                <List.Item
                  style={{ paddingInline: 0, display: 'block', cursor: 'pointer' }}
                  onClick={() => setOpenId(m.id)}
                  data-testid="message-row"
                >
                  <Space wrap size={4}>
                    {statusTag(m.status)}
                    <Tag>{t(`work.channel.${m.channel}`)}</Tag>
                    <span>{m.recipient}</span>
                  </Space>
                  <div className="my-work-item-subject">{m.subject ?? m.body}</div>
                  <div className="my-work-item-meta tabular">
                    {formatDateTime(m.created_at, tz)}
                  </div>
                </List.Item>
              )}
            />
          )
        ) : (
          <Table<OutboundMessage>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={list.items}
            pagination={false}
            locale={{ emptyText: t('work.messages.empty') }}
            onRow={(m) =>
              ({
                onClick: () => setOpenId(m.id),
                style: { cursor: 'pointer' },
                'data-testid': 'message-row',
              }) as object
            }
            columns={[
              {
                title: t('work.messages.col.createdAt'),
                width: 150,
                render: (_, m) => (
                  <span className="tabular">{formatDateTime(m.created_at, tz)}</span>
                ),
              },
              {
                title: t('work.messages.col.channel'),
                width: 90,
                render: (_, m) => t(`work.channel.${m.channel}`),
              },
              { title: t('work.messages.col.recipient'), width: 180, dataIndex: 'recipient' },
              {
                title: t('work.messages.col.content'),
                render: (_, m) => (
                  <div style={{ maxWidth: 420 }} className="my-work-item-subject">
                    {m.subject ?? m.body}
                  </div>
                ),
              },
              {
                title: t('work.messages.col.status'),
                width: 100,
                render: (_, m) => statusTag(m.status),
              },
              {
                title: t('work.jobs.attempts'),
                width: 80,
                render: (_, m) => <span className="tabular">{m.attempts}</span>,
              },
              {
                title: t('work.messages.col.sentAt'),
                width: 150,
                render: (_, m) => (
                  <span className="tabular">
                    {m.sent_at ? formatDateTime(m.sent_at, tz) : EMPTY}
                  </span>
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
      <MessageDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
