// An activity's detail in a drawer over the calendar or my work (full width on a phone).
import { Drawer, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIsMobile } from '@/lib/useIsMobile';
import { useActivity } from '@/lib/work';
import { ActivityDetail } from './ActivityDetail';

export function ActivityDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const activity = useActivity(id);
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={mobile ? '100%' : 480}
      title={t('work.activity.title')}
      extra={id ? <Link to={`/activities/${id}`}>{t('work.activity.openPage')}</Link> : null}
      destroyOnHidden
    >
      {activity.data ? <ActivityDetail activity={activity.data} /> : <Skeleton active />}
    </Drawer>
  );
}
