import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NAV_ITEMS } from '@/components/layout/nav-items';
import { AREAS, PAGE_AREAS, can, isRole, pageArea } from './permissions';

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

describe('pageArea', () => {
  it('maps console paths, sub-pages included, to their area', () => {
    expect(pageArea('/')).toBeNull();
    expect(pageArea('/dispatch')).toBe('dispatch');
    expect(pageArea('/invoices')).toBe('billing');
    expect(pageArea('/invoices/')).toBe('billing');
    expect(pageArea('/invoices/12/print')).toBe('billing');
    expect(pageArea('/credit-notes/3')).toBe('billing');
    expect(pageArea('/reports/drill')).toBe('reports');
    expect(pageArea('/admin')).toBe('accounts');
    expect(pageArea('//admin')).toBe('accounts');
  });
  it('knows nothing of other paths', () => {
    expect(pageArea('/no-such-page')).toBeUndefined();
    expect(pageArea('/administrators')).toBeUndefined();
    expect(pageArea('/Admin')).toBeUndefined();
    expect(pageArea('/constructor')).toBeUndefined();
  });
  it('agrees with the menu', () => {
    for (const item of NAV_ITEMS) expect(pageArea(item.href), item.href).toBe(item.area);
  });
  it("agrees with every console page's own check, and covers every console section", () => {
    const root = fileURLToPath(new URL('../app/(console)/', import.meta.url));
    const sections = new Set<string>();
    for (const file of pageFiles(root)) {
      const segments = relative(root, file).split(sep).slice(0, -1);
      const path = '/' + segments.join('/');
      sections.add(segments[0] ?? '');
      const source = readFileSync(file, 'utf8');
      const called = /requirePageArea\('([a-z-]+)'\)/.exec(source)?.[1];
      if (called) expect(pageArea(path), path).toBe(called);
      else expect(pageArea(path), `${path} checks no area, so the table must open it to every role`).toBeNull();
    }
    expect([...sections].sort()).toEqual([...PAGE_AREAS.keys()].sort());
  });
});

function* pageFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* pageFiles(p);
    else if (e.name === 'page.tsx') yield p;
  }
}
