// Whose calendar to show: one's own, or (for managers who read wider) a team's or a colleague's.
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { useTeams } from '@/lib/org';
import { can } from '@/lib/permissions';
import { useUserOptions } from '@/lib/users';

export function useWhoOptions() {
  const me = useMe();
  const { t } = useTranslation();
  const wide = can(me, 'activity:read', 'team');
  const teams = useTeams(wide && can(me, 'team:read'));
  const users = useUserOptions(wide && can(me, 'user:read'));
  const options = [{ value: 'me', label: t('work.calendar.mine') }];
  if (!wide) return { wide, options };
  const groups = [
    ...options,
    {
      label: t('work.calendar.teams'),
      options: (teams.data ?? []).map((team) => ({
        value: `team:${team.id}`,
        label: team.name,
      })),
    },
    {
      label: t('work.calendar.people'),
      options: (users.data?.items ?? [])
        .filter((u) => u.status === 'active' && u.id !== me.user.id)
        .map((u) => ({ value: `user:${u.id}`, label: u.display_name })),
    },
  ];
  return { wide, options: groups };
}
