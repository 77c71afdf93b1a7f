// Everything that happened to the customer, newest first, a page at a time.
import { Button, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '@/app/session';
import { ErrorResult } from '@/components/Results';
import { formatDateTime } from '@/lib/format';
import { lookupName, useLookups } from '@/lib/lookups';
import { useTimeline } from './hooks';
import { describeTimelineEntry } from './timeline';

export function CustomerTimeline({ customerId }: { customerId: string }) {
  const me = useMe();
  const { t } = useTranslation();
  const list = useTimeline(customerId);
  const sources = useLookups('source');
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.isLoading && list.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />;
  }
  const system = t('audit.system');
  return (
    <div data-testid="timeline">
      <Timeline
        pending={list.isLoading ? t('common.loading') : undefined}
        items={list.items.map((entry) => {
          const text = describeTimelineEntry(t, entry, (key) =>
            lookupName(t, 'source', key, sources.data),
          );
          return {
            key: entry.id,
            color: text.tone,
            children: (
              <div className="timeline-entry" data-testid="timeline-entry" data-kind={entry.kind}>
                <div className="timeline-title">
                  {text.link ? <Link to={text.link}>{text.title}</Link> : text.title}
                </div>
                {text.detail && <div className="timeline-detail">{text.detail}</div>}
                <Typography.Text type="secondary" className="tabular" style={{ fontSize: 12 }}>
                  {formatDateTime(entry.occurred_at, me.dealer.time_zone)} ·{' '}
                  {entry.actor_name === 'system' ? system : entry.actor_name}
                </Typography.Text>
              </div>
            ),
          };
        })}
      />
      {list.hasNextPage && (
        <Button
          block
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          data-testid="timeline-more"
        >
          {t('list.loadMore')}
        </Button>
      )}
    </div>
  );
}
