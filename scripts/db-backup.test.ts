import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

describe('npm run db:backup', () => {
  it('copies a database that is being written to (WAL mode, rows not yet checkpointed) into a whole file of its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dc-backup-'));
    const source = join(dir, 'app.db');
    const live = new Database(source);
    live.pragma('journal_mode = WAL');
    live.pragma('wal_autocheckpoint = 0');
    live.exec('create table t (id integer primary key, v text)');
    const insert = live.prepare('insert into t (v) values (?)');
    live.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`row ${i}`);
    })();
    // The app keeps its connection open: the rows are in app.db-wal only.
    const target = join(dir, 'copy.db');
    const out = execFileSync(process.execPath, ['scripts/db-backup.mjs', '--to', target], {
      env: { ...process.env, APP_DATABASE: source },
      encoding: 'utf8',
    });
    expect(out).toContain('integrity ok');
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('select count(*) as n from t').get()).toEqual({ n: 5000 });
    copy.close();
    live.close();
    // A second backup to the same file is refused rather than overwriting it.
    expect(() =>
      execFileSync(process.execPath, ['scripts/db-backup.mjs', '--to', target], {
        env: { ...process.env, APP_DATABASE: source },
        stdio: 'pipe',
      }),
    ).toThrow();
  }, 30_000);
});
