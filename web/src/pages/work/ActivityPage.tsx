// An activity on a page of its own: where notifications (reminders, alarms) lead.
import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isNotFound } from '@/api/problem';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult, NotFoundResult } from '@/components/Results';
import { ActivityDetail } from '@/components/work/ActivityDetail';
import '@/components/work/work.css';
import { useActivity } from '@/lib/work';

export default function ActivityPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const query = useActivity(id);
  if (query.error) {
    return isNotFound(query.error) ? (
      <NotFoundResult />
    ) : (
      <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  return (
    <>
      <PageHeader
        title={t('work.activity.title')}
        crumbs={[
          { title: t('work.myWork.title'), to: '/my-work' },
          { title: t('work.activity.title') },
        ]}
      />
      <Card variant="borderless" style={{ maxWidth: 720 }}>
        {query.data ? <ActivityDetail activity={query.data} /> : <Skeleton active />}
      </Card>
    </>
  );
}
