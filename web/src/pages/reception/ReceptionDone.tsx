// What registering a visit did, said truthfully: the lead (grade, owner, next call), or — when
// the customer already has a colleague as consultant (撞单) — whose customer it is and that
// they were told; and when the visit withdrew a loss waiting for approval, that too.
import {
  CheckCircleFilled,
  InfoCircleFilled,
  RightOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReceptionOutcome } from '@/api/types';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/lib/format';
import { GradeTag } from '@/lib/sales';
import { useIsMobile } from '@/lib/useIsMobile';

export function ReceptionDone({
  outcome,
  onAnother,
}: {
  outcome: ReceptionOutcome;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const tz = me.dealer.time_zone;
  const { lead, existing_consultant: colleague } = outcome;
  const name = lead?.customer.name ?? outcome.reception.customer.name;
  const subTitle = colleague
    ? t('reception.done.colleaguesCustomer', { consultant: colleague.display_name })
    : outcome.lead_created
      ? t('reception.done.newLead')
      : t('reception.done.existingLead');
  const another = (
    <Button
      size="large"
      block={mobile}
      icon={<UserAddOutlined />}
      onClick={onAnother}
      data-testid="done-next"
    >
      {t('reception.done.another')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('nav.reception')} />
      <Card variant="borderless" className="reception-done" data-testid="reception-done">
        <Result
          icon={
            colleague ? (
              <InfoCircleFilled style={{ color: '#d48806' }} />
            ) : (
              <CheckCircleFilled style={{ color: '#389e0d' }} />
            )
          }
          title={t('reception.done.title', { name })}
          subTitle={<span data-testid="done-summary">{subTitle}</span>}
          extra={
            <div className="reception-done-body">
              {outcome.loss_withdrawn && (
                <Alert
                  type="info"
                  showIcon
                  className="reception-done-alert"
                  message={t('reception.done.lossWithdrawn')}
                  data-testid="done-loss-withdrawn"
                />
              )}
              {lead && (
                <dl className="record-card-meta reception-done-meta">
                  <dt>{t('leads.field.grade')}</dt>
                  <dd>
                    <GradeTag grade={lead.grade} long testId="done-grade" />
                  </dd>
                  <dt>{t('leads.field.owner')}</dt>
                  <dd>{lead.owner?.display_name ?? t('sales.unassigned')}</dd>
                  <dt>{t('leads.field.nextFollowUp')}</dt>
                  <dd className="tabular" data-testid="done-next-follow-up">
                    {formatDateTime(lead.next_follow_up_at, tz)}
                  </dd>
                </dl>
              )}
              <Space direction={mobile ? 'vertical' : 'horizontal'} style={{ width: '100%' }}>
                {lead && (
                  <Link to={`/leads/${lead.id}`} data-testid="done-open-lead">
                    <Button type="primary" size="large" block={mobile} icon={<RightOutlined />}>
                      {t('reception.done.openLead')}
                    </Button>
                  </Link>
                )}
                {another}
              </Space>
            </div>
          }
        />
      </Card>
    </>
  );
}
