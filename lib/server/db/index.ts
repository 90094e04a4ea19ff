/**
 * The app database: SQLite through better-sqlite3 and Drizzle, migrated on first use. Behind this module so that a
 * PostgreSQL deployment changes only the driver here (same Drizzle code elsewhere).
 */
import 'server-only';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { getEnv } from '../env';

/** The Drizzle database and, as `$client`, its better-sqlite3 connection (for libraries that take one). */
export type AppDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openAppDb(file: string): AppDb {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: resolve(process.cwd(), 'drizzle') });
  return db;
}

const globalForDb = globalThis as unknown as { __appDb?: AppDb };

/** The process-wide database (kept on globalThis so dev reloads do not open it twice). */
export function getDb(): AppDb {
  if (!globalForDb.__appDb) {
    const file = getEnv().APP_DATABASE;
    globalForDb.__appDb = openAppDb(file);
  }
  return globalForDb.__appDb;
}

export { schema };
