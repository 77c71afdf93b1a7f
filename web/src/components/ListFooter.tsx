// Under a keyset-paginated list: how many are shown, and "load more" while more follow.
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

export function ListFooter({
  shown,
  hasMore,
  loading,
  onLoadMore,
}: {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
  const { t } = useTranslation();
  if (shown === 0) return null;
  return (
    <div className="list-footer">
      <span>
        {hasMore ? t('list.shownMore', { count: shown }) : t('list.shownAll', { count: shown })}
      </span>
      {hasMore && (
        <Button onClick={onLoadMore} loading={loading} data-testid="load-more">
          {t('list.loadMore')}
        </Button>
      )}
    </div>
  );
}
