// The users API, as hooks for the users pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { NewUser, User, UserPatch, UserSort } from '@/api/types';
import { useKeysetList } from '@/lib/useKeysetList';

export const USERS_KEY = ['users'] as const;
const PAGE_SIZE = 30;

export interface UserFilters {
  q?: string;
  status?: string;
  role?: string;
  team_id?: string;
  sort?: string;
}

export function useUserList(filters: UserFilters) {
  return useKeysetList([...USERS_KEY, 'list', filters], async (cursor) =>
    unwrap(
      api.GET('/api/v1/users', {
        params: {
          query: {
            q: filters.q || undefined,
            status: (filters.status as User['status'] | undefined) || undefined,
            role: filters.role || undefined,
            team_id: filters.team_id || undefined,
            // The page offers only the sort orders the API lists.
            sort: (filters.sort as UserSort | undefined) || undefined,
            limit: PAGE_SIZE,
            cursor,
          },
        },
      }),
    ),
  );
}

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

export function useUser(id: string) {
  return useQuery({
    queryKey: [...USERS_KEY, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserPatch) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess: (user) => {
      queryClient.setQueryData([...USERS_KEY, 'detail', id], user);
      void queryClient.invalidateQueries({ queryKey: [...USERS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useResetPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      unwrap(
        api.POST('/api/v1/users/{id}/password-reset', {
          params: { path: { id } },
          body: { password },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}

export function useUnlockUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/users/{id}/unlock', { params: { path: { id } } })),
    onSuccess: (user) => {
      queryClient.setQueryData([...USERS_KEY, 'detail', id], user);
      void queryClient.invalidateQueries({ queryKey: [...USERS_KEY, 'list'] });
    },
  });
}

/** Whether the account is locked right now after failed logins. */
export function isLocked(user: Pick<User, 'locked_until'>, now: Date = new Date()): boolean {
  return !!user.locked_until && new Date(user.locked_until).getTime() > now.getTime();
}
