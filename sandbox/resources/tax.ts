/**
 * Tax rates: tax/list only. Taxes are managed in the back office (no create endpoint), so the seed and tests insert
 * them directly: `{name, rate: "19.50", default: false}`.
 *
 * Readings taken:
 * - the `deleted` field of a tax follows the record's soft-delete state; `show` = active (default) | deleted | all.
 * - `name` is a contains-search (`*`/`%` wildcards also work), case-insensitive; `default` filters on the flag.
 * - sort accepts only `name` (the documented value); any other value is a 400.
 * - `rate` is always answered as a string with two decimals and a "." separator, whatever was stored.
 */
import { readPaging, readSort } from '../http/params';
import type { Router } from '../http/router';
import type { Row } from '../store/collection';
import type { Store } from '../store/store';
import { parseDecimal, round2 } from '../../lib/synchroteam/money';
import { likePattern, listResponse, publicDoc } from './common';

/** "14" / "14,5" / 14.5 → "14.00" / "14.50". */
export function rateText(v: unknown): string {
  const d = parseDecimal(v as string | number | null | undefined);
  return d ? round2(d).toFixed(2) : '0.00';
}

/** The tax object as the API shows it. */
export function taxDoc(row: Row) {
  return {
    ...publicDoc(row.doc),
    id: row.id as number,
    name: String(row.doc.name ?? ''),
    rate: rateText(row.doc.rate),
    default: row.doc.default === true,
    deleted: row.deleted,
  };
}

/** The `{id, name, rate}` a part embeds. */
export function taxRef(row: Row) {
  return { id: row.id as number, name: String(row.doc.name ?? ''), rate: rateText(row.doc.rate) };
}

export function registerTaxes(router: Router, store: Store): void {
  const taxes = store.collection('tax');
  router.get('tax/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, { name: 'name' }, 'name');
    const show = q.oneOf('show', ['active', 'deleted', 'all'] as const) ?? 'active';
    const where: string[] = [];
    const params: unknown[] = [];
    const name = q.str('name');
    if (name) {
      where.push(`name LIKE ? ESCAPE '\\'`);
      params.push(likePattern(name));
    }
    const isDefault = q.bool('default');
    if (isDefault !== undefined) {
      where.push('is_default = ?');
      params.push(isDefault ? 1 : 0);
    }
    const { rows, total } = taxes.list({ where, params, show, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(paging, total, rows.map(taxDoc));
  });
}
