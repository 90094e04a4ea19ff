import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { BUILT, NAV_ITEMS, areaLabel, isActive, navItemsFor } from '@/components/layout/nav-items';

const all = new Set(NAV_ITEMS.map((i) => i.href));

describe('navItemsFor', () => {
  it('shows only built pages', () => {
    expect(navItemsFor('admin', new Set(['/', '/audit', '/admin'])).map((i) => i.href)).toEqual([
      '/',
      '/audit',
      '/admin',
    ]);
    // The default is the BUILT set the lead maintains: every listed page is in it.
    expect(navItemsFor('admin').every((i) => BUILT.has(i.href))).toBe(true);
  });
  it('filters by role', () => {
    const hrefs = (r: 'dispatcher' | 'manager' | 'admin') => navItemsFor(r, all).map((i) => i.href);
    expect(hrefs('dispatcher')).toEqual(['/', '/dispatch', '/map', '/jobs', '/customers', '/sites', '/equipment']);
    expect(hrefs('manager')).toContain('/invoices');
    expect(hrefs('manager')).toContain('/audit');
    expect(hrefs('manager')).not.toContain('/admin');
    expect(hrefs('admin')).toHaveLength(NAV_ITEMS.length);
  });
});

describe('BUILT', () => {
  it('names only pages that exist, so the menu never links to a 404', () => {
    for (const href of BUILT) {
      const file = href === '/' ? 'app/(console)/page.tsx' : `app/(console)${href}/page.tsx`;
      expect(existsSync(file), file).toBe(true);
    }
  });
});

describe('isActive', () => {
  it('matches the page and its sub-pages, home only itself', () => {
    expect(isActive('/', '/')).toBe(true);
    expect(isActive('/', '/audit')).toBe(false);
    expect(isActive('/jobs', '/jobs/12')).toBe(true);
    expect(isActive('/jobs', '/jobsite')).toBe(false);
  });
});

describe('areaLabel', () => {
  it('names areas for the forbidden page', () => {
    expect(areaLabel('accounts')).toBe('Admin');
    expect(areaLabel('billing')).toMatch(/invoices/i);
    expect(areaLabel('nope')).toBeNull();
  });
});
