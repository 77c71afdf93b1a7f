// The audit log API.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { useKeysetList } from '@/lib/useKeysetList';

export const AUDIT_KEY = ['audit'] as const;

export interface AuditFilters {
  entity_type?: string;
  entity_id?: string;
  actor_id?: string;
  action?: string;
  /** RFC 3339 instants. */
  from?: string;
  to?: string;
}

export function useAuditList(filters: AuditFilters) {
  return useKeysetList([...AUDIT_KEY, 'list', filters], (cursor) =>
    unwrap(
      api.GET('/api/v1/audit-events', {
        params: { query: { ...filters, limit: 30, cursor } },
      }),
    ),
  );
}

/** The latest events of one record, for its detail page. */
export function useEntityHistory(entityType: string, entityId: string, limit = 8) {
  return useQuery({
    queryKey: [...AUDIT_KEY, 'entity', entityType, entityId, limit],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/audit-events', {
          params: { query: { entity_type: entityType, entity_id: entityId, limit } },
        }),
      ),
  });
}

/** Entity types and the verbs recorded for them, for the filters and the labels. */
export const AUDIT_ACTIONS: Record<string, readonly string[]> = {
  user: [
    'created',
    'updated',
    'password_reset',
    'password_changed',
    'logged_in',
    'locked',
    'unlocked',
  ],
  role: ['created', 'updated', 'deleted'],
  team: ['created', 'updated', 'deleted'],
  department: ['created', 'updated', 'deleted'],
  dealer: ['created', 'updated'],
  api_token: ['created', 'revoked'],
  customer: [
    'created',
    'updated',
    'imported',
    'deleted',
    'owner_changed',
    'consent_changed',
    'tag_added',
    'merged',
    'merged_into',
    'id_number_revealed',
    'exported',
  ],
  vehicle: ['created', 'updated', 'mileage_recorded'],
  import: ['uploaded', 'completed'],
  catalog: ['published'],
  catalog_brand: ['created', 'updated', 'deleted'],
  catalog_series: ['created', 'updated', 'deleted'],
  catalog_model: ['created', 'updated', 'deleted'],
  lookup: ['created', 'updated'],
  lead: [
    'created',
    'updated',
    'assigned',
    'followed_up',
    'intake',
    'lost_requested',
    'lost',
    'lost_refused',
    'reopened',
  ],
  reception: ['created'],
  opportunity: ['created', 'updated', 'stage_changed'],
  pipeline_stage: ['created', 'updated'],
  test_drive: ['created', 'updated', 'done'],
  test_drive_car: ['created', 'updated'],
  sales_settings: ['created', 'updated', 'assignment_rules_replaced'],
};
