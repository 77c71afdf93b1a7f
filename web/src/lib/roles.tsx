// Role names: built-in roles are named by the UI from their key (in the user's language),
// custom roles carry their own name.
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import type { Role } from '@/api/types';

export const BUILTIN_ROLE_KEYS = [
  'admin',
  'sales_manager',
  'sales_consultant',
  'sales_assistant',
  'service_manager',
  'service_advisor',
  'renewal_agent',
  'marketing',
  'finance',
  'group_analyst',
] as const;

export function isBuiltinRoleKey(key: string): boolean {
  return (BUILTIN_ROLE_KEYS as readonly string[]).includes(key);
}

/** The name of a role in the current language. */
export function roleName(t: TFunction, key: string, roles?: readonly Role[]): string {
  const custom = roles?.find((role) => role.key === key && !role.builtin);
  if (custom?.name) return custom.name;
  if (isBuiltinRoleKey(key)) return t(`roles.builtin.${key}`);
  return key;
}

export const ROLES_KEY = ['roles'] as const;

/** All roles of the dealer (built-in and custom), for names and pickers. */
export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/roles')),
    enabled,
    staleTime: 60_000,
  });
}

/** Every permission there is, with the scopes it may be granted at (for a grant grid). */
export function usePermissionCatalog() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: () => unwrap(api.GET('/api/v1/permissions')),
    staleTime: 10 * 60_000,
  });
}

/** A role's name; custom role names are looked up when the user may read roles. */
export function RoleName({ roleKey }: { roleKey: string }) {
  const { t } = useTranslation();
  const roles = useRoles(!isBuiltinRoleKey(roleKey));
  return <>{roleName(t, roleKey, roles.data)}</>;
}
