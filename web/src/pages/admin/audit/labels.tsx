// Words for audit events: action names, field names and values, in the user's language.
import type { TFunction } from 'i18next';
import type { Department, Role, Team, User } from '@/api/types';
import { isLocale, LOCALE_NAMES } from '@/i18n';
import { EMPTY, formatDateTime, formatMoney } from '@/lib/format';
import { roleName } from '@/lib/roles';

export function entityLabel(t: TFunction, entityType: string): string {
  return t(`audit.entity.${entityType}`, { defaultValue: entityType });
}

/** "新建用户" for `user.created`; unknown actions are built from entity and verb. */
export function actionLabel(t: TFunction, action: string): string {
  const [entity = '', verb = ''] = action.split('.');
  const known = t(`audit.action.${entity}.${verb}`, { defaultValue: '' });
  if (known) return known;
  return `${entityLabel(t, entity)} · ${t(`audit.verb.${verb}`, { defaultValue: verb })}`;
}

export function fieldLabel(t: TFunction, field: string): string {
  return t(`audit.field.${field}`, { defaultValue: field });
}

export interface Lookups {
  users?: readonly User[];
  teams?: readonly Team[];
  departments?: readonly Department[];
  roles?: readonly Role[];
  timeZone: string;
}

const shortId = (id: string) => `#${id.slice(-6)}`;

const MONEY_FIELDS = new Set(['amount_fen', 'budget_min_fen', 'budget_max_fen', 'guide_price_fen']);

/** "user:read@dealer" → "用户 · 查看（本店）" */
export function grantLabel(t: TFunction, grant: string): string {
  const [permission = grant, scope] = grant.split('@');
  const [resource = '', action = ''] = permission.split(':');
  const base = `${t(`permission.resource.${resource}`, { defaultValue: resource })} · ${t(
    `permission.action.${action}`,
    { defaultValue: action },
  )}`;
  return scope ? `${base}（${t(`scope.${scope}`, { defaultValue: scope })}）` : base;
}

/** One recorded value, made readable: names instead of ids, dates in the dealer's zone. */
export function formatAuditValue(
  t: TFunction,
  field: string,
  value: unknown,
  lookups: Lookups,
): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY;
    return value
      .map((item) =>
        typeof item === 'string' && field === 'grants' ? grantLabel(t, item) : String(item),
      )
      .join('、');
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number' && MONEY_FIELDS.has(field)) return formatMoney(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  switch (field) {
    case 'role':
      return roleName(t, value, lookups.roles);
    case 'team_id':
    case 'assignment_team_id':
      return lookups.teams?.find((team) => team.id === value)?.name ?? shortId(value);
    case 'department_id':
      return lookups.departments?.find((d) => d.id === value)?.name ?? shortId(value);
    case 'leader_id':
    case 'user_id':
    case 'actor_id':
    case 'owner_id':
    case 'stagnation_user_id':
      return lookups.users?.find((user) => user.id === value)?.display_name ?? shortId(value);
    case 'locale':
      return isLocale(value) ? LOCALE_NAMES[value] : value;
    case 'status':
      return t(`users.status.${value}`, {
        defaultValue: t(`sales.status.${value}`, {
          defaultValue: t(`testDrives.status.${value}`, { defaultValue: value }),
        }),
      });
    case 'channel':
      return t(`sales.channel.${value}`, { defaultValue: value });
    case 'timeframe':
      return t(`sales.timeframe.${value}`, { defaultValue: value });
    case 'payment':
      return t(`sales.payment.${value}`, { defaultValue: value });
    case 'pool':
      return t(`sales.pool.${value}`, { defaultValue: value });
    case 'stagnation_action':
      return t(`salesSettings.stagnationAction.${value}`, { defaultValue: value });
    case 'assignment_mode':
      return t(`salesSettings.assignmentMode.${value}`, { defaultValue: value });
    case 'lost_reason':
      return t(`lookups.lost_reason.${value}`, { defaultValue: value });
    case 'customer_id':
    case 'lead_id':
    case 'stage_id':
    case 'car_id':
    case 'series_id':
    case 'model_id':
      return shortId(value);
    case 'starts_at':
    case 'ends_at':
    case 'next_follow_up_at':
    case 'stagnant_since':
    case 'expires_at':
    case 'revoked_at':
    case 'locked_until':
    case 'last_login_at':
      return formatDateTime(value, lookups.timeZone);
    default:
      return value;
  }
}

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/** The `changes` object of an event as a list, in a stable order. */
export function changesOf(changes: unknown): Change[] {
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, change]) => {
    const pair = (change ?? {}) as { before?: unknown; after?: unknown };
    return { field, before: pair.before ?? null, after: pair.after ?? null };
  });
}
