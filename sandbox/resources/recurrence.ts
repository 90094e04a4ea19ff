/**
 * Recurrences: recurrence/details (id), list, send (create/update), delete (soft), and PUT recurrence/close.
 *
 * Readings taken:
 * - Upsert keys: id, then num, then myId; nothing found creates, as documented (an unknown id or num is not kept:
 *   the answer carries the new ones).
 * - The customer is accepted as `customer` or `client` (the send example uses client); answers always use the
 *   documented object's names: `customer` and `isClosed` (the send example's `client`/`flClosed` are not followed).
 * - Creating needs a customer or a site, dateStart, frequency (integer ≥ 1) and frequencyLevel (day, week, month,
 *   year). days is emitted as the example's string "1,5" (Monday = 1 … Sunday = 7) and accepted as that string or a
 *   list of integers. dateStart/dateEnd are emitted "YYYY-MM-DD HH:mm"; dateEnd must not be before dateStart.
 * - duration is read-only, the job type's duration (null without type). customFields are job custom field values.
 * - Absent references (site, equipment, type, preferences' window/team/user) are null rather than the example's
 *   `{"id": null}` objects.
 * - list: show=ongoing (default) or closed; deleted recurrences never show. dateFrom keeps recurrences starting on or
 *   after it, dateTo those ending on or before it (an open-ended recurrence does not end before any date).
 * - Address and contacts default from the site, else the customer, on creation (as for jobs).
 * - The sandbox does not generate jobs from recurrences (no endpoint shows that).
 */
import { formatApiDateTime, datePart, endOfDay } from '../../lib/synchroteam/dates';
import { badRequest, notFound } from '../http/errors';
import { readPaging, type Query } from '../http/params';
import type { Router } from '../http/router';
import type { Doc, Row } from '../store/collection';
import type { Store } from '../store/store';
import {
  ADDRESS_FIELDS,
  applyAddress,
  field,
  has,
  listResponse,
  localStamp,
  mergeCustomFieldValues,
  optBool,
  optDate,
  optEnum,
  optInt,
  optString,
  publicDoc,
  requireObject,
  resolveRef,
  type Body,
  type Ctx,
} from './common';
import { resolveTeam, resolveWindow } from './job-preferences';
import { CONTACT_FIELDS, namedRef, recordRef, resolveUser, userRef } from './job-shared';
import { PRIORITIES } from './jobtype';

const LEVELS = ['day', 'week', 'month', 'year'] as const;
const REF_KEYS = { id: 'id', myId: 'my_id', name: 'name' };

function show(row: Row, ctx: Ctx): Doc {
  return { ...publicDoc(row.doc), dateDeleted: row.deleted && row.deletedMs ? localStamp(row.deletedMs, ctx) : null };
}

function byId(q: Query, store: Store): Row {
  const id = q.str('id');
  if (id === undefined) throw badRequest(`Parameter 'id' is required`);
  if (!/^\d+$/.test(id)) throw badRequest(`Parameter 'id' must be an integer (got '${id}')`);
  const row = store.collection('recurrence').get(Number(id));
  if (!row) throw notFound(`Recurrence not found (id=${id})`);
  return row;
}

function readDays(body: Body): string | null | undefined {
  const v = field(body, 'days');
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  const list = Array.isArray(v) ? v : typeof v === 'number' ? [v] : typeof v === 'string' ? v.split(',') : null;
  if (!list) throw badRequest(`Field 'days' must be a list of days 1 (Monday) to 7 (Sunday), such as "1,5"`);
  const days = list.map((d) => Number(String(d).trim()));
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    throw badRequest(`Field 'days' must hold days 1 (Monday) to 7 (Sunday)`);
  return [...new Set(days)].sort().join(',');
}

function readRecurrencePreferences(store: Store, current: Doc, raw: unknown): Doc {
  if (raw === null || raw === undefined) return current;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badRequest(`Field 'preferences' must be an object`);
  const body = raw as Body;
  const prefs = { ...current };
  const win = resolveWindow(store, field(body, 'schedulingWindow'), 'preferences.schedulingWindow');
  if (win !== undefined) prefs.schedulingWindow = win;
  const team = resolveTeam(store, field(body, 'team'), 'preferences.team');
  if (team !== undefined) prefs.team = team;
  const user = field(body, 'user');
  if (user !== undefined) prefs.user = user === null ? null : userRef(resolveUser(store, user, 'preferences.user')!);
  const days = optInt(body, 'autoScheduleDays', { min: 0, max: 365 });
  if (days !== undefined) prefs.autoScheduleDays = days ?? 0;
  const auto = optBool(body, 'flAutoSchedule');
  if (auto !== undefined) prefs.flAutoSchedule = auto;
  const time = optString(body, 'specificTime', 5);
  if (time !== undefined) {
    if (time !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
      throw badRequest(`Field 'preferences.specificTime' must be hh:mm`);
    prefs.specificTime = time;
  }
  return prefs;
}

export function registerRecurrences(router: Router, store: Store): void {
  const recs = store.collection('recurrence');

  router.get('recurrence/details', (ctx) => show(byId(ctx.query, store), ctx));

  router.delete('recurrence/delete', (ctx) => {
    const row = byId(ctx.query, store);
    recs.setDeleted(row.id, true);
    return { id: row.id, isDeleted: true };
  });

  router.put('recurrence/close', (ctx) => {
    const row = byId(ctx.query, store);
    recs.update(row.id, { ...row.doc, isClosed: true });
    return { id: row.id, isClosed: true };
  });

  router.get('recurrence/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const where: string[] = ['is_closed = ?'];
    const params: unknown[] = [(q.oneOf('show', ['ongoing', 'closed'] as const) ?? 'ongoing') === 'closed' ? 1 : 0];
    const from = q.date('dateFrom');
    if (from) {
      where.push('date_start >= ?');
      params.push(from);
    }
    const to = q.date('dateTo');
    if (to) {
      where.push('date_end <= ?');
      params.push(to.slice(11) === '00:00:00' ? endOfDay(datePart(to)) : to);
    }
    const ref = (prefix: string, coll: string, column: string, alt: 'myId' | 'name') => {
      const id = q.int(`${prefix}_id`);
      if (id !== undefined) {
        where.push(`${column} = ?`);
        params.push(id);
      }
      const key = q.str(`${prefix}_${alt}`);
      if (key !== undefined) {
        const ids = store
          .collection(coll)
          .findBy(alt === 'myId' ? 'my_id' : 'name', key, { includeDeleted: true })
          .map((r) => r.id);
        where.push(ids.length ? `${column} IN (${ids.map(() => '?').join(',')})` : '0');
        params.push(...ids);
      }
    };
    ref('customer', 'customer', 'customer_id', 'myId');
    ref('site', 'site', 'site_id', 'myId');
    ref('equipment', 'equipment', 'equipment_id', 'myId');
    ref('type', 'jobtype', 'type_id', 'name');
    ref('reportTemplate', 'reporttemplate', 'report_template_id', 'name');
    const { rows, total } = recs.list({ where, params, orderBy: 'num ASC', ...paging });
    return listResponse(
      paging,
      total,
      rows.map((r) => show(r, ctx)),
    );
  });

  router.post('recurrence/send', (ctx) => {
    const body = requireObject(ctx.body);
    const [id, num, myIdKey] = [field(body, 'id'), field(body, 'num'), field(body, 'myId')];
    const present = (v: unknown) => v !== undefined && v !== null && v !== '' && v !== 0;
    let existing: Row | null = null;
    if (present(id)) {
      existing = recs.get(id as number);
    }
    // "if id, myId or num exists, the recurrence will be updated, if not the recurrence will be created".
    if (!existing && present(num)) existing = recs.findBy('num', Number(num))[0] ?? null;
    if (!existing && present(myIdKey)) existing = recs.findBy('my_id', String(myIdKey))[0] ?? null;
    const creating = !existing;
    const doc: Doc = existing
      ? structuredClone(existing.doc)
      : {
          myId: null,
          num: store.next('recurrence.num', 1),
          description: null,
          priority: 'medium',
          customer: null,
          site: null,
          equipment: null,
          type: null,
          reportTemplate: null,
          createdBy: null,
          dateStart: null,
          dateEnd: null,
          frequency: 1,
          frequencyLevel: null,
          days: null,
          duration: null,
          customFields: [],
          isClosed: false,
          idContract: null,
          preferences: {
            schedulingWindow: null,
            team: null,
            user: null,
            autoScheduleDays: 0,
            flAutoSchedule: false,
            specificTime: null,
          },
        };
    const myId = optString(body, 'myId', 100);
    if (myId !== undefined) doc.myId = myId || null;
    if (doc.myId && recs.findBy('my_id', doc.myId).some((r) => r.id !== existing?.id)) {
      throw badRequest(`Field 'myId': another recurrence already uses myId '${String(doc.myId)}'`);
    }
    const description = optString(body, 'description', 10000);
    if (description !== undefined) doc.description = description;
    const priority = optEnum(body, 'priority', PRIORITIES);
    if (priority) doc.priority = priority;

    // Parties, as for jobs: the customer may be given as `client`.
    const custRaw = field(body, 'customer') ?? field(body, 'client');
    const cust = resolveRef(custRaw, store.collection('customer'), REF_KEYS, 'customer');
    const site = resolveRef(field(body, 'site'), store.collection('site'), REF_KEYS, 'site');
    const eq = resolveRef(field(body, 'equipment'), store.collection('equipment'), REF_KEYS, 'equipment');
    let customer = cust ?? null;
    if (site) {
      const owner = (site.doc.customer as Doc | null)?.id;
      if (cust && owner !== undefined && owner !== cust.id)
        throw badRequest(`Field 'site': site ${String(site.id)} belongs to another customer`);
      customer ??= owner ? store.collection('customer').get(owner as number) : null;
    }
    if (customer) doc.customer = recordRef(customer.doc);
    if (!doc.customer) throw badRequest(`Field 'customer' or 'site' is required to create a recurrence`);
    if (site !== undefined) doc.site = site ? recordRef(site.doc) : null;
    if (eq !== undefined) doc.equipment = eq ? recordRef(eq.doc) : null;

    const type = resolveRef(field(body, 'type'), store.collection('jobtype'), { id: 'id', name: 'name' }, 'type');
    if (type !== undefined) doc.type = type ? namedRef(type.doc) : null;
    const typeDoc = doc.type ? store.collection('jobtype').get((doc.type as Doc).id as number)?.doc : null;
    doc.duration = (typeDoc?.duration as string) ?? null;
    const tpl = resolveRef(
      field(body, 'reportTemplate'),
      store.collection('reporttemplate'),
      { id: 'id', name: 'name' },
      'reportTemplate',
    );
    if (tpl !== undefined) doc.reportTemplate = tpl ? namedRef(tpl.doc) : null;
    else if (creating && typeDoc?.defaultJobReport) doc.reportTemplate = typeDoc.defaultJobReport;
    if (creating && has(body, 'createdBy'))
      doc.createdBy = userRef(resolveUser(store, field(body, 'createdBy'), 'createdBy')!);

    const addressSent = ADDRESS_FIELDS.some((f) => has(body, f)) || has(body, 'position');
    const source = creating
      ? ((doc.site ? store.collection('site').get((doc.site as Doc).id as number)?.doc : null) ??
        store.collection('customer').get((doc.customer as Doc).id as number)?.doc)
      : null;
    if (addressSent) applyAddress(doc, body);
    else if (source) {
      for (const f of ADDRESS_FIELDS) doc[f] = (source[f] as string) ?? null;
      doc.position = source.position ?? null;
    }
    for (const f of ADDRESS_FIELDS) doc[f] ??= null;
    doc.position ??= null;
    for (const f of CONTACT_FIELDS) {
      const v = optString(body, f, 500);
      if (v !== undefined) doc[f] = v;
      else if (source) doc[f] = (source[f] as string) ?? null;
      doc[f] ??= null;
    }

    const start = optDate(body, 'dateStart');
    if (start !== undefined) doc.dateStart = formatApiDateTime(start);
    const end = optDate(body, 'dateEnd');
    if (end !== undefined) doc.dateEnd = formatApiDateTime(end);
    if (!doc.dateStart) throw badRequest(`Field 'dateStart' is required`);
    if (doc.dateEnd && (doc.dateEnd as string) < (doc.dateStart as string))
      throw badRequest(`Field 'dateEnd' must not be before dateStart`);
    const freq = optInt(body, 'frequency', { min: 1, max: 1000 });
    if (freq !== undefined && freq !== null) doc.frequency = freq;
    const level = optEnum(body, 'frequencyLevel', LEVELS);
    if (level) doc.frequencyLevel = level;
    if (!doc.frequencyLevel) throw badRequest(`Field 'frequencyLevel' is required: one of ${LEVELS.join(', ')}`);
    const days = readDays(body);
    if (days !== undefined) doc.days = days;
    doc.customFields = mergeCustomFieldValues(store, 'job', doc.customFields, field(body, 'customFields'));
    doc.preferences = readRecurrencePreferences(store, doc.preferences as Doc, field(body, 'preferences'));

    const row = existing ? recs.update(existing.id, doc) : recs.insert(doc);
    return show(row, ctx);
  });
}
