import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import '@/i18n';
import {
  ApiError,
  capacityFull,
  fieldErrorMessage,
  formFieldErrors,
  isConflict,
  isNotFound,
  isUnauthenticated,
  minutesFromSeconds,
  problemMessage,
  toProblem,
} from './problem';

const t = i18n.t.bind(i18n);

function error(status: number, body: Record<string, unknown>) {
  return new ApiError(status, toProblem(status, body));
}

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('problem documents', () => {
  it('are read from the body, or made up from the status', () => {
    expect(toProblem(409, { code: 'version_conflict', detail: 'stale' }).code).toBe(
      'version_conflict',
    );
    expect(toProblem(502, '<html>bad gateway</html>').code).toBe('internal_error');
    expect(toProblem(503, null).code).toBe('service_unavailable');
    expect(toProblem(401, undefined).code).toBe('unauthenticated');
  });

  it('are classified', () => {
    expect(isUnauthenticated(error(401, { code: 'session_expired' }))).toBe(true);
    expect(isUnauthenticated(error(401, { code: 'invalid_credentials' }))).toBe(false);
    expect(isConflict(error(409, { code: 'version_conflict' }))).toBe(true);
    expect(isConflict(error(409, { code: 'in_use' }))).toBe(false);
    expect(isNotFound(error(404, { code: 'not_found' }))).toBe(true);
    expect(isUnauthenticated(new Error('x'))).toBe(false);
  });
});

describe('messages in the user language', () => {
  it('translate the code, not the English detail', async () => {
    const wrong = error(401, { code: 'invalid_credentials', detail: 'Wrong username or password' });
    expect(problemMessage(t, wrong)).toBe('用户名或密码错误。');
    await i18n.changeLanguage('en');
    expect(problemMessage(t, wrong)).toBe('Wrong username or password.');
    await i18n.changeLanguage('zh-TW');
    expect(problemMessage(t, wrong)).toBe('使用者名稱或密碼錯誤。');
    await i18n.changeLanguage('zh-CN');
  });

  it('say how long a locked account waits', () => {
    const locked = error(423, { code: 'account_locked', retry_after: 840 });
    expect(problemMessage(t, locked)).toContain('14 分钟');
    expect(minutesFromSeconds(61)).toBe(2);
    expect(minutesFromSeconds(null)).toBe(1);
  });

  it('name the missing permission', () => {
    const forbidden = error(403, { code: 'forbidden', permission: 'user:create' });
    expect(problemMessage(t, forbidden)).toContain('用户 · 新建');
  });

  it('fall back to the detail for unknown codes, and to a generic text otherwise', () => {
    expect(problemMessage(t, error(418, { code: 'teapot', detail: 'I am a teapot' }))).toBe(
      'I am a teapot',
    );
    expect(problemMessage(t, new Error('boom'))).toBe(t('errors.code.internal_error'));
  });
});

describe('field errors', () => {
  const invalid = error(422, {
    code: 'validation_failed',
    errors: [
      { field: 'password', code: 'too_short', message: 'too short', params: { min: 8 } },
      { field: 'username', code: 'taken', message: 'taken' },
      { field: 'grants.1.scope', code: 'scope_not_allowed', message: 'nope' },
      { field: 'mystery', code: 'brand_new_code', message: 'Something new' },
    ],
  });

  it('are translated with their parameters', () => {
    expect(
      fieldErrorMessage(t, {
        field: 'password',
        code: 'too_short',
        message: '',
        params: { min: 8 } as never,
      }),
    ).toBe('至少 8 个字符');
  });

  it('go next to their fields; unknown fields are returned apart', () => {
    const { fields, other } = formFieldErrors(t, invalid, ['password', 'username', 'grants']);
    expect(fields).toEqual([
      { name: ['password'], errors: ['至少 8 个字符'] },
      { name: ['username'], errors: ['已被占用，请换一个'] },
      { name: ['grants', 1, 'scope'], errors: ['该权限不支持此数据范围'] },
    ]);
    expect(other).toEqual(['Something new']);
  });
});

describe('a full workshop day', () => {
  it('gives the minutes left and the next free day', () => {
    const full = error(409, {
      code: 'capacity_full',
      detail: 'full',
      capacity: { left_minutes: 45, next_free: '2024-05-08' },
    });
    expect(capacityFull(full)).toEqual({ left_minutes: 45, next_free: '2024-05-08' });
    expect(isConflict(full)).toBe(false);
  });

  it('has no next day when none was found, and is null for other errors', () => {
    expect(
      capacityFull(error(409, { code: 'capacity_full', capacity: { left_minutes: 0 } })),
    ).toEqual({ left_minutes: 0, next_free: null });
    expect(capacityFull(error(409, { code: 'version_conflict' }))).toBeNull();
    expect(capacityFull(new Error('x'))).toBeNull();
  });
});
