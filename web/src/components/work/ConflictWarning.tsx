// Shown when a new time overlaps other activities of the same person (409 `schedule_conflict`):
// which ones, when, and a way to save anyway.
import { Alert, Button, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { formatDateTime } from '@/lib/format';
import { activityEnd, activityStart, KIND_COLORS, type Activity } from '@/lib/work';

export function ConflictWarning({
  conflicts,
  onSaveAnyway,
  onDismiss,
  saving,
}: {
  conflicts: Activity[];
  onSaveAnyway: () => void;
  onDismiss?: () => void;
  saving?: boolean;
}) {
  const { t } = useTranslation();
  const tz = useMe().dealer.time_zone;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="schedule-conflict"
      style={{ marginBottom: 16 }}
      message={t('work.conflict.title', { count: conflicts.length })}
      description={
        <>
          <List
            size="small"
            dataSource={conflicts}
            renderItem={(c) => (
              <List.Item style={{ paddingInline: 0 }} data-testid="conflict-item">
                <Space size={6} wrap>
                  <Tag color={KIND_COLORS[c.kind]}>{t(`work.kind.${c.kind}`)}</Tag>
                  <span>{c.subject}</span>
                  <span className="muted tabular">
                    {formatDateTime(activityStart(c), tz)}
                    {c.ends_at ? ` – ${formatDateTime(activityEnd(c), tz).slice(11)}` : ''}
                  </span>
                  <span className="muted">{c.owner.display_name}</span>
                </Space>
              </List.Item>
            )}
          />
          <Space wrap style={{ marginTop: 8 }}>
            <Button
              size="small"
              type="primary"
              danger
              loading={saving}
              onClick={onSaveAnyway}
              data-testid="save-anyway"
            >
              {t('work.conflict.saveAnyway')}
            </Button>
            {onDismiss && (
              <Button size="small" onClick={onDismiss}>
                {t('work.conflict.changeTime')}
              </Button>
            )}
          </Space>
        </>
      }
    />
  );
}
