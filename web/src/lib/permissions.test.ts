import { describe, expect, it } from 'vitest';
import type { Grant } from '@/api/types';
import {
  can,
  canAll,
  canAny,
  grantableScopes,
  grantsWithin,
  scopeCovers,
  scopeOf,
} from './permissions';

const manager = {
  permissions: [
    { permission: 'user:read', scope: 'dealer' },
    { permission: 'audit:read', scope: 'own' },
    { permission: 'audit:read', scope: 'team' },
    { permission: 'pii:unmask_phone', scope: 'dealer' },
  ] as Grant[],
};

describe('can', () => {
  it('is true only for held permissions', () => {
    expect(can(manager, 'user:read')).toBe(true);
    expect(can(manager, 'user:create')).toBe(false);
    expect(can(null, 'user:read')).toBe(false);
    expect(can(manager.permissions, 'user:read')).toBe(true);
  });

  it('checks the scope when asked', () => {
    expect(can(manager, 'audit:read', 'team')).toBe(true);
    expect(can(manager, 'audit:read', 'dealer')).toBe(false);
    expect(can(manager, 'user:read', 'own')).toBe(true);
  });

  it('takes the widest scope held', () => {
    expect(scopeOf(manager, 'audit:read')).toBe('team');
    expect(scopeOf(manager, 'role:read')).toBeNull();
  });

  it('combines', () => {
    expect(canAny(manager, ['user:create', 'user:read'])).toBe(true);
    expect(canAll(manager, ['user:create', 'user:read'])).toBe(false);
  });
});

describe('scopes', () => {
  it('are ordered own < team < dealer < group', () => {
    expect(scopeCovers('group', 'own')).toBe(true);
    expect(scopeCovers('dealer', 'team')).toBe(true);
    expect(scopeCovers('team', 'dealer')).toBe(false);
    expect(scopeCovers('own', 'own')).toBe(true);
  });

  it('limit what can be handed on', () => {
    expect(grantableScopes(['own', 'team', 'dealer', 'group'], manager, 'audit:read')).toEqual([
      'own',
      'team',
    ]);
    expect(grantableScopes(['own', 'dealer'], manager, 'user:create')).toEqual([]);
    expect(grantsWithin([{ permission: 'user:read', scope: 'team' }], manager)).toBe(true);
    expect(grantsWithin([{ permission: 'user:read', scope: 'group' }], manager)).toBe(false);
  });
});
