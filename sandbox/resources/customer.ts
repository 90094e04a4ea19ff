/**
 * Customers: details / send (upsert on id or myId) / delete / undelete / list / activate / desactivate.
 *
 * Readings taken where the reference is ambiguous:
 * - send with an `id` that does not exist is a 404 (ids are system-assigned); an unknown `myId` creates.
 * - list without `active` returns active customers only ("If no parameters are given, will return all active
 *   customers"); active=false returns the inactive ones.
 * - undelete answers `{customersDeleted:[{id,isDeleted:true}]}` exactly as the reference's JSON example shows, even
 *   though its prose speaks of an "undeleted" flag: clients parse the example.
 */
import { randomBytes } from 'node:crypto';
import { readPaging, readSort } from '../http/params';
import { badRequest, notFound } from '../http/errors';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import type { Doc } from '../store/collection';
import {
  applyAddress, bulkAnswer, changedSinceFilter, checkMandatoryCustomFields, field, has, likePattern, listResponse,
  mergeCustomFieldValues, optBool, optString, optStringList, requireObject, selectByParam, withStamps, type Ctx,
} from './common';


/** A random public link token, as production's links carry. */
export function publicLink(ctx: { config: { domain: string } }, kind: string): string {
  return `https://${ctx.config.domain}.synchroteam.com/${kind}/Public/${randomBytes(12).toString('hex')}`;
}

export const CUSTOMER_TEXT_FIELDS = [
  'name', 'myId', 'contactLastName', 'contactFirstName', 'contactPhone', 'contactMobile', 'contactEmail', 'contactFax',
  'vatNumber',
] as const;

const PARAMS = { id: 'id', myId: 'my_id', name: 'name', email: 'email' };

export function registerCustomers(router: Router, store: Store): void {
  const customers = store.collection('customer');
  const show = (ctx: Ctx, doc: ReturnType<typeof customers.get>) => withStamps(doc!, ctx);

  router.get('customer/details', (ctx) => show(ctx, selectByParam(ctx.query, customers, PARAMS, 'Customer')[0]));

  router.post('customer/send', (ctx) => {
    const body = requireObject(ctx.body);
    const id = field(body, 'id');
    const myId = optString(body, 'myId', 100);
    let existing = null;
    if (id !== undefined && id !== null && id !== '') {
      existing = customers.get(id as number);
      if (!existing) throw notFound(`Customer not found (id=${String(id)})`);
    } else if (myId) existing = customers.findBy('my_id', myId)[0] ?? null;

    const doc: Doc = existing ? { ...existing.doc } : { publicLink: publicLink(ctx, 'Customer'), active: true };
    for (const f of CUSTOMER_TEXT_FIELDS) {
      const v = optString(body, f, f === 'name' ? 200 : 500);
      if (v !== undefined) doc[f] = v;
    }
    if (!existing && (typeof doc.name !== 'string' || !doc.name.trim())) throw badRequest(`Field 'name' is required`);
    if (existing && has(body, 'name') && !String(doc.name ?? '').trim()) throw badRequest(`Field 'name' cannot be empty`);
    if (doc.myId) {
      const clash = customers.findBy('my_id', doc.myId).find((r) => r.id !== existing?.id);
      if (clash) throw badRequest(`Field 'myId': another customer already uses myId '${String(doc.myId)}'`);
    }
    if (typeof doc.contactEmail === 'string' && doc.contactEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(doc.contactEmail)) {
      throw badRequest(`Field 'contactEmail' is not a valid email address`);
    }
    applyAddress(doc, body);
    const tags = optStringList(body, 'tags');
    if (tags !== undefined) doc.tags = tags;
    doc.tags ??= [];
    doc.customFieldValues = mergeCustomFieldValues(store, 'customer', doc.customFieldValues, field(body, 'customFieldValues'));
    if (!existing) checkMandatoryCustomFields(store, 'customer', doc.customFieldValues as never);
    const active = optBool(body, 'active');
    if (active !== undefined) doc.active = active;
    for (const f of CUSTOMER_TEXT_FIELDS) doc[f] ??= null;
    const row = existing ? customers.update(existing.id, doc) : customers.insert(doc);
    return show(ctx, row);
  });

  router.delete('customer/delete', (ctx) => {
    const rows = selectByParam(ctx.query, customers, PARAMS, 'Customer');
    for (const r of rows) customers.setDeleted(r.id, true);
    return rows.map((r) => ({ id: r.id, deleted: true }));
  });

  router.post('customer/undelete', (ctx) => {
    const rows = selectByParam(ctx.query, customers, PARAMS, 'Customer', { includeDeleted: true }).filter((r) => r.deleted);
    if (!rows.length) throw notFound('No deleted customer matches');
    for (const r of rows) customers.setDeleted(r.id, false);
    return bulkAnswer('customersDeleted', 'isDeleted', rows);
  });

  router.post('customer/activate', (ctx) => {
    const rows = selectByParam(ctx.query, customers, PARAMS, 'Customer');
    for (const r of rows) customers.setActive(r.id, true);
    return bulkAnswer('customersActivated', 'isActivated', rows);
  });

  router.post('customer/desactivate', (ctx) => {
    const rows = selectByParam(ctx.query, customers, PARAMS, 'Customer');
    for (const r of rows) customers.setActive(r.id, false);
    return bulkAnswer('customersDesactivated', 'isDesactivated', rows);
  });

  router.get('customer/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, { name: 'name', dateModified: 'modified_ms', dateCreated: 'created_ms', myId: 'my_id' }, 'name');
    const where: string[] = [];
    const params: unknown[] = [];
    changedSinceFilter(q, where, params);
    const name = q.str('name');
    if (name) {
      where.push(`name LIKE ? ESCAPE '\\'`);
      params.push(likePattern(name));
    }
    const email = q.str('email');
    if (email) {
      where.push('email = ?');
      params.push(email);
    }
    where.push('active = ?');
    params.push(q.bool('active') === false ? 0 : 1);
    const { rows, total } = customers.list({ where, params, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(paging, total, rows.map((r) => withStamps(r, ctx)));
  });
}
