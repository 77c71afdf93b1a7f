// Users as other pages need them: for pickers of a person (owner, team leader, audit actor).
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

export const USERS_KEY = ['users'] as const;

/** Users for pickers (team leader, audit actor): the first 200 by name. */
export function useUserOptions(enabled = true) {
  return useQuery({
    queryKey: [...USERS_KEY, 'options'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200, sort: 'display_name' } } })),
    enabled,
    staleTime: 60_000,
  });
}
