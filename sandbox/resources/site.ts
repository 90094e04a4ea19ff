/**
 * Sites: details / send (upsert on id or myId) / delete / undelete / list / activate / desactivate, built like
 * customers from the shared record helpers in common.ts.
 *
 * Readings taken where the reference is ambiguous or contradicts itself:
 * - A site belongs to exactly one customer: `customer` ({id} or {myId}) is required on creation, may be changed on
 *   update, never cleared (400). An unknown or deleted customer is a 400 naming 'customer'.
 * - "If the referring customer has tags defined, these are inherited by the site": on creation the site's tags are
 *   the customer's tags merged with the tags sent; later customer tag changes do not propagate.
 * - The field table lists contactFirstName/contactLastName, the examples show contactName: all three are served.
 *   contactName is stored as sent; when only first/last names are sent it is composed from them ("First Last").
 * - Undelete/activate/desactivate answer `{SitesUnDeleted:[{id,isUnDeleted}]}`, `{SitesActivated:[{id,isActivated}]}`
 *   and `{SitesDesactivated:[{id,isDesactivated}]}`, exactly as the reference examples spell them.
 * - The embedded `customer` is served from the customer's current record ({id, myId, name}), so a renamed customer
 *   shows its new name on its sites.
 * - list: without `active` only active sites; customer_id / customer_myId filter; sorts name (default),
 *   dateModified, dateCreated, myId; changedSince is UTC.
 * - Moving a site to another customer moves the equipment on that site with it (equipment carries its site's customer).
 * - send with an `id` that does not exist is a 404 (ids are system-assigned); an unknown `myId` creates.
 */
import { readPaging, readSort } from '../http/params';
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import type { Doc, Row } from '../store/collection';
import {
  applyRecordBody,
  field,
  findUpsertTarget,
  has,
  listResponse,
  optString,
  RECORD_SORTS,
  recordListFilters,
  recordRef,
  refFilter,
  registerLifecycle,
  requireObject,
  resolveRef,
  selectByParam,
  withStamps,
  type Ctx,
} from './common';
import { publicLink } from './customer';

export const SITE_TEXT_FIELDS = [
  'name',
  'myId',
  'contactLastName',
  'contactFirstName',
  'contactName',
  'contactPhone',
  'contactMobile',
  'contactEmail',
  'contactFax',
] as const;

const PARAMS = { id: 'id', myId: 'my_id', name: 'name' };
const REF_KEYS = { id: 'id', myId: 'my_id' };

export function registerSites(router: Router, store: Store): void {
  const sites = store.collection('site');
  const customers = store.collection('customer');

  /** The site as the API shows it, with its customer reference read from the customer's current record. */
  const show = (ctx: Ctx, row: Row) => {
    const doc = withStamps(row, ctx);
    const c = customers.get((row.doc.customer as Doc | null)?.id as number, { includeDeleted: true });
    if (c) doc.customer = recordRef(c);
    return doc;
  };

  router.get('site/details', (ctx) => show(ctx, selectByParam(ctx.query, sites, PARAMS, 'Site')[0]));

  router.post('site/send', (ctx) => {
    const body = requireObject(ctx.body);
    const existing = findUpsertTarget(sites, body, 'Site', { field: 'myId', column: 'my_id' });
    const doc: Doc = existing ? { ...existing.doc } : { publicLink: publicLink(ctx, 'Site'), active: true };

    const customer = resolveRef(field(body, 'customer'), customers, REF_KEYS, 'customer');
    if (customer === null || (customer === undefined && !existing)) {
      throw badRequest(`Field 'customer' is required: {"id": …} or {"myId": …} of an existing customer`);
    }
    if (customer) doc.customer = recordRef(customer);

    const namesSent = has(body, 'contactFirstName') || has(body, 'contactLastName');
    applyRecordBody(store, sites, body, doc, existing, {
      what: 'Site',
      textFields: SITE_TEXT_FIELDS,
      customFieldType: 'site',
      address: true,
      inheritedTags: customer?.doc.tags,
    });
    if (optString(body, 'contactName') === undefined && namesSent) {
      doc.contactName = [doc.contactFirstName, doc.contactLastName].filter(Boolean).join(' ') || null;
    }
    const row = existing ? sites.update(existing.id, doc) : sites.insert(doc);
    if (existing && customer && customer.id !== (existing.doc.customer as Doc | null)?.id) {
      // Equipment on a site carries that site's customer: moving the site moves its equipment.
      const equipment = store.collection('equipment');
      for (const e of equipment.all('site_id = ?', [row.id], { includeDeleted: true })) {
        equipment.update(e.id, { ...e.doc, customer: recordRef(customer) }, { touch: true });
      }
    }
    return show(ctx, row);
  });

  registerLifecycle(router, sites, 'site', 'Site', PARAMS, {
    undeleted: ['SitesUnDeleted', 'isUnDeleted'],
    activated: ['SitesActivated', 'isActivated'],
    desactivated: ['SitesDesactivated', 'isDesactivated'],
  });

  router.get('site/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, RECORD_SORTS, 'name');
    const where: string[] = [];
    const params: unknown[] = [];
    recordListFilters(q, where, params);
    refFilter(q, where, params, 'customer', 'customer_id', { table: customers.table, keys: REF_KEYS });
    const { rows, total } = sites.list({ where, params, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(
      paging,
      total,
      rows.map((r) => show(ctx, r)),
    );
  });
}
