import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '@/api/types';
import { isLocked } from './hooks';

/** Active, disabled, or locked after failed logins. */
export function UserStatusTag({ user }: { user: Pick<User, 'status' | 'locked_until'> }) {
  const { t } = useTranslation();
  if (user.status === 'disabled') return <Tag>{t('users.status.disabled')}</Tag>;
  if (isLocked(user)) return <Tag color="orange">{t('users.status.locked')}</Tag>;
  return <Tag color="green">{t('users.status.active')}</Tag>;
}
