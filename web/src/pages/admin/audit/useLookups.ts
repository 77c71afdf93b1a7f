// Names for the ids in audit events (users, teams, departments, roles), as far as the user may read them.
import { useMe } from '@/app/session';
import { can } from '@/lib/permissions';
import { useRoles } from '@/lib/roles';
import { useDepartments, useTeams } from '../org/hooks';
import { useUserOptions } from '../users/hooks';
import type { Lookups } from './labels';

export function useLookups(): Lookups {
  const me = useMe();
  const users = useUserOptions(can(me, 'user:read'));
  const teams = useTeams(can(me, 'team:read'));
  const departments = useDepartments(can(me, 'department:read'));
  const roles = useRoles(can(me, 'role:read'));
  return {
    users: users.data?.items,
    teams: teams.data,
    departments: departments.data,
    roles: roles.data,
    timeZone: me.dealer.time_zone,
  };
}
