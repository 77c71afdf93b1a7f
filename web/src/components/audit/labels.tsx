// Words for audit events: action names, record types, field names and values, in the user's
// language. Every key the server writes is listed in pages/admin/audit/vocabulary.json and translated under
// `audit.*` in each language (its vocabulary.test.ts checks both); a key missing anyway is shown as
// "unknown", never raw.
import type { TFunction } from 'i18next';
import type { AuditRef, Department, Lookup, Role, Team, User } from '@/api/types';
import { isLocale, LOCALE_NAMES } from '@/i18n';
import { EMPTY, formatDateTime, formatMoney } from '@/lib/format';
import { lookupName } from '@/lib/lookups';
import { vocab } from '@/lib/work';
import { roleName } from '@/lib/roles';
import { stageName } from '@/lib/sales';

export function entityLabel(t: TFunction, entityType: string): string {
  return t(`audit.entity.${entityType}`, { defaultValue: t('audit.unknown') });
}

/** "新建用户" for `user.created`. */
export function actionLabel(t: TFunction, action: string): string {
  const [entity = '', verb = ''] = action.split('.');
  return t(`audit.action.${entity}.${verb}`, {
    defaultValue: `${entityLabel(t, entity)} · ${t('audit.unknown')}`,
  });
}

export function fieldLabel(t: TFunction, field: string): string {
  return t(`audit.field.${field}`, { defaultValue: t('audit.unknown') });
}

export interface Lookups {
  users?: readonly User[];
  teams?: readonly Team[];
  departments?: readonly Department[];
  roles?: readonly Role[];
  sources?: readonly Lookup[];
  lostReasons?: readonly Lookup[];
  timeZone: string;
}

/** The records an event names, by id (from the server, resolved for the reader). */
export type Refs = Record<string, AuditRef | undefined>;

/** A named record as the reader should see it: built-in stages and roles in their language. */
export function refName(t: TFunction, ref: AuditRef, roles?: readonly Role[]): string {
  if (ref.entity_type === 'pipeline_stage' && ref.key) {
    return stageName(t, { key: ref.key, name: ref.name, builtin: true });
  }
  if (ref.entity_type === 'role' && ref.key) return roleName(t, ref.key, roles);
  return ref.name;
}

/** The app's page of a named record, if it has one. */
export function refLink(ref: AuditRef): string | undefined {
  switch (ref.entity_type) {
    case 'customer':
      return `/customers/${ref.id}`;
    case 'lead':
      return `/leads/${ref.id}`;
    case 'opportunity':
    case 'test_drive':
    case 'service_appointment':
    case 'insurance_policy':
      return ref.customer_id ? `/customers/${ref.customer_id}` : undefined;
    case 'repair_order':
      return `/repair-orders/${ref.id}`;
    case 'renewal':
      return `/renewals/${ref.id}`;
    case 'complaint':
      return `/complaints/${ref.id}`;
    case 'user':
      return `/admin/users/${ref.id}`;
    case 'role':
      return ref.key ? `/admin/roles/${ref.key}` : undefined;
    case 'vehicle':
      return `/vehicles/${ref.id}`;
    default:
      return undefined;
  }
}

const shortId = (id: string) => `#${id.slice(-6)}`;

/** An instant written by the server (RFC 3339). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

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
  refs: Refs = {},
): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY;
    return value
      .map((item) =>
        typeof item === 'string' && field === 'grants'
          ? grantLabel(t, item)
          : typeof item === 'string'
            ? valueWord(t, field, item)
            : typeof item === 'object'
              ? JSON.stringify(item)
              : String(item),
      )
      .join('、');
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number' && MONEY_FIELDS.has(field)) return formatMoney(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  const ref = refs[value];
  if (ref) return refName(t, ref, lookups.roles);
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
    case 'consultant_id':
      return lookups.users?.find((user) => user.id === value)?.display_name ?? shortId(value);
    case 'locale':
      return isLocale(value) ? LOCALE_NAMES[value] : value;
    case 'source':
      return lookupName(t, 'source', value, lookups.sources);
    case 'lost_reason':
      return lookupName(t, 'lost_reason', value, lookups.lostReasons);
    case 'kind':
      // An approval's kind is a dotted key (`activity.cancel`); other kinds are plain words.
      return value.includes('.')
        ? vocab(t, 'work.approvalKind', value.replace(/\./g, '_'))
        : valueWord(t, field, value);
    case 'key': {
      // A message template's identity: `activity.reminder/sms/zh-CN`.
      const template = TEMPLATE_ID.exec(value);
      if (template?.[1] && template[2] && template[3] && isLocale(template[3])) {
        const name = vocab(t, 'work.templateKey', template[1].replace(/\./g, '_'));
        return `${name} · ${t(`work.channel.${template[2]}`)} · ${LOCALE_NAMES[template[3]]}`;
      }
      return valueWord(t, field, value);
    }
    default:
      if (INSTANT.test(value)) return formatDateTime(value, lookups.timeZone);
      return valueWord(t, field, value);
  }
}

const TEMPLATE_ID = /^([a-z_.]+)\/(sms|email|wechat)\/([A-Za-z-]+)$/;

/** A value the server wrote as a key (`walk_in`), in words; any other text as it is. */
function valueWord(t: TFunction, field: string, value: string): string {
  return t(`audit.value.${field}.${value}`, { defaultValue: value });
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
