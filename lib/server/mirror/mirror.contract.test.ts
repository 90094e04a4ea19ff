/**
 * The account mirror against a real sandbox over HTTP: backfill, convergence after changes made directly in the
 * sandbox (someone else's edits), write-through, deletions, restarts. "Converged" means: for a set of queries the
 * screens make, the mirror's own answer equals the API's live answer, field for field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@/sandbox/tests/harness';
import { seedSandbox } from '@/sandbox/seed';
import { openAppDb } from '@/lib/server/db';
import { createGateway } from '@/lib/server/upstream/gateway';
import type { Gateway } from '@/lib/server/upstream/types';
import { Mirror, MirrorStore } from './index';
import { RESOURCES } from './resources';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { ReportStore } from '@/lib/server/reports/report-store';
import { MirrorReportSource } from '@/lib/server/reports/mirror-report-source';
import { buildReport } from '@/lib/reports/report';
import { DEFAULT_OPTIONS, type ReportInput } from '@/lib/reports/types';

const TZ = 'America/Chicago';
let api: TestApi;
let upstream: Gateway;
let mirror: Mirror;
let db: ReturnType<typeof openAppDb>;

function newMirror() {
  return new Mirror({
    store: new MirrorStore(db, TZ),
    upstream,
    backfillPerMinute: 1e9,
    baseIntervalMs: { jobs: 1e9, positions: 1e9, records: 1e9, billing: 1e9, activities: 1e9, reference: 1e9 },
  });
}

async function syncUntilReady(m: Mirror, maxTicks = 2000) {
  for (let i = 0; i < maxTicks; i++) {
    if (RESOURCES.every((r) => m.store.cursor(r.name).ready)) return;
    const t0 = Date.now();
    await m.sync.tick();
    if (process.env.MIRROR_DEBUG) console.log('tick', i, Date.now() - t0);
    if (process.env.MIRROR_DEBUG && i % 50 === 0)
      console.log(
        i,
        JSON.stringify(
          m.store
            .cursors()
            .filter((c) => !c.ready || c.lastError)
            .slice(0, 2),
        ),
      );
  }
  throw new Error('backfill did not finish');
}

/** The mirror's answer and the API's, for one GET. */
async function both(path: string, query: Record<string, string | number | boolean>) {
  const q = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const local = mirror.api.answer(path, q);
  const live = await upstream.request({ method: 'GET', path, query: q });
  return { local, live };
}

const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const QUERIES: [string, Record<string, string | number | boolean>][] = [
  [
    'job/list',
    {
      dateFrom: `${inDays(-3)} 00:00:00`,
      dateTo: `${inDays(4)} 00:00:00`,
      otherTechnicians: true,
      sort: 'num',
      page: 1,
      pageSize: 100,
    },
  ],
  ['job/list', { dateFrom: `${inDays(-3)} 00:00:00`, dateTo: `${inDays(4)} 00:00:00`, page: 2, pageSize: 50 }],
  ['job/list', { status: 'created', sort: 'num', page: 1, pageSize: 100 }],
  ['job/list', { page: 3, pageSize: 100 }],
  ['job/list', { sort: 'scheduledStart', sortOrder: 'descending', pageSize: 30 }],
  ['job/list', { show: 'all', pageSize: 100, page: 1 }],
  ['customer/list', { pageSize: 100 }],
  ['customer/list', { pageSize: 100, page: 2, sort: 'dateModified', sortOrder: 'descending' }],
  ['customer/list', { name: 'an', pageSize: 100 }],
  ['customer/list', { active: false, pageSize: 100 }],
  ['site/list', { pageSize: 100 }],
  ['equipment/list', { pageSize: 100 }],
  ['user/list', { pageSize: 100 }],
  ['team/list', { pageSize: 100 }],
  ['jobtype/list', { pageSize: 100 }],
  ['activity/list', { startDate: `${today} 00:00`, endDate: `${inDays(7)} 00:00`, pageSize: 100 }],
  [
    'activity/list',
    {
      startDate: `${inDays(-30)} 00:00`,
      endDate: `${today} 00:00`,
      activityType_category: 'unavailability',
      pageSize: 100,
    },
  ],
  // what the month report reads
  ['invoice/list', { createdSince: `${inDays(-60)} 06:00:00`, pageSize: 100 }],
  ['invoice/list', { status: 'sent', pageSize: 100 }],
  ['quotation/list', { status: 'new', pageSize: 100 }],
  ['creditnote/list', { createdSince: `${inDays(-60)} 06:00:00`, pageSize: 100 }],
  // Inside the timeline's 7 days (resources.ts); further back is read live (below), except the reports' status events.
  ['timeline/list', { source: 'notification', event: 'completed', createdSince: `${inDays(-5)} 06:00:00` }],
  ['timeline/list', { source: 'notification', event: 'scheduled', createdSince: `${inDays(-60)} 06:00:00` }],
  [
    'timeline/list',
    { source: 'notification', event: 'completed', createdSince: `${inDays(-60)} 06:00:00`, page: 2, pageSize: 100 },
  ],
  ['job/list', { changedSince: `${inDays(-20)} 06:00:00`, pageSize: 100, page: 1 }],
];

async function expectConverged() {
  for (const [path, q] of QUERIES) {
    const { local, live } = await both(path, q);
    expect(local, `${path} ${JSON.stringify(q)} answered from the mirror`).not.toBeNull();
    expect(local!.body, `${path} ${JSON.stringify(q)}`).toEqual(live.body);
  }
}

beforeAll(async () => {
  api = await startTestApi({ seed: (s) => void seedSandbox(s.store, s.config, { seed: 42, size: 'small' }) });
  upstream = createGateway({ baseUrl: api.sandbox.url, domain: 'demo', apiKey: 'demo-api-key' });
  db = openAppDb(':memory:');
  mirror = newMirror();
}, 240_000);

afterAll(async () => {
  mirror?.sync.stop();
  await api?.stop();
});

describe('account mirror', () => {
  it('backfills every resource and then answers the screens’ queries exactly like the API', async () => {
    await syncUntilReady(mirror);
    for (const r of RESOURCES) expect(mirror.store.cursor(r.name).lastError, r.name).toBeNull();
    await expectConverged();
    // A technician's details (the tracking page) are the list's document.
    const tech = (await api.get('user/list', { pageSize: 5 })).body.data.find(
      (u: { profile: string }) => u.profile === 'technician',
    );
    const user = await both('user/details', { id: tech.id });
    expect(user.local?.body).toEqual(user.live.body);
    // Older than the timeline's window: not the mirror's to answer (read live), unless it is a report's status event.
    const older = await both('timeline/list', {
      source: 'notification',
      event: 'started',
      createdSince: `${inDays(-20)} 06:00:00`,
    });
    expect(older.local).toBeNull();
    expect((older.live.body as unknown[]).length, 'the seed has older items than the window').toBeGreaterThan(0);
    const beyond = await both('timeline/list', {
      source: 'notification',
      event: 'completed',
      createdSince: `${inDays(-120)} 06:00:00`,
    });
    expect(beyond.local, 'further back than the jobs reach: read live').toBeNull();
  }, 300_000);

  it('converges after a burst of changes made directly in the sandbox', async () => {
    const jobs = (await api.get('job/list', { status: 'created', pageSize: 20 })).body.data;
    const tech = (await api.get('user/list', { pageSize: 5 })).body.data.find(
      (u: { profile: string }) => u.profile === 'technician',
    );
    const customers = (await api.get('customer/list', { pageSize: 10 })).body.data;
    // schedule two pool jobs, cancel one, delete one, create a customer, deactivate another, rename a third
    await api.post('job/schedule', {
      id: jobs[0].id,
      technician: { id: tech.id },
      scheduledStart: `${inDays(1)} 09:00`,
      scheduledEnd: `${inDays(1)} 10:00`,
    });
    await api.post('job/schedule', {
      id: jobs[1].id,
      technician: { id: tech.id },
      scheduledStart: `${inDays(2)} 13:00`,
      scheduledEnd: `${inDays(2)} 15:30`,
    });
    await api.post('job/cancel', { id: jobs[2].id });
    await api.del('job/delete', { id: jobs[3].id });
    await api.post('customer/send', { name: 'Mirror Convergence Bakery', myId: `MCB-${Date.now()}` });
    await api.post('customer/desactivate', [{ id: customers[0].id }]);
    await api.post('customer/send', { id: customers[1].id, name: `${customers[1].name} (renamed)` });
    await api.post('activity/send', {
      user: { id: tech.id },
      activityType: { id: 1 },
      start: `${inDays(1)} 12:00`,
      end: `${inDays(1)} 13:00`,
    });
    // One sync pass later the mirror answers as the API does.
    for (const r of RESOURCES) mirror.sync.soon(r.name);
    await mirror.sync.tick();
    await expectConverged();
    const deleted = mirror.api.answer('job/list', new URLSearchParams({ show: 'deleted', pageSize: '100' }));
    expect((deleted!.body as { data: { id: string }[] }).data.map((j) => j.id)).toContain(jobs[3].id);
  }, 60_000);

  it('writes through: a write made through the mirror is in its answers before the writer gets the reply', async () => {
    const gw = mirror.gateway();
    const myId = `WT-${Date.now()}`;
    const res = await gw.request({
      method: 'POST',
      path: 'customer/send',
      body: { name: 'Write Through Plumbing', myId },
    });
    expect(res.status).toBe(200);
    const local = mirror.api.answer('customer/list', new URLSearchParams({ name: 'Write Through', pageSize: '10' }));
    expect((local!.body as { data: { myId: string }[] }).data.map((c) => c.myId)).toEqual([myId]);

    const job = (await api.get('job/list', { status: 'created', pageSize: 1, page: 3 })).body.data[0];
    const tech = (await api.get('user/list', { pageSize: 5 })).body.data.find(
      (u: { profile: string }) => u.profile === 'technician',
    );
    const sched = await gw.request({
      method: 'POST',
      path: 'job/schedule',
      body: {
        id: job.id,
        technician: { id: tech.id },
        scheduledStart: `${inDays(3)} 08:00`,
        scheduledEnd: `${inDays(3)} 09:00`,
      },
    });
    expect(sched.status).toBe(200);
    const details = await gw.request({ method: 'GET', path: 'job/details', query: { id: job.id } });
    expect(details.headers['x-dc-mirror']).toBe('hit');
    expect((details.body as { status: string }).status).toBe('scheduled');
    const live = await api.get('job/details', { id: job.id });
    expect(details.body).toEqual(live.body);

    // Someone else edits it in the same minute (dateModified does not move): the next sync drops the kept details.
    expect((await api.post('job/send', { id: job.id, description: 'Changed elsewhere, same minute' })).status).toBe(
      200,
    );
    mirror.sync.soon('jobs');
    await mirror.sync.tick();
    const after = await gw.request({ method: 'GET', path: 'job/details', query: { id: job.id } });
    expect((after.body as { description: string }).description).toBe('Changed elsewhere, same minute');
  }, 30_000);

  it('removes a customer deleted elsewhere as soon as a read of it answers 404', async () => {
    const c = (await api.post('customer/send', { name: 'Soon Gone Supplies', myId: `SG-${Date.now()}` })).body;
    mirror.sync.soon('customers');
    await mirror.sync.tick();
    expect(mirror.api.answer('customer/details', new URLSearchParams({ id: String(c.id) }))).not.toBeNull();
    await api.del('customer/delete', { id: c.id });
    // The customer page reads it: the mirror still has it, so ask the way a cache miss would (live), then it is gone.
    const gw = mirror.gateway();
    const live = await upstream.request({ method: 'GET', path: 'customer/details', query: { id: c.id } });
    expect(live.status).toBe(404);
    const { storeRead } = await import('./write-through');
    storeRead(mirror.store, 'customers', { id: String(c.id) }, live);
    expect(mirror.api.answer('customer/details', new URLSearchParams({ id: String(c.id) }))).toBeNull();
    void gw;
  }, 30_000);

  it('keeps its cursors across a restart: a new instance serves at once and reads only what changed', async () => {
    const calls = upstream.stats().upstreamCalls;
    const again = newMirror();
    expect(RESOURCES.every((r) => again.store.cursor(r.name).ready)).toBe(true);
    await api.post('customer/send', { name: 'After Restart Roofing', myId: `AR-${Date.now()}` });
    again.sync.soon('customers');
    await again.sync.tick();
    const local = again.api.answer('customer/list', new URLSearchParams({ name: 'After Restart', pageSize: '5' }));
    expect((local!.body as { data: unknown[] }).data).toHaveLength(1);
    // One pass reads each resource once (changedSince or a whole small list), never a second backfill.
    expect(RESOURCES.every((r) => again.store.cursor(r.name).backfill === null)).toBe(true);
    expect(upstream.stats().upstreamCalls - calls).toBeLessThan(80);
  }, 30_000);

  it('serves a report’s records from memory exactly as the API’s lists give them, and follows changes', async () => {
    const range = { from: inDays(-45), to: today };
    const period = { from: inDays(-20), to: today };
    const previous = range.from < period.from ? { from: range.from, to: inDays(-21) } : period;
    const opts = { ...DEFAULT_OPTIONS, today };
    const source = new MirrorReportSource(mirror);
    const fromLists = () => new ReportStore({ client: createClient(gatewayTransport(upstream)), timeZone: TZ });
    const fromMirror = new ReportStore({
      client: createClient(gatewayTransport(mirror.gateway())),
      timeZone: TZ,
      mirror: () => source,
    });
    const load = async (s: ReportStore) => {
      const got = await s.get(range, 60_000);
      if (!('data' in got)) throw new Error('report still loading');
      return got.data;
    };
    const ids = (input: ReportInput) =>
      Object.fromEntries(
        Object.entries(input).map(([k, v]) => [
          k,
          (v as { id?: unknown; job?: { id: string } | null; dateCreated?: string }[])
            .map((x) => String(x.id ?? `${x.job?.id}@${x.dateCreated}`))
            .sort(),
        ]),
      );
    const compare = async (store: ReportStore) => {
      const [live, local] = await Promise.all([load(fromLists()), load(store)]);
      expect(local.input.jobs.length, 'the period has jobs').toBeGreaterThan(10);
      expect(ids(local.input)).toEqual(ids(live.input));
      const a = buildReport(live.input, period, previous, opts);
      const b = buildReport(local.input, period, previous, opts);
      for (const [k, v] of Object.entries(a.kpis))
        expect(b.kpis[k as keyof typeof a.kpis].value ?? NaN, k).toBeCloseTo(v.value ?? NaN, 9);
      expect(b.breakdowns).toEqual(a.breakdowns);
      return { live, local };
    };
    const first = await compare(fromMirror);
    // Jobs, notifications and billing came from memory: the only local pages were technicians, teams, types, activities.
    expect(first.local.calls).toBeLessThan(first.live.calls / 3);

    // Someone cancels a job of the period and deletes another elsewhere: after one sync the report sees both.
    const inPeriod = first.live.input.jobs.filter((j) => j.status === 'scheduled');
    await api.post('job/cancel', { id: inPeriod[0]!.id });
    await api.del('job/delete', { id: inPeriod[1]!.id });
    mirror.sync.soon('jobs');
    mirror.sync.soon('timeline');
    await mirror.sync.tick();
    const again = new ReportStore({
      client: createClient(gatewayTransport(mirror.gateway())),
      timeZone: TZ,
      mirror: () => source,
    });
    const second = await compare(again);
    expect(second.local.input.jobs.find((j) => j.id === inPeriod[0]!.id)?.status).toBe('cancelled');
    expect(second.local.input.jobs.some((j) => j.id === inPeriod[1]!.id)).toBe(false);
  }, 60_000);
});
