/**
 * The mirror's storage: writes (upserts, removals, whole-list replacement), cursors and counters. Reads that answer
 * API queries live in local-api.ts; both use the Drizzle tables of schema.ts, so the SQL is the same whatever database
 * Drizzle talks to.
 *
 * An upsert of a record whose document did not change is skipped: its `seq` stays, so readers asking "what changed
 * since seq N" are not handed echoes (a whole re-read of 300 technicians where 3 moved changes 3 rows).
 */
import 'server-only';
import { and, asc, eq, gt, inArray, notInArray, sql } from 'drizzle-orm';
import type { AppDb } from '../db';
import { fold } from '@/lib/scheduling/board-search';
import { parseApiDate, datePart, startOfDay, utcDay } from '@/lib/synchroteam/dates';
import { RESOURCES, modifiedMs, type Doc, type ResourceDef, type ResourceName } from './resources';
import { mirrorCursors, mirrorJobs, mirrorJobTechnicians, mirrorMeta } from './schema';

export type CursorRow = typeof mirrorCursors.$inferSelect;

const OPEN_END = '9999-12-31 23:59:59';

/** Resources other records embed, and the field they embed them as. */
const REF_OWNERS: Partial<Record<ResourceName, string>> = {
  customers: 'customer',
  sites: 'site',
  equipment: 'equipment',
};

/** The span job/list's dateFrom/dateTo overlap (the API's reading, as the sandbox documents it). */
export function jobSpan(d: Doc): { start: string | null; end: string | null } {
  const start = parseApiDate(d.actualStart) ?? parseApiDate(d.scheduledStart);
  const end =
    parseApiDate(d.actualEnd) ??
    (d.actualStart && (d.status === 'started' || d.status === 'paused') ? OPEN_END : null) ??
    parseApiDate(d.scheduledEnd) ??
    parseApiDate(d.actualStart);
  return { start, end };
}

const refId = (v: unknown): number | null => {
  const id = v && typeof v === 'object' ? (v as Doc).id : null;
  return typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : null;
};
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export class MirrorStore {
  constructor(
    readonly db: AppDb,
    readonly timeZone: string,
  ) {}

  // ── counters ───────────────────────────────────────────────────────────────────────────────────────────────
  private nextSeq(): number {
    const row = this.db
      .insert(mirrorMeta)
      .values({ key: 'seq', value: 1 })
      .onConflictDoUpdate({ target: mirrorMeta.key, set: { value: sql`${mirrorMeta.value} + 1` } })
      .returning({ value: mirrorMeta.value })
      .get();
    return row.value;
  }

  /** The highest change number written so far (0: nothing yet). */
  seq(): number {
    return this.meta('seq') ?? 0;
  }

  /**
   * Adds `n` to the sync's call count of the UTC day of `nowMs` (and to `resource`'s, which the admin Sync page
   * shows: where the day's budget goes); returns the day's total.
   */
  countCalls(nowMs: number, n: number, resource?: ResourceName): number {
    const key = `calls:${utcDay(nowMs)}`;
    if (resource)
      this.db
        .insert(mirrorMeta)
        .values({ key: `${key}:${resource}`, value: n })
        .onConflictDoUpdate({ target: mirrorMeta.key, set: { value: sql`${mirrorMeta.value} + ${n}` } })
        .run();
    return this.db
      .insert(mirrorMeta)
      .values({ key, value: n })
      .onConflictDoUpdate({ target: mirrorMeta.key, set: { value: sql`${mirrorMeta.value} + ${n}` } })
      .returning({ value: mirrorMeta.value })
      .get().value;
  }

  /** The sync's calls on the UTC day of `nowMs`: in all, or `resource`'s. */
  callsOn(nowMs: number, resource?: ResourceName): number {
    const key = `calls:${utcDay(nowMs)}${resource ? `:${resource}` : ''}`;
    return this.meta(key) ?? 0;
  }

  /**
   * The oldest job date the mirror holds every job from ("YYYY-MM-DD 00:00:00"), or null when it holds the whole
   * history; undefined before the jobs' backfill decided. Kept as YYYYMMDD (0: whole history).
   */
  jobHorizon(): string | null | undefined {
    const v = this.meta('jobs:horizon');
    if (v === undefined) return undefined;
    if (v === 0) return null;
    const s = String(v);
    return startOfDay(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`);
  }

  setJobHorizon(from: string | null): void {
    this.setMeta('jobs:horizon', from ? Number(datePart(from).replaceAll('-', '')) : 0);
  }

  /** Where the sync's reads of a resource's inactive records stand (epoch ms; sync.ts INACTIVE_EVERY). */
  inactiveSince(resource: ResourceName): number | undefined {
    return this.meta(`${resource}:inactive-since`);
  }

  setInactiveSince(resource: ResourceName, ms: number): void {
    this.setMeta(`${resource}:inactive-since`, ms);
  }

  /** The UTC day (YYYYMMDD) the sync last counted the account's jobs against the mirror's (sync.ts checkJobsWhole). */
  jobsCountedOn(): number {
    return this.meta('jobs:counted-on') ?? 0;
  }

  setJobsCountedOn(day: number): void {
    this.setMeta('jobs:counted-on', day);
  }

  /**
   * The instant (epoch ms) from which the mirror holds every item of a resource's deep parts (resources.ts
   * `deepParts`: the timeline's status notifications the reports read), or undefined before its backfill planned them.
   */
  deepHorizonMs(resource: ResourceName): number | undefined {
    return this.meta(`${resource}:deep`);
  }

  setDeepHorizonMs(resource: ResourceName, ms: number): void {
    this.setMeta(`${resource}:deep`, ms);
  }

  /**
   * Brings the jobs' search text up to JOB_SEARCH_VERSION (its rules changed: accents folded, street and city), a
   * slice of rows per call in change-counter order so no start blocks for seconds. Rows written meanwhile already have
   * the new text. Returns true while rows remain.
   */
  rebuildJobSearch(slice = 2_000): boolean {
    const version = this.meta('jobs:search-version') ?? 1;
    if (version >= JOB_SEARCH_VERSION) return false;
    const after = this.meta('jobs:search-rebuilt-seq') ?? -1;
    // A new mirror (no job yet) writes every row under the current rules: nothing to rebuild.
    const rows = this.db
      .select({ id: mirrorJobs.id, seq: mirrorJobs.seq, doc: mirrorJobs.doc })
      .from(mirrorJobs)
      .where(gt(mirrorJobs.seq, after))
      .orderBy(asc(mirrorJobs.seq))
      .limit(slice)
      .all();
    this.db.transaction(() => {
      for (const r of rows)
        this.db
          .update(mirrorJobs)
          .set({ search: jobSearch(JSON.parse(r.doc) as Doc) })
          .where(eq(mirrorJobs.id, r.id))
          .run();
      if (rows.length < slice) this.setMeta('jobs:search-version', JOB_SEARCH_VERSION);
      else this.setMeta('jobs:search-rebuilt-seq', rows[rows.length - 1]!.seq);
    });
    return rows.length === slice;
  }

  private meta(key: string): number | undefined {
    return this.db.select().from(mirrorMeta).where(eq(mirrorMeta.key, key)).get()?.value;
  }

  private setMeta(key: string, value: number): void {
    this.db
      .insert(mirrorMeta)
      .values({ key, value })
      .onConflictDoUpdate({ target: mirrorMeta.key, set: { value } })
      .run();
  }

  // ── cursors ────────────────────────────────────────────────────────────────────────────────────────────────
  cursor(resource: ResourceName): CursorRow {
    const row = this.db.select().from(mirrorCursors).where(eq(mirrorCursors.resource, resource)).get();
    return (
      row ?? {
        resource,
        sinceMs: null,
        backfill: null,
        ready: false,
        syncedAt: null,
        lastError: null,
        lastErrorAt: null,
        backfillRecords: 0,
        backfillTotal: 0,
      }
    );
  }

  cursors(): CursorRow[] {
    return RESOURCES.map((r) => this.cursor(r.name));
  }

  saveCursor(resource: ResourceName, patch: Partial<Omit<CursorRow, 'resource'>>): void {
    const next = { ...this.cursor(resource), ...patch, resource };
    this.db
      .insert(mirrorCursors)
      .values(next)
      .onConflictDoUpdate({ target: mirrorCursors.resource, set: { ...patch } })
      .run();
  }

  /** Forgets a resource's position (admin "Resync"): the next sync reads it from scratch; its records stay. */
  resetCursor(resource: ResourceName): void {
    this.db.delete(mirrorCursors).where(eq(mirrorCursors.resource, resource)).run();
  }

  // ── records ────────────────────────────────────────────────────────────────────────────────────────────────
  /** Stores records as the API sent them. Returns how many really changed. */
  upsert(def: ResourceDef, docs: Doc[]): number {
    if (def.name === 'jobs') return this.upsertJobs(docs);
    const table = def.table!;
    let changed = 0;
    this.db.transaction(() => {
      for (const doc of docs) {
        const id = text(doc.id);
        if (!id) continue;
        const json = JSON.stringify(doc);
        const old = this.db.select({ doc: table.doc }).from(table).where(eq(table.id, id)).get();
        if (old?.doc === json) continue;
        const cols = def.columns?.(doc, this.timeZone) ?? {};
        const row = {
          id,
          myId: cols.myId ?? null,
          name: cols.name ?? null,
          search: cols.search ?? null,
          status: cols.status ?? null,
          parentId: cols.parentId ?? null,
          parent2Id: cols.parent2Id ?? null,
          date1: cols.date1 ?? null,
          date2: cols.date2 ?? null,
          active: cols.active ?? true,
          deleted: cols.deleted ?? false,
          modifiedMs: cols.modifiedMs ?? 0,
          seq: this.nextSeq(),
          doc: json,
        };
        this.db.insert(table).values(row).onConflictDoUpdate({ target: table.id, set: row }).run();
        if (old && REF_OWNERS[def.name]) this.patchEmbedded(def.name, doc, JSON.parse(old.doc) as Doc);
        changed++;
      }
    });
    return changed;
  }

  /**
   * Sites and equipment embed their customer (and site) as {id, myId, name}, and the API shows the current values there,
   * but renaming a customer does not change its sites' dateModified: no changedSince read would bring them. So the
   * mirror patches those embedded copies itself when the referenced record's name or myId changes. Jobs keep the name
   * they were written with (the sandbox's reading, tested by the contract test), so they are left as read.
   */
  private patchEmbedded(owner: ResourceName, doc: Doc, old: Doc): void {
    if (doc.name === old.name && doc.myId === old.myId) return;
    const id = text(doc.id);
    const patch = (d: Doc) => {
      const r = d[REF_OWNERS[owner]!] as Doc | null | undefined;
      if (!r || text(r.id) !== id) return false;
      if ('name' in r) r.name = doc.name ?? null;
      if ('myId' in r) r.myId = doc.myId ?? null;
      return true;
    };
    for (const dep of RESOURCES.filter((r) => r.table && ['sites', 'equipment'].includes(r.name))) {
      const t = dep.table!;
      const col = owner === 'customers' ? t.parentId : t.parent2Id;
      if (owner === 'equipment' || (owner === 'sites' && dep.name === 'sites')) continue;
      for (const row of this.db.select({ id: t.id, doc: t.doc }).from(t).where(eq(col, id)).all()) {
        const d = JSON.parse(row.doc) as Doc;
        if (patch(d))
          this.db
            .update(t)
            .set({ doc: JSON.stringify(d), seq: this.nextSeq() })
            .where(eq(t.id, row.id))
            .run();
      }
    }
  }

  /** Removes records (a 404 on read, or missing from a whole re-read). */
  remove(def: ResourceDef, ids: string[]): number {
    if (!ids.length) return 0;
    if (def.name === 'jobs') {
      // A job is never forgotten, only marked deleted (job/list show=deleted still lists it).
      let n = 0;
      this.db.transaction(() => {
        for (const id of ids)
          n += this.db
            .update(mirrorJobs)
            .set({ deleted: true, seq: this.nextSeq() })
            .where(eq(mirrorJobs.id, id))
            .run().changes;
      });
      return n;
    }
    const table = def.table!;
    const r = this.db.delete(table).where(inArray(table.id, ids)).run();
    if (r.changes) this.nextSeq();
    return r.changes;
  }

  /** A whole re-read: stores every record and removes those the API no longer lists. */
  replaceAll(def: ResourceDef, docs: Doc[], scope?: { from: string; to: string }): number {
    const table = def.table!;
    let changed = this.upsert(def, docs);
    const keep = docs.map((d) => text(d.id)).filter(Boolean);
    const where = [keep.length ? notInArray(table.id, keep) : undefined];
    // A windowed re-read (activities) only speaks for the records overlapping its window (activity/list's reading).
    if (scope) where.push(sql`${table.date1} <= ${scope.to} AND ${table.date2} >= ${scope.from}`);
    const gone = this.db
      .select({ id: table.id })
      .from(table)
      .where(and(...where))
      .all()
      .map((r) => r.id);
    changed += this.remove(def, gone);
    return changed;
  }

  /**
   * A held record's label (a job's number, a customer's name, an invoice's number: the `name` column), or null when
   * the mirror does not hold it. For page titles, which must not spend the API's budget.
   */
  labelOf(resource: ResourceName, id: string): string | null {
    if (resource === 'jobs') {
      const row = this.db.select({ num: mirrorJobs.num }).from(mirrorJobs).where(eq(mirrorJobs.id, id)).get();
      return row?.num ? String(row.num) : null;
    }
    const table = RESOURCES.find((r) => r.name === resource)?.table;
    if (!table) return null;
    return this.db.select({ name: table.name }).from(table).where(eq(table.id, id)).get()?.name ?? null;
  }

  count(def: ResourceDef): number {
    const table = def.name === 'jobs' ? mirrorJobs : def.table!;
    return (
      this.db
        .select({ n: sql<number>`count(*)` })
        .from(table)
        .get()?.n ?? 0
    );
  }

  // ── jobs ───────────────────────────────────────────────────────────────────────────────────────────────────
  private upsertJobs(docs: Doc[]): number {
    let changed = 0;
    this.db.transaction(() => {
      for (const doc of docs) {
        const id = text(doc.id);
        if (!id) continue;
        const json = JSON.stringify(doc);
        const old = this.db.select({ doc: mirrorJobs.doc }).from(mirrorJobs).where(eq(mirrorJobs.id, id)).get();
        if (old?.doc === json) continue;
        const span = jobSpan(doc);
        const row = {
          id,
          num: Number(doc.num) || 0,
          myId: typeof doc.myId === 'string' ? doc.myId : null,
          status: text(doc.status),
          technicianId: refId(doc.technician),
          customerId: refId(doc.customer),
          siteId: refId(doc.site),
          equipmentId: refId(doc.equipment),
          typeId: refId(doc.type),
          spanStart: span.start,
          spanEnd: span.end,
          scheduledStart: parseApiDate(doc.scheduledStart),
          scheduledEnd: parseApiDate(doc.scheduledEnd),
          actualStart: parseApiDate(doc.actualStart),
          actualEnd: parseApiDate(doc.actualEnd),
          search: jobSearch(doc),
          deleted: !!doc.dateDeleted || doc.deleted === true,
          modifiedMs: modifiedMs(doc, this.timeZone),
          seq: this.nextSeq(),
          doc: json,
        };
        // A changed row makes the kept details stale even when dateModified did not move (it counts whole minutes).
        this.db
          .insert(mirrorJobs)
          .values(row)
          .onConflictDoUpdate({ target: mirrorJobs.id, set: { ...row, details: null, detailsModified: null } })
          .run();
        if (Array.isArray(doc.otherTechnicians)) {
          this.db.delete(mirrorJobTechnicians).where(eq(mirrorJobTechnicians.jobId, id)).run();
          for (const o of doc.otherTechnicians) {
            const uid = refId(o);
            if (uid !== null)
              this.db.insert(mirrorJobTechnicians).values({ jobId: id, userId: uid }).onConflictDoNothing().run();
          }
        }
        changed++;
      }
    });
    return changed;
  }

  /**
   * Keeps a job's full document (job/details). Also refreshes the list row from it when the details are newer, so a
   * write read back through details reaches every list at once.
   */
  putJobDetails(details: Doc, listRow: Doc): void {
    const id = text(details.id);
    const current = this.db.select({ doc: mirrorJobs.doc }).from(mirrorJobs).where(eq(mirrorJobs.id, id)).get();
    const currentModified = current ? modifiedMs(JSON.parse(current.doc) as Doc, this.timeZone) : -1;
    if (!current || modifiedMs(details, this.timeZone) >= currentModified) {
      // otherTechnicians is in both; a list row without it would drop the job's extra technicians from user_id reads.
      this.upsertJobs([listRow]);
    }
    this.db
      .update(mirrorJobs)
      .set({ details: JSON.stringify(details), detailsModified: text(details.dateModified) })
      .where(eq(mirrorJobs.id, id))
      .run();
  }

  /** The kept job/details of a job, when still current (same dateModified as its list row). */
  jobDetails(where: { id?: string; num?: number; myId?: string }): Doc | null {
    const cond =
      where.id !== undefined
        ? eq(mirrorJobs.id, where.id)
        : where.num !== undefined
          ? eq(mirrorJobs.num, where.num)
          : eq(mirrorJobs.myId, where.myId ?? '');
    const row = this.db
      .select({ doc: mirrorJobs.doc, details: mirrorJobs.details, detailsModified: mirrorJobs.detailsModified })
      .from(mirrorJobs)
      .where(cond)
      .get();
    if (!row?.details) return null;
    const list = JSON.parse(row.doc) as Doc;
    return row.detailsModified === text(list.dateModified) ? (JSON.parse(row.details) as Doc) : null;
  }

  jobIdsOfCustomerRefs(column: 'customer' | 'site' | 'equipment', id: number): string[] {
    const col =
      column === 'customer' ? mirrorJobs.customerId : column === 'site' ? mirrorJobs.siteId : mirrorJobs.equipmentId;
    return this.db
      .select({ id: mirrorJobs.id })
      .from(mirrorJobs)
      .where(eq(col, id))
      .all()
      .map((r) => r.id);
  }
}

/**
 * Folded like the board's search box folds what is typed (lower case, no accents: board-search.ts), so the board's
 * search (job-search.ts) finds "Müller" by "muller". Street and city too: rows without `address` carry them apart.
 */
/** The rules of jobSearch below; raise it when they change (rebuildJobSearch brings stored rows up to it). */
const JOB_SEARCH_VERSION = 2;

function jobSearch(d: Doc): string {
  const name = (v: unknown) => (v && typeof v === 'object' ? text((v as Doc).name) : '');
  return fold(
    [
      d.num,
      d.myId,
      d.description,
      name(d.customer),
      name(d.site),
      d.address,
      d.addressStreet,
      d.addressCity,
      d.contactLastName,
    ]
      .map(text)
      .filter(Boolean)
      .join(' '),
  );
}
