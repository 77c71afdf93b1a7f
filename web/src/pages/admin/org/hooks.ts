// Changing the teams and departments of the current dealer (reading them: `@/lib/org`).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Department, Team } from '@/api/types';
import { DEPARTMENTS_KEY, TEAMS_KEY } from '@/lib/org';

export interface TeamInput {
  name: string;
  department_id?: string | null;
  leader_id?: string | null;
}

export function useSaveTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ team, input }: { team?: Team; input: TeamInput }) =>
      team
        ? unwrap(
            api.PATCH('/api/v1/teams/{id}', {
              params: { path: { id: team.id } },
              body: {
                version: team.version,
                name: input.name,
                department_id: input.department_id ?? null,
                leader_id: input.leader_id ?? null,
              },
            }),
          )
        : unwrap(
            api.POST('/api/v1/teams', {
              body: {
                name: input.name,
                department_id: input.department_id ?? null,
                leader_id: input.leader_id ?? null,
              },
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEAMS_KEY }),
  });
}

export function useDeleteTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (team: Team) =>
      unwrap(api.DELETE('/api/v1/teams/{id}', { params: { path: { id: team.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEAMS_KEY }),
  });
}

export function useSaveDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ department, name }: { department?: Department; name: string }) =>
      department
        ? unwrap(
            api.PATCH('/api/v1/departments/{id}', {
              params: { path: { id: department.id } },
              body: { version: department.version, name },
            }),
          )
        : unwrap(api.POST('/api/v1/departments', { body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEPARTMENTS_KEY }),
  });
}

export function useDeleteDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (department: Department) =>
      unwrap(api.DELETE('/api/v1/departments/{id}', { params: { path: { id: department.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEPARTMENTS_KEY }),
  });
}
