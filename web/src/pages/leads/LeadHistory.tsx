// The lead's history, a tab each: grade changes, follow-ups, showroom visits, test drives and the
// opportunity.
import { ArrowRightOutlined, ArrowUpOutlined, StarFilled } from '@ant-design/icons';
import { Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Booking, FollowUp, GradeChange, Opportunity, Reception } from '@/api/types';
import { display, EMPTY, formatDate, formatDateTime, formatMoney, formatTime } from '@/lib/format';
import { GradeTag, stageName } from '@/lib/sales';

function Who({ by, at, tz }: { by?: { display_name: string } | null; at: string; tz: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
      {formatDateTime(at, tz)} · {by?.display_name ?? t('audit.system')}
    </Typography.Text>
  );
}

function nothing(text: string) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}

export function GradeHistory({ changes, tz }: { changes: GradeChange[]; tz: string }) {
  const { t } = useTranslation();
  if (changes.length === 0) return nothing(t('leads.history.none'));
  const newestFirst = [...changes].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      data-testid="grade-history"
      items={newestFirst.map((change, index) => ({
        key: `${change.at}-${index}`,
        color: change.upgrade ? 'green' : 'blue',
        children: (
          <div data-testid="grade-change">
            <Space size={6} wrap>
              {change.from && (
                <>
                  <GradeTag grade={change.from} />
                  <ArrowRightOutlined className="muted" />
                </>
              )}
              <GradeTag grade={change.to} />
              {change.upgrade && (
                <Tag color="success" icon={<ArrowUpOutlined />} data-testid="upgrade-mark">
                  {t('leads.history.upgrade')}
                </Tag>
              )}
              <span>{t(`leads.origin.${change.origin}`, { defaultValue: change.origin })}</span>
            </Space>
            <div>
              <Who by={change.by} at={change.at} tz={tz} />
            </div>
          </div>
        ),
      }))}
    />
  );
}

export function FollowUps({ items, tz }: { items: FollowUp[]; tz: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return nothing(t('leads.followUp.none'));
  return (
    <Timeline
      data-testid="follow-ups"
      items={items.map((item) => ({
        key: item.id,
        children: (
          <div data-testid="follow-up">
            <Space size={6} wrap>
              <Tag>{t(`sales.channel.${item.channel}`)}</Tag>
              {item.grade_before !== item.grade_after ? (
                <>
                  <GradeTag grade={item.grade_before} />
                  <ArrowRightOutlined className="muted" />
                  <GradeTag grade={item.grade_after} />
                </>
              ) : (
                <GradeTag grade={item.grade_after} />
              )}
            </Space>
            <div className="pre-line follow-up-summary">{item.summary}</div>
            {item.next_step && (
              <div className="muted">
                {t('leads.followUp.nextStep')}：{item.next_step}
                {item.next_follow_up_at && ` · ${formatDateTime(item.next_follow_up_at, tz)}`}
              </div>
            )}
            <Who by={item.by} at={item.at} tz={tz} />
          </div>
        ),
      }))}
    />
  );
}

export function Visits({ items, tz }: { items: Reception[]; tz: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return nothing(t('leads.visits.none'));
  return (
    <div data-testid="visits">
      {items.map((visit) => (
        <div className="history-item" key={visit.id} data-testid="visit">
          <Space size={6} wrap>
            <strong className="tabular">
              {formatDate(visit.arrived_at, tz)} {formatTime(visit.arrived_at, tz)}
              {visit.left_at ? `–${formatTime(visit.left_at, tz)}` : ''}
            </strong>
            <GradeTag grade={visit.grade} />
            {visit.first_visit && <Tag color="blue">{t('leads.visits.first')}</Tag>}
            {visit.test_drive && <Tag color="green">{t('leads.visits.testDrive')}</Tag>}
          </Space>
          <Descriptions size="small" column={1} className="history-meta">
            <Descriptions.Item label={t('reception.field.partySize')}>
              {t('leads.visits.party', { count: visit.party_size })}
              {visit.companions.length > 0 &&
                ` · ${visit.companions
                  .map((c) => c.name || t(`customers.relation.${c.relation}`))
                  .join('、')}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('reception.field.models')}>
              {visit.models.length > 0 ? visit.models.map((m) => m.name).join('、') : EMPTY}
            </Descriptions.Item>
            {visit.notes && (
              <Descriptions.Item label={t('reception.field.notes')}>
                {visit.notes}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('reception.field.consultant')}>
              {display(visit.consultant?.display_name)}
            </Descriptions.Item>
          </Descriptions>
        </div>
      ))}
    </div>
  );
}

export function TestDrives({ items, tz }: { items: Booking[]; tz: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return nothing(t('leads.testDrives.none'));
  return (
    <div data-testid="lead-test-drives">
      {items.map((booking) => (
        <div className="history-item" key={booking.id} data-testid="lead-test-drive">
          <Space size={6} wrap>
            <strong className="tabular">
              {formatDate(booking.starts_at, tz)} {formatTime(booking.starts_at, tz)}–
              {formatTime(booking.ends_at, tz)}
            </strong>
            <span>{booking.car.label}</span>
            <Tag>{t(`testDrives.status.${booking.status}`)}</Tag>
          </Space>
          {booking.feedback && (
            <div className="muted">
              <StarFilled style={{ color: '#faad14' }} /> {booking.feedback.rating}/5
              {booking.feedback.liked &&
                ` · ${t('testDrives.feedback.liked')}：${booking.feedback.liked}`}
              {booking.feedback.concerns &&
                ` · ${t('testDrives.feedback.concerns')}：${booking.feedback.concerns}`}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

export function OpportunitySummary({
  opportunity,
  tz,
}: {
  opportunity: Opportunity | null | undefined;
  tz: string;
}) {
  const { t } = useTranslation();
  if (!opportunity) return nothing(t('leads.opportunity.none'));
  return (
    <Descriptions size="small" column={1} data-testid="lead-opportunity">
      <Descriptions.Item label={t('pipeline.field.stage')}>
        <Space size={6}>
          <Tag color="blue">{stageName(t, opportunity.stage)}</Tag>
          <span className="muted">{opportunity.stage.probability}%</span>
          <Link to="/opportunities">{t('leads.opportunity.onBoard')}</Link>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('pipeline.field.amount')}>
        <span className="tabular">{formatMoney(opportunity.amount_fen)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('pipeline.field.weighted')}>
        <span className="tabular">{formatMoney(opportunity.weighted_fen)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('pipeline.field.expectedOn')}>
        <span className="tabular">{display(opportunity.expected_on)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('pipeline.field.competitors')}>
        {opportunity.competitors.length > 0 ? opportunity.competitors.join('、') : EMPTY}
      </Descriptions.Item>
      <Descriptions.Item label={t('pipeline.field.stageSince')}>
        <span className="tabular">{formatDateTime(opportunity.stage_changed_at, tz)}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}
