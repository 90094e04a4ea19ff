/**
 * The sync's cursor rules against a scripted upstream (the contract test runs the same engine against the sandbox):
 * changedSince reaches back by the overlap, a failed read moves nothing, a restart resumes the backfill where it was.
 */
import { describe, expect, it } from 'vitest';
import { openAppDb } from '@/lib/server/db';
import type { UpstreamRequest, UpstreamResponse } from '@/lib/server/upstream/types';
import { MirrorStore } from './store';
import { INACTIVE_EVERY, OVERLAP_MS, SERVER_CLOCK_OVERLAP_MS, SyncEngine } from './sync';
import { RESOURCES } from './resources';

const TZ = 'America/Chicago';
const T0 = Date.UTC(2026, 11, 5, 15, 0, 0);

type Handler = (req: UpstreamRequest, q: URLSearchParams) => UpstreamResponse | Promise<UpstreamResponse>;

function job(n: number, modified = '2026-12-05 08:00') {
  return {
    id: `j${n}`,
    num: n,
    myId: null,
    status: 'scheduled',
    customer: { id: 1, myId: 'C1', name: 'A' },
    technician: { id: 5 },
    scheduledStart: '2026-12-06 09:00',
    scheduledEnd: '2026-12-06 10:00',
    dateModified: modified,
  };
}
const ok = (body: unknown): UpstreamResponse => ({ status: 200, body, headers: {} });
const pageOf = (all: unknown[], q: URLSearchParams) => {
  const page = Number(q.get('page'));
  const size = Number(q.get('pageSize'));
  return ok({
    page,
    pageSize: size,
    records: 0,
    recordsTotal: all.length,
    data: all.slice((page - 1) * size, page * size),
  });
};

function setup(
  handler: Handler,
  now: { t: number },
  store = new MirrorStore(openAppDb(':memory:'), TZ),
  backfillPerMinute = 1e9,
  fullJobsMax?: number,
) {
  const calls: URLSearchParams[] = [];
  const engine = new SyncEngine({
    store,
    request: async (req) => {
      const q = new URLSearchParams(Object.entries(req.query ?? {}).map(([k, v]) => [k, String(v)]));
      calls.push(new URLSearchParams([['path', req.path], ...q]));
      return handler(req, q);
    },
    snapshot: () => ({
      limit: null,
      remaining: null,
      reset: null,
      quotaLimit: null,
      quotaRemaining: null,
      queued: 0,
      inFlight: 0,
      waitingUntil: null,
    }),
    lastActivity: () => now.t,
    now: () => now.t,
    backfillPerMinute,
    fullJobsMax,
  });
  return { engine, store, calls };
}

/** Everything but jobs answers an empty list. */
const emptyElse =
  (jobs: Handler): Handler =>
  (req, q) =>
    req.path === 'job/list'
      ? jobs(req, q)
      : ok(req.path.startsWith('t') ? [] : { page: 1, pageSize: 100, records: 0, recordsTotal: 0, data: [] });

describe('mirror sync cursors', { timeout: 60_000 }, () => {
  it('backfills page by page, then reads changes since the backfill began, minus the overlap', async () => {
    const now = { t: T0 };
    const all = Array.from({ length: 250 }, (_, i) => job(i + 1));
    const { engine, store, calls } = setup(
      emptyElse((_r, q) => pageOf(q.has('changedSince') ? [job(7, '2026-12-05 09:05')] : all, q)),
      now,
    );
    for (let i = 0; i < 60 && !RESOURCES.every((r) => store.cursor(r.name).ready); i++) {
      now.t += 10;
      await engine.tick();
    }
    expect(store.cursor('jobs').ready).toBe(true);
    // The cursor starts where the backfill started (its first page), not where it ended.
    expect(store.cursor('jobs').sinceMs).toBeGreaterThan(T0);
    expect(store.cursor('jobs').sinceMs).toBeLessThan(T0 + 100);
    expect(store.count(RESOURCES[0])).toBe(250);

    now.t = T0 + 60_000;
    engine.soon('jobs');
    await engine.tick();
    const changed = calls.filter((c) => c.get('path') === 'job/list' && c.has('changedSince'));
    expect(changed.at(-1)!.get('changedSince')).toBe(
      new Date(T0 - OVERLAP_MS).toISOString().slice(0, 19).replace('T', ' '),
    );
    expect(store.cursor('jobs').sinceMs).toBe(T0 + 60_000);
    // Every call is counted for the day and for its resource (the admin Sync page's "Calls today").
    const jobCalls = calls.filter((c) => c.get('path') === 'job/list').length;
    expect(store.callsOn(now.t, 'jobs')).toBe(jobCalls);
    expect(store.callsOn(now.t)).toBe(calls.length);
    expect(RESOURCES.reduce((n, r) => n + store.callsOn(now.t, r.name), 0)).toBe(calls.length);
  });

  it("plans the day on what reads really cost: a busy account's changes of several pages raise the projection", async () => {
    const now = { t: T0 };
    let busy = false;
    const { engine, store } = setup(
      emptyElse((_r, q) =>
        pageOf(
          q.has('changedSince') && busy ? Array.from({ length: 250 }, (_, i) => job(i + 1, '2026-12-05 09:10')) : [],
          q,
        ),
      ),
      now,
    );
    for (let i = 0; i < 60 && !RESOURCES.every((r) => store.cursor(r.name).ready); i++) {
      now.t += 10;
      await engine.tick();
    }
    now.t += 61_000;
    engine.soon('jobs');
    await engine.tick();
    const quiet = engine.plan().projectedCalls;
    busy = true;
    now.t += 61_000;
    engine.soon('jobs');
    await engine.tick();
    now.t += 61_000;
    // Three pages a jobs read instead of one: about two more calls per read at the same interval.
    expect(engine.plan().projectedCalls).toBeGreaterThan(quiet * 1.3);
  });

  it("reads changes on the API's clock once its Date header is known, reaching back only past minute stamps", async () => {
    const now = { t: T0 };
    // The API's clock runs 30 s ahead of ours; its Date header has whole seconds.
    const dated = (r: UpstreamResponse): UpstreamResponse => ({
      ...r,
      headers: { date: new Date(Math.floor((now.t + 30_000) / 1000) * 1000).toUTCString() },
    });
    const { engine, store, calls } = setup(
      (req, q) => dated(emptyElse((_r, q2) => pageOf([job(1)], q2))(req, q) as UpstreamResponse),
      now,
    );
    for (let i = 0; i < 60 && !RESOURCES.every((r) => store.cursor(r.name).ready); i++) {
      now.t += 10;
      await engine.tick();
    }
    const cursor = store.cursor('jobs').sinceMs!;
    now.t += 20_000;
    engine.soon('jobs');
    await engine.tick();
    const since = calls
      .filter((c) => c.get('path') === 'job/list' && c.has('changedSince'))
      .at(-1)!
      .get('changedSince')!;
    const sinceMs = Date.parse(since.replace(' ', 'T') + 'Z');
    // cursor + offset (30 s, a lower bound: at most a second less) − the overlap: on the API's clock, 75 s back.
    expect(sinceMs).toBeLessThanOrEqual(cursor + 30_000 - SERVER_CLOCK_OVERLAP_MS);
    expect(sinceMs).toBeGreaterThan(cursor + 30_000 - SERVER_CLOCK_OVERLAP_MS - 2_000);
    expect(cursor + 30_000 - SERVER_CLOCK_OVERLAP_MS).toBeGreaterThan(cursor - OVERLAP_MS);
  });

  it('keeps the cursor when a read fails, so the next read reaches back as far', async () => {
    const now = { t: T0 };
    let fail = false;
    const { engine, store, calls } = setup(
      emptyElse((_r, q) =>
        fail && q.has('changedSince') && q.get('page') === '2'
          ? { status: 503, body: { error: 'x', message: 'down' }, headers: {} }
          : pageOf(
              q.has('changedSince') ? Array.from({ length: 150 }, (_, i) => job(i + 1, '2026-12-05 09:10')) : [job(1)],
              q,
            ),
      ),
      now,
    );
    for (let i = 0; i < 60 && !RESOURCES.every((r) => store.cursor(r.name).ready); i++) {
      now.t += 10;
      await engine.tick();
    }
    const before = store.cursor('jobs').sinceMs;
    fail = true;
    now.t = T0 + 30_000;
    engine.soon('jobs');
    await engine.tick();
    expect(store.cursor('jobs').sinceMs).toBe(before);
    expect(store.cursor('jobs').lastError).toMatch(/503/);
    fail = false;
    now.t = T0 + 60_000;
    engine.soon('jobs');
    await engine.tick();
    const reads = calls.filter((c) => c.has('changedSince') && c.get('path') === 'job/list' && c.get('page') === '1');
    // The retry asks for the same changes as the failed read.
    expect(reads.at(-1)!.get('changedSince')).toBe(reads.at(-2)!.get('changedSince'));
    expect(store.cursor('jobs').sinceMs).toBe(T0 + 60_000);
    expect(store.cursor('jobs').lastError).toBeNull();
    expect(store.count(RESOURCES[0])).toBe(150);
  });

  it('drops the job horizon once a count shows the mirror holds every job, checking once a UTC day', async () => {
    const recent = Array.from({ length: 150 }, (_, i) => job(i + 1));
    for (const older of [0, 30]) {
      const now = { t: T0 };
      // An account past fullJobsMax: backfilled from the horizon (dateFrom) plus open jobs (status=…, none here).
      const all = [...recent, ...Array.from({ length: older }, (_, i) => job(1000 + i))];
      const { engine, store, calls } = setup(
        emptyElse((_r, q) =>
          pageOf(q.has('dateFrom') ? recent : q.has('status') || q.has('changedSince') ? [] : all, q),
        ),
        now,
        undefined,
        1e9,
        100,
      );
      for (let i = 0; i < 60 && !RESOURCES.every((r) => store.cursor(r.name).ready); i++) {
        now.t += 10;
        await engine.tick();
      }
      now.t += 1000;
      await engine.tick();
      const counts = () => calls.filter((c) => c.get('path') === 'job/list' && c.get('pageSize') === '1').length;
      expect(counts()).toBe(1);
      if (older) expect(store.jobHorizon()).toMatch(/^2026-09-0\d 00:00:00$/);
      else expect(store.jobHorizon()).toBeNull();
      // Counted today: no second count until the next UTC day.
      now.t += 3_600_000;
      await engine.tick();
      expect(counts()).toBe(1);
      now.t += 86_400_000;
      await engine.tick();
      expect(counts()).toBe(older ? 2 : 1);
    }
  });

  it('reads inactive customers every INACTIVE_EVERY-th read, from where the last such read stood', async () => {
    const now = { t: T0 };
    const { engine, store, calls } = setup(
      emptyElse((_r, q) => pageOf([], q)),
      now,
    );
    for (let i = 0; i < 60 && !RESOURCES.every((r) => store.cursor(r.name).ready); i++) {
      now.t += 10;
      await engine.tick();
    }
    const reads = () => calls.filter((c) => c.get('path') === 'customer/list' && c.has('changedSince'));
    const before = reads().length;
    for (let i = 0; i < INACTIVE_EVERY * 2; i++) {
      now.t += 180_000; // the records' interval while people work
      await engine.tick();
    }
    const made = reads().slice(before);
    const inactive = made.filter((c) => c.get('active') === 'false');
    expect(made.length - inactive.length).toBe(INACTIVE_EVERY * 2);
    expect(inactive.length).toBe(2);
    // The second inactive read reaches back to the first one's start (minus the overlap), as the read that followed
    // the first one did, not to the last read's.
    const afterFirst = made[made.indexOf(inactive[0]!) + 1]!;
    expect(afterFirst.has('active')).toBe(false);
    expect(inactive[1]!.get('changedSince')).toBe(afterFirst.get('changedSince'));
    expect(made[made.indexOf(inactive[1]!) - 1]!.get('changedSince')).not.toBe(afterFirst.get('changedSince'));
    // Asked for (an admin's Resync): read whole whatever the turn.
    engine.soon('customers');
    await engine.tick();
    expect(reads().at(-1)!.get('active')).toBe('false');
  });

  it('reads as many backfill pages in a pass as its pace allows, a tick of them at most', async () => {
    const all = Array.from({ length: 520 }, (_, i) => job(i + 1));
    for (const [pace, pagesAfterOneTick] of [
      [60, 1],
      [600, 6],
    ] as const) {
      const now = { t: T0 };
      const s = setup(
        emptyElse((_r, q) => pageOf(all, q)),
        now,
        undefined,
        pace,
      );
      now.t += 1000;
      await s.engine.tick();
      // The total probe, then the pages of 100 (520 jobs: 6).
      expect(s.calls.filter((c) => c.get('path') === 'job/list').length - 1).toBe(pagesAfterOneTick);
      expect(s.store.cursor('jobs').ready).toBe(pace === 600);
    }
  });

  it('resumes a backfill after a restart at the page it had reached', async () => {
    const now = { t: T0 };
    const db = openAppDb(':memory:');
    const all = Array.from({ length: 520 }, (_, i) => job(i + 1));
    const handler = emptyElse((_r, q) => pageOf(all, q));
    // One page a second, a tick a second: the restart comes mid-way.
    const first = setup(handler, now, new MirrorStore(db, TZ), 60);
    for (let i = 0; i < 3; i++) {
      now.t += 1000;
      await first.engine.tick(); // total probe + pages 1..3
    }
    const saved = JSON.parse(first.store.cursor('jobs').backfill!);
    expect(saved.page).toBeGreaterThan(1);
    // A new process on the same database: no page before the saved one is asked again.
    const second = setup(handler, now, new MirrorStore(db, TZ), 60);
    now.t += 1000;
    await second.engine.tick();
    const pages = second.calls.filter((c) => c.get('path') === 'job/list').map((c) => Number(c.get('page')));
    expect(Math.min(...pages)).toBe(saved.page);
    for (let i = 0; i < 60 && !second.store.cursor('jobs').ready; i++) {
      now.t += 1000;
      await second.engine.tick();
    }
    expect(second.store.count(RESOURCES[0])).toBe(520);
    expect(second.store.cursor('jobs').sinceMs).toBe(saved.startedAt);
  });

  it('keeps activities from the first day of the month two months back: last month and its comparison month', () => {
    const at = (iso: string) =>
      setup(
        emptyElse(() => ok({})),
        { t: Date.parse(iso) },
      ).engine.activityWindow();
    expect(at('2026-12-31T18:00:00Z')).toEqual({ from: '2026-10-01 00:00:00', to: '2027-02-11 00:00:00' });
    expect(at('2026-12-05T15:00:00Z').from).toBe('2026-10-01 00:00:00');
    // Across a year: in February, last month is January and its comparison December.
    expect(at('2027-02-15T15:00:00Z').from).toBe('2026-12-01 00:00:00');
  });
});
