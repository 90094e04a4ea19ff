/**
 * The report worker, as the server runs it: the worker bundle built by scripts/build-workers.mjs, reading a mirror
 * database file on its own. A report and a drill-down computed there equal the ones computed on the request thread
 * from the same records, and a worker that is missing or fails leaves the request thread to compute them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppDb } from '@/lib/server/db';
import { MirrorStore } from '@/lib/server/mirror/store';
import { RESOURCE_BY_NAME } from '@/lib/server/mirror/resources';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { buildReport } from '@/lib/reports/report';
import { drillRecords } from '@/lib/reports/drill';
import { DEFAULT_OPTIONS } from '@/lib/reports/types';
import { MirrorReportSource } from './mirror-report-source';
import { ReportStore, type LoadedData } from './report-store';
import { ReportWorker } from './report-worker-client';

const TZ = 'America/Chicago';
const dir = mkdtempSync(join(tmpdir(), 'report-worker-'));
const file = join(dir, 'app.db');
// The bundle goes where the server's does, inside the project: it loads better-sqlite3 from node_modules.
const dist = `.next-test-report-worker-${process.pid}`;
let workerPath: string;
const workers: ReportWorker[] = [];

const range = { from: '2026-10-01', to: '2026-11-30' };
const period = { from: '2026-11-01', to: '2026-11-30' };
const previous = { from: '2026-10-01', to: '2026-10-31' };
const opts = { ...DEFAULT_OPTIONS, today: '2026-12-08' };

function job(n: number) {
  const day = `2026-${n % 2 ? '10' : '11'}-${String(1 + (n % 28)).padStart(2, '0')}`;
  return {
    id: `j${n}`,
    num: n,
    myId: null,
    status: n % 5 === 0 ? 'created' : n % 3 === 0 ? 'scheduled' : 'completed',
    customer: { id: 1 + (n % 4), myId: null, name: `Customer ${n % 4}` },
    site: { id: 10 + (n % 6), myId: null, name: `Site ${n % 6}` },
    technician: n % 5 === 0 ? null : { id: 100 + (n % 3), name: `Tech ${n % 3}`, login: `t${n % 3}` },
    type: { id: 1, name: 'Repair' },
    scheduledStart: n % 5 === 0 ? null : `${day} 09:00`,
    scheduledEnd: n % 5 === 0 ? null : `${day} 10:00`,
    actualStart: n % 3 && n % 5 ? `${day} 09:10` : null,
    actualEnd: n % 3 && n % 5 ? `${day} 10:05` : null,
    dateCreated: `2026-09-20 08:00`,
    dateModified: `${day} 10:05`,
  };
}

/** The request thread's store over the mirror file: empty reference lists, `worker` as given. */
function storeWith(worker: ReportWorker | null) {
  const db = openAppDb(file);
  const source = new MirrorReportSource({ store: { db, timeZone: TZ }, api: { answer: () => ({}) as never } });
  const empty = { status: 200, headers: {}, body: { page: 1, pageSize: 100, records: 0, recordsTotal: 0, data: [] } };
  const client = createClient(gatewayTransport({ request: async () => empty }));
  return new ReportStore({ client, timeZone: TZ, mirror: () => source, worker: () => worker });
}

async function load(store: ReportStore): Promise<LoadedData> {
  const got = await store.get(range, 30_000);
  if (!('data' in got)) throw new Error('still loading');
  return got.data;
}

beforeAll(async () => {
  const store = new MirrorStore(openAppDb(file), TZ);
  store.upsert(
    RESOURCE_BY_NAME.get('jobs')!,
    Array.from({ length: 400 }, (_, i) => job(i + 1)),
  );
  // The bundle the server runs, built into a folder of this test's own.
  process.env.NEXT_DIST_DIR = dist;
  const { buildWorkers } = await import('../../../scripts/build-workers.mjs');
  await buildWorkers();
  delete process.env.NEXT_DIST_DIR;
  workerPath = join(process.cwd(), dist, 'workers', 'report-worker.mjs');
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  rmSync(dir, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
});

const newWorker = (path = workerPath) => {
  const w = new ReportWorker({ file, timeZone: TZ }, path);
  workers.push(w);
  return w;
};

describe('report worker', () => {
  it('computes the report and a drill-down as the request thread does, without the records on that thread', async () => {
    const worker = newWorker();
    const store = storeWith(worker);
    const data = await load(store);
    // The records stay with the worker: the request thread holds none of them.
    expect(data.workerQuery).toBeDefined();
    expect(data.input.jobs).toEqual([]);
    const inWorker = await store.report(data, period, previous, opts, async () => {});

    const here = await load(storeWith(null));
    expect(here.workerQuery).toBeUndefined();
    expect(here.input.jobs.length).toBe(400);
    expect(inWorker).toEqual(buildReport(here.input, period, previous, opts));
    expect(inWorker.kpis.jobsCompleted.value).toBeGreaterThan(0);

    const drill = await store.drill(data, period, opts, 'jobsCompleted');
    expect(drill).toEqual(drillRecords(here.input, period, opts, 'jobsCompleted'));
    expect(drill.rows.length).toBeGreaterThan(0);
    expect(worker.answered, 'both came from the worker').toBe(2);
  });

  it('sees the mirror change: a job completed since is in the next report', async () => {
    const worker = newWorker();
    const store = storeWith(worker);
    const data = await load(store);
    const before = await store.report(data, period, previous, opts, async () => {});
    // Written by another connection (the sync's), as on a server: job 1004 is completed on 25 November.
    new MirrorStore(openAppDb(file), TZ).upsert(RESOURCE_BY_NAME.get('jobs')!, [job(1004)]);
    const after = await store.report(data, period, previous, opts, async () => {});
    expect(after.kpis.jobsCompleted.value).toBe((before.kpis.jobsCompleted.value ?? 0) + 1);
    expect(worker.answered).toBe(2);
  });

  it('answers a person before reports computed ahead: one request at a time, interactive first', async () => {
    const worker = newWorker();
    const data = await load(storeWith(worker));
    const order: string[] = [];
    const ask = (name: string, priority: 'interactive' | 'background') =>
      worker
        .request(
          {
            type: 'report',
            q: data.workerQuery!,
            extra: { activities: [], technicians: [], teams: [], jobTypes: [] },
            period,
            previous,
            opts,
          },
          priority,
        )
        .then(() => order.push(name));
    await Promise.all([
      ask('ahead 1', 'background'),
      ask('ahead 2', 'background'),
      ask('ahead 3', 'background'),
      ask('manager', 'interactive'),
    ]);
    // The first one was already with the worker; the manager's goes next.
    expect(order).toEqual(['ahead 1', 'manager', 'ahead 2', 'ahead 3']);
  });

  it('falls back to the request thread when the worker is not built or fails', async () => {
    const missing = newWorker(join(dir, 'nowhere.mjs'));
    expect(missing.available()).toBe(false);
    const store = storeWith(missing);
    const data = await load(store);
    expect(data.workerQuery).toBeUndefined();

    // A worker that answers with an error (the optimizer's cannot read a report request): computed here instead.
    const broken = newWorker(join(process.cwd(), dist, 'workers', 'optimize-worker.mjs'));
    const withBroken = storeWith(broken);
    const d2 = await load(withBroken);
    expect(d2.workerQuery).toBeDefined();
    const here = await load(storeWith(null));
    const expected = buildReport(here.input, period, previous, opts);
    await broken.request({ type: 'warm' }).catch(() => undefined);
    expect(await withBroken.report(d2, period, previous, opts, async () => {})).toEqual(expected);
  });
});
