// One approval request: its type, who asked and when, what it is about (with a link), the
// details, the decision — and the decision buttons while it waits.
import { Card, Descriptions, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult, NotFoundResult } from '@/components/Results';
import { ApprovalDecision } from '@/components/work/ApprovalDecision';
import {
  ApprovalKindTag,
  ApprovalStatusTag,
  PayloadSummary,
} from '@/components/work/ApprovalSummary';
import '@/components/work/work.css';
import { isNotFound } from '@/api/problem';
import { EMPTY, formatDateTime } from '@/lib/format';
import { refLink, useApproval } from '@/lib/work';

export default function ApprovalDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const tz = useMe().dealer.time_zone;
  const query = useApproval(id);
  if (query.error) {
    return isNotFound(query.error) ? (
      <NotFoundResult />
    ) : (
      <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  const approval = query.data;
  const link = approval ? refLink(approval.ref_type, approval.ref_id) : null;
  return (
    <>
      <PageHeader
        title={approval?.title ?? t('work.approvals.title')}
        crumbs={[
          { title: t('work.approvals.title'), to: '/approvals' },
          { title: t('work.approvals.detail') },
        ]}
      />
      <Card variant="borderless" data-testid="approval-detail">
        {!approval ? (
          <Skeleton active />
        ) : (
          <>
            <Descriptions column={1} size="small" styles={{ label: { width: 110 } }}>
              <Descriptions.Item label={t('work.approvals.col.kind')}>
                <ApprovalKindTag kind={approval.kind} />
              </Descriptions.Item>
              <Descriptions.Item label={t('work.approvals.col.status')}>
                <ApprovalStatusTag approval={approval} />
              </Descriptions.Item>
              <Descriptions.Item label={t('work.approvals.col.requester')}>
                {approval.requester.display_name}
              </Descriptions.Item>
              <Descriptions.Item label={t('work.approvals.col.createdAt')}>
                {formatDateTime(approval.created_at, tz)}
              </Descriptions.Item>
              <Descriptions.Item label={t('work.field.reference')}>
                {approval.ref_type ? (
                  link ? (
                    <Link to={link}>
                      {t(`work.ref.${approval.ref_type}`, { defaultValue: approval.ref_type })}
                    </Link>
                  ) : (
                    t(`work.ref.${approval.ref_type}`, { defaultValue: approval.ref_type })
                  )
                ) : (
                  EMPTY
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('work.approvals.details')}>
                <PayloadSummary
                  payload={approval.payload as Record<string, unknown>}
                  kind={approval.kind}
                />
              </Descriptions.Item>
              {approval.decided_by && (
                <Descriptions.Item label={t('work.approvals.decidedBy')}>
                  {approval.decided_by.display_name} ·{' '}
                  <span className="tabular">{formatDateTime(approval.decided_at, tz)}</span>
                </Descriptions.Item>
              )}
              {approval.comment && (
                <Descriptions.Item label={t('work.approvals.comment')}>
                  <span className="pre-wrap">{approval.comment}</span>
                </Descriptions.Item>
              )}
            </Descriptions>
            <div style={{ marginTop: 16, maxWidth: 520 }}>
              <ApprovalDecision approval={approval} />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
