/**
 * The sandbox database: one SQLite file (or :memory:) holding every resource as a Collection, plus named counters
 * (job numbers, invoice numbers…) and key/value settings (seed info, the live clock's state).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Collection, type CollectionDef } from './collection';

export class Store {
  readonly db: Database.Database;
  private readonly collections = new Map<string, Collection>();

  constructor(
    file: string,
    readonly now: () => number,
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`);
  }

  define(def: CollectionDef): Collection {
    const existing = this.collections.get(def.name);
    if (existing) return existing;
    const c = new Collection(this.db, def, this.now);
    this.collections.set(def.name, c);
    return c;
  }

  collection(name: string): Collection {
    const c = this.collections.get(name);
    if (!c) throw new Error(`Unknown collection ${name}`);
    return c;
  }

  /** Next value of a named sequence (starts at `start`). */
  next(name: string, start = 1): number {
    const row = this.db
      .prepare(
        `INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`,
      )
      .get(name, start) as { value: number };
    return row.value;
  }

  getSetting(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)
      ?.value;
  }

  setSetting(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** Runs fn in one transaction: a thrown error leaves the database unchanged. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }
}
