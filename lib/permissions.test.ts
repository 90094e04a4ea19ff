import { describe, expect, it } from 'vitest';
import { AREAS, can, isRole } from './permissions';

describe('permissions', () => {
  it('gives dispatchers operations only', () => {
    expect(can('dispatcher', 'dispatch')).toBe(true);
    expect(can('dispatcher', 'customers')).toBe(true);
    expect(can('dispatcher', 'billing')).toBe(false);
    expect(can('dispatcher', 'reports')).toBe(false);
    expect(can('dispatcher', 'accounts')).toBe(false);
  });
  it('gives managers money and reports but not accounts', () => {
    expect(can('manager', 'billing')).toBe(true);
    expect(can('manager', 'reports')).toBe(true);
    expect(can('manager', 'audit')).toBe(true);
    expect(can('manager', 'accounts')).toBe(false);
  });
  it('gives admins everything', () => {
    for (const a of AREAS) expect(can('admin', a)).toBe(true);
  });
  it('refuses unknown or missing roles', () => {
    expect(can(null, 'dispatch')).toBe(false);
    expect(isRole('root')).toBe(false);
    expect(isRole('manager')).toBe(true);
  });
});
