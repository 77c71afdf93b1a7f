// The users API, as hooks for the users pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { NewUser, User, UserPatch, UserSort } from '@/api/types';
import { USERS_KEY } from '@/lib/users';
import { useKeysetList } from '@/lib/useKeysetList';

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
