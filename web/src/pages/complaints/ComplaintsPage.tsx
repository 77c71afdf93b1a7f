// The complaint desk (投诉): the complaints the reader reaches, newest first, filtered by open
// or all, status, severity, breached and mine, a page at a time ("load more"); cards on a
// phone. Whoever may enter complaints records a new one from here.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { ListFooter } from '@/components/ListFooter';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { can } from '@/lib/permissions';
import { useUrlFilters } from '@/lib/useUrlFilters';
import { ComplaintFilters, complaintQuery, FILTER_KEYS } from './ComplaintFilters';
import { ComplaintList } from './ComplaintList';
import { useComplaintList } from './hooks';
import { NewComplaintDrawer } from './NewComplaintDrawer';

export default function ComplaintsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const [entering, setEntering] = useState(false);
  const query = useMemo(() => complaintQuery(filters, me.user.id), [filters, me.user.id]);
  const list = useComplaintList(query);

  return (
    <>
      <PageHeader
        title={t('complaints.nav.desk')}
        subtitle={t('complaints.subtitle')}
        extra={
          can(me, 'complaint:enter') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEntering(true)}
              data-testid="complaint-new"
            >
              {t('complaints.new')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <ComplaintFilters filters={filters} onChange={setFilters} />
        {list.error ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ComplaintList
            items={list.items}
            loading={list.isLoading}
            timeZone={me.dealer.time_zone}
            empty={t('complaints.empty')}
            testId="complaint-list"
            footer={
              <ListFooter
                shown={list.items.length}
                hasMore={!!list.hasNextPage}
                loading={list.isFetchingNextPage}
                onLoadMore={() => void list.fetchNextPage()}
              />
            }
          />
        )}
      </Card>
      {entering && <NewComplaintDrawer onClose={() => setEntering(false)} />}
    </>
  );
}
