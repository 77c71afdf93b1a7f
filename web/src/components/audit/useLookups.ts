// Names for what audit events mention that the server does not name (roles by key, the dealer's
// sources and lost reasons; users and teams for the filters), as far as the user may read them.
import { useMe } from '@/app/session';
import { useLookups as useDealerLookups } from '@/lib/lookups';
import { can } from '@/lib/permissions';
import { useRoles } from '@/lib/roles';
import { useDepartments, useTeams } from '@/lib/org';
import { useUserOptions } from '@/lib/users';
import type { Lookups } from './labels';

export function useLookups(): Lookups {
  const me = useMe();
  const users = useUserOptions(can(me, 'user:read'));
  const teams = useTeams(can(me, 'team:read'));
  const departments = useDepartments(can(me, 'department:read'));
  const roles = useRoles(can(me, 'role:read'));
  const sources = useDealerLookups('source');
  const lostReasons = useDealerLookups('lost_reason');
  return {
    users: users.data?.items,
    teams: teams.data,
    departments: departments.data,
    roles: roles.data,
    sources: sources.data,
    lostReasons: lostReasons.data,
    timeZone: me.dealer.time_zone,
  };
}
