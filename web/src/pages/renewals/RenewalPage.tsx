// One renewal (续保): the car, the customer to call, the policy being renewed, the calls and the
// insurers' quotes in order, and the actions of the agent (log a call, add a quote, record the
// result).
import { Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isNotFound } from '@/api/problem';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult, NotFoundResult } from '@/components/Results';
import { display, formatDateTime, formatMoney } from '@/lib/format';
import { PhoneLink } from './CallListPage';
import { statusColour, urgency, useRenewal } from './hooks';
import { RenewalActions } from './RenewalActions';

export default function RenewalPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id = '' } = useParams();
  const query = useRenewal(id);
  if (query.error) {
    return isNotFound(query.error) ? <NotFoundResult /> : <ErrorResult error={query.error} />;
  }
  if (!query.data) return <PageSpinner />;
  const { renewal, events } = query.data;
  const tz = me.dealer.time_zone;
  const calls = events.filter((e) => e.kind === 'call');
  const quotes = events.filter((e) => e.kind === 'quote');
  const policy = renewal.policy;

  return (
    <>
      <PageHeader
        title={`${t('renewals.title')} · ${renewal.customer?.name ?? ''}`}
        subtitle={
          renewal.car
            ? [renewal.car.plate, renewal.car.label].filter(Boolean).join(' · ')
            : undefined
        }
        extra={<RenewalActions detail={query.data} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            variant="borderless"
            title={t('renewals.card.renewal')}
            data-testid="renewal-summary"
          >
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('renewals.field.status')}>
                <Space wrap>
                  <Tag color={statusColour(renewal.status)}>
                    {t(`renewals.status.${renewal.status}`)}
                  </Tag>
                  {renewal.status === 'open' && (
                    <Tag color={urgency(renewal.days_left)}>
                      {renewal.days_left >= 0
                        ? t('renewals.daysLeft', { count: renewal.days_left })
                        : t('renewals.overdueDays', { count: -renewal.days_left })}
                    </Tag>
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('renewals.field.dueOn')}>
                {renewal.due_on}
              </Descriptions.Item>
              <Descriptions.Item label={t('renewals.field.customer')}>
                <Space direction="vertical" size={0}>
                  <span>{renewal.customer?.name}</span>
                  <PhoneLink renewal={renewal} />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('renewals.field.agent')}>
                {display(renewal.agent?.display_name)}
              </Descriptions.Item>
              {renewal.insurer && (
                <Descriptions.Item label={t('renewals.field.insurer')}>
                  {renewal.insurer}
                </Descriptions.Item>
              )}
              {renewal.lost_reason && (
                <Descriptions.Item label={t('renewals.field.lostReason')}>
                  {t(`renewals.lostReason.${renewal.lost_reason}`)}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('renewals.card.policy')}>
            {policy ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('renewals.field.kind')}>
                  {t(`renewals.kind.${policy.kind}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('renewals.field.insurer')}>
                  {policy.insurer}
                </Descriptions.Item>
                <Descriptions.Item label={t('renewals.field.policyNo')}>
                  {policy.policy_no}
                </Descriptions.Item>
                <Descriptions.Item label={t('renewals.field.premium')}>
                  <span className="tabular">{formatMoney(policy.premium_fen)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('renewals.field.cover')}>
                  {policy.starts_on} – {policy.ends_on}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('renewals.card.calls')} data-testid="renewal-calls">
            {calls.length === 0 ? (
              <Empty description={t('renewals.noCalls')} />
            ) : (
              <Timeline
                items={calls.map((c) => ({
                  key: c.id,
                  children: (
                    <>
                      <div>
                        <Tag>{t(`renewals.outcome.${c.outcome ?? 'no_answer'}`)}</Tag>
                        <span className="muted">
                          {formatDateTime(c.at, tz)} · {c.by?.display_name}
                        </span>
                      </div>
                      {c.notes && <div>{c.notes}</div>}
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('renewals.card.quotes')} data-testid="renewal-quotes">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={quotes}
              locale={{ emptyText: <Empty description={t('renewals.noQuotes')} /> }}
              columns={[
                { title: t('renewals.field.insurer'), dataIndex: 'insurer' },
                {
                  title: t('renewals.field.premium'),
                  dataIndex: 'premium_fen',
                  align: 'right',
                  render: (f: number | null) => <span className="tabular">{formatMoney(f)}</span>,
                },
                { title: t('renewals.field.notes'), dataIndex: 'notes', responsive: ['md'] },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
