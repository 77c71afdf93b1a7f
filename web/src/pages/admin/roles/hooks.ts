// Reading one role and changing roles (the list and the permission catalog: `@/lib/roles`).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Grant, Role } from '@/api/types';
import { ROLES_KEY } from '@/lib/roles';

export function useRole(key: string | undefined) {
  return useQuery({
    queryKey: [...ROLES_KEY, 'detail', key],
    queryFn: () => unwrap(api.GET('/api/v1/roles/{key}', { params: { path: { key: key ?? '' } } })),
    enabled: !!key,
  });
}

export interface RoleInput {
  key: string;
  name: string;
  description?: string | null;
  grants: Grant[];
}

export function useSaveRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ role, input }: { role?: Role; input: RoleInput }) =>
      role
        ? unwrap(
            api.PATCH('/api/v1/roles/{key}', {
              params: { path: { key: role.key } },
              body: {
                version: role.version ?? 0,
                name: input.name,
                description: input.description ?? null,
                grants: input.grants,
              },
            }),
          )
        : unwrap(
            api.POST('/api/v1/roles', {
              body: {
                key: input.key,
                name: input.name,
                description: input.description ?? null,
                grants: input.grants,
              },
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROLES_KEY }),
  });
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (role: Role) =>
      unwrap(api.DELETE('/api/v1/roles/{key}', { params: { path: { key: role.key } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROLES_KEY }),
  });
}
