/**
 * Bulk writes for the seed. The API path (Collection.insert) costs three statements and a JSON parse per record; the
 * large seed writes ~400,000 records, so the seed assigns ids itself and inserts rows with one prepared statement per
 * collection, in one transaction per batch. Columns are extracted with the collection's own definitions
 * (sandbox/store/schema.ts), so the rows are indistinguishable from rows the endpoints write.
 *
 * Ids are assigned before insertion so documents can embed references to records written later in the same batch.
 * Explicit ids in an AUTOINCREMENT table advance sqlite_sequence, so records created later through the API continue
 * after the seeded ones.
 */
import type Database from 'better-sqlite3';
import type { Collection, Doc } from '../store/collection';
import type { Store } from '../store/store';

export interface SeedRow {
  doc: Doc;
  createdMs: number;
  modifiedMs?: number;
  deletedMs?: number | null;
  /** Defaults to doc.active !== false, as Collection.insert does. */
  active?: boolean;
}

interface Pending {
  coll: Collection;
  stmt: Database.Statement;
  getters: ((doc: Doc) => unknown)[];
  rows: SeedRow[];
}

export class SeedWriter {
  private readonly pending = new Map<string, Pending>();
  private readonly nextIds = new Map<string, number>();
  readonly counts: Record<string, number> = {};
  private buffered = 0;

  private readonly cacheSize: unknown;

  constructor(
    readonly store: Store,
    private readonly batchSize = 10_000,
  ) {
    // A large page cache while seeding: index pages (uuid keys, timeline links) are hit in random order and the
    // default 2 MB cache would send most of those hits to the file. Restored by finish().
    this.cacheSize = store.db.pragma('cache_size', { simple: true });
    store.db.pragma('cache_size = -262144');
  }

  /** Flushes what is left and gives the connection its page cache size back. */
  finish(): void {
    this.flush();
    this.store.db.pragma(`cache_size = ${Number(this.cacheSize)}`);
  }

  /** Next integer id of a collection (after whatever the table already holds). */
  id(collection: string): number {
    let n = this.nextIds.get(collection);
    if (n === undefined) {
      const t = this.store.collection(collection).table;
      const row = this.store.db.prepare(`SELECT MAX(id) AS m FROM ${t}`).get() as { m: number | null };
      n = (row.m ?? 0) + 1;
    }
    this.nextIds.set(collection, n + 1);
    return n;
  }

  private entry(collection: string): Pending {
    let p = this.pending.get(collection);
    if (!p) {
      const coll = this.store.collection(collection);
      const cols = Object.entries(coll.def.columns ?? {});
      const names = cols.map(([c]) => c);
      const stmt = this.store.db.prepare(
        `INSERT INTO ${coll.table} (id, doc, deleted, active, created_ms, modified_ms, deleted_ms${names.map((c) => `, ${c}`).join('')})
         VALUES (?, ?, ?, ?, ?, ?, ?${names.map(() => ', ?').join('')})`,
      );
      p = { coll, stmt, getters: cols.map(([, d]) => d.get), rows: [] };
      this.pending.set(collection, p);
    }
    return p;
  }

  /** Queues a record (doc.id must be set). Flushes every batchSize records. */
  add(collection: string, row: SeedRow): Doc {
    if (row.doc.id === undefined || row.doc.id === null) throw new Error(`seed: ${collection} record without id`);
    this.entry(collection).rows.push(row);
    this.counts[collection] = (this.counts[collection] ?? 0) + 1;
    if (++this.buffered >= this.batchSize) this.flush();
    return row.doc;
  }

  /** Writes every queued record in one transaction. */
  flush(): void {
    if (!this.buffered) return;
    this.store.tx(() => {
      for (const p of this.pending.values()) {
        for (const r of p.rows) {
          const doc = r.doc;
          const values = p.getters.map((g) => {
            const v = g(doc);
            if (v === undefined || v === null) return null;
            if (typeof v === 'boolean') return v ? 1 : 0;
            return v;
          });
          const active = r.active ?? doc.active !== false;
          p.stmt.run(
            doc.id,
            JSON.stringify(doc),
            r.deletedMs ? 1 : 0,
            active ? 1 : 0,
            r.createdMs,
            r.modifiedMs ?? r.createdMs,
            r.deletedMs ?? null,
            ...values,
          );
        }
        p.rows = [];
      }
    });
    this.buffered = 0;
  }

  /** Sets a named counter (store.next) so the API's next number follows the seeded ones. */
  setCounter(name: string, value: number): void {
    this.store.db
      .prepare(
        `INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = MAX(value, excluded.value)`,
      )
      .run(name, value);
  }
}
