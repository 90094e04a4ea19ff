/**
 * An in-memory projection of one mirror table: each row mapped once to the small object a screen computes over, kept
 * current by the mirror's change counter (`seq`): a refresh reads only the rows written since the last one.
 *
 * Why: a report over a large account reads ~55,000 jobs, ~90,000 status notifications and ~28,000 invoices. Reading
 * and parsing those documents again for every report took 2.5 s; the projection reads each change once and a report
 * filters objects already in memory. Rows removed from the table (a 404, a whole re-read) leave no row to read, so a
 * refresh also compares counts and drops what is gone.
 *
 * Reads go through Drizzle's query builder only (no dialect-specific SQL), so the PostgreSQL storage can serve it too.
 */
import 'server-only';
import { asc, count, gt, sql, type SQL } from 'drizzle-orm';
import type { AppDb } from '../db';
import type { mirrorJobs, MirrorRecordTable } from './schema';

type Table = typeof mirrorJobs | MirrorRecordTable;

/**
 * Rows read per slice: a first fill yields to other requests between slices instead of blocking for seconds. 5,000
 * job documents held the thread ~250 ms a slice, which a dispatcher's board read then waited for (bench:day p95).
 */
const SLICE = 1_000;

export interface ProjectionOptions<R, T> {
  db: AppDb;
  table: Table;
  /** The columns to read (Drizzle select shape); must include `id` and `seq`. */
  columns: Record<string, unknown> & { id: unknown; seq: unknown };
  /** Only rows this condition holds for are projected (a row that stops matching it leaves the projection). */
  where?: SQL;
  /** A row → its projected object. */
  map: (row: R) => T;
}

export class TableProjection<R extends { id: string; seq: number }, T> {
  private readonly rows = new Map<string, T>();
  private seenSeq = -1;
  private filling: Promise<void> | null = null;

  constructor(private readonly opts: ProjectionOptions<R, T>) {}

  /** The projected objects, current up to the mirror's last change (refresh first). */
  values(): IterableIterator<T> {
    return this.rows.values();
  }

  get size(): number {
    return this.rows.size;
  }

  /** Reads what changed since the last refresh (everything, the first time), in slices; concurrent callers share one. */
  refresh(): Promise<void> {
    this.filling ??= this.readChanges().finally(() => (this.filling = null));
    return this.filling;
  }

  private async readChanges(): Promise<void> {
    const { db, table, columns, where, map } = this.opts;
    const before = this.seenSeq;
    // Every changed row is read, matching or not: a row that stopped matching (a job deleted) must leave.
    const select = { ...columns, keep: where ? sql<number>`CASE WHEN ${where} THEN 1 ELSE 0 END` : sql<number>`1` };
    for (;;) {
      const batch = db
        .select(select as unknown as Record<string, never>)
        .from(table)
        .where(gt(table.seq, this.seenSeq))
        .orderBy(asc(table.seq))
        .limit(SLICE)
        .all() as unknown as (R & { keep: number })[];
      for (const r of batch) {
        if (Number(r.keep)) this.rows.set(r.id, map(r));
        else this.rows.delete(r.id);
        if (r.seq > this.seenSeq) this.seenSeq = r.seq;
      }
      if (batch.length < SLICE) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (before >= 0) this.dropRemoved();
  }

  /** Rows deleted from the table leave nothing to read: when the counts differ, keep only the ids still there. */
  private dropRemoved(): void {
    const { db, table, where } = this.opts;
    const held = db.select({ n: count() }).from(table).where(where).get()?.n ?? 0;
    if (held === this.rows.size) return;
    const ids = new Set(
      db
        .select({ id: table.id })
        .from(table)
        .where(where)
        .all()
        .map((r) => r.id),
    );
    for (const id of this.rows.keys()) if (!ids.has(id)) this.rows.delete(id);
  }
}
