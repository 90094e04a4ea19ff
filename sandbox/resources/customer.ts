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
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import type { Doc } from '../store/collection';
import {
  applyRecordBody,
  findUpsertTarget,
  listResponse,
  RECORD_SORTS,
  recordListFilters,
  registerLifecycle,
  requireObject,
  selectByParam,
  withStamps,
  type Ctx,
} from './common';

/** A random public link token, as production's links carry. */
export function publicLink(ctx: { config: { domain: string } }, kind: string): string {
  return `https://${ctx.config.domain}.synchroteam.com/${kind}/Public/${randomBytes(12).toString('hex')}`;
}

export const CUSTOMER_TEXT_FIELDS = [
  'name',
  'myId',
  'contactLastName',
  'contactFirstName',
  'contactPhone',
  'contactMobile',
  'contactEmail',
  'contactFax',
  'vatNumber',
] as const;

const PARAMS = { id: 'id', myId: 'my_id', name: 'name', email: 'email' };

export function registerCustomers(router: Router, store: Store): void {
  const customers = store.collection('customer');
  const show = (ctx: Ctx, doc: ReturnType<typeof customers.get>) => withStamps(doc!, ctx);

  router.get('customer/details', (ctx) => show(ctx, selectByParam(ctx.query, customers, PARAMS, 'Customer')[0]));

  router.post('customer/send', (ctx) => {
    const body = requireObject(ctx.body);
    const existing = findUpsertTarget(customers, body, 'Customer', { field: 'myId', column: 'my_id' });
    const doc: Doc = existing ? { ...existing.doc } : { publicLink: publicLink(ctx, 'Customer'), active: true };
    applyRecordBody(store, customers, body, doc, existing, {
      what: 'Customer',
      textFields: CUSTOMER_TEXT_FIELDS,
      customFieldType: 'customer',
      address: true,
    });
    const row = existing ? customers.update(existing.id, doc) : customers.insert(doc);
    return show(ctx, row);
  });

  registerLifecycle(router, customers, 'customer', 'Customer', PARAMS, {
    undeleted: ['customersDeleted', 'isDeleted'],
    activated: ['customersActivated', 'isActivated'],
    desactivated: ['customersDesactivated', 'isDesactivated'],
  });

  router.get('customer/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, RECORD_SORTS, 'name');
    const where: string[] = [];
    const params: unknown[] = [];
    recordListFilters(q, where, params);
    const email = q.str('email');
    if (email) {
      where.push('email = ?');
      params.push(email);
    }
    const { rows, total } = customers.list({ where, params, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(
      paging,
      total,
      rows.map((r) => withStamps(r, ctx)),
    );
  });
}
