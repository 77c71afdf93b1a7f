// One lead: who, what they want, how warm (grade), who works it and when to call next; the
// actions of its state (follow up, assign, lost → approval, reopen, opportunity, test drive);
// and its history.
import {
  CarOutlined,
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  FundProjectionScreenOutlined,
  MessageOutlined,
  RedoOutlined,
  StopOutlined,
  UserSwitchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Col, Descriptions, Row, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isNotFound } from '@/api/problem';
import type { Lead, LeadDetail } from '@/api/types';
import { useMe } from '@/app/session';
import { ConflictAlert } from '@/components/ConflictAlert';
import { MaskedText } from '@/components/MaskedText';
import { OpportunityQuotes, QuoteButton } from '@/components/deal/OpportunityQuotes';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult, NotFoundResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { display, EMPTY, formatDate, formatDateTime, formatMoney } from '@/lib/format';
import { lookupName, useLookups } from '@/lib/lookups';
import { can } from '@/lib/permissions';
import { FollowUpDue, GradeTag, LeadStatusTag } from '@/lib/sales';
import { useIsMobile } from '@/lib/useIsMobile';
import { AssignModal } from './AssignModal';
import { FollowUpDrawer } from './FollowUpDrawer';
import { useAssignLead, useDecideLoss, useLead } from './hooks';
import { FollowUps, GradeHistory, OpportunitySummary, TestDrives, Visits } from './LeadHistory';
import { LeadEditModal, LostModal, OpportunityModal, ReopenModal } from './LeadModals';

export default function LeadDetailPage() {
  const { id = '' } = useParams();
  const query = useLead(id);
  const { t } = useTranslation();
  if (query.isLoading) return <PageSpinner />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFoundResult title={t('leads.notFound')} />;
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return <NotFoundResult title={t('leads.notFound')} />;
  return <LeadView detail={query.data} reload={() => void query.refetch()} />;
}

type Dialog = 'followUp' | 'assign' | 'lost' | 'reopen' | 'opportunity' | 'edit' | null;

function budget(lead: Lead): string {
  const { budget_min_fen: min, budget_max_fen: max } = lead;
  if (min == null && max == null) return EMPTY;
  if (min != null && max != null) return `${formatMoney(min)} – ${formatMoney(max)}`;
  return formatMoney(min ?? max);
}

function LeadView({ detail, reload }: { detail: LeadDetail; reload: () => void }) {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const sources = useLookups('source');
  const reasons = useLookups('lost_reason');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [conflict, setConflict] = useState(false);
  const assign = useAssignLead(detail.lead.id);
  const decide = useDecideLoss(detail.lead.id);
  const handleError = useApiErrorHandler();
  const { lead } = detail;
  const tz = me.dealer.time_zone;
  const close = () => setDialog(null);
  const onConflict = () => setConflict(true);

  const isOpen = lead.status === 'open';
  const canUpdate = can(me, 'lead:update');
  const canAssign = can(me, 'lead:assign');
  const decidesLosses = can(me, 'lead:assign', 'dealer');

  const decideLoss = (approve: boolean) =>
    decide.mutate(
      { version: lead.version, approve },
      {
        onSuccess: () =>
          void message.success(approve ? t('leads.lost.approved') : t('leads.lost.refused')),
        onError: (error) => handleError(error, { onConflict }),
      },
    );

  const actions = (
    <div className="lead-actions">
      {isOpen && canUpdate && (
        <Button
          type="primary"
          icon={<MessageOutlined />}
          onClick={() => setDialog('followUp')}
          data-testid="log-follow-up"
        >
          {t('leads.action.followUp')}
        </Button>
      )}
      {isOpen && can(me, 'test_drive:book') && (
        <Button
          icon={<CarOutlined />}
          onClick={() =>
            navigate(
              `/test-drives?book=1&customer=${lead.customer.id}&lead=${lead.id}&name=${encodeURIComponent(lead.customer.name)}`,
            )
          }
          data-testid="book-test-drive"
        >
          {t('leads.action.testDrive')}
        </Button>
      )}
      {isOpen && !detail.opportunity && can(me, 'opportunity:update') && (
        <Button
          icon={<FundProjectionScreenOutlined />}
          onClick={() => setDialog('opportunity')}
          data-testid="open-opportunity"
        >
          {t('leads.action.opportunity')}
        </Button>
      )}
      {isOpen && detail.opportunity && <QuoteButton opportunityId={detail.opportunity.id} />}
      {canAssign && (isOpen || lead.status === 'lost_pending') && (
        <Button
          icon={<UserSwitchOutlined />}
          onClick={() => setDialog('assign')}
          data-testid="assign-lead"
        >
          {t('leads.action.assign')}
        </Button>
      )}
      {isOpen && canUpdate && (
        <Button
          danger
          icon={<StopOutlined />}
          onClick={() => setDialog('lost')}
          data-testid="mark-lost"
        >
          {t('leads.action.lost')}
        </Button>
      )}
      {lead.status === 'lost' && canUpdate && (
        <Button icon={<RedoOutlined />} onClick={() => setDialog('reopen')} data-testid="reopen">
          {t('leads.action.reopen')}
        </Button>
      )}
    </div>
  );

  const lostReason = lead.lost?.reason
    ? lookupName(t, 'lost_reason', lead.lost.reason, reasons.data)
    : EMPTY;
  const competitor = [lead.lost?.competitor_brand, lead.lost?.competitor_model]
    .filter(Boolean)
    .join(' ');

  return (
    <>
      <PageHeader
        title={
          <Space size={10} wrap>
            <span data-testid="lead-name">{lead.customer.name}</span>
            <GradeTag grade={lead.grade} long testId="lead-grade" />
            <LeadStatusTag status={lead.status} testId="lead-status" />
            {lead.stagnant_since && (
              <Tag color="warning" icon={<WarningOutlined />} data-testid="lead-stagnant">
                {t('leads.stagnantSince', { date: formatDate(lead.stagnant_since, tz) })}
              </Tag>
            )}
          </Space>
        }
        subtitle={[
          lead.owner
            ? t('leads.ownedBy', { name: lead.owner.display_name })
            : lead.pool
              ? t('sales.pool.marketing')
              : t('sales.unassigned'),
          lead.car?.name,
          t('leads.createdOn', { at: formatDateTime(lead.created_at, tz) }),
        ]
          .filter(Boolean)
          .join(' · ')}
        crumbs={[{ title: t('nav.leads'), to: '/leads' }, { title: lead.customer.name }]}
        extra={mobile ? undefined : actions}
      />
      {mobile && actions}
      {conflict && (
        <ConflictAlert
          onReload={() => {
            setConflict(false);
            reload();
          }}
        />
      )}
      {lead.status === 'lost_pending' && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          data-testid="lost-pending"
          message={t('leads.lost.pendingTitle')}
          description={t('leads.lost.pendingText', {
            reason: lostReason,
            competitor: competitor || EMPTY,
          })}
          action={
            decidesLosses && (
              <Space direction={mobile ? 'vertical' : 'horizontal'}>
                <Button
                  type="primary"
                  danger
                  icon={<CheckOutlined />}
                  loading={decide.isPending && decide.variables?.approve === true}
                  onClick={() => decideLoss(true)}
                  data-testid="approve-loss"
                >
                  {t('leads.lost.approve')}
                </Button>
                <Button
                  icon={<CloseOutlined />}
                  loading={decide.isPending && decide.variables?.approve === false}
                  onClick={() => decideLoss(false)}
                  data-testid="refuse-loss"
                >
                  {t('leads.lost.refuse')}
                </Button>
              </Space>
            )
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card
            title={t('leads.card.summary')}
            variant="borderless"
            style={{ marginBottom: 16 }}
            extra={
              canUpdate &&
              lead.status !== 'won' && (
                <Button
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => setDialog('edit')}
                  data-testid="edit-lead"
                >
                  {t('common.edit')}
                </Button>
              )
            }
          >
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: mobile ? 96 : 110 } }}
              data-testid="lead-summary"
            >
              <Descriptions.Item label={t('leads.field.nextFollowUp')}>
                <FollowUpDue
                  at={lead.next_follow_up_at}
                  overdue={lead.follow_up_overdue}
                  timeZone={tz}
                  testId="lead-next-follow-up"
                />
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.field.lastContact')}>
                <span className="tabular">{formatDateTime(lead.last_contact_at, tz)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.field.customer')}>
                <Space size={8} wrap>
                  {can(me, 'customer:read') ? (
                    <Link to={`/customers/${lead.customer.id}`}>{lead.customer.name}</Link>
                  ) : (
                    lead.customer.name
                  )}
                  <MaskedText value={lead.customer.phone} kind="phone" />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.field.car')}>
                {display(lead.car?.name)}
              </Descriptions.Item>
              {lead.models_considered.length > 1 && (
                <Descriptions.Item label={t('leads.field.modelsConsidered')}>
                  <span data-testid="lead-models-considered">
                    {lead.models_considered.map((m) => m.name).join('、')}
                  </span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('leads.field.budget')}>
                <span className="tabular">{budget(lead)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.field.timeframe')}>
                {lead.timeframe ? t(`sales.timeframe.${lead.timeframe}`) : EMPTY}
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.field.payment')}>
                {lead.payment ? t(`sales.payment.${lead.payment}`) : EMPTY}
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.field.tradeIn')}>
                {lead.trade_in
                  ? [t('common.yes'), lead.trade_in_note].filter(Boolean).join(' · ')
                  : t('common.no')}
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.field.source')}>
                {lookupName(t, 'source', lead.source, sources.data) || EMPTY}
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.field.gradedAt')}>
                <span className="tabular">{formatDateTime(lead.graded_at, tz)}</span>
              </Descriptions.Item>
              {lead.notes && (
                <Descriptions.Item label={t('leads.field.notes')}>
                  <span className="pre-line">{lead.notes}</span>
                </Descriptions.Item>
              )}
              {lead.lost && (lead.status === 'lost' || lead.status === 'lost_pending') && (
                <>
                  <Descriptions.Item label={t('leads.lost.reason')}>
                    <span data-testid="lost-reason-shown">{lostReason}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('leads.lost.competitor')}>
                    {competitor || EMPTY}
                  </Descriptions.Item>
                  {lead.lost.note && (
                    <Descriptions.Item label={t('leads.lost.note')}>
                      {lead.lost.note}
                    </Descriptions.Item>
                  )}
                </>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card variant="borderless" className="lead-tabs-card">
            <Tabs
              data-testid="lead-tabs"
              items={[
                {
                  key: 'grades',
                  label: t('leads.tab.grades'),
                  children: <GradeHistory changes={detail.grade_history} tz={tz} />,
                },
                {
                  key: 'followUps',
                  label: (
                    <span>
                      {t('leads.tab.followUps')}{' '}
                      <Badge count={detail.follow_ups.length} showZero={false} color="#8a93a6" />
                    </span>
                  ),
                  children: <FollowUps items={detail.follow_ups} tz={tz} />,
                },
                {
                  key: 'visits',
                  label: t('leads.tab.visits'),
                  children: <Visits items={detail.receptions} tz={tz} />,
                },
                {
                  key: 'testDrives',
                  label: t('leads.tab.testDrives'),
                  children: <TestDrives items={detail.test_drives} tz={tz} />,
                },
                {
                  key: 'opportunity',
                  label: t('leads.tab.opportunity'),
                  children: <OpportunitySummary opportunity={detail.opportunity} tz={tz} />,
                },
                ...(detail.opportunity && can(me, 'quote:read')
                  ? [
                      {
                        key: 'quotes',
                        label: t('quotes.tab'),
                        children: <OpportunityQuotes opportunityId={detail.opportunity.id} />,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      <FollowUpDrawer
        lead={lead}
        open={dialog === 'followUp'}
        onClose={close}
        onConflict={onConflict}
      />
      <LostModal lead={lead} open={dialog === 'lost'} onClose={close} onConflict={onConflict} />
      <LeadEditModal lead={lead} open={dialog === 'edit'} onClose={close} onConflict={onConflict} />
      <ReopenModal lead={lead} open={dialog === 'reopen'} onClose={close} onConflict={onConflict} />
      <OpportunityModal
        lead={lead}
        open={dialog === 'opportunity'}
        onClose={close}
        onOpened={() => undefined}
      />
      <AssignModal
        open={dialog === 'assign'}
        title={t('leads.assign.title', { name: lead.customer.name })}
        pending={assign.isPending}
        currentOwner={lead.owner?.id}
        onCancel={close}
        onAssign={(choice) =>
          assign.mutate(
            { version: lead.version, ...choice },
            {
              onSuccess: () => {
                void message.success(t('leads.assign.done'));
                close();
              },
              onError: (error) =>
                handleError(error, {
                  onConflict: () => {
                    close();
                    onConflict();
                  },
                }),
            },
          )
        }
      />
    </>
  );
}
