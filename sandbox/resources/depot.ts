/**
 * Stock depots (depot/details, depot/list, depot/quantities) and the stock ledger every inventory endpoint shares:
 * each depot document keeps `_stock` = { [partId]: { quantity, serials } } (sandbox bookkeeping, never shown as is).
 * Every change goes through `setStock`/`moveStock`, which keep the two invariants:
 *   - a serializable part's quantity in a depot is exactly its number of serials;
 *   - a serial number of a part is in one depot at most.
 * Depots are created in the back office (no create endpoint): the seed and tests insert them directly
 * (`store.collection('depot').insert({name, isDefault, isProvider})`).
 *
 * Readings taken:
 * - depot ids are GUID strings, as every example shows (the field table's "int" is taken as a slip); they are
 *   matched case-insensitively. Depot references in bodies accept id/name and idStock/nmStock spellings.
 * - depot/list answers depots without `parts` (as documented); name is a wildcard/contains search; sort name (default)
 *   | isProvider. details lists only parts with a quantity above 0, by part name.
 * - depot/quantities sets (replaces) the quantity of each listed part in the depot. `productCode` is the part
 *   reference. Per-item errors go to the entry's `error` list (null where the item loaded), as the example:
 *   "Depot part Id not found" (unknown productCode), a serial already in another depot, serials for an unserialized
 *   part, a quantity for a serialized part that is not its serial count, a bad quantity. Duplicate serials in an item
 *   are collapsed (the example sends "771045" twice and reports no error). An unknown depot answers that entry with
 *   `id: null, partsLoaded: 0, error: ["Depot not found"]`. A body that is not a list is a 400.
 * - moves: quantity is a whole number of 1 or more; an overdraw (more than the source holds, or a serial the source
 *   does not hold) is a 400 and changes nothing; source and destination must differ.
 */
import { readPaging, readSort } from '../http/params';
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Doc, Row } from '../store/collection';
import type { Store } from '../store/store';
import { field, likePattern, listResponse, requireObject, selectByParam, type Body } from './common';

export interface StockLine {
  quantity: number;
  serials: string[];
}
type Ledger = Record<string, StockLine>;

const ledger = (row: Row): Ledger => ({ ...((row.doc._stock as Ledger | undefined) ?? {}) });

export function depotByKey(store: Store, id: unknown): Row | null {
  if (id === undefined || id === null || id === '') return null;
  const depots = store.collection('depot');
  return depots.get(String(id)) ?? depots.get(String(id).toLowerCase());
}

/** A depot named in a body by {id|idStock} or {name|nmStock}; 400 naming the field when unknown. */
export function resolveDepot(store: Store, ref: unknown, name: string): Row {
  if (!ref || typeof ref !== 'object' || Array.isArray(ref))
    throw badRequest(`Field '${name}' is required: {"id": …} or {"name": …}`);
  const id = field(ref as Body, 'id') ?? field(ref as Body, 'idStock');
  const nm = field(ref as Body, 'name') ?? field(ref as Body, 'nmStock');
  if (id !== undefined && id !== null && id !== '') {
    const row = depotByKey(store, id);
    if (!row) throw badRequest(`Field '${name}': unknown depot (id=${String(id)})`);
    return row;
  }
  if (typeof nm === 'string' && nm.trim()) {
    const row = store.collection('depot').findBy('name', nm.trim())[0];
    if (!row) throw badRequest(`Field '${name}': unknown depot (name=${nm})`);
    return row;
  }
  throw badRequest(`Field '${name}' must name the depot by id or name`);
}

/** A part named by {id} or {reference}; an id that is no part id is tried as a reference (the example's "p666"). */
export function resolvePart(store: Store, ref: unknown, name: string): Row {
  if (!ref || typeof ref !== 'object' || Array.isArray(ref))
    throw badRequest(`Field '${name}' is required: {"id": …} or {"reference": …}`);
  const parts = store.collection('part');
  const id = field(ref as Body, 'id');
  const reference = field(ref as Body, 'reference');
  if (id !== undefined && id !== null && id !== '') {
    const row = parts.get(id as number) ?? (typeof id === 'string' ? parts.findBy('reference', id)[0] : undefined);
    if (!row) throw badRequest(`Field '${name}': unknown part (id=${String(id)})`);
    return row;
  }
  if (typeof reference === 'string' && reference) {
    const row = parts.findBy('reference', reference)[0];
    if (!row) throw badRequest(`Field '${name}': unknown part (reference=${reference})`);
    return row;
  }
  throw badRequest(`Field '${name}' must name the part by id or reference`);
}

export function stockOf(depot: Row, partId: number | string): StockLine {
  const l = ledger(depot)[String(partId)];
  return l ? { quantity: l.quantity, serials: [...l.serials] } : { quantity: 0, serials: [] };
}

/** Replaces a part's stock line in a depot (quantity 0 removes it). Callers check the invariants first. */
export function setStock(store: Store, depotId: string, partId: number | string, line: StockLine): void {
  const depots = store.collection('depot');
  const row = depots.get(depotId)!;
  const l = ledger(row);
  if (line.quantity > 0) l[String(partId)] = { quantity: line.quantity, serials: [...line.serials] };
  else delete l[String(partId)];
  depots.update(row.id, { ...row.doc, _stock: l });
}

/** The depot holding a serial of a part, if any. */
export function serialHolder(store: Store, partId: number | string, serial: string): Row | null {
  return (
    store
      .collection('depot')
      .all()
      .find((d) => stockOf(d, partId).serials.includes(serial)) ?? null
  );
}

export function partHasStock(store: Store, partId: number | string): boolean {
  return store
    .collection('depot')
    .all()
    .some((d) => stockOf(d, partId).quantity > 0);
}

/** Reads a move's amount: serials for serializable parts (quantity optional, must agree), a quantity otherwise. */
export function readMoveAmount(
  part: Row,
  quantity: unknown,
  serials: unknown,
  where: string,
): { quantity: number; serials: string[] } {
  if (part.doc.isSerializable) {
    if (!Array.isArray(serials) || !serials.length || serials.some((s) => typeof s !== 'string' || !s.trim())) {
      throw badRequest(`Field '${where}serials' is required for a serialized part: a list of serial numbers`);
    }
    const list = serials.map((s: string) => s.trim());
    if (new Set(list).size !== list.length) throw badRequest(`Field '${where}serials' lists a serial number twice`);
    if (quantity !== undefined && quantity !== null && Number(quantity) !== list.length) {
      throw badRequest(
        `Field '${where}quantity' (${String(quantity)}) does not match the ${list.length} serial numbers`,
      );
    }
    return { quantity: list.length, serials: list };
  }
  if (serials !== undefined && serials !== null && !(Array.isArray(serials) && serials.length === 0)) {
    throw badRequest(`Field '${where}serials': the part is not serialized, send a quantity`);
  }
  const n = typeof quantity === 'string' && /^\d+$/.test(quantity.trim()) ? Number(quantity) : quantity;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
    throw badRequest(`Field '${where}quantity' must be a whole number of 1 or more`);
  return { quantity: n, serials: [] };
}

/**
 * Moves stock between depots, or throws a 400 (nothing changed: the caller's transaction rolls back). Records the
 * movement in `partmovement` for the audit trail.
 */
export function moveStock(
  store: Store,
  move: {
    source: Row;
    destination: Row;
    part: Row;
    quantity: number;
    serials: string[];
    partRequestId?: string;
    now: number;
  },
): { quantityMoved: number; serialsMoved: string[] } {
  const { source, destination, part, quantity, serials } = move;
  if (source.id === destination.id) throw badRequest(`Field 'destination' must be another depot than the source`);
  const from = stockOf(source, part.id);
  if (part.doc.isSerializable) {
    const missing = serials.filter((s) => !from.serials.includes(s));
    if (missing.length)
      throw badRequest(
        `Field 'serials': depot '${String(source.doc.name)}' does not hold serial number(s) ${missing.join(', ')}`,
      );
  } else if (from.quantity < quantity) {
    throw badRequest(
      `Field 'quantity': depot '${String(source.doc.name)}' holds ${from.quantity} of part '${String(part.doc.reference ?? part.id)}', cannot move ${quantity}`,
    );
  }
  const to = stockOf(store.collection('depot').get(destination.id as string)!, part.id);
  const left = from.serials.filter((s) => !serials.includes(s));
  setStock(store, source.id as string, part.id, { quantity: from.quantity - quantity, serials: left });
  setStock(store, destination.id as string, part.id, {
    quantity: to.quantity + quantity,
    serials: [...to.serials, ...serials],
  });
  store.collection('partmovement').insert({
    part: { id: part.id, reference: part.doc.reference ?? null, name: part.doc.name ?? null },
    source: { id: source.id, name: source.doc.name },
    destination: { id: destination.id, name: destination.doc.name },
    quantity,
    serials,
    partRequestId: move.partRequestId ?? null,
  });
  return { quantityMoved: quantity, serialsMoved: serials };
}

const summary = (row: Row) => ({
  id: row.id as string,
  name: String(row.doc.name ?? ''),
  isDefault: row.doc.isDefault === true,
  isProvider: row.doc.isProvider === true,
});

export function depotDoc(store: Store, row: Row): Doc {
  const parts = store.collection('part');
  const lines = Object.entries(ledger(row))
    .filter(([, l]) => l.quantity > 0)
    .map(([partId, l]) => {
      const p = parts.get(partId, { includeDeleted: true });
      return {
        id: Number(partId),
        name: p?.doc.name ?? null,
        reference: p?.doc.reference ?? null,
        quantity: l.quantity,
        serials: l.serials,
      };
    })
    .sort((a, b) => String(a.name).localeCompare(String(b.name)) || a.id - b.id);
  return { ...summary(row), parts: lines };
}

function loadItem(store: Store, depot: Row, raw: unknown): string | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return 'Each part must be an object {productCode, quantity, serials}';
  const item = raw as Body;
  const code = field(item, 'productCode');
  const part =
    typeof code === 'string' || typeof code === 'number'
      ? store.collection('part').findBy('reference', String(code))[0]
      : undefined;
  if (!part) return 'Depot part Id not found';
  const quantity = field(item, 'quantity');
  const serials = field(item, 'serials');
  if (part.doc.isSerializable) {
    if (!Array.isArray(serials) || serials.some((s) => typeof s !== 'string' || !s.trim()))
      return 'Serial numbers are required for a serialized part';
    const list = [...new Set(serials.map((s: string) => s.trim()))];
    if (quantity !== undefined && quantity !== null && Number(quantity) !== list.length)
      return `Quantity ${String(quantity)} does not match the ${list.length} serial numbers`;
    for (const s of list) {
      const holder = serialHolder(store, part.id, s);
      if (holder && holder.id !== depot.id) return `Serial number ${s} is already in depot ${String(holder.doc.name)}`;
    }
    setStock(store, depot.id as string, part.id, { quantity: list.length, serials: list });
    return null;
  }
  if (Array.isArray(serials) && serials.length)
    return 'The part is not serialized: send a quantity, not serial numbers';
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0)
    return 'Quantity must be a whole number of 0 or more';
  setStock(store, depot.id as string, part.id, { quantity, serials: [] });
  return null;
}

export function registerDepots(router: Router, store: Store): void {
  const depots = store.collection('depot');

  router.get('depot/details', (ctx) => {
    const id = ctx.query.str('id');
    const row = id ? depotByKey(store, id) : null;
    if (row) return depotDoc(store, row);
    return depotDoc(store, selectByParam(ctx.query, depots, { id: 'id' }, 'Depot')[0]);
  });

  router.get('depot/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, { name: 'name', isProvider: 'is_provider' }, 'name');
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [name, column] of [
      ['isProvider', 'is_provider'],
      ['isDefault', 'is_default'],
    ] as const) {
      const v = q.bool(name);
      if (v !== undefined) {
        where.push(`${column} = ?`);
        params.push(v ? 1 : 0);
      }
    }
    const name = q.str('name');
    if (name) {
      where.push(`name LIKE ? ESCAPE '\\'`);
      params.push(likePattern(name));
    }
    const { rows, total } = depots.list({ where, params, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(paging, total, rows.map(summary));
  });

  router.post('depot/quantities', (ctx) => {
    if (!Array.isArray(ctx.body)) throw badRequest('The request body must be a JSON list of {depot, parts}');
    return ctx.body.map((raw: unknown) => {
      const entry = requireObject(raw, 'depot entry');
      const ref = field(entry, 'depot');
      let depot: Row | null = null;
      try {
        depot = resolveDepot(store, ref, 'depot');
      } catch {
        depot = null;
      }
      const given =
        ref && typeof ref === 'object' ? ((field(ref as Body, 'name') as string | undefined) ?? null) : null;
      if (!depot) return { id: null, name: given, partsLoaded: 0, error: ['Depot not found'] };
      const items = field(entry, 'parts');
      if (!Array.isArray(items)) throw badRequest(`Field 'parts' must be a list of {productCode, quantity, serials}`);
      const error = items.map((it) => loadItem(store, depotByKey(store, depot.id)!, it));
      return { id: depot.id, name: depot.doc.name, partsLoaded: error.filter((e) => e === null).length, error };
    });
  });
}
