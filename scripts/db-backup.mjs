/**
 * `npm run db:backup [-- --to <file>]`: a consistent copy of the app database (accounts, audit, limits and the
 * account mirror) while the app runs, through SQLite's online backup API (better-sqlite3's `backup`): pages are
 * copied in steps, writers are not blocked, and the copy is a whole database on its own (no -wal file needed).
 * Default destination: data/backups/app-<UTC stamp>.db beside the database. The source is APP_DATABASE (from the
 * environment, .env or .env.local; default data/app.db). Restore: stop the app, copy the file over APP_DATABASE,
 * remove its -wal and -shm files, start.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvFiles } from './lib.mjs';

loadEnvFiles();
const { values } = parseArgs({ options: { to: { type: 'string' } } });
const source = resolve(process.env.APP_DATABASE || 'data/app.db');
if (!existsSync(source)) {
  console.error(`No database at ${source} (APP_DATABASE): nothing to back up.`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
const target = resolve(values.to ?? join(dirname(source), 'backups', `app-${stamp}.db`));
if (existsSync(target)) {
  console.error(`${target} exists already: choose another --to.`);
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });

const db = new Database(source, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const started = Date.now();
await db.backup(target, {
  // 4,096 pages (16 MB at the default page size) per step, then the app's writers get their turn.
  progress: ({ totalPages, remainingPages }) => {
    if (totalPages > 20_000)
      process.stdout.write(`\r${Math.round(((totalPages - remainingPages) / totalPages) * 100)} %`);
    return 4096;
  },
});
db.close();
const check = new Database(target, { readonly: true });
const ok = check.pragma('quick_check', { simple: true });
check.close();
if (ok !== 'ok') {
  console.error(`\nThe copy at ${target} failed its integrity check: ${ok}`);
  process.exit(1);
}
const mb = (statSync(target).size / 1e6).toFixed(1);
console.log(
  `\rBacked up ${source} to ${target} (${mb} MB, ${((Date.now() - started) / 1000).toFixed(1)} s, integrity ok).`,
);
