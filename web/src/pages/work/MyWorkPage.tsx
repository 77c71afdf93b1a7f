// My work, the consultant's home: what is late (red), what is due today, the appointments of
// the coming week, approvals waiting for me (decided right here) and unread notifications.
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ActivityDrawer } from '@/components/work/ActivityDrawer';
import { ActivityFormModal } from '@/components/work/ActivityFormModal';
import { ActivityRow } from '@/components/work/ActivityRow';
import { ApprovalDecision } from '@/components/work/ApprovalDecision';
import { ApprovalKindTag, PayloadSummary } from '@/components/work/ApprovalSummary';
import '@/components/work/work.css';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useMyWork, type Activity } from '@/lib/work';

function ActivityList({
  items,
  empty,
  onOpen,
  testId,
}: {
  items: Activity[];
  empty: string;
  onOpen: (id: string) => void;
  testId: string;
}) {
  if (items.length === 0) {
    return (
      <div className="muted my-work-empty" data-testid={`${testId}-empty`}>
        {empty}
      </div>
    );
  }
  return (
    <List
      size="small"
      dataSource={items}
      data-testid={testId}
      renderItem={(activity) => (
        <List.Item style={{ paddingInline: 0 }}>
          <ActivityRow activity={activity} onOpen={onOpen} />
        </List.Item>
      )}
    />
  );
}

export default function MyWorkPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const tz = me.dealer.time_zone;
  const work = useMyWork();
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const data = work.data;
  const mayWrite = can(me, 'activity:write');
  const mayDecide = can(me, 'approval:decide');

  return (
    <>
      <PageHeader
        title={t('work.myWork.title')}
        subtitle={t('work.myWork.subtitle')}
        extra={
          <Space wrap>
            <Link to="/calendar">
              <Button icon={<CalendarOutlined />}>{t('work.calendar.title')}</Button>
            </Link>
            {mayWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="new-activity"
              >
                {t('work.activity.new')}
              </Button>
            )}
          </Space>
        }
      />
      {!data ? (
        <Card variant="borderless">
          <Skeleton active />
        </Card>
      ) : (
        <>
          <Row gutter={[8, 8]} style={{ marginBottom: 16 }}>
            {[
              { key: 'overdue', value: data.overdue.length, alert: data.overdue.length > 0 },
              { key: 'today', value: data.today.length },
              { key: 'upcoming', value: data.upcoming.length },
              {
                key: 'approvals',
                value: data.approvals_waiting,
                alert: data.approvals_waiting > 0,
              },
            ].map((c) => (
              <Col key={c.key} xs={6}>
                <div
                  className={c.alert ? 'my-work-count alert' : 'my-work-count'}
                  data-testid={`count-${c.key}`}
                >
                  <strong className="tabular">{c.value}</strong>
                  <span>{t(`work.myWork.count.${c.key}`)}</span>
                </div>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Card
                  title={<span className="work-overdue">{t('work.myWork.overdue')}</span>}
                  variant="borderless"
                  size="small"
                  data-testid="section-overdue"
                >
                  <ActivityList
                    items={data.overdue}
                    empty={t('work.myWork.noOverdue')}
                    onOpen={setOpenId}
                    testId="overdue-list"
                  />
                </Card>
                <Card
                  title={t('work.myWork.today')}
                  variant="borderless"
                  size="small"
                  data-testid="section-today"
                >
                  <ActivityList
                    items={data.today}
                    empty={t('work.myWork.noToday')}
                    onOpen={setOpenId}
                    testId="today-list"
                  />
                </Card>
                <Card
                  title={t('work.myWork.upcoming')}
                  variant="borderless"
                  size="small"
                  extra={<Link to="/calendar">{t('work.myWork.openCalendar')}</Link>}
                  data-testid="section-upcoming"
                >
                  <ActivityList
                    items={data.upcoming}
                    empty={t('work.myWork.noUpcoming')}
                    onOpen={setOpenId}
                    testId="upcoming-list"
                  />
                </Card>
              </Space>
            </Col>
            <Col xs={24} xl={10}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                {(mayDecide || data.approvals.length > 0) && (
                  <Card
                    title={t('work.myWork.approvals')}
                    variant="borderless"
                    size="small"
                    extra={<Link to="/approvals">{t('work.myWork.allApprovals')}</Link>}
                    data-testid="section-approvals"
                  >
                    {data.approvals.length === 0 ? (
                      <Empty
                        image={Empty.PRESENTED_IMAGE_SIMPLE}
                        description={t('work.myWork.noApprovals')}
                      />
                    ) : (
                      data.approvals.map((approval) => (
                        <Card
                          key={approval.id}
                          size="small"
                          className="approval-card"
                          data-testid="waiting-approval"
                        >
                          <Space size={4} wrap style={{ marginBottom: 4 }}>
                            <ApprovalKindTag kind={approval.kind} />
                            <Link to={`/approvals/${approval.id}`}>{approval.title}</Link>
                          </Space>
                          <div className="my-work-item-meta" style={{ marginBottom: 4 }}>
                            <span>{approval.requester.display_name}</span>
                            <span className="tabular">
                              {formatDateTime(approval.created_at, tz)}
                            </span>
                          </div>
                          <PayloadSummary
                            payload={approval.payload as Record<string, unknown>}
                            kind={approval.kind}
                          />
                          <div style={{ marginTop: 8 }}>
                            <ApprovalDecision approval={approval} compact />
                          </div>
                        </Card>
                      ))
                    )}
                  </Card>
                )}
                <Card
                  title={t('work.myWork.notifications', { count: data.unread_notifications })}
                  variant="borderless"
                  size="small"
                  data-testid="section-notifications"
                >
                  {data.notifications.length === 0 ? (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={t('work.bell.empty')}
                    />
                  ) : (
                    <List
                      size="small"
                      dataSource={data.notifications}
                      renderItem={(notice) => {
                        const text = notice;
                        return (
                          <List.Item
                            style={{
                              paddingInline: 0,
                              cursor: notice.link ? 'pointer' : undefined,
                            }}
                            onClick={() => notice.link && navigate(notice.link)}
                          >
                            <div style={{ minWidth: 0 }}>
                              <Typography.Text strong={!notice.read_at}>
                                {text.title}
                              </Typography.Text>
                              <div className="my-work-item-meta">
                                <span>{text.body}</span>
                                <span className="tabular">
                                  {formatDateTime(notice.created_at, tz)}
                                </span>
                              </div>
                            </div>
                          </List.Item>
                        );
                      }}
                    />
                  )}
                </Card>
              </Space>
            </Col>
          </Row>
        </>
      )}
      <ActivityDrawer id={openId} onClose={() => setOpenId(null)} />
      <ActivityFormModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
