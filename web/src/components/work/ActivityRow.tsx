// One activity in a list (my work): kind, subject, time, customer; red when overdue; a tap on
// the text opens it, the check button completes it at once (a lead's follow-up task opens the
// lead instead, where the follow-up is logged).
import { CheckOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { formatDateTime } from '@/lib/format';
import { activityStart, KIND_COLORS, refLink, useRefreshWork, type Activity } from '@/lib/work';

export function ActivityRow({
  activity,
  onOpen,
}: {
  activity: Activity;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const tz = useMe().dealer.time_zone;
  const [busy, setBusy] = useState(false);
  const onError = useApiErrorHandler();
  const refresh = useRefreshWork();
  const link = refLink(activity.ref_type, activity.ref_id);
  const planned = activity.status === 'planned';

  const complete = async () => {
    if (activity.completion_locked) {
      if (link) navigate(link);
      else onOpen(activity.id);
      return;
    }
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/v1/activities/{id}/complete', {
          params: { path: { id: activity.id } },
          body: { version: activity.version },
        }),
      );
      void message.success(t('work.activity.completed'));
    } catch (error) {
      onError(error, { onConflict: () => void message.warning(t('work.staleReloaded')) });
    } finally {
      setBusy(false);
      void refresh();
    }
  };

  return (
    <div
      className={activity.overdue ? 'my-work-item overdue' : 'my-work-item'}
      data-testid="work-activity"
      data-activity-id={activity.id}
      data-overdue={activity.overdue ? 'true' : 'false'}
    >
      <div
        className="my-work-item-main"
        role="button"
        tabIndex={0}
        onClick={() => onOpen(activity.id)}
        onKeyDown={(e) => e.key === 'Enter' && onOpen(activity.id)}
      >
        <div className="my-work-item-subject">
          <Tag color={KIND_COLORS[activity.kind]} style={{ marginInlineEnd: 6 }}>
            {t(`work.kind.${activity.kind}`)}
          </Tag>
          {activity.subject}
        </div>
        <div className="my-work-item-meta">
          <span className="my-work-item-when tabular">
            {formatDateTime(activityStart(activity), tz)}
            {activity.overdue && ` · ${t('work.status.overdue')}`}
          </span>
          {activity.customer_name && <span>{activity.customer_name}</span>}
          {activity.pending_approval_id && <span>{t('work.activity.cancelPending')}</span>}
        </div>
      </div>
      {planned && (
        <Tooltip
          title={
            activity.completion_locked
              ? t('work.activity.logFollowUp')
              : t('work.activity.markDone')
          }
        >
          <Button
            shape="circle"
            icon={activity.completion_locked ? <RightOutlined /> : <CheckOutlined />}
            loading={busy}
            onClick={() => void complete()}
            aria-label={
              activity.completion_locked
                ? t('work.activity.logFollowUp')
                : t('work.activity.markDone')
            }
            data-testid="work-activity-complete"
          />
        </Tooltip>
      )}
    </div>
  );
}
