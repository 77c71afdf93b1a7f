// Teams and departments of the current dealer, for filters and pickers.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

export const TEAMS_KEY = ['teams'] as const;
export const DEPARTMENTS_KEY = ['departments'] as const;

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: TEAMS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/teams')),
    enabled,
    staleTime: 60_000,
  });
}

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: DEPARTMENTS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/departments')),
    enabled,
    staleTime: 60_000,
  });
}
