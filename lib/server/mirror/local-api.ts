/**
 * API reads answered from the mirror: the same paths, queries and answers as Synchroteam's, so every screen and store
 * that reads through the gateway reads the mirror without knowing it. A query the mirror cannot answer exactly — a
 * resource not backfilled yet, a filter it does not implement, jobs older than its horizon, an invalid parameter whose
 * error the API should phrase — answers null, and the caller reads the API live.
 *
 * Readings are the API's as the sandbox implements them (sandbox/resources/*-list.ts): pageSize 25 by default and at
 * most 100, a page past the end is empty, parameter names are case-insensitive, lists sort by their documented default
 * (then id), customer/site/equipment lists show active records unless `active=false`, job/list dateFrom/dateTo overlap
 * the job's span (actual times when known, ongoing jobs open-ended), changedSince is UTC.
 */
import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { epochToLocal, isDateOnly, localToEpoch, parseApiDate, datePart, endOfDay } from '@/lib/synchroteam/dates';
import { JOB_STATUSES } from '@/lib/synchroteam/job-status';
import {
  DEEP_TIMELINE_EVENTS,
  OPEN_BILLING_STATUSES,
  RESOURCE_BY_LIST,
  RESOURCE_BY_NAME,
  type Doc,
  type ResourceDef,
} from './resources';
import { mirrorJobs, mirrorTeams, mirrorUsers, type MirrorRecordTable } from './schema';
import type { MirrorStore } from './store';

export interface LocalAnswer {
  status: number;
  body: unknown;
}

type Params = Map<string, string[]>;

const OPEN_STATUSES = ['created', 'scheduled', 'synchronized', 'started', 'paused'];

function params(query: URLSearchParams): Params {
  const m: Params = new Map();
  for (const [k, v] of query) {
    const key = k.toLowerCase();
    m.set(key, [...(m.get(key) ?? []), v]);
  }
  return m;
}

/** Null unless every parameter given is one the handler implements. */
function only(p: Params, allowed: string[]): boolean {
  for (const k of p.keys()) if (!allowed.includes(k)) return false;
  return true;
}

const one = (p: Params, k: string): string | undefined => p.get(k)?.[0];

function int(p: Params, k: string): number | undefined | null {
  const v = one(p, k);
  if (v === undefined) return undefined;
  return /^-?\d+$/.test(v.trim()) ? Number(v) : null;
}

function bool(p: Params, k: string): boolean | undefined | null {
  const v = one(p, k)?.toLowerCase();
  if (v === undefined) return undefined;
  return v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : null;
}

function paging(p: Params): { page: number; pageSize: number } | null {
  const page = int(p, 'page') ?? 1;
  const size = int(p, 'pagesize') ?? 25;
  if (page === null || size === null || page < 1 || size < 1) return null;
  return { page, pageSize: Math.min(size, 100) };
}

/** UTC instant filter (changedSince) → epoch ms; null when unreadable (the API phrases that error). */
function utcMs(p: Params, k: string): number | undefined | null {
  const v = one(p, k);
  if (v === undefined) return undefined;
  const d = parseApiDate(v);
  return d ? localToEpoch(d, 'UTC') : null;
}

function sortOf(p: Params, allowed: Record<string, SQLiteColumn | SQL>, fallback: string): SQL[] | null {
  const want = one(p, 'sort');
  const key = want === undefined ? fallback : Object.keys(allowed).find((k) => k.toLowerCase() === want.toLowerCase());
  const order = one(p, 'sortorder')?.toLowerCase() ?? 'ascending';
  if (!key || (order !== 'ascending' && order !== 'descending')) return null;
  const col = allowed[key];
  return [order === 'descending' ? desc(col) : asc(col)];
}

/** A page of a list; answer() adds the envelope's request/object. */
function page(total: number, pg: { page: number; pageSize: number }, data: unknown[]): LocalAnswer {
  return {
    status: 200,
    body: { page: pg.page, pageSize: pg.pageSize, records: data.length, recordsTotal: total, data },
  };
}

export class LocalApi {
  constructor(private readonly store: MirrorStore) {}

  /** The answer to GET `path`?`query` from the mirror, or null to read live. */
  answer(path: string, query: URLSearchParams): LocalAnswer | null {
    const a = this.route(path, query);
    if (!a || !a.body || typeof a.body !== 'object' || Array.isArray(a.body) || !('recordsTotal' in a.body)) return a;
    // The list envelope starts with the call's action and resource, as the path names them (the reference's generic
    // list example: {"request":"list","object":"job",…}).
    const parts = path.split('/').filter(Boolean);
    return { ...a, body: { request: parts[parts.length - 1] ?? '', object: parts[0] ?? '', ...(a.body as object) } };
  }

  private route(path: string, query: URLSearchParams): LocalAnswer | null {
    const lower = path.toLowerCase().replace(/^\/+/, '');
    const p = params(query);
    if (lower === 'job/list') return this.ready('jobs') ? this.jobList(p) : null;
    if (lower === 'job/details') return this.ready('jobs') ? this.jobDetails(p) : null;
    const def = RESOURCE_BY_LIST.get(lower);
    if (def && this.ready(def.name)) return this.recordList(def, p);
    // user/details answers the same document as user/list (the tracking page's technician, with lastLocation).
    const detailsOf = ['customer/details', 'site/details', 'equipment/details', 'user/details'].indexOf(lower);
    if (detailsOf >= 0) {
      const d = RESOURCE_BY_NAME.get((['customers', 'sites', 'equipment', 'users'] as const)[detailsOf])!;
      return this.ready(d.name) ? this.recordDetails(d, p) : null;
    }
    return null;
  }

  /** Ordered ids of recent job/list queries, keyed by query and the mirror's change counter (jobList). */
  private readonly orderedIds = new Map<string, string[]>();

  private ready(name: ResourceDef['name']): boolean {
    return this.store.cursor(name).ready;
  }

  // ── jobs ─────────────────────────────────────────────────────────────────────────────────────────────────────
  private jobList(p: Params): LocalAnswer | null {
    if (
      !only(p, [
        'page',
        'pagesize',
        'datefrom',
        'dateto',
        'status',
        'user_id',
        'team_id',
        'customer_id',
        'site_id',
        'equipment_id',
        'type_id',
        'changedsince',
        'show',
        'sort',
        'sortorder',
        'otherTechnicians'.toLowerCase(),
        'myid',
      ])
    )
      return null;
    const pg = paging(p);
    if (!pg) return null;
    const where: (SQL | undefined)[] = [];
    const show = one(p, 'show')?.toLowerCase() ?? 'active';
    if (show === 'active') where.push(eq(mirrorJobs.deleted, false));
    else if (show === 'deleted') where.push(eq(mirrorJobs.deleted, true));
    else if (show !== 'all') return null;

    const statuses = (p.get('status') ?? [])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    if (statuses.some((s) => !(JOB_STATUSES as readonly string[]).includes(s))) return null;
    if (statuses.length) where.push(inArray(mirrorJobs.status, [...new Set(statuses)]));

    const fromRaw = one(p, 'datefrom');
    const toRaw = one(p, 'dateto');
    const from = fromRaw === undefined ? undefined : parseApiDate(fromRaw);
    let to = toRaw === undefined ? undefined : parseApiDate(toRaw);
    if (from === null || to === null) return null;
    if (to && isDateOnly(toRaw!)) to = endOfDay(datePart(to));
    if (from && to && to < from) return null;
    if (from || to) where.push(isNotNull(mirrorJobs.spanStart), isNotNull(mirrorJobs.spanEnd));
    if (from) where.push(gte(mirrorJobs.spanEnd, from));
    if (to) where.push(lte(mirrorJobs.spanStart, to));

    const since = utcMs(p, 'changedsince');
    if (since === null) return null;
    if (since !== undefined) where.push(gte(mirrorJobs.modifiedMs, since));

    // Older jobs than the horizon are not all here: only queries the horizon covers are answered.
    const horizon = this.store.jobHorizon();
    if (horizon !== null) {
      const covered =
        (from && horizon !== undefined && from >= horizon) ||
        (statuses.length && statuses.every((s) => OPEN_STATUSES.includes(s))) ||
        (since !== undefined && horizon !== undefined && since >= localToEpoch(horizon, this.store.timeZone));
      if (!covered) return null;
    }

    for (const [k, col] of [
      ['user_id', mirrorJobs.technicianId],
      ['customer_id', mirrorJobs.customerId],
      ['site_id', mirrorJobs.siteId],
      ['equipment_id', mirrorJobs.equipmentId],
      ['type_id', mirrorJobs.typeId],
    ] as const) {
      const v = int(p, k);
      if (v === null) return null;
      if (v !== undefined) where.push(eq(col, v));
    }
    const teamId = int(p, 'team_id');
    if (teamId === null) return null;
    if (teamId !== undefined) {
      const members = this.teamMembers(teamId);
      where.push(members.length ? inArray(mirrorJobs.technicianId, members) : sql`0`);
    }
    const myId = one(p, 'myid');
    if (myId !== undefined) where.push(eq(mirrorJobs.myId, myId));
    const withOthers = bool(p, 'othertechnicians');
    if (withOthers === null) return null;

    const order = sortOf(
      p,
      {
        num: mirrorJobs.num,
        scheduledStart: mirrorJobs.scheduledStart,
        scheduledEnd: mirrorJobs.scheduledEnd,
        actualStart: mirrorJobs.actualStart,
        actualEnd: mirrorJobs.actualEnd,
        dateModified: mirrorJobs.modifiedMs,
      },
      'num',
    );
    if (!order) return null;
    const db = this.store.db;
    const cond = and(...where);
    const { total, ids } = this.orderedPage(
      mirrorJobs,
      cond,
      [...order, asc(mirrorJobs.id)],
      pg,
      `jobs?${paramsKey(p)}`,
    );
    const docs = docsById(db, mirrorJobs, ids);
    const data = ids.map((id) => {
      const d = JSON.parse(docs.get(id)!) as Doc;
      if (!withOthers) delete d.otherTechnicians;
      return d;
    });
    return page(total, pg, data);
  }

  /** Technicians whose `teams` name the team (job/list team_id's reading). */
  private teamMembers(teamId: number): number[] {
    const db = this.store.db;
    const team = db
      .select({ doc: mirrorTeams.doc })
      .from(mirrorTeams)
      .where(eq(mirrorTeams.id, String(teamId)))
      .get();
    if (!team) return [];
    const name = String((JSON.parse(team.doc) as Doc).name ?? '').toLowerCase();
    return db
      .select({ id: mirrorUsers.id, doc: mirrorUsers.doc })
      .from(mirrorUsers)
      .all()
      .filter((u) =>
        (((JSON.parse(u.doc) as Doc).teams as unknown[]) ?? []).some((t) =>
          typeof t === 'string' ? t.toLowerCase() === name : (t as Doc | null)?.id === teamId,
        ),
      )
      .map((u) => Number(u.id));
  }

  private jobDetails(p: Params): LocalAnswer | null {
    if (!only(p, ['id', 'num', 'myid'])) return null;
    const id = one(p, 'id');
    const num = int(p, 'num');
    const myId = one(p, 'myid');
    if (num === null) return null;
    const doc = this.store.jobDetails(
      id !== undefined ? { id } : num !== undefined ? { num } : myId !== undefined ? { myId } : {},
    );
    return doc ? { status: 200, body: doc } : null;
  }

  // ── other resources ──────────────────────────────────────────────────────────────────────────────────────────
  private recordList(def: ResourceDef, p: Params): LocalAnswer | null {
    const table = def.table!;
    const pg = paging(p);
    if (!pg) return null;
    const where: (SQL | undefined)[] = [];
    let order: SQL[] | null;
    const common = ['page', 'pagesize'];
    switch (def.name) {
      case 'customers':
      case 'sites':
      case 'equipment': {
        const refs =
          def.name === 'sites' ? ['customer_id'] : def.name === 'equipment' ? ['customer_id', 'site_id'] : [];
        if (!only(p, [...common, 'name', 'active', 'changedsince', 'sort', 'sortorder', ...refs])) return null;
        const active = bool(p, 'active');
        if (active === null) return null;
        where.push(eq(table.active, active !== false));
        const name = one(p, 'name');
        if (name) where.push(sql`${table.name} LIKE ${likePattern(name)} ESCAPE '\\'`);
        const since = utcMs(p, 'changedsince');
        if (since === null) return null;
        if (since !== undefined) where.push(gte(table.modifiedMs, since));
        for (const [k, col] of [
          ['customer_id', table.parentId],
          ['site_id', table.parent2Id],
        ] as const) {
          if (!refs.includes(k)) continue;
          const v = int(p, k);
          if (v === null) return null;
          if (v !== undefined) where.push(eq(col, String(v)));
        }
        order = sortOf(p, { name: table.name, dateModified: table.modifiedMs, myId: table.myId }, 'name');
        break;
      }
      case 'users': {
        if (!only(p, [...common, 'show'])) return null;
        const show = one(p, 'show')?.toLowerCase() ?? 'active';
        if (show === 'active') where.push(eq(table.deleted, false));
        else if (show === 'deleted') where.push(eq(table.deleted, true));
        else if (show !== 'all') return null;
        order = [asc(table.name)];
        break;
      }
      case 'activities': {
        if (!only(p, [...common, 'startdate', 'enddate', 'user_id', 'activitytype_category'])) return null;
        const cat = one(p, 'activitytype_category')?.toLowerCase();
        if (cat !== undefined) {
          const c = cat === 'unavailability' ? 'unavail' : cat;
          if (!['unavail', 'atwork', 'travel', 'clock'].includes(c)) return null;
          where.push(eq(table.status, c));
        }
        const start = parseApiDate(one(p, 'startdate'));
        const end = parseApiDate(one(p, 'enddate'));
        const w = this.activityWindow();
        if (!start || !end || end < start || !w || start < w.from || end > w.to) return null;
        where.push(lte(table.date1, end), gte(table.date2, start));
        const user = int(p, 'user_id');
        if (user === null) return null;
        if (user !== undefined) where.push(eq(table.parentId, String(user)));
        order = [asc(table.date1)];
        break;
      }
      case 'invoices':
      case 'quotations':
      case 'creditNotes':
        return this.billingList(def, p, pg);
      case 'timeline':
        return this.timelineList(def, p);
      case 'teams':
      case 'jobTypes':
      case 'schedulingWindows':
      case 'activityTypes':
      case 'taxes':
      case 'depots':
      case 'reportTemplates':
        if (!only(p, common)) return null;
        order = [asc(table.name)];
        break;
      default:
        return null;
    }
    if (!order) return null;
    const answer = this.select(table, where, order, pg, `${def.name}?${paramsKey(p)}`);
    // A search that finds nothing is asked live: the record may have been created in Synchroteam since the last sync
    // (someone types the name of the customer they have just added). One call, and only when the mirror has no match.
    if (one(p, 'name') && (answer.body as { recordsTotal: number }).recordsTotal === 0) return null;
    return answer;
  }

  /**
   * invoice, quotation and credit-note lists. The mirror holds every document changed in the backfill's window
   * (resources.ts: 400 days) and every open one: a query is answered when its since-filter lies inside that window or
   * it asks for an open status. Reading: paidSince compares with the document's paymentDate (the API's own paid
   * instant is not in the document), createdSince with dateCreated (minute precision).
   */
  private billingList(def: ResourceDef, p: Params, pg: { page: number; pageSize: number }): LocalAnswer | null {
    const table = def.table!;
    if (
      !only(p, [
        'page',
        'pagesize',
        'status',
        'customer_id',
        'site_id',
        'job_id',
        'changedsince',
        'createdsince',
        'paidsince',
        'sort',
        'sortorder',
      ])
    )
      return null;
    const where: (SQL | undefined)[] = [];
    const horizon =
      this.store.cursor(def.name).sinceMs === null ? Infinity : Date.now() - (def.backfillDays ?? 0) * 86_400_000;
    let covered = def.backfillDays == null;
    for (const [k, col] of [
      ['changedsince', 'modified'],
      ['createdsince', 'created'],
      ['paidsince', 'paid'],
    ] as const) {
      const ms = utcMs(p, k);
      if (ms === null) return null;
      if (ms === undefined) continue;
      if (ms >= horizon) covered = true;
      const local = epochToLocal(ms, this.store.timeZone);
      if (col === 'modified') where.push(sql`${table.modifiedMs} > ${ms}`);
      else if (col === 'created') where.push(gte(table.date1, local));
      else where.push(eq(table.status, 'paid'), gte(table.date2, datePart(local)));
    }
    const status = one(p, 'status')?.toLowerCase();
    if (status !== undefined) {
      where.push(eq(table.status, status));
      if (OPEN_BILLING_STATUSES[def.name]?.includes(status)) covered = true;
    }
    if (!covered) return null;
    for (const [k, col] of [
      ['customer_id', table.parentId],
      ['job_id', table.parent2Id],
    ] as const) {
      const v = one(p, k);
      if (v !== undefined) where.push(eq(col, v));
    }
    if (one(p, 'site_id') !== undefined) return null;
    const sorts: Record<string, SQLiteColumn | SQL> = {
      changedsince: table.modifiedMs,
      paidsince: table.date2,
      status: table.status,
      num: sql`CAST(${table.name} AS INTEGER)`,
    };
    const col = sorts[(one(p, 'sort') ?? (def.name === 'invoices' ? 'num' : 'changedSince')).toLowerCase()];
    // These lists sort descending unless told otherwise.
    const dir = (one(p, 'sortorder') ?? 'descending').toLowerCase();
    if (!col || (dir !== 'ascending' && dir !== 'descending')) return null;
    return this.select(table, where, [dir === 'descending' ? desc(col) : asc(col)], pg, `${def.name}?${paramsKey(p)}`);
  }

  /**
   * timeline/list: a plain array (paged only when page/pageSize is given); items of the backfill's days, and the
   * reports' status notifications as far back as the deep horizon (resources.ts deepParts).
   */
  private timelineList(def: ResourceDef, p: Params): LocalAnswer | null {
    const table = def.table!;
    if (!only(p, ['page', 'pagesize', 'source', 'event', 'createdsince', 'changedsince'])) return null;
    const where: (SQL | undefined)[] = [];
    const event = one(p, 'event');
    const deep =
      one(p, 'source')?.toLowerCase() === 'notification' &&
      (DEEP_TIMELINE_EVENTS as readonly string[]).includes(event ?? '')
        ? this.store.deepHorizonMs(def.name)
        : undefined;
    const horizon = Date.now() - (def.backfillDays ?? 0) * 86_400_000;
    let covered = false;
    for (const k of ['changedsince', 'createdsince'] as const) {
      const ms = utcMs(p, k);
      if (ms === null) return null;
      if (ms === undefined) continue;
      if (ms >= horizon || (k === 'createdsince' && deep !== undefined && ms >= deep)) covered = true;
      where.push(
        k === 'changedsince'
          ? sql`${table.modifiedMs} >= ${ms}`
          : gte(table.date1, epochToLocal(ms, this.store.timeZone)),
      );
    }
    if (!covered) return null;
    if (event !== undefined)
      where.push(event.toLowerCase() === 'null' ? sql`${table.status} IS NULL` : eq(table.status, event));
    const source = one(p, 'source')?.toLowerCase();
    if (source === 'notification') where.push(eq(table.name, 'notification'));
    else if (source === 'timeline') where.push(sql`(${table.name} = 'timeline' OR ${table.name} IS NULL)`);
    else if (source !== undefined) return null;
    const paged = p.has('page') || p.has('pagesize');
    const pg = paged ? paging(p) : { page: 1, pageSize: 1_000_000_000 };
    if (!pg) return null;
    const rows = this.store.db
      .select({ doc: table.doc })
      .from(table)
      .where(and(...where))
      .orderBy(sql`CAST(${table.id} AS INTEGER)`)
      .limit(pg.pageSize)
      .offset((pg.page - 1) * pg.pageSize)
      .all();
    return { status: 200, body: rows.map((r) => JSON.parse(r.doc) as Doc) };
  }

  private select(
    table: MirrorRecordTable,
    where: (SQL | undefined)[],
    order: SQL[],
    pg: { page: number; pageSize: number },
    key: string,
  ): LocalAnswer {
    const { total, ids } = this.orderedPage(
      table,
      and(...where),
      [...order, sql`CAST(${table.id} AS INTEGER)`],
      pg,
      key,
    );
    const docs = docsById(this.store.db, table, ids);
    return page(
      total,
      pg,
      ids.map((id) => JSON.parse(docs.get(id)!) as Doc),
    );
  }

  /**
   * A page of a query's ids, and its total. The ids are sorted first (from the index where it covers the query) and
   * only the page's documents are read by the caller: sorting whole documents made every page of a large week cost
   * as much as the week (350 ms a page, 24 s for the 68 pages of a week on the large seed). The ordered ids are kept
   * while the mirror is unchanged (its change counter), so pages asked for one after another, or all at once, sort
   * once. `key` names the query (resource and parameters, without the paging).
   */
  private orderedPage(
    table: typeof mirrorJobs | MirrorRecordTable,
    cond: SQL | undefined,
    order: SQL[],
    pg: { page: number; pageSize: number },
    key: string,
  ) {
    const k = `${key}#${this.store.seq()}`;
    let all = this.orderedIds.get(k);
    if (!all) {
      all = this.store.db
        .select({ id: table.id })
        .from(table)
        .where(cond)
        .orderBy(...order)
        .all()
        .map((r) => r.id);
      this.orderedIds.set(k, all);
      // A few queries' worth: the pages of the board's weeks, lists being paged.
      if (this.orderedIds.size > 32) this.orderedIds.delete(this.orderedIds.keys().next().value!);
    }
    return { total: all.length, ids: all.slice((pg.page - 1) * pg.pageSize, pg.page * pg.pageSize) };
  }

  private recordDetails(def: ResourceDef, p: Params): LocalAnswer | null {
    if (!only(p, ['id', 'myid'])) return null;
    const table = def.table!;
    const id = one(p, 'id');
    const myId = one(p, 'myid');
    if ((id === undefined) === (myId === undefined)) return null;
    const row = this.store.db
      .select({ doc: table.doc })
      .from(table)
      .where(id !== undefined ? eq(table.id, id) : eq(table.myId, myId!))
      .get();
    // Not here: maybe created a moment ago upstream, or gone; the API says which.
    return row ? { status: 200, body: JSON.parse(row.doc) } : null;
  }

  /** The activity window the sync keeps (see SyncEngine.activityWindow), set by the engine. */
  activityWindow: () => { from: string; to: string } | null = () => null;
}

/** A query's parameters without its paging, in one order: the key of its ordered ids. */
function paramsKey(p: Params): string {
  return [...p]
    .filter(([k]) => k !== 'page' && k !== 'pagesize')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v.join(',')}`)
    .join('&');
}

/** The documents of `ids` (a page's worth), by id. */
function docsById(
  db: MirrorStore['db'],
  table: typeof mirrorJobs | MirrorRecordTable,
  ids: string[],
): Map<string, string> {
  if (!ids.length) return new Map();
  const rows = db.select({ id: table.id, doc: table.doc }).from(table).where(inArray(table.id, ids)).all();
  return new Map(rows.map((r) => [r.id, r.doc]));
}

/** The API's `name` filter: `*` wildcards when given, else "contains". */
function likePattern(s: string): string {
  const escaped = s.replace(/[\\_]/g, (c) => `\\${c}`);
  return /[*%]/.test(s) ? escaped.replace(/\*/g, '%') : `%${escaped}%`;
}
