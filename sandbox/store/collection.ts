/**
 * A resource's records: each record is kept as its API JSON document (`doc`) plus a few extracted columns that lists
 * filter and sort on. The document is what details/list answer; the columns are only for querying.
 *
 * Every table has: id, doc, deleted (soft delete), active, created_ms, modified_ms (epoch ms, for changedSince and
 * dateCreated/dateModified), deleted_ms. Resource modules declare the extra columns they query on.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export type Doc = Record<string, unknown> & { id?: number | string };

export interface ColumnDef {
  type: 'TEXT' | 'INTEGER' | 'REAL';
  /** Extracts the column's value from the document. Missing → null. */
  get: (doc: Doc) => unknown;
  /** Case-insensitive text comparisons (names, myIds, logins). */
  nocase?: boolean;
  index?: boolean;
}

export interface CollectionDef {
  name: string;
  idType: 'int' | 'uuid';
  columns?: Record<string, ColumnDef>;
  /** Extra composite indexes, e.g. [['technician_id', 'scheduled_start']]. */
  indexes?: string[][];
  /**
   * Composite indexes an older schema created that a wider one now replaces: dropped when a database made by older
   * code is opened, so the planner cannot pick the narrow one (it did, by tie-break) and writes stop maintaining it.
   */
  retiredIndexes?: string[][];
}

export interface Row {
  id: number | string;
  doc: Doc;
  deleted: boolean;
  active: boolean;
  createdMs: number;
  modifiedMs: number;
  deletedMs: number | null;
}

export interface ListQuery {
  /** SQL conditions joined with AND, using `?` placeholders. */
  where?: string[];
  params?: unknown[];
  /** Include soft-deleted rows: 'active' (default) hides them, 'deleted' shows only them, 'all' both. */
  show?: 'active' | 'deleted' | 'all';
  orderBy?: string;
  page: number;
  pageSize: number;
}

type RawRow = {
  id: number | string;
  doc: string;
  deleted: number;
  active: number;
  created_ms: number;
  modified_ms: number;
  deleted_ms: number | null;
};

/** Ids fetched by one statement (SQLite binds at most 32,766 variables). */
const ID_SLICE = 10_000;

const toRow = (r: RawRow): Row => ({
  id: r.id,
  doc: JSON.parse(r.doc) as Doc,
  deleted: r.deleted === 1,
  active: r.active === 1,
  createdMs: r.created_ms,
  modifiedMs: r.modified_ms,
  deletedMs: r.deleted_ms,
});

export class Collection {
  readonly name: string;
  private readonly columns: [string, ColumnDef][];
  private readonly stmts: {
    get: Database.Statement;
    insert: Database.Statement;
    update: Database.Statement;
    setFlags: Database.Statement;
  };

  constructor(
    readonly db: Database.Database,
    readonly def: CollectionDef,
    private readonly now: () => number,
  ) {
    this.name = def.name;
    this.columns = Object.entries(def.columns ?? {});
    const t = this.table;
    const idCol = def.idType === 'int' ? 'id INTEGER PRIMARY KEY AUTOINCREMENT' : 'id TEXT PRIMARY KEY';
    const extra = this.columns.map(([c, d]) => `, ${c} ${d.type}${d.nocase ? ' COLLATE NOCASE' : ''}`).join('');
    // The document goes last: SQLite reads a row's columns in order, so filter and sort columns placed after a large
    // JSON document would cost its overflow pages on every row a query inspects.
    db.exec(`CREATE TABLE IF NOT EXISTS ${t} (${idCol}, deleted INTEGER NOT NULL DEFAULT 0,
      active INTEGER NOT NULL DEFAULT 1, created_ms INTEGER NOT NULL, modified_ms INTEGER NOT NULL,
      deleted_ms INTEGER${extra}, doc TEXT NOT NULL)`);
    db.exec(`CREATE INDEX IF NOT EXISTS ${t}_modified ON ${t}(deleted, modified_ms)`);
    for (const [c, d] of this.columns) {
      if (d.index) db.exec(`CREATE INDEX IF NOT EXISTS ${t}_${c} ON ${t}(${c})`);
    }
    for (const cols of def.retiredIndexes ?? []) db.exec(`DROP INDEX IF EXISTS ${t}_${cols.join('_')}`);
    for (const cols of def.indexes ?? []) {
      db.exec(`CREATE INDEX IF NOT EXISTS ${t}_${cols.join('_')} ON ${t}(${cols.join(', ')})`);
    }
    const colNames = this.columns.map(([c]) => c);
    this.stmts = {
      get: db.prepare(`SELECT * FROM ${t} WHERE id = ?`),
      insert: db.prepare(
        `INSERT INTO ${t} (id, doc, deleted, active, created_ms, modified_ms${colNames.map((c) => `, ${c}`).join('')})
         VALUES (?, ?, 0, ?, ?, ?${colNames.map(() => ', ?').join('')})`,
      ),
      update: db.prepare(
        `UPDATE ${t} SET doc = ?, active = ?, modified_ms = ?${colNames.map((c) => `, ${c} = ?`).join('')} WHERE id = ?`,
      ),
      setFlags: db.prepare(`UPDATE ${t} SET deleted = ?, deleted_ms = ?, active = ?, modified_ms = ? WHERE id = ?`),
    };
  }

  get table(): string {
    return `r_${this.name}`;
  }

  private columnValues(doc: Doc): unknown[] {
    return this.columns.map(([, d]) => {
      const v = d.get(doc);
      if (v === undefined || v === null) return null;
      if (typeof v === 'boolean') return v ? 1 : 0;
      return v;
    });
  }

  get(id: number | string | null | undefined, opts: { includeDeleted?: boolean } = {}): Row | null {
    if (id === null || id === undefined || id === '') return null;
    const key = this.def.idType === 'int' ? Number(id) : String(id);
    if (this.def.idType === 'int' && !Number.isSafeInteger(key)) return null;
    const r = this.stmts.get.get(key) as RawRow | undefined;
    if (!r || (r.deleted && !opts.includeDeleted)) return null;
    return toRow(r);
  }

  /** Rows whose column equals the value (case-insensitive for nocase columns). */
  findBy(column: string, value: unknown, opts: { includeDeleted?: boolean } = {}): Row[] {
    const del = opts.includeDeleted ? '' : ' AND deleted = 0';
    const rows = this.db.prepare(`SELECT * FROM ${this.table} WHERE ${column} = ?${del} ORDER BY id`).all(value);
    return (rows as RawRow[]).map(toRow);
  }

  /** Inserts a new record; assigns the id (doc.id is overwritten) and timestamps. Returns the stored row. */
  insert(doc: Doc, opts: { active?: boolean; createdMs?: number; modifiedMs?: number } = {}): Row {
    const created = opts.createdMs ?? this.now();
    const modified = opts.modifiedMs ?? created;
    const active = opts.active ?? doc.active !== false;
    let id: number | string = this.def.idType === 'uuid' ? (doc.id as string) || randomUUID() : 0;
    if (this.def.idType === 'int') {
      // Reserve the id first so the stored document carries it.
      const res = this.db
        .prepare(`INSERT INTO ${this.table} (doc, created_ms, modified_ms) VALUES ('{}', ?, ?)`)
        .run(created, modified);
      id = Number(res.lastInsertRowid);
      const full = Object.assign({ id }, doc, { id });
      this.stmts.update.run(JSON.stringify(full), active ? 1 : 0, modified, ...this.columnValues(full), id);
      return this.get(id)!;
    }
    const full = Object.assign({ id }, doc, { id });
    this.stmts.insert.run(id, JSON.stringify(full), active ? 1 : 0, created, modified, ...this.columnValues(full));
    return this.get(id)!;
  }

  /** Replaces the stored document (callers merge partial updates themselves). */
  update(id: number | string, doc: Doc, opts: { active?: boolean; touch?: boolean } = {}): Row {
    const current = this.get(id, { includeDeleted: true });
    if (!current) throw new Error(`${this.name} ${id} does not exist`);
    const full = Object.assign({ id: current.id }, doc, { id: current.id });
    const active = opts.active ?? (doc.active === undefined ? current.active : doc.active !== false);
    const modified = opts.touch === false ? current.modifiedMs : Math.max(this.now(), current.modifiedMs);
    this.stmts.update.run(JSON.stringify(full), active ? 1 : 0, modified, ...this.columnValues(full), current.id);
    return this.get(current.id, { includeDeleted: true })!;
  }

  setDeleted(id: number | string, deleted: boolean): void {
    const r = this.get(id, { includeDeleted: true })!;
    this.stmts.setFlags.run(deleted ? 1 : 0, deleted ? this.now() : null, r.active ? 1 : 0, this.now(), r.id);
  }

  setActive(id: number | string, active: boolean): void {
    const r = this.get(id, { includeDeleted: true })!;
    this.stmts.setFlags.run(r.deleted ? 1 : 0, r.deletedMs, active ? 1 : 0, this.now(), r.id);
    // Keep the document's own `active` field in step with the column.
    if ('active' in r.doc) this.update(r.id, { ...r.doc, active }, { active });
  }

  /** Hard delete (for resources the API deletes for good). */
  remove(id: number | string): void {
    this.db.prepare(`DELETE FROM ${this.table} WHERE id = ?`).run(id);
  }

  list(q: ListQuery): { rows: Row[]; total: number } {
    const where = [...(q.where ?? [])];
    const show = q.show ?? 'active';
    if (show === 'active') where.push('deleted = 0');
    if (show === 'deleted') where.push('deleted = 1');
    const w = where.length ? `WHERE ${where.map((c) => `(${c})`).join(' AND ')}` : '';
    const params = q.params ?? [];
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM ${this.table} ${w}`).get(...params) as { n: number }).n;
    const order = q.orderBy ? `ORDER BY ${q.orderBy}, id` : 'ORDER BY id';
    // LIMIT/OFFSET are written into the SQL (they are integers) rather than bound: with `LIMIT ?` SQLite plans without
    // knowing the page and, for a one-sided range filter (job/list changedSince, dateFrom alone, dateTo alone), chose
    // to walk the whole single-column num index in order, reading each job's row to test the filter: 25–45 ms a page
    // on the large seed (54k jobs), against 0.5–6 ms from the filter's covering index plus a sort.
    const offset = (q.page - 1) * q.pageSize;
    const literal = Number.isSafeInteger(q.pageSize) && Number.isSafeInteger(offset);
    // Two steps: pick the page's ids from the indexes (no document is read while sorting), then fetch only those
    // documents. Sorting full JSON rows made large lists 10–20× slower.
    const ids = this.db
      .prepare(
        `SELECT id FROM ${this.table} ${w} ${order} ${literal ? `LIMIT ${q.pageSize} OFFSET ${offset}` : 'LIMIT ? OFFSET ?'}`,
      )
      .pluck()
      .all(...params, ...(literal ? [] : [q.pageSize, offset])) as (number | string)[];
    if (!ids.length) return { rows: [], total };
    // In slices: an unpaginated list (timeline/list without pageSize answers every match) can name more ids than
    // SQLite binds in one statement (32,766), and failed with "too many SQL variables".
    const byId = new Map<number | string, RawRow>();
    for (let i = 0; i < ids.length; i += ID_SLICE) {
      const slice = ids.slice(i, i + ID_SLICE);
      const fetched = this.db
        .prepare(`SELECT * FROM ${this.table} WHERE id IN (${slice.map(() => '?').join(',')})`)
        .all(...slice) as RawRow[];
      for (const r of fetched) byId.set(r.id, r);
    }
    return { rows: ids.map((id) => toRow(byId.get(id)!)), total };
  }

  /** Every matching row, unpaginated (for internal use: totals, cascades, the live clock). */
  all(where = '1=1', params: unknown[] = [], opts: { includeDeleted?: boolean } = {}): Row[] {
    const del = opts.includeDeleted ? '' : ' AND deleted = 0';
    return (
      this.db.prepare(`SELECT * FROM ${this.table} WHERE (${where})${del} ORDER BY id`).all(...params) as RawRow[]
    ).map(toRow);
  }

  count(where = '1=1', params: unknown[] = []): number {
    return (
      this.db.prepare(`SELECT COUNT(*) AS n FROM ${this.table} WHERE deleted = 0 AND (${where})`).get(...params) as {
        n: number;
      }
    ).n;
  }
}
