// The latest changes of one record, on its detail page.
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { ChangeDiff } from './ChangeDiff';
import { useEntityHistory } from '@/lib/audit';
import { actionLabel } from './labels';
import { useLookups } from './useLookups';

export function EntityHistory({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t } = useTranslation();
  const history = useEntityHistory(entityType, entityId);
  const lookups = useLookups();
  if (history.isLoading)
    return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  const items = history.data?.items ?? [];
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />;
  return (
    <>
      <Timeline
        items={items.map((event) => ({
          key: event.id,
          children: (
            <div>
              <div>
                <strong>{actionLabel(t, event.action)}</strong>
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  {event.actor_kind === 'system' ? t('audit.system') : event.actor_name} ·{' '}
                  {formatDateTime(event.occurred_at, lookups.timeZone)}
                </Typography.Text>
              </div>
              {event.action.endsWith('.updated') && (
                <div style={{ marginTop: 4 }}>
                  <ChangeDiff
                    changes={event.changes}
                    refs={event.refs}
                    lookups={lookups}
                    action={event.action}
                  />
                </div>
              )}
            </div>
          ),
        }))}
      />
      <Link to={`/admin/audit?entity_type=${entityType}&entity_id=${entityId}`}>
        {t('audit.viewAll')}
      </Link>
    </>
  );
}
