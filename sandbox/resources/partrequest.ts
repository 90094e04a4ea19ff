/**
 * Part requests: partrequest/details, /send (create or update), /list, /fulfill. A request asks for parts to go from a
 * source depot to a destination depot; fulfilling it moves the stock (depot.ts rules: overdraws are refused).
 *
 * Readings taken:
 * - ids are GUID strings (as the examples); `source`/`destination` are answered as {idStock, nmStock} and accepted as
 *   {idStock|id, nmStock|name}. `user` (by id or login) is required on create, as are source, destination and part
 *   (by id or reference); `quantity` is a whole number ≥ 1, or is taken from a `serials` list when one is sent.
 * - `dateCreated` is answered as "YYYY-MM-DD HH:mm" (the field table; the example's seconds are not kept).
 * - `isSent` (a list filter and sort the object table forgets) is answered on the object: true once any part of the
 *   request has been fulfilled. `isComplete` is true once fulfilled without `isPartial`, or fully.
 * - deletion is the `isDeleted` flag (send isDeleted:true); details still answers a deleted request; list hides
 *   deleted requests unless `isDeleted` is given. changedSince/createdSince are UTC, like every changedSince.
 * - fulfill names the request by `id` or `requestId` (the examples use both). A serialized part is fulfilled by
 *   `serials` (quantity optional, must agree); others by `quantity`, required. More than what remains, a deleted or
 *   complete request, or stock the source lacks is a 400 and changes nothing.
 * - an update may not change source, destination, part, or lower the quantity below what was already sent.
 */
import { localToEpoch } from '../../lib/synchroteam/dates';
import { readPaging, readSort } from '../http/params';
import { badRequest, notFound } from '../http/errors';
import type { Router } from '../http/router';
import type { Doc, Row } from '../store/collection';
import type { Store } from '../store/store';
import {
  changedSinceFilter,
  field,
  has,
  listResponse,
  localStamp,
  optBool,
  publicDoc,
  requireObject,
  type Body,
  type Ctx,
} from './common';
import { depotByKey, moveStock, readMoveAmount, resolveDepot, resolvePart } from './depot';

const depotRef = (row: Row) => ({ idStock: row.id as string, nmStock: String(row.doc.name ?? '') });

function userRef(store: Store, ref: unknown): Doc {
  if (!ref || typeof ref !== 'object' || Array.isArray(ref))
    throw badRequest(`Field 'user' is required: {"id": …} or {"login": …}`);
  const users = store.collection('user');
  const id = field(ref as Body, 'id');
  const login = field(ref as Body, 'login');
  const row =
    id !== undefined && id !== null && id !== ''
      ? users.get(id as number)
      : typeof login === 'string' && login
        ? (users.findBy('login', login)[0] ?? null)
        : undefined;
  if (row === undefined) throw badRequest(`Field 'user' must name the user by id or login`);
  if (!row)
    throw badRequest(
      `Field 'user': unknown user (${id !== undefined ? `id=${String(id)}` : `login=${String(login)}`})`,
    );
  const d = row.doc;
  const name = d.name ?? ([d.firstName, d.lastName].filter(Boolean).join(' ') || null);
  return { id: row.id, name, login: d.login ?? null };
}

const partRef = (row: Row) => ({
  id: row.id as number,
  reference: row.doc.reference ?? null,
  name: row.doc.name ?? null,
  unitPrice: row.doc.price ?? '0.00',
  isSerializable: row.doc.isSerializable === true,
});

function requestDoc(row: Row, ctx: Pick<Ctx, 'config'>): Doc {
  return { ...publicDoc(row.doc), id: row.id, dateCreated: localStamp(row.createdMs, ctx) };
}

export function registerPartRequests(router: Router, store: Store): void {
  const requests = store.collection('partrequest');
  const find = (id: unknown): Row => {
    if (id === undefined || id === null || id === '') throw badRequest(`Identify the part request with 'id'`);
    const row = requests.get(String(id)) ?? requests.get(String(id).toLowerCase());
    if (!row) throw notFound(`Part request not found (id=${String(id)})`);
    return row;
  };

  router.get('partrequest/details', (ctx) => requestDoc(find(ctx.query.str('id')), ctx));

  router.post('partrequest/send', (ctx) => {
    const body = requireObject(ctx.body);
    const id = field(body, 'id');
    // The reference is silent on an unknown id ("specify to perform an update"): it creates, like every other send.
    const existing =
      id !== undefined && id !== null && id !== ''
        ? (requests.get(String(id)) ?? requests.get(String(id).toLowerCase()))
        : null;
    const doc: Doc = existing
      ? { ...existing.doc }
      : { isDeleted: false, isComplete: false, isUrgent: false, isSent: false, _sent: 0 };
    const sent = Number(doc._sent ?? 0);
    const frozen = (name: string) => {
      if (existing && sent > 0) throw badRequest(`Field '${name}' cannot change once parts of the request were sent`);
    };
    if (!existing || has(body, 'source')) {
      frozen('source');
      doc.source = depotRef(resolveDepot(store, field(body, 'source'), 'source'));
    }
    if (!existing || has(body, 'destination')) {
      frozen('destination');
      doc.destination = depotRef(resolveDepot(store, field(body, 'destination'), 'destination'));
    }
    if ((doc.source as Doc).idStock === (doc.destination as Doc).idStock)
      throw badRequest(`Field 'destination' must be another depot than the source`);
    if (!existing || has(body, 'user')) doc.user = userRef(store, field(body, 'user'));
    let part = existing ? store.collection('part').get((doc.part as Doc).id as number, { includeDeleted: true }) : null;
    if (!existing || has(body, 'part')) {
      frozen('part');
      part = resolvePart(store, field(body, 'part'), 'part');
      doc.part = partRef(part);
    }
    if (!existing || has(body, 'quantity') || has(body, 'serials')) {
      const serials = field(body, 'serials');
      const quantity = field(body, 'quantity');
      const amount =
        Array.isArray(serials) && serials.length
          ? readMoveAmount(part!, quantity, serials, '')
          : readMoveAmount({ ...part!, doc: { ...part!.doc, isSerializable: false } }, quantity, undefined, '');
      if (amount.quantity < sent) throw badRequest(`Field 'quantity' cannot be below the ${sent} already sent`);
      doc.quantity = amount.quantity;
      if (existing && sent > 0) doc.isComplete = sent >= amount.quantity;
    }
    for (const f of ['isUrgent', 'isDeleted'] as const) {
      const v = optBool(body, f);
      if (v !== undefined) doc[f] = v;
    }
    const row = existing ? requests.update(existing.id, doc) : requests.insert(doc);
    return requestDoc(row, ctx);
  });

  router.post('partrequest/fulfill', (ctx) => {
    const body = requireObject(ctx.body);
    const id = field(body, 'id') ?? field(body, 'requestId');
    if (id === undefined || id === null || id === '') throw badRequest(`Field 'id' (or 'requestId') is required`);
    const row = find(id);
    const doc = { ...row.doc };
    if (doc.isDeleted) throw badRequest(`Part request ${String(row.id)} is deleted`);
    if (doc.isComplete) throw badRequest(`Part request ${String(row.id)} is already complete`);
    const part = store.collection('part').get((doc.part as Doc).id as number, { includeDeleted: true });
    if (!part) throw badRequest(`The part of request ${String(row.id)} no longer exists`);
    const source = depotByKey(store, (doc.source as Doc).idStock);
    const destination = depotByKey(store, (doc.destination as Doc).idStock);
    if (!source || !destination) throw badRequest(`A depot of request ${String(row.id)} no longer exists`);
    const amount = readMoveAmount(part, field(body, 'quantity'), field(body, 'serials'), '');
    const sent = Number(doc._sent ?? 0);
    const remaining = Number(doc.quantity) - sent;
    if (amount.quantity > remaining)
      throw badRequest(`Field 'quantity': only ${remaining} of the request remain to be sent (got ${amount.quantity})`);
    moveStock(store, { source, destination, part, ...amount, partRequestId: String(row.id), now: ctx.now });
    const isPartial = optBool(body, 'isPartial') === true;
    doc._sent = sent + amount.quantity;
    doc.isSent = true;
    doc.isComplete = !isPartial || (doc._sent as number) >= Number(doc.quantity);
    return requestDoc(requests.update(row.id, doc), ctx);
  });

  router.get('partrequest/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, { dateCreated: 'created_ms', isUrgent: 'is_urgent', isSent: 'is_sent' }, 'dateCreated');
    const where: string[] = [];
    const params: unknown[] = [];
    changedSinceFilter(q, where, params);
    const createdSince = q.date('createdSince');
    if (createdSince) {
      where.push('created_ms > ?');
      params.push(localToEpoch(createdSince, 'UTC'));
    }
    for (const [name, column] of [
      ['isUrgent', 'is_urgent'],
      ['isDeleted', 'is_deleted'],
      ['isSent', 'is_sent'],
      ['isComplete', 'is_complete'],
    ] as const) {
      const v = q.bool(name);
      if (v !== undefined) {
        where.push(`${column} = ?`);
        params.push(v ? 1 : 0);
      } else if (name === 'isDeleted') where.push('is_deleted = 0');
    }
    const { rows, total } = requests.list({ where, params, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(
      paging,
      total,
      rows.map((r) => requestDoc(r, ctx)),
    );
  });
}
