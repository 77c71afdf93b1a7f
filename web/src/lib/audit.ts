// The audit log API: the log itself and the latest events of one record.
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
