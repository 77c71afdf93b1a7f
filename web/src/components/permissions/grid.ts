// The permission catalog as a grid: resources down, actions across.
import type { Grant, Permission, PermissionInfo, Scope } from '@/api/types';

export interface PermissionGridModel {
  resources: string[];
  actions: string[];
  cell: (resource: string, action: string) => PermissionInfo | undefined;
}

export function buildGrid(catalog: readonly PermissionInfo[]): PermissionGridModel {
  const resources: string[] = [];
  const actions: string[] = [];
  const cells = new Map<string, PermissionInfo>();
  for (const info of catalog) {
    if (!resources.includes(info.resource)) resources.push(info.resource);
    if (!actions.includes(info.action)) actions.push(info.action);
    cells.set(`${info.resource}:${info.action}`, info);
  }
  return { resources, actions, cell: (resource, action) => cells.get(`${resource}:${action}`) };
}

/** The scope a grant list gives a permission, if any. */
export function grantedScope(grants: readonly Grant[], permission: Permission): Scope | undefined {
  return grants.find((grant) => grant.permission === permission)?.scope;
}

/** Sets (or with `null` removes) one permission's scope, keeping the catalog's order. */
export function withGrant(
  grants: readonly Grant[],
  permission: Permission,
  scope: Scope | null,
  catalog: readonly PermissionInfo[],
): Grant[] {
  const rest = grants.filter((grant) => grant.permission !== permission);
  const next = scope ? [...rest, { permission, scope }] : rest;
  const order = new Map(catalog.map((info, index) => [info.key, index]));
  return next.sort((a, b) => (order.get(a.permission) ?? 99) - (order.get(b.permission) ?? 99));
}
