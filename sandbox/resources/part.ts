/**
 * Parts and services catalogue: part/details, part/list, part/send (upsert on id or reference), part/delete,
 * part/prices (bulk price update). Categories live in `partcategory`; taxes are the tax/list records.
 *
 * Readings taken:
 * - send: the part the `id` names; otherwise (an unknown id included) `reference` finds the part to
 *   update (references are not unique, as part/delete documents: the lowest id wins); nothing found creates.
 *   `name` is required on create.
 * - `price` is answered as a decimal string with at least two decimals ("10.00", as every example shows); input takes
 *   numbers or text with "." or "," decimals. A negative price is a 400 (send) or an item error (prices).
 * - `category` is named by id (must exist, 400 otherwise) or by name (an unknown name creates the category, as the
 *   "create new part category" example shows); `tax` by id or name (must exist); null clears either.
 * - `isSerializable` cannot change while the part has stock in a depot (quantities and serials would disagree).
 * - list shows parts of both statuses unless `status` is given; `category_name` is an exact (case-insensitive)
 *   match; sort = name (default) | reference | category (by category name).
 * - delete is a soft delete; deleted parts are gone from details/list/send lookups.
 * - prices: each item is answered as sent plus `error` (null on success); errors: "Part id not found",
 *   "Part reference not found", "Invalid price". A reference shared by several parts updates them all.
 */
import { readPaging, readSort } from '../http/params';
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Doc, Row } from '../store/collection';
import type { Store } from '../store/store';
import { parseDecimal } from '../../lib/synchroteam/money';
import { PART_STATUSES, PART_TYPES } from '../../lib/synchroteam/schemas/part';
import {
  changedSinceFilter,
  field,
  has,
  localStamp,
  optBool,
  optEnum,
  optInt,
  optString,
  publicDoc,
  requireObject,
  selectByParam,
  listResponse,
  type Body,
  type Ctx,
} from './common';
import { taxRef } from './tax';
import { partHasStock } from './depot';

const PARAMS = { id: 'id', reference: 'reference' };

/** "10" / "10,5" / 10.5 → "10.00" / "10.50"; null when not a non-negative decimal. */
export function priceText(v: unknown): string | null {
  const d = typeof v === 'string' || typeof v === 'number' ? parseDecimal(v) : null;
  if (!d || d.isNegative()) return null;
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

export function partDoc(row: Row, ctx: Pick<Ctx, 'config'>): Doc {
  return { ...publicDoc(row.doc), dateModified: localStamp(row.modifiedMs, ctx) };
}

function resolveCategory(store: Store, v: unknown): Doc | null | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v))
    throw badRequest(`Field 'category' must be an object such as {"id": 12} or {"name": "Bearings"}`);
  const cats = store.collection('partcategory');
  const id = field(v as Body, 'id');
  const name = field(v as Body, 'name');
  if (id !== undefined && id !== null && id !== '') {
    const row = cats.get(id as number);
    if (!row) throw badRequest(`Unknown category (id=${String(id)})`);
    return { id: row.id, name: row.doc.name };
  }
  if (typeof name === 'string' && name.trim()) {
    const row = cats.findBy('name', name.trim())[0] ?? cats.insert({ name: name.trim() });
    return { id: row.id, name: row.doc.name };
  }
  throw badRequest(`Field 'category' must name the category by id or name`);
}

function resolveTax(store: Store, v: unknown): Doc | null | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) throw badRequest(`Field 'tax' must be an object such as {"id": 37}`);
  const taxes = store.collection('tax');
  const id = field(v as Body, 'id');
  const name = field(v as Body, 'name');
  const row =
    id !== undefined && id !== null && id !== ''
      ? taxes.get(id as number)
      : typeof name === 'string' && name.trim()
        ? (taxes.findBy('name', name.trim())[0] ?? null)
        : undefined;
  if (row === undefined) throw badRequest(`Field 'tax' must name the tax by id or name`);
  if (!row) throw badRequest(`Unknown tax (${id !== undefined ? `id=${String(id)}` : `name=${String(name)}`})`);
  return taxRef(row);
}

export function registerParts(router: Router, store: Store): void {
  const parts = store.collection('part');

  router.get('part/details', (ctx) => partDoc(selectByParam(ctx.query, parts, PARAMS, 'Part')[0], ctx));

  router.post('part/send', (ctx) => {
    const body = requireObject(ctx.body);
    const id = field(body, 'id');
    const reference = optString(body, 'reference', 100);
    let existing: Row | null = null;
    if (id !== undefined && id !== null && id !== '') {
      existing = parts.get(id as number);
    }
    // "if the id or reference exist, the part will be updated, if not the part will be created".
    if (!existing && reference) existing = parts.findBy('reference', reference)[0] ?? null;

    const doc: Doc = existing
      ? { ...existing.doc }
      : {
          name: null,
          reference: null,
          description: null,
          price: '0.00',
          minQuantity: null,
          isTracked: false,
          isSerializable: false,
          category: null,
          tax: null,
          status: 'active',
          type: 'part',
        };
    for (const f of ['name', 'reference', 'description'] as const) {
      const v = optString(body, f, f === 'description' ? 4000 : 200);
      if (v !== undefined) doc[f] = v;
    }
    if (typeof doc.name !== 'string' || !doc.name.trim())
      throw badRequest(existing ? `Field 'name' cannot be empty` : `Field 'name' is required`);
    if (has(body, 'price')) {
      const p = priceText(field(body, 'price'));
      if (p === null)
        throw badRequest(`Field 'price' must be a decimal number of 0 or more (got '${String(field(body, 'price'))}')`);
      doc.price = p;
    }
    const minQuantity = optInt(body, 'minQuantity', { min: 0 });
    if (minQuantity !== undefined) doc.minQuantity = minQuantity;
    const isTracked = optBool(body, 'isTracked');
    if (isTracked !== undefined) doc.isTracked = isTracked;
    const isSerializable = optBool(body, 'isSerializable');
    if (isSerializable !== undefined && isSerializable !== doc.isSerializable) {
      if (existing && partHasStock(store, existing.id as number)) {
        throw badRequest(`Field 'isSerializable' cannot change while the part has stock in a depot`);
      }
      doc.isSerializable = isSerializable;
    }
    const status = optEnum(body, 'status', PART_STATUSES);
    if (status) doc.status = status;
    const type = optEnum(body, 'type', PART_TYPES);
    if (type) doc.type = type;
    const category = resolveCategory(store, field(body, 'category'));
    if (category !== undefined) doc.category = category;
    const tax = resolveTax(store, field(body, 'tax'));
    if (tax !== undefined) doc.tax = tax;
    const row = existing ? parts.update(existing.id, doc) : parts.insert(doc);
    return partDoc(row, ctx);
  });

  router.delete('part/delete', (ctx) => {
    const rows = selectByParam(ctx.query, parts, PARAMS, 'Part');
    for (const r of rows) parts.setDeleted(r.id, true);
    return { PartsDeleted: rows.map((r) => ({ id: r.id, isDeleted: true })) };
  });

  router.post('part/prices', (ctx) => {
    if (!Array.isArray(ctx.body)) throw badRequest('The request body must be a JSON list of {id or reference, price}');
    return ctx.body.map((raw: unknown) => {
      if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        return { item: raw, error: 'Each item must be an object {id or reference, price}' };
      const item = raw as Body;
      const answer = (error: string | null) => ({ ...item, error });
      const id = field(item, 'id');
      const reference = field(item, 'reference');
      let rows: Row[];
      if (id !== undefined && id !== null && id !== '') {
        const r = parts.get(id as number);
        if (!r) return answer('Part id not found');
        rows = [r];
      } else if (typeof reference === 'string' && reference) {
        rows = parts.findBy('reference', reference);
        if (!rows.length) return answer('Part reference not found');
      } else return answer('Identify the part with id or reference');
      const price = priceText(field(item, 'price'));
      if (price === null) return answer('Invalid price');
      for (const r of rows) parts.update(r.id, { ...r.doc, price });
      return answer(null);
    });
  });

  router.get('part/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, { name: 'name', reference: 'reference', category: 'category_name' }, 'name');
    const where: string[] = [];
    const params: unknown[] = [];
    changedSinceFilter(q, where, params);
    const categoryId = q.int('category_id');
    if (categoryId !== undefined) {
      where.push('category_id = ?');
      params.push(categoryId);
    }
    const categoryName = q.str('category_name');
    if (categoryName) {
      where.push('category_name = ?');
      params.push(categoryName);
    }
    for (const [name, column] of [
      ['isTracked', 'is_tracked'],
      ['isSerializable', 'is_serializable'],
    ] as const) {
      const v = q.bool(name);
      if (v !== undefined) {
        where.push(`${column} = ?`);
        params.push(v ? 1 : 0);
      }
    }
    const status = q.oneOf('status', PART_STATUSES);
    if (status) {
      where.push('status = ?');
      params.push(status);
    }
    const type = q.oneOf('type', PART_TYPES);
    if (type) {
      where.push('type = ?');
      params.push(type);
    }
    const { rows, total } = parts.list({ where, params, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(
      paging,
      total,
      rows.map((r) => partDoc(r, ctx)),
    );
  });
}
