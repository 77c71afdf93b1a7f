// Errors of the API (application/problem+json) and how the UI turns them into words.
import type { TFunction } from 'i18next';
import type { FieldError, Problem } from './types';

/** An API call that failed: the HTTP status and the problem document the server sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** Turns whatever came back from a failed request into a problem document. */
export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
    const partial = body as Partial<Problem>;
    return {
      type: partial.type ?? `urn:forecourt:problem:${partial.code}`,
      title: partial.title ?? '',
      status: partial.status ?? status,
      code: partial.code as Problem['code'],
      detail: partial.detail ?? '',
      errors: partial.errors,
      request_id: partial.request_id,
      retry_after: partial.retry_after,
      permission: partial.permission,
      merged_into: partial.merged_into,
      candidates: partial.candidates,
      conflicts: partial.conflicts,
      capacity: partial.capacity,
    };
  }
  const code: Problem['code'] =
    status === 401
      ? 'unauthenticated'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not_found'
          : status === 409
            ? 'version_conflict'
            : status === 429
              ? 'rate_limited'
              : status === 503 || status === 0
                ? 'service_unavailable'
                : 'internal_error';
  return {
    type: `urn:forecourt:problem:${code}`,
    title: '',
    status,
    code,
    detail: typeof body === 'string' ? body : '',
  };
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Whether the error means "you are not signed in (any more)". */
export function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && error.code !== 'invalid_credentials';
}

export function isConflict(error: unknown): boolean {
  return isApiError(error) && error.code === 'version_conflict';
}

/** The survivor's id when the record was merged into another (410 `merged`), else null. */
export function mergedInto(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'merged') return null;
  return error.problem.merged_into ?? null;
}

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && (error.code === 'not_found' || error.status === 404);
}

/** Whole minutes, rounded up, for "try again in N minutes". */
export function minutesFromSeconds(seconds: number | null | undefined): number {
  if (!seconds || seconds <= 0) return 1;
  return Math.max(1, Math.ceil(seconds / 60));
}

/**
 * The message for an error, in the user's language: the translation of its stable `code`,
 * with the English `detail` only as a last resort for codes this UI does not know yet.
 */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) {
    if (error instanceof TypeError) return t('errors.code.network');
    return t('errors.code.internal_error');
  }
  const { problem } = error;
  const key = `errors.code.${problem.code}`;
  const params: Record<string, unknown> = {
    minutes: minutesFromSeconds(problem.retry_after),
    permission: problem.permission ?? '',
  };
  if (problem.code === 'forbidden' && problem.permission) {
    return t('errors.code.forbidden_permission', {
      permission: permissionLabel(t, problem.permission),
    });
  }
  return t(key, { ...params, defaultValue: problem.detail || t('errors.code.internal_error') });
}

/** "用户 · 新建" for `user:create`, falling back to the raw key for permissions the UI does not know. */
export function permissionLabel(t: TFunction, permission: string): string {
  const [resource = '', action = ''] = permission.split(':');
  const r = t(`permission.resource.${resource}`, { defaultValue: resource });
  const a = t(`permission.action.${action}`, { defaultValue: action });
  return `${r} · ${a}`;
}

/** The message for one invalid field, translated from its code and parameters. */
export function fieldErrorMessage(t: TFunction, error: FieldError): string {
  const params = (error.params ?? {}) as Record<string, unknown>;
  return t(`errors.field.${error.code}`, { ...params, defaultValue: error.message });
}

/**
 * Field errors as Ant Design's `form.setFields` wants them. A dotted server path
 * (`grants.1.scope`) becomes a name path; names the form does not know are returned apart so
 * the page can show them in a banner instead of losing them.
 */
export function formFieldErrors(
  t: TFunction,
  error: unknown,
  knownFields?: readonly string[],
): { fields: { name: (string | number)[]; errors: string[] }[]; other: string[] } {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const other: string[] = [];
  if (!isApiError(error)) return { fields, other };
  const grouped = new Map<string, string[]>();
  for (const fieldError of error.fieldErrors) {
    const message = fieldErrorMessage(t, fieldError);
    const root = fieldError.field.split('.')[0] ?? fieldError.field;
    if (knownFields && !knownFields.includes(root)) {
      other.push(message);
      continue;
    }
    const list = grouped.get(fieldError.field) ?? [];
    list.push(message);
    grouped.set(fieldError.field, list);
  }
  for (const [field, errors] of grouped) {
    fields.push({
      name: field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors,
    });
  }
  return { fields, other };
}

/** The bookings in the way, for a 409 `schedule_conflict`; null for any other error. */
export function scheduleConflicts(
  error: unknown,
): { id: string; starts_at: string; ends_at: string }[] | null {
  if (!isApiError(error) || error.code !== 'schedule_conflict') return null;
  const list = (error.problem.conflicts ?? []) as {
    id?: unknown;
    starts_at?: unknown;
    ends_at?: unknown;
  }[];
  return list
    .filter((c) => typeof c.id === 'string')
    .map((c) => ({
      id: String(c.id),
      starts_at: String(c.starts_at ?? ''),
      ends_at: String(c.ends_at ?? ''),
    }));
}

/**
 * What a full day has left and the next day the work fits, for a 409 `capacity_full`; null for
 * any other error.
 */
export function capacityFull(
  error: unknown,
): { left_minutes: number; next_free: string | null } | null {
  if (!isApiError(error) || error.code !== 'capacity_full') return null;
  const capacity = error.problem.capacity;
  return {
    left_minutes: capacity?.left_minutes ?? 0,
    next_free: capacity?.next_free ?? null,
  };
}
