/**
 * `npm run bench:sandbox [-- --runs 200 --seed 42 --size large --keep --try-indexes]`
 *
 * Starts the sandbox in-process on a temporary SQLite file, seeds it (large by default: ≥200 technicians, ≥50,000
 * jobs, ≥20,000 customers) with rate limits off, then times representative calls over real HTTP, one at a time
 * (keep-alive), ~200 runs each after a short warm-up, and prints p50 / p95 / max per call. Target: list calls at
 * pageSize 100 answer in under 20 ms at p50. The temporary database is removed afterwards unless --keep is given.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Faker, base, en } from '@faker-js/faker';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { describeSeed, seedSandbox, type SeedReport, type SeedSize } from '../sandbox/seed';
import { addMinutesLocal, epochToLocal } from '../lib/synchroteam/dates';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    seed: { type: 'string', default: '42' },
    size: { type: 'string', default: 'large' },
    keep: { type: 'boolean', default: false },
    'try-indexes': { type: 'boolean', default: false },
  },
});

/**
 * Indexes proposed to the owners of store/schema.ts (see the seed report): with --try-indexes the calls are timed
 * a second time after creating them on the temporary database, to show their effect. schema.ts is not changed.
 */
const PROPOSED_INDEXES = [
  // customer/list (and site/equipment lists, same filters): deleted + active filter, name order and name search,
  // all from one covering index; COUNT(*) never reads the documents.
  'CREATE INDEX IF NOT EXISTS bench_customer_list ON r_customer(deleted, active, name)',
  // job/list by date range: span_end range with span_start, deleted and num in the index (covering COUNT, sort keys).
  'CREATE INDEX IF NOT EXISTS bench_job_span ON r_job(span_end, span_start, deleted, num)',
  'DROP INDEX IF EXISTS r_job_span_end',
  // job/list by status / by technician in the default num order: read in order, stop after a page.
  'CREATE INDEX IF NOT EXISTS bench_job_status_num ON r_job(status, num, deleted)',
  'CREATE INDEX IF NOT EXISTS bench_job_tech_num ON r_job(technician_id, num, deleted)',
  'ANALYZE',
];
const RUNS = Number(args.runs);
const LIST_TARGET_MS = 20;

const dir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
const db = join(dir, 'bench.db');
let seedReport: SeedReport | undefined;
const sandbox = await startSandbox({
  db,
  port: 0,
  config: { rateLimitPerMinute: 0, dailyQuota: 0 },
  onReady: (s: Sandbox) => {
    seedReport = seedSandbox(s.store, s.config, { seed: Number(args.seed), size: args.size as SeedSize });
  },
});
console.log(describeSeed(seedReport!));

const auth = 'Basic ' + Buffer.from(`${sandbox.config.domain}:${sandbox.config.apiKey}`).toString('base64');
const headers = { Authorization: auth, Accept: 'application/json', 'Content-Type': 'application/json' };

async function call(method: string, path: string, query: Record<string, string | number> = {}, body?: unknown) {
  const u = new URL(`${sandbox.url}/${path}`);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, String(v));
  const res = await fetch(u, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${method} ${path} ${u.search} → ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

// Samples to vary the calls over (read straight from the store: not part of the timings).
const f = new Faker({ locale: [en, base], seed: 1 });
const store = sandbox.store;
const pick = <T>(list: T[]) => f.helpers.arrayElement(list);
const customerRows = store.db
  .prepare('SELECT id, my_id, name FROM r_customer WHERE deleted = 0 AND active = 1')
  .all() as { id: number; my_id: string; name: string }[];
const jobRows = store.db.prepare('SELECT id, num, status, technician_id FROM r_job WHERE deleted = 0').all() as {
  id: string;
  num: number;
  status: string;
  technician_id: number | null;
}[];
const techIds = (
  store.db.prepare(`SELECT id FROM r_user WHERE profile = 'technician' AND deleted = 0`).all() as { id: number }[]
).map((r) => r.id);
const scheduled = jobRows.filter((j) => j.status === 'scheduled' || j.status === 'synchronized');
const nameWords = [...new Set(customerRows.flatMap((c) => c.name.split(/\s+/)).filter((w) => w.length >= 4))];
const customerPages = Math.ceil(customerRows.length / 100);
const today = epochToLocal(Date.now(), sandbox.config.timeZone).slice(0, 10);
const day = (offset: number) => addMinutesLocal(`${today} 00:00:00`, offset * 1440).slice(0, 10);
const STATUSES = ['validated', 'completed', 'scheduled', 'synchronized', 'started', 'created', 'cancelled'];
// The dispatch board's cold read: every page of next week's jobs, one call per page (~68 pages on the large seed).
const WEEK = {
  dateFrom: `${day(2)} 00:00:00`,
  dateTo: `${day(9)} 00:00:00`,
  otherTechnicians: 'true',
  sort: 'num',
  pageSize: 100,
};
const weekPages = Math.ceil((await call('GET', 'job/list', { ...WEEK, pageSize: 1 })).recordsTotal / 100);
// The board's and the map's change feed (show=all): jobs changed in the last 2 hours.
const changedSince = new Date(Date.now() - 2 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

interface Case {
  name: string;
  list?: boolean;
  run: (i: number) => Promise<unknown>;
}

const cases: Case[] = [
  {
    name: 'customer/list pageSize 100',
    list: true,
    run: () => call('GET', 'customer/list', { pageSize: 100, page: f.number.int({ min: 1, max: customerPages }) }),
  },
  {
    name: 'customer/list pageSize 100 name search',
    list: true,
    run: () => call('GET', 'customer/list', { pageSize: 100, name: pick(nameWords) }),
  },
  {
    name: 'job/list pageSize 100 by date range',
    list: true,
    run: () => {
      const d = f.number.int({ min: -42, max: 14 });
      return call('GET', 'job/list', { pageSize: 100, dateFrom: `${day(d)} 00:00:00`, dateTo: `${day(d)} 23:59:59` });
    },
  },
  {
    name: `job/list pageSize 100 a week, page 1-${weekPages}`,
    list: true,
    run: () => call('GET', 'job/list', { ...WEEK, page: f.number.int({ min: 1, max: weekPages }) }),
  },
  {
    name: 'job/list pageSize 100 changedSince, show all',
    list: true,
    run: () =>
      call('GET', 'job/list', { changedSince, show: 'all', pageSize: 100, page: f.number.int({ min: 1, max: 5 }) }),
  },
  {
    name: 'job/list pageSize 100 by technician',
    list: true,
    run: () => call('GET', 'job/list', { pageSize: 100, user_id: pick(techIds) }),
  },
  {
    name: 'job/list pageSize 100 by status',
    list: true,
    run: () => call('GET', 'job/list', { pageSize: 100, status: pick(STATUSES) }),
  },
  { name: 'job/details', run: () => call('GET', 'job/details', { id: pick(jobRows).id }) },
  {
    name: 'customer/send (update)',
    run: () =>
      call(
        'POST',
        'customer/send',
        {},
        {
          myId: pick(customerRows).my_id,
          contactPhone: `(312) 555-${String(f.number.int({ min: 0, max: 9999 })).padStart(4, '0')}`,
        },
      ),
  },
  {
    name: 'job/send (update)',
    run: () =>
      call('POST', 'job/send', {}, { id: pick(jobRows).id, description: `Bench note ${f.string.alphanumeric(6)}` }),
  },
  {
    name: 'job/schedule',
    run: (i) => {
      const j = scheduled[i % scheduled.length];
      const d = day(f.number.int({ min: 1, max: 14 }));
      const h = f.number.int({ min: 8, max: 15 });
      return call(
        'POST',
        'job/schedule',
        {},
        { id: j.id, technician: { id: pick(techIds) }, scheduledStart: `${d} ${String(h).padStart(2, '0')}:00` },
      );
    },
  },
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(title: string): Promise<void> {
  const rows: { name: string; p50: number; p95: number; max: number; list: boolean }[] = [];
  for (const c of cases) {
    for (let i = 0; i < 10; i++) await c.run(i); // warm-up (statement cache, page cache)
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await c.run(i + 10);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push({ name: c.name, p50: pct(times, 50), p95: pct(times, 95), max: times[times.length - 1], list: !!c.list });
  }
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(
    `\n${title}\n${'call'.padEnd(w)}   p50 ms   p95 ms   max ms   (${RUNS} runs each, real HTTP, one at a time)`,
  );
  for (const r of rows) {
    const flag = r.list && r.p50 >= LIST_TARGET_MS ? `  ✗ above the ${LIST_TARGET_MS} ms target` : '';
    console.log(
      `${r.name.padEnd(w)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}${flag}`,
    );
  }
  const missed = rows.filter((r) => r.list && r.p50 >= LIST_TARGET_MS);
  console.log(
    missed.length
      ? `${missed.length} list call(s) above ${LIST_TARGET_MS} ms p50`
      : `Every list call under ${LIST_TARGET_MS} ms p50`,
  );
}

// The machine's load matters on small shared machines: print it beside the figures.
const load = () => ` (1-min load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs)`;
await measure(`Schema as is${load()}`);
if (args['try-indexes']) {
  for (const sql of PROPOSED_INDEXES) store.db.exec(sql);
  await measure(`With the proposed indexes${load()}`);
}

await sandbox.stop();
if (args.keep) console.log(`Database kept: ${db}`);
else rmSync(dir, { recursive: true, force: true });
