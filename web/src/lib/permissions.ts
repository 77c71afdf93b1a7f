// What the signed-in user may do, for showing only the actions they can take. The server enforces
// every permission itself; hiding is a convenience, never the protection.
import type { Grant, Me, Permission, Scope } from '@/api/types';

/** Scopes from narrowest to widest. */
export const SCOPES: readonly Scope[] = ['own', 'team', 'dealer', 'group'];

export function scopeRank(scope: Scope): number {
  return SCOPES.indexOf(scope);
}

/** Whether `granted` reaches at least as far as `needed`. */
export function scopeCovers(granted: Scope, needed: Scope): boolean {
  return scopeRank(granted) >= scopeRank(needed);
}

type Grants = Pick<Me, 'permissions'> | readonly Grant[] | null | undefined;

function grantsOf(subject: Grants): readonly Grant[] {
  if (!subject) return [];
  return Array.isArray(subject) ? subject : (subject as Pick<Me, 'permissions'>).permissions;
}

/** The widest scope at which the permission is held, or null when it is not held at all. */
export function scopeOf(subject: Grants, permission: Permission): Scope | null {
  let best: Scope | null = null;
  for (const grant of grantsOf(subject)) {
    if (grant.permission !== permission) continue;
    if (best === null || scopeRank(grant.scope) > scopeRank(best)) best = grant.scope;
  }
  return best;
}

/**
 * `can(me, 'user:create')`: whether the user holds the permission (at any scope, or at least at
 * `atLeast`).
 */
export function can(subject: Grants, permission: Permission, atLeast?: Scope): boolean {
  const scope = scopeOf(subject, permission);
  if (scope === null) return false;
  return atLeast ? scopeCovers(scope, atLeast) : true;
}

/** Whether the user holds any of the permissions. */
export function canAny(subject: Grants, permissions: readonly Permission[]): boolean {
  return permissions.some((permission) => can(subject, permission));
}

/** Whether the user holds all of the permissions. */
export function canAll(subject: Grants, permissions: readonly Permission[]): boolean {
  return permissions.every((permission) => can(subject, permission));
}

/**
 * Whether a set of grants stays within another (what a custom role or an API token may be
 * given: never more than its creator holds).
 */
export function grantsWithin(wanted: readonly Grant[], held: Grants): boolean {
  return wanted.every((grant) => can(held, grant.permission, grant.scope));
}

/** The scopes from `allowed` that the holder may hand on for the permission. */
export function grantableScopes(
  allowed: readonly Scope[],
  held: Grants,
  permission: Permission,
): Scope[] {
  const mine = scopeOf(held, permission);
  if (mine === null) return [];
  return allowed.filter((scope) => scopeCovers(mine, scope));
}
