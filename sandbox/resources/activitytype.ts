/**
 * Activity types: list only (set up in the back office; the seed and tests insert them directly).
 *
 * Readings taken:
 * - The type object spells the unavailability category "unavail" (served as such); activity/list's filter spells
 *   it "unavailability". Both spellings are accepted by every category filter, see ACTIVITY_CATEGORIES.
 * - `name` is a contains-search ("Will find all activity types containing name"); sort name (default) | category.
 */
import { badRequest } from '../http/errors';
import { readPaging, readSort, type Query } from '../http/params';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import { likePattern, listResponse, publicDoc } from './common';

export const ACTIVITY_CATEGORIES = ['unavail', 'atwork', 'travel', 'clock'] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

/** A category filter value: one of the four, with "unavailability" read as "unavail". */
export function readCategory(q: Query, name: string): ActivityCategory | undefined {
  const v = q.str(name)?.toLowerCase();
  if (v === undefined) return undefined;
  const c = v === 'unavailability' ? 'unavail' : v;
  if (!(ACTIVITY_CATEGORIES as readonly string[]).includes(c)) {
    throw badRequest(
      `Parameter '${name}' must be one of unavail (or unavailability), atwork, travel, clock (got '${v}')`,
    );
  }
  return c as ActivityCategory;
}

export function registerActivityTypes(router: Router, store: Store): void {
  const types = store.collection('activitytype');

  router.get('activityType/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, { name: 'name', category: 'category' }, 'name');
    const where: string[] = [];
    const params: unknown[] = [];
    const category = readCategory(q, 'category');
    if (category) {
      where.push('category = ?');
      params.push(category);
    }
    const name = q.str('name');
    if (name) {
      where.push(`name LIKE ? ESCAPE '\\'`);
      params.push(likePattern(name));
    }
    const { rows, total } = types.list({ where, params, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(
      paging,
      total,
      rows.map((r) => ({ color: null, payable: false, ...publicDoc(r.doc) })),
    );
  });
}
