// One activity: what, when, who, for whom, and what can be done with it — complete (with the
// outcome), cancel (a pushed task asks the manager first), reschedule. A follow-up task of a
// lead is closed by logging the follow-up on the lead, so it links there instead.
import { CheckOutlined, ClockCircleOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { ButtonProps } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { EMPTY, formatDateTime } from '@/lib/format';
import {
  activityConflicts,
  fromWallClock,
  KIND_COLORS,
  refLink,
  useRefreshWork,
  wallClock,
  type Activity,
  type ActivityPatch,
} from '@/lib/work';
import { ConflictWarning } from './ConflictWarning';

export function ActivityStatusTag({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  if (activity.overdue) {
    return (
      <Tag color="red" data-testid="activity-overdue">
        {t('work.status.overdue')}
      </Tag>
    );
  }
  const color =
    activity.status === 'done' ? 'green' : activity.status === 'cancelled' ? 'default' : 'blue';
  return <Tag color={color}>{t(`work.status.${activity.status}`)}</Tag>;
}

function CompleteModal({
  activity,
  open,
  onClose,
}: {
  activity: Activity;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [outcome, setOutcome] = useState('');
  const [saving, setSaving] = useState(false);
  const onError = useApiErrorHandler();
  const refresh = useRefreshWork();
  const submit = async () => {
    setSaving(true);
    try {
      await unwrap(
        api.POST('/api/v1/activities/{id}/complete', {
          params: { path: { id: activity.id } },
          body: { version: activity.version, outcome: outcome.trim() || null },
        }),
      );
      void message.success(t('work.activity.completed'));
      void refresh();
      onClose();
    } catch (error) {
      onError(error, { onConflict: () => void message.warning(t('work.staleReloaded')) });
      void refresh();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('work.activity.complete')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('work.activity.markDone')}
      okButtonProps={{ loading: saving, 'data-testid': 'complete-confirm' } as ButtonProps}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('work.field.outcome')}>
          <Input.TextArea
            rows={3}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            placeholder={t('work.activity.outcomePlaceholder')}
            data-testid="complete-outcome"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CancelModal({
  activity,
  open,
  onClose,
}: {
  activity: Activity;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const onError = useApiErrorHandler();
  const refresh = useRefreshWork();
  const needsReason = activity.cancel_needs_approval;
  const submit = async () => {
    setSaving(true);
    try {
      const updated = await unwrap(
        api.POST('/api/v1/activities/{id}/cancel', {
          params: { path: { id: activity.id } },
          body: { version: activity.version, reason: reason.trim() || null },
        }),
      );
      if (updated.status === 'cancelled') void message.success(t('work.activity.cancelled'));
      else void message.info(t('work.activity.cancelRequested'));
      void refresh();
      onClose();
    } catch (error) {
      onError(error, { onConflict: () => void message.warning(t('work.staleReloaded')) });
      void refresh();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('work.activity.cancel')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={
        activity.cancel_needs_approval
          ? t('work.activity.requestCancel')
          : t('work.activity.confirmCancel')
      }
      okButtonProps={
        {
          danger: true,
          loading: saving,
          disabled: needsReason && reason.trim() === '',
          'data-testid': 'cancel-confirm',
        } as ButtonProps
      }
      cancelText={t('common.back')}
      destroyOnHidden
    >
      {activity.cancel_needs_approval && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('work.activity.cancelNeedsApproval')}
        />
      )}
      <Form layout="vertical">
        <Form.Item
          label={t('work.field.reason')}
          required={needsReason}
          help={needsReason ? t('work.activity.reasonForManager') : undefined}
        >
          <Input.TextArea
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="cancel-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RescheduleModal({
  activity,
  open,
  onClose,
}: {
  activity: Activity;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tz = useMe().dealer.time_zone;
  const timed = !!activity.starts_at;
  const [start, setStart] = useState<dayjs.Dayjs | null>(() =>
    wallClock(activity.starts_at ?? activity.due_at, tz),
  );
  const [end, setEnd] = useState<dayjs.Dayjs | null>(() => wallClock(activity.ends_at, tz));
  const [conflicts, setConflicts] = useState<Activity[] | null>(null);
  const [saving, setSaving] = useState(false);
  const onError = useApiErrorHandler();
  const refresh = useRefreshWork();
  const submit = async (allowOverlap: boolean) => {
    if (!start || (timed && (!end || !end.isAfter(start)))) {
      void message.error(t('work.validation.endAfterStart'));
      return;
    }
    const body: ActivityPatch = timed
      ? {
          version: activity.version,
          starts_at: fromWallClock(start, tz),
          ends_at: end ? fromWallClock(end, tz) : null,
          allow_overlap: allowOverlap,
        }
      : {
          version: activity.version,
          due_at: fromWallClock(start, tz),
          allow_overlap: allowOverlap,
        };
    setSaving(true);
    try {
      await unwrap(
        api.PATCH('/api/v1/activities/{id}', { params: { path: { id: activity.id } }, body }),
      );
      void message.success(t('work.activity.rescheduled'));
      setConflicts(null);
      void refresh();
      onClose();
    } catch (error) {
      const found = activityConflicts(error);
      if (found) setConflicts(found);
      else {
        onError(error, { onConflict: () => void message.warning(t('work.staleReloaded')) });
        void refresh();
      }
    } finally {
      setSaving(false);
    }
  };
  const picker = (value: dayjs.Dayjs | null, set: (v: dayjs.Dayjs | null) => void, id: string) => (
    <DatePicker
      showTime={{ format: 'HH:mm', minuteStep: 5 }}
      format="YYYY-MM-DD HH:mm"
      value={value}
      onChange={(v) => {
        set(v);
        setConflicts(null);
      }}
      style={{ width: '100%' }}
      data-testid={id}
    />
  );
  return (
    <Modal
      open={open}
      title={t('work.activity.reschedule')}
      onCancel={onClose}
      onOk={() => void submit(false)}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'reschedule-save' } as ButtonProps}
      destroyOnHidden
    >
      {conflicts && (
        <ConflictWarning
          conflicts={conflicts}
          saving={saving}
          onSaveAnyway={() => void submit(true)}
          onDismiss={() => setConflicts(null)}
        />
      )}
      <Form layout="vertical">
        <Form.Item label={timed ? t('work.field.startsAt') : t('work.field.dueAt')}>
          {picker(start, setStart, 'reschedule-start')}
        </Form.Item>
        {timed && (
          <Form.Item label={t('work.field.endsAt')}>
            {picker(end, setEnd, 'reschedule-end')}
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ActivityDetail({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const me = useMe();
  const tz = me.dealer.time_zone;
  const [dialog, setDialog] = useState<'complete' | 'cancel' | 'reschedule' | null>(null);
  const planned = activity.status === 'planned';
  const link = refLink(activity.ref_type, activity.ref_id);
  // A test drive's calendar entry moves and ends with its booking, never on its own.
  const followsRecord = activity.completion_locked && !activity.cancel_needs_approval;
  const mayChange = planned && !activity.pending_approval_id && !followsRecord;

  return (
    <div data-testid="activity-detail">
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={KIND_COLORS[activity.kind]}>{t(`work.kind.${activity.kind}`)}</Tag>
        <ActivityStatusTag activity={activity} />
        {activity.pending_approval_id && (
          <Link to={`/approvals/${activity.pending_approval_id}`}>
            <Tag color="gold">{t('work.activity.cancelPending')}</Tag>
          </Link>
        )}
      </Space>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="activity-subject-title">
        {activity.subject}
      </Typography.Title>
      <Descriptions column={1} size="small" styles={{ label: { width: 110 } }}>
        {activity.starts_at ? (
          <Descriptions.Item label={t('work.field.when')}>
            <span className="tabular" data-testid="activity-when">
              {formatDateTime(activity.starts_at, tz)}
              {activity.ends_at ? ` – ${formatDateTime(activity.ends_at, tz)}` : ''}
            </span>
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label={t('work.field.dueAt')}>
            <span
              className={activity.overdue ? 'tabular work-overdue' : 'tabular'}
              data-testid="activity-when"
            >
              {formatDateTime(activity.due_at, tz)}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('work.field.customer')}>
          {activity.customer_id ? (
            <Link to={`/customers/${activity.customer_id}`}>
              {activity.customer_name ?? t('work.field.customer')}
            </Link>
          ) : (
            EMPTY
          )}
        </Descriptions.Item>
        {activity.ref_type && (
          <Descriptions.Item label={t('work.field.reference')}>
            {link ? (
              <Link to={link}>
                {t(`work.ref.${activity.ref_type}`, { defaultValue: activity.ref_type })}
              </Link>
            ) : (
              t(`work.ref.${activity.ref_type}`, { defaultValue: activity.ref_type })
            )}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('work.field.owner')}>
          {activity.owner.display_name}
        </Descriptions.Item>
        {activity.participants.length > 0 && (
          <Descriptions.Item label={t('work.field.participants')}>
            {activity.participants.map((p) => p.display_name).join('、')}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('work.field.remind')}>
          {activity.remind_minutes_before != null
            ? t('work.minutesBefore', { count: activity.remind_minutes_before })
            : EMPTY}
        </Descriptions.Item>
        {activity.notes && (
          <Descriptions.Item label={t('work.field.notes')}>
            <span className="pre-wrap">{activity.notes}</span>
          </Descriptions.Item>
        )}
        {activity.outcome && (
          <Descriptions.Item label={t('work.field.outcome')}>{activity.outcome}</Descriptions.Item>
        )}
        {activity.completed_at && (
          <Descriptions.Item label={t('work.field.completedAt')}>
            {formatDateTime(activity.completed_at, tz)}
          </Descriptions.Item>
        )}
        {activity.cancelled_at && (
          <Descriptions.Item label={t('work.field.cancelledAt')}>
            {formatDateTime(activity.cancelled_at, tz)}
          </Descriptions.Item>
        )}
      </Descriptions>
      {planned && activity.completion_locked && (
        <Alert
          type="info"
          showIcon
          style={{ margin: '12px 0' }}
          message={t(
            followsRecord ? 'work.activity.followsRecordHint' : 'work.activity.lockedHint',
          )}
          data-testid="activity-locked-hint"
          action={
            link ? (
              <Link to={link} data-testid="activity-open-ref">
                <Button size="small" type="primary">
                  {t(followsRecord ? 'work.activity.openRecord' : 'work.activity.logFollowUp')}
                </Button>
              </Link>
            ) : undefined
          }
        />
      )}
      {mayChange && (
        <Space wrap style={{ marginTop: 12 }}>
          {!activity.completion_locked && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => setDialog('complete')}
              data-testid="activity-complete"
            >
              {t('work.activity.complete')}
            </Button>
          )}
          <Button
            icon={<ClockCircleOutlined />}
            onClick={() => setDialog('reschedule')}
            data-testid="activity-reschedule"
          >
            {t('work.activity.reschedule')}
          </Button>
          <Button
            danger
            icon={<StopOutlined />}
            onClick={() => setDialog('cancel')}
            data-testid="activity-cancel"
          >
            {t('work.activity.cancel')}
          </Button>
        </Space>
      )}
      {dialog === 'complete' && (
        <CompleteModal activity={activity} open onClose={() => setDialog(null)} />
      )}
      {dialog === 'cancel' && (
        <CancelModal activity={activity} open onClose={() => setDialog(null)} />
      )}
      {dialog === 'reschedule' && (
        <RescheduleModal activity={activity} open onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
