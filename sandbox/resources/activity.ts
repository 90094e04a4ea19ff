/**
 * Activities (time off, travel, clocked time…): details / send / delete / list.
 *
 * Readings taken where the reference is ambiguous or contradicts itself:
 * - "Required Fields For Creation" lists nothing: activityType ({id} or {name}), dateStart, dateEnd and exactly one
 *   of user ({id} or {login}) / team ({id} or {name}) are required. A team may only hold an unavailability
 *   ("used only for unavailabilities"); anything else is a 400 naming 'team'.
 * - dateEnd must be after dateStart (400 naming 'dateEnd'). Dates are account-local, served "YYYY-MM-DD HH:mm".
 * - distance: {km} or {mi} or both; a missing unit is computed (1 mi = 1.609344 km), both rounded to 2 decimals with
 *   decimal arithmetic. Served as numbers, null when absent.
 * - Embedded refs follow the object: activityType {id, name, category, payable}, user {id, login, firstName,
 *   lastName}, team {id, name}. Deleted users/teams cannot be referenced.
 * - list: startDate and endDate go together (one without the other is a 400). An activity is listed when it
 *   overlaps the window: dateStart <= endDate and dateEnd >= startDate. activityType_category accepts "unavail" and
 *   "unavailability" (the reference spells it both ways), activityType_name is exact (case-insensitive); user_login
 *   is documented as integer but is a login: read as text. Sorts: startDate (default), endDate, activityType_name,
 *   user_login.
 * - delete removes the activity for good from every answer (soft delete kept for the record, no undelete exists).
 */
import { parseDecimal, round2 } from '../../lib/synchroteam/money';
import { formatApiDateTime } from '../../lib/synchroteam/dates';
import { readPaging, readSort } from '../http/params';
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Store } from '../store/store';
import type { Doc, Row } from '../store/collection';
import {
  field,
  findUpsertTarget,
  listResponse,
  optDate,
  optString,
  publicDoc,
  requireObject,
  resolveRef,
  selectByParam,
  type Body,
} from './common';
import { readCategory } from './activitytype';

const KM_PER_MI = '1.609344';

function readDistance(body: Body): Doc | null | undefined {
  const v = field(body, 'distance');
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) throw badRequest(`Field 'distance' must be {"km": …, "mi": …}`);
  const read = (unit: string) => {
    const raw = field(v as Body, unit);
    if (raw === undefined || raw === null) return null;
    const d = parseDecimal(raw as number | string);
    if (!d || d.isNegative()) throw badRequest(`Field 'distance.${unit}' must be a number of 0 or more`);
    return d;
  };
  const km = read('km');
  const mi = read('mi');
  if (!km && !mi) throw badRequest(`Field 'distance' needs km or mi`);
  return {
    km: round2(km ?? mi!.times(KM_PER_MI)).toNumber(),
    mi: round2(mi ?? km!.dividedBy(KM_PER_MI)).toNumber(),
  };
}

export function registerActivities(router: Router, store: Store): void {
  const activities = store.collection('activity');
  const types = store.collection('activitytype');
  const users = store.collection('user');
  const teams = store.collection('team');

  const show = (row: Row) => publicDoc(row.doc);

  router.get('activity/details', (ctx) => show(selectByParam(ctx.query, activities, { id: 'id' }, 'Activity')[0]));

  router.post('activity/send', (ctx) => {
    const body = requireObject(ctx.body);
    const existing = findUpsertTarget(activities, body, 'Activity');
    const doc: Doc = existing ? { ...existing.doc } : { note: null, distance: null, user: null, team: null };

    const type = resolveRef(field(body, 'activityType'), types, { id: 'id', name: 'name' }, 'activityType');
    if (type === null || (!type && !existing)) throw badRequest(`Field 'activityType' is required: {"id": …}`);
    if (type) {
      const t = type.doc;
      doc.activityType = { id: type.id, name: t.name, category: t.category, payable: t.payable === true };
    }
    const note = optString(body, 'note', 4000);
    if (note !== undefined) doc.note = note;
    for (const f of ['dateStart', 'dateEnd'] as const) {
      const d = optDate(body, f);
      if (d === null) throw badRequest(`Field '${f}' cannot be empty`);
      if (d) doc[f] = formatApiDateTime(d);
    }
    if (!doc.dateStart) throw badRequest(`Field 'dateStart' is required (YYYY-MM-DD hh:mm)`);
    if (!doc.dateEnd) throw badRequest(`Field 'dateEnd' is required (YYYY-MM-DD hh:mm)`);
    if (String(doc.dateEnd) <= String(doc.dateStart)) throw badRequest(`Field 'dateEnd' must be after dateStart`);
    const distance = readDistance(body);
    if (distance !== undefined) doc.distance = distance;

    const user = resolveRef(field(body, 'user'), users, { id: 'id', login: 'login' }, 'user');
    const team = resolveRef(field(body, 'team'), teams, { id: 'id', name: 'name' }, 'team');
    if (user !== undefined) {
      doc.user = user && {
        id: user.id,
        login: user.doc.login,
        firstName: user.doc.firstName ?? null,
        lastName: user.doc.lastName ?? null,
      };
      if (user && team === undefined) doc.team = null;
    }
    if (team !== undefined) {
      doc.team = team && { id: team.id, name: team.doc.name };
      if (team && user === undefined) doc.user = null;
    }
    if (doc.user && doc.team)
      throw badRequest(`Fields 'user' and 'team': an activity belongs to a user or to a team, not both`);
    if (!doc.user && !doc.team) throw badRequest(`Field 'user' is required (or 'team' for an unavailability)`);
    if (doc.team && (doc.activityType as Doc).category !== 'unavail') {
      throw badRequest(
        `Field 'team' is only for unavailabilities; activity type '${String((doc.activityType as Doc).name)}' is ${String((doc.activityType as Doc).category)}`,
      );
    }
    const row = existing ? activities.update(existing.id, doc) : activities.insert(doc);
    return show(row);
  });

  router.delete('activity/delete', (ctx) => {
    const rows = selectByParam(ctx.query, activities, { id: 'id' }, 'Activity');
    for (const r of rows) activities.setDeleted(r.id, true);
    return rows.map((r) => ({ id: r.id, deleted: true }));
  });

  router.get('activity/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(
      q,
      { startDate: 'date_start', endDate: 'date_end', activityType_name: 'type_name', user_login: 'user_login' },
      'startDate',
    );
    const where: string[] = [];
    const params: unknown[] = [];
    const start = q.date('startDate');
    const end = q.date('endDate');
    if (!!start !== !!end) throw badRequest(`Parameters 'startDate' and 'endDate' go together: give both or neither`);
    if (start && end) {
      if (end < start) throw badRequest(`Parameter 'endDate' must not be before startDate`);
      where.push('date_start <= ? AND date_end >= ?');
      params.push(end, start);
    }
    const typeName = q.str('activityType_name');
    if (typeName) {
      where.push('type_name = ?');
      params.push(typeName);
    }
    const category = readCategory(q, 'activityType_category');
    if (category) {
      where.push('category = ?');
      params.push(category);
    }
    const userId = q.int('user_id');
    if (userId !== undefined) {
      where.push('user_id = ?');
      params.push(userId);
    }
    const login = q.str('user_login');
    if (login) {
      where.push('user_id IN (SELECT id FROM r_user WHERE login = ?)');
      params.push(login);
    }
    const teamId = q.int('team_id');
    if (teamId !== undefined) {
      where.push('team_id = ?');
      params.push(teamId);
    }
    const { rows, total } = activities.list({ where, params, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(paging, total, rows.map(show));
  });
}
