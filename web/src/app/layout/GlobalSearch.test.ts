import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import '@/i18n';
import type { Grant, Me } from '@/api/types';
import { matchEntries, searchEntries } from './GlobalSearch';

function meWith(permissions: Grant[]): Me {
  // A test fixture: the search reads only the grants.
  return { permissions } as unknown as Me;
}

const t = (key: string) => i18n.t(key);

describe('global search', () => {
  it('finds only pages and actions the user can reach', () => {
    const consultant = meWith([{ permission: 'user:read', scope: 'dealer' }]);
    const keys = searchEntries(consultant, t).map((entry) => entry.key);
    expect(keys).toContain('admin.users');
    expect(keys).not.toContain('admin.roles');
    expect(keys).not.toContain('action.newUser');
  });

  it('matches Chinese labels and English keywords', async () => {
    await i18n.changeLanguage('zh-CN');
    const admin = meWith([
      { permission: 'user:read', scope: 'dealer' },
      { permission: 'user:create', scope: 'dealer' },
      { permission: 'role:read', scope: 'dealer' },
    ]);
    const entries = searchEntries(admin, t);
    expect(matchEntries(entries, '角色').map((e) => e.key)).toContain('admin.roles');
    expect(matchEntries(entries, 'users').map((e) => e.key)).toContain('admin.users');
    expect(matchEntries(entries, '新建 用户').map((e) => e.key)).toEqual(['action.newUser']);
    expect(matchEntries(entries, 'zzz')).toEqual([]);
    expect(matchEntries(entries, '')).toHaveLength(entries.length);
  });
});
