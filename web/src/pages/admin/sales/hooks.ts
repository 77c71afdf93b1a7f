// The dealer's sales settings: cadence, stagnation, loss approval, assignment, the model-line
// rules and the pipeline stages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { AssignmentRule, NewStage, SalesSettingsPatch, StagePatch } from '@/api/types';
import { STAGES_KEY } from '@/lib/sales';

export const SALES_SETTINGS_KEY = ['sales-settings'] as const;

export function useSalesSettings() {
  return useQuery({
    queryKey: SALES_SETTINGS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/sales/settings')),
  });
}

export function useUpdateSalesSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SalesSettingsPatch) =>
      unwrap(
        api.PATCH('/api/v1/sales/settings', {
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(SALES_SETTINGS_KEY, saved);
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useAssignmentRules() {
  return useQuery({
    queryKey: [...SALES_SETTINGS_KEY, 'rules'],
    queryFn: () => unwrap(api.GET('/api/v1/sales/assignment-rules')),
  });
}

export function useSaveAssignmentRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: AssignmentRule[]) =>
      unwrap(api.PUT('/api/v1/sales/assignment-rules', { body: { rules } })),
    onSuccess: (saved) => {
      queryClient.setQueryData([...SALES_SETTINGS_KEY, 'rules'], saved);
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useSaveStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; patch: StagePatch } | { create: NewStage }) =>
      'patch' in input
        ? unwrap(
            api.PATCH('/api/v1/pipeline-stages/{id}', {
              params: { path: { id: input.id } },
              body: input.patch,
            }),
          )
        : unwrap(api.POST('/api/v1/pipeline-stages', { body: input.create })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: STAGES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['opportunities'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
