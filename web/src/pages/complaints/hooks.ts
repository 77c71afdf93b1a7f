// The complaints API (投诉): the desk's list by keyset pages, the SLA board (refreshed every
// minute), one complaint with its steps, entering one, each step of its flow, and the care
// settings (working calendar, holidays, SLA targets).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { useKeysetList } from '@/lib/useKeysetList';
import type {
  CareSettingsPatch,
  ComplaintAssignment,
  ComplaintDetail,
  ComplaintNote,
  ComplaintResolution,
  ComplaintStatus,
  ComplaintVerification,
  NewComplaint,
  Severity,
} from './types';

export const COMPLAINTS_KEY = ['complaints'] as const;
export const CARE_SETTINGS_KEY = ['care', 'settings'] as const;

const PAGE_SIZE = 30;
/** How often the SLA board asks again. */
export const BOARD_REFRESH_MS = 60_000;

/** The desk's filters as the list endpoint takes them. */
export interface ComplaintQuery {
  status?: ComplaintStatus;
  open?: boolean;
  handler_id?: string;
  severity?: Severity;
  breached?: boolean;
}

export function useComplaintList(query: ComplaintQuery) {
  return useKeysetList([...COMPLAINTS_KEY, 'list', query], (cursor) =>
    unwrap(
      api.GET('/api/v1/complaints', {
        params: { query: { ...query, limit: PAGE_SIZE, cursor } },
      }),
    ),
  );
}

export function useSlaBoard() {
  return useQuery({
    queryKey: [...COMPLAINTS_KEY, 'board'],
    queryFn: () => unwrap(api.GET('/api/v1/complaints/board')),
    refetchInterval: BOARD_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}

export function useComplaint(id: string) {
  return useQuery({
    queryKey: [...COMPLAINTS_KEY, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/complaints/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });
}

export function useEnterComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewComplaint) => unwrap(api.POST('/api/v1/complaints', { body })),
    onSuccess: (detail) => {
      queryClient.setQueryData([...COMPLAINTS_KEY, 'detail', detail.complaint.id], detail);
      void queryClient.invalidateQueries({ queryKey: [...COMPLAINTS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...COMPLAINTS_KEY, 'board'] });
    },
  });
}

/** Every step's body, by the step it takes. */
export type StepInput =
  | { step: 'assign'; body: ComplaintAssignment }
  | { step: 'respond' | 'action' | 'wait' | 'resume' | 'reopen'; body: ComplaintNote }
  | { step: 'resolve'; body: ComplaintResolution }
  | { step: 'verify'; body: ComplaintVerification };

function sendStep(id: string, input: StepInput): Promise<ComplaintDetail> {
  const params = { path: { id } };
  switch (input.step) {
    case 'assign':
      return unwrap(api.POST('/api/v1/complaints/{id}/assign', { params, body: input.body }));
    case 'respond':
      return unwrap(api.POST('/api/v1/complaints/{id}/respond', { params, body: input.body }));
    case 'action':
      return unwrap(api.POST('/api/v1/complaints/{id}/actions', { params, body: input.body }));
    case 'wait':
      return unwrap(api.POST('/api/v1/complaints/{id}/wait', { params, body: input.body }));
    case 'resume':
      return unwrap(api.POST('/api/v1/complaints/{id}/resume', { params, body: input.body }));
    case 'reopen':
      return unwrap(api.POST('/api/v1/complaints/{id}/reopen', { params, body: input.body }));
    case 'resolve':
      return unwrap(api.POST('/api/v1/complaints/{id}/resolve', { params, body: input.body }));
    case 'verify':
      return unwrap(api.POST('/api/v1/complaints/{id}/verify', { params, body: input.body }));
  }
}

/** A step of one complaint's flow; the answer is the complaint as it now stands. */
export function useComplaintStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StepInput) => sendStep(id, input),
    onSuccess: (detail) => {
      queryClient.setQueryData([...COMPLAINTS_KEY, 'detail', id], detail);
      void queryClient.invalidateQueries({ queryKey: [...COMPLAINTS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...COMPLAINTS_KEY, 'board'] });
    },
  });
}

export function useCareSettings() {
  return useQuery({
    queryKey: CARE_SETTINGS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/care/settings')),
  });
}

export function useUpdateCareSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CareSettingsPatch) => unwrap(api.PATCH('/api/v1/care/settings', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(CARE_SETTINGS_KEY, saved);
      // Due instants follow the calendar and the targets.
      void queryClient.invalidateQueries({ queryKey: COMPLAINTS_KEY });
    },
  });
}
