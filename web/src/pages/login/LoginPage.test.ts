import { describe, expect, it } from 'vitest';
import { safeRedirect } from './LoginPage';

describe('safeRedirect', () => {
  it('returns to pages of the app only', () => {
    expect(safeRedirect('/admin/users?q=zhang')).toBe('/admin/users?q=zhang');
    expect(safeRedirect(null)).toBe('/');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('//evil.example')).toBe('/');
    expect(safeRedirect('/login?from=/x')).toBe('/');
  });
});
