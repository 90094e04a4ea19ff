/**
 * Equipment: details / send (upsert on id or myId) / delete / undelete / list / activate / desactivate, built like
 * customers from the shared record helpers in common.ts.
 *
 * Readings taken where the reference is ambiguous or contradicts itself:
 * - A piece of equipment needs a customer or a site on creation ({id} or {myId}). Equipment on a site carries that
 *   site's customer: sending a site sets the customer; sending both with a customer that does not own the site is a
 *   400 naming 'customer'. On update, `site: null` detaches it from its site (it keeps its customer); sending only
 *   a new customer while the equipment stays on a site of another customer is a 400; `customer: null` is a 400.
 * - Tags are inherited on creation from the site when one is given, else from the customer, merged with those sent.
 * - The examples show no address or position for equipment: none are kept.
 * - Undelete/activate/desactivate answer `{EquipmentsUnDeleted:[{id,isUnDeleted}]}`, `{EquipmentsActivated:…}`,
 *   `{EquipmentsDesactivated:…}` as the reference examples spell them.
 * - list sorts: name (default), dateModified, dateCreated, myId (the text says "three values" and lists four: all
 *   four are accepted). Filters customer_id/customer_myId/site_id/site_myId/name (wildcard)/active/changedSince.
 * - Embedded customer/site references are served from the current records ({id, myId, name}).
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
  listResponse,
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

const TEXT_FIELDS = ['name', 'myId'] as const;
const PARAMS = { id: 'id', myId: 'my_id', name: 'name' };
const REF_KEYS = { id: 'id', myId: 'my_id' };

export function registerEquipment(router: Router, store: Store): void {
  const equipment = store.collection('equipment');
  const customers = store.collection('customer');
  const sites = store.collection('site');

  const show = (ctx: Ctx, row: Row) => {
    const doc = withStamps(row, ctx);
    const c = customers.get((row.doc.customer as Doc | null)?.id as number, { includeDeleted: true });
    if (c) doc.customer = recordRef(c);
    const s = sites.get((row.doc.site as Doc | null)?.id as number, { includeDeleted: true });
    if (s) doc.site = recordRef(s);
    return doc;
  };

  router.get('equipment/details', (ctx) => show(ctx, selectByParam(ctx.query, equipment, PARAMS, 'Equipment')[0]));

  router.post('equipment/send', (ctx) => {
    const body = requireObject(ctx.body);
    const existing = findUpsertTarget(equipment, body, 'Equipment', { field: 'myId', column: 'my_id' });
    const doc: Doc = existing
      ? { ...existing.doc }
      : { publicLink: publicLink(ctx, 'Equipment'), active: true, site: null };

    const site = resolveRef(field(body, 'site'), sites, REF_KEYS, 'site');
    const customer = resolveRef(field(body, 'customer'), customers, REF_KEYS, 'customer');
    if (customer === null) throw badRequest(`Field 'customer' cannot be null: equipment belongs to a customer`);
    if (!existing && !site && !customer) {
      throw badRequest(`Field 'customer' or 'site' is required: {"id": …} or {"myId": …} of an existing record`);
    }
    if (site === null) doc.site = null;
    if (site) {
      const owner = (site.doc.customer as Doc).id;
      if (customer && customer.id !== owner) {
        throw badRequest(
          `Field 'customer' does not match site ${String(site.id)}, which belongs to customer ${String(owner)}`,
        );
      }
      doc.site = recordRef(site);
      doc.customer = recordRef(customers.get(owner as number, { includeDeleted: true }));
    } else if (customer) {
      const current = doc.site ? sites.get((doc.site as Doc).id as number, { includeDeleted: true }) : null;
      if (current && (current.doc.customer as Doc).id !== customer.id) {
        throw badRequest(
          `Field 'customer' does not own the equipment's site ${String(current.id)}: send "site" too, or "site": null`,
        );
      }
      doc.customer = recordRef(customer);
    }

    applyRecordBody(store, equipment, body, doc, existing, {
      what: 'Equipment',
      textFields: TEXT_FIELDS,
      customFieldType: 'equipment',
      address: false,
      inheritedTags: (site ?? customer)?.doc.tags,
    });
    const row = existing ? equipment.update(existing.id, doc) : equipment.insert(doc);
    return show(ctx, row);
  });

  registerLifecycle(router, equipment, 'equipment', 'Equipment', PARAMS, {
    undeleted: ['EquipmentsUnDeleted', 'isUnDeleted'],
    activated: ['EquipmentsActivated', 'isActivated'],
    desactivated: ['EquipmentsDesactivated', 'isDesactivated'],
  });

  router.get('equipment/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, RECORD_SORTS, 'name');
    const where: string[] = [];
    const params: unknown[] = [];
    recordListFilters(q, where, params);
    refFilter(q, where, params, 'customer', 'customer_id', { table: customers.table, keys: REF_KEYS });
    refFilter(q, where, params, 'site', 'site_id', { table: sites.table, keys: REF_KEYS });
    const { rows, total } = equipment.list({ where, params, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(
      paging,
      total,
      rows.map((r) => show(ctx, r)),
    );
  });
}
