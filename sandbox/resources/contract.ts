/**
 * Contracts (marked "TO COME" in the reference): details / send / list, implemented as documented.
 *
 * Readings taken where the reference is ambiguous or contradicts itself:
 * - id is a UUID (text), num a system-assigned sequence; both read-only. send updates when `id` or `num` names an
 *   existing contract, else creates (as documented); an unknown id or num is not kept, the answer carries new ones.
 * - Creation needs `name` and `customer` ({id} or {myId}). `site` is optional and must belong to that customer.
 * - The field table says `equipments`, the examples `equipment`: both are read, `equipment` is served. Items name a
 *   piece of equipment by id or myId (the example's `myID` is read case-insensitively) with `action` add (default)
 *   or remove; equipment must belong to the contract's customer. Served as {id, myId, name}.
 * - `jobTypes` items name a job type by id or name with `sla` (an SLA name of this contract, or null) and `action`
 *   add (default, updates the sla of a type already there) or remove. Served as {id, name, sla}.
 * - `sla` is replaced as a whole when sent: [{name, tto, tts, ttr}], minutes as integers >= 0, unique names. SLA
 *   names still used by job types cannot be dropped (400 naming 'sla').
 * - start/end are dates "YYYY-MM-DD" (optional; end on or after start). `hours` is "total number of minutes"
 *   (integer >= 0, nullable). `hoursUsed` is read-only and follows the field table (integer), not the example's
 *   text "60": the sum of `duration` of the jobs that name this contract (`job.contract.id`).
 * - active defaults to true; list shows active contracts unless active=false (then the inactive ones).
 * - list answers "simplified contracts" (no equipment, hoursUsed nor sla), ordered by num. name is a wildcard
 *   search; start keeps contracts not ended before it (end >= start or no end); end keeps contracts not starting
 *   after it (start <= end or no start). customer_myId/site_myId are text despite the table's "integer".
 * - No delete endpoint is documented: none is served.
 */
import { randomUUID } from 'node:crypto';
import { readPaging } from '../http/params';
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import type { Collection, Doc, Row } from '../store/collection';
import {
  field,
  likePattern,
  listResponse,
  optBool,
  optDate,
  optInt,
  optString,
  publicDoc,
  recordRef,
  refFilter,
  requireObject,
  resolveRef,
  selectByParam,
  type Body,
} from './common';
import { datePart } from '../../lib/synchroteam/dates';

const REF_KEYS = { id: 'id', myId: 'my_id' };
const PARAMS = { id: 'id', num: 'num' };

function readDay(body: Body, name: string): string | null | undefined {
  const d = optDate(body, name);
  if (d === undefined || d === null) return d;
  if (d.slice(11) !== '00:00:00') throw badRequest(`Field '${name}' must be a date YYYY-MM-DD`);
  return datePart(d);
}

function readSla(body: Body): Doc[] | undefined {
  const v = field(body, 'sla');
  if (v === undefined) return undefined;
  if (v === null) return [];
  if (!Array.isArray(v)) throw badRequest(`Field 'sla' must be a list of {name, tto, tts, ttr}`);
  const names = new Set<string>();
  return v.map((raw, i) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
      throw badRequest(`Field 'sla[${i}]' must be {name, tto, tts, ttr}`);
    const item = raw as Body;
    const name = optString(item, 'name', 100);
    if (!name || !name.trim()) throw badRequest(`Field 'sla[${i}].name' is required`);
    if (names.has(name.toLowerCase())) throw badRequest(`Field 'sla[${i}].name': '${name}' is given twice`);
    names.add(name.toLowerCase());
    const out: Doc = { name };
    for (const k of ['tto', 'tts', 'ttr']) {
      let n: number | null | undefined;
      try {
        n = optInt(item, k, { min: 0 });
      } catch {
        throw badRequest(`Field 'sla[${i}].${k}' must be a number of minutes (0 or more)`);
      }
      if (n === undefined || n === null) throw badRequest(`Field 'sla[${i}].${k}' is required (minutes)`);
      out[k] = n;
    }
    return out;
  });
}

/** Applies a list of {ref…, action: add|remove} items to a list of references. */
function applyItems(
  list: unknown,
  name: string,
  current: Doc[],
  coll: Collection,
  keys: Record<string, string>,
  build: (row: Row, item: Body, path: string) => Doc,
): Doc[] {
  if (list === undefined) return current;
  if (list === null) return [];
  if (!Array.isArray(list)) throw badRequest(`Field '${name}' must be a list`);
  const out = [...current];
  list.forEach((raw, i) => {
    const path = `${name}[${i}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest(`Field '${path}' must be an object`);
    const item = raw as Body;
    const action = (optString(item, 'action', 10) ?? 'add').toLowerCase();
    if (action !== 'add' && action !== 'remove') throw badRequest(`Field '${path}.action' must be add or remove`);
    const row = resolveRef(item, coll, keys, path)!;
    const at = out.findIndex((x) => x.id === row.id);
    if (action === 'remove') {
      if (at >= 0) out.splice(at, 1);
    } else if (at >= 0) out[at] = build(row, item, path);
    else out.push(build(row, item, path));
  });
  return out;
}

export function registerContracts(router: Router, store: Store): void {
  const contracts = store.collection('contract');
  const customers = store.collection('customer');
  const sites = store.collection('site');
  const equipment = store.collection('equipment');
  const jobTypes = store.collection('jobtype');

  const hoursUsed = (id: string | number) =>
    store
      .collection('job')
      .all(`json_extract(doc, '$.contract.id') = ?`, [id])
      .reduce((s, r) => s + (Number(r.doc.duration) || 0), 0);

  const full = (row: Row): Doc => ({ ...publicDoc(row.doc), id: row.id, hoursUsed: hoursUsed(row.id) });
  const simplified = (row: Row): Doc => {
    const { equipment: _e, sla: _s, hoursUsed: _h, ...rest } = publicDoc(row.doc);
    return { ...rest, id: row.id };
  };

  router.get('contract/details', (ctx) => full(selectByParam(ctx.query, contracts, PARAMS, 'Contract')[0]));

  router.post('contract/send', (ctx) => {
    const body = requireObject(ctx.body);
    let existing: Row | null = null;
    const id = field(body, 'id');
    const num = field(body, 'num');
    if (id !== undefined && id !== null && id !== '') {
      existing = contracts.get(String(id));
    }
    // "if id or num exist, the contract will be updated, if not the contract will be created".
    if (!existing && num !== undefined && num !== null && num !== '' && num !== 0) {
      existing = contracts.findBy('num', Number(num))[0] ?? null;
    }
    const doc: Doc = existing
      ? { ...existing.doc }
      : {
          id: randomUUID(),
          note: null,
          site: null,
          equipment: [],
          jobTypes: [],
          start: null,
          end: null,
          hours: null,
          sla: [],
          active: true,
        };

    const name = optString(body, 'name', 200);
    if (name !== undefined) doc.name = name;
    if (typeof doc.name !== 'string' || !doc.name.trim()) throw badRequest(`Field 'name' is required`);
    const note = optString(body, 'note', 10000);
    if (note !== undefined) doc.note = note;

    const customer = resolveRef(field(body, 'customer'), customers, REF_KEYS, 'customer');
    if (customer === null || (!customer && !existing))
      throw badRequest(`Field 'customer' is required: {"id": …} or {"myId": …}`);
    if (customer) doc.customer = recordRef(customer);
    const customerId = (doc.customer as Doc).id;
    const site = resolveRef(field(body, 'site'), sites, REF_KEYS, 'site');
    if (site !== undefined) doc.site = recordRef(site);
    if (doc.site) {
      const s = sites.get((doc.site as Doc).id as number, { includeDeleted: true });
      if ((s?.doc.customer as Doc | undefined)?.id !== customerId)
        throw badRequest(`Field 'site' must be a site of customer ${String(customerId)}`);
    }

    const equipmentList = field(body, 'equipment') !== undefined ? field(body, 'equipment') : field(body, 'equipments');
    doc.equipment = applyItems(
      equipmentList,
      'equipment',
      doc.equipment as Doc[],
      equipment,
      REF_KEYS,
      (row, _item, path) => {
        if ((row.doc.customer as Doc).id !== customerId)
          throw badRequest(`Field '${path}': equipment ${String(row.id)} is not the customer's`);
        return recordRef(row)!;
      },
    );
    for (const e of doc.equipment as Doc[]) {
      const row = equipment.get(e.id as number, { includeDeleted: true });
      if ((row?.doc.customer as Doc | undefined)?.id !== customerId)
        throw badRequest(`Field 'customer': equipment ${String(e.id)} of this contract belongs to another customer`);
    }

    const sla = readSla(body);
    if (sla !== undefined) doc.sla = sla;
    const slaName = (item: Body, path: string) => {
      const v = field(item, 'sla');
      if (v === undefined || v === null || v === '') return null;
      const hit = (doc.sla as Doc[]).find((s) => String(s.name).toLowerCase() === String(v).toLowerCase());
      if (!hit) throw badRequest(`Field '${path}.sla': this contract has no SLA named '${String(v)}'`);
      return hit.name as string;
    };
    doc.jobTypes = applyItems(
      field(body, 'jobTypes'),
      'jobTypes',
      doc.jobTypes as Doc[],
      jobTypes,
      { id: 'id', name: 'name' },
      (row, item, path) => ({
        id: row.id,
        name: row.doc.name,
        sla: slaName(item, path),
      }),
    );
    for (const jt of doc.jobTypes as Doc[]) {
      if (jt.sla && !(doc.sla as Doc[]).some((s) => s.name === jt.sla)) {
        throw badRequest(`Field 'sla': SLA '${String(jt.sla)}' is still used by job type '${String(jt.name)}'`);
      }
    }

    for (const f of ['start', 'end'] as const) {
      const d = readDay(body, f);
      if (d !== undefined) doc[f] = d;
    }
    if (doc.start && doc.end && String(doc.end) < String(doc.start))
      throw badRequest(`Field 'end' must be on or after start`);
    const hours = optInt(body, 'hours', { min: 0 });
    if (hours !== undefined) doc.hours = hours;
    const active = optBool(body, 'active');
    if (active !== undefined) doc.active = active;
    delete doc.hoursUsed;

    let row: Row;
    if (existing) row = contracts.update(existing.id, doc);
    else {
      doc.num = store.next('contract');
      row = contracts.insert(doc, { active: doc.active !== false });
    }
    return full(row);
  });

  router.get('contract/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const where: string[] = [];
    const params: unknown[] = [];
    const name = q.str('name');
    if (name) {
      where.push(`name LIKE ? ESCAPE '\\'`);
      params.push(likePattern(name));
    }
    refFilter(q, where, params, 'customer', 'customer_id', { table: customers.table, keys: REF_KEYS });
    refFilter(q, where, params, 'site', 'site_id', { table: sites.table, keys: REF_KEYS });
    const start = q.date('start');
    if (start) {
      where.push('(end_date IS NULL OR end_date >= ?)');
      params.push(datePart(start));
    }
    const end = q.date('end');
    if (end) {
      where.push('(start IS NULL OR start <= ?)');
      params.push(datePart(end));
    }
    where.push('active = ?');
    params.push(q.bool('active') === false ? 0 : 1);
    const { rows, total } = contracts.list({ where, params, orderBy: 'num ASC', ...paging });
    return listResponse(paging, total, rows.map(simplified));
  });
}
