import { describe, expect, it } from 'vitest';
import type { SynchroteamClient } from '@/lib/synchroteam/client';
import { localToEpoch } from '@/lib/synchroteam/dates';
import { MapStore, SYNC_MS as MAP_SYNC_MS } from '@/lib/server/map/map-store';
import { BoardStore, SYNC_MS as BOARD_SYNC_MS } from '../board/board-store';
import { CHANGE_OVERLAP_MS } from '../board/list-all';
import { FEED_MS, JobFeed } from './job-feed';

type Q = Record<string, unknown>;
const B = Date.parse('2026-03-09T15:00:00Z');
const S = 1000;

function job(num: number, p: Record<string, unknown> = {}) {
  return {
    id: `job-${num}`,
    myId: null,
    num,
    description: null,
    priority: 'medium',
    customer: { id: 1, name: 'Acme' },
    site: null,
    equipment: null,
    type: null,
    reportTemplate: null,
    technician: { id: 7 },
    createdBy: null,
    address: 'Main St',
    addressStreet: null,
    addressComplement: null,
    addressZIP: null,
    addressCity: null,
    addressProvince: null,
    addressCountry: null,
    position: { latitude: '41.9', longitude: '-87.7' },
    contactFirstName: null,
    contactLastName: null,
    contactMobile: null,
    contactPhone: null,
    contactEmail: null,
    scheduledStart: '2026-03-09 10:00',
    scheduledEnd: '2026-03-09 11:00',
    actualStart: null,
    actualEnd: null,
    createdByCustomer: false,
    duration: 0,
    status: 'scheduled',
    publicLink: '',
    customFieldValues: [],
    tags: [],
    skills: [],
    validateBy: null,
    dateCreated: '2026-03-01 08:00',
    dateModified: '2026-03-01 08:00',
    dateDeleted: null,
    otherTechnicians: [],
    ...p,
  };
}
const page = <T>(all: T[], q: Q) => {
  const size = Number(q.pageSize ?? 100);
  const n = Number(q.page ?? 1);
  return { page: n, pageSize: size, records: 0, recordsTotal: all.length, data: all.slice((n - 1) * size, n * size) };
};

/**
 * An API whose changedSince answers what was changed at or after the asked time (UTC, as the feed asks), a day's and
 * the pool's lists, and reference lists enough for both stores. `gate` holds changedSince reads until it is opened.
 */
function fakeApi() {
  const changes: { at: number; job: ReturnType<typeof job> }[] = [];
  const reads: number[] = [];
  const state = { day: [job(1), job(2)], fail: false, gate: null as Promise<void> | null };
  const empty = async (q: Q) => page([], q);
  const client = {
    teams: { list: async (q: Q) => page([{ id: 1, name: 'North', deleted: null }], q) },
    users: {
      list: async (q: Q) =>
        page(
          [
            {
              id: 7,
              firstName: 'Ana',
              lastName: 'Ruiz',
              login: 'ana',
              profile: 'technician',
              teams: ['North'],
              skilledTrades: [],
              deleted: null,
              startLocation: null,
              lastLocation: null,
            },
          ],
          q,
        ),
    },
    jobTypes: { list: empty },
    schedulingWindows: { list: empty },
    activities: { list: empty },
    jobs: {
      list: async (q: Q) => {
        if (q.changedSince) {
          const since = localToEpoch(String(q.changedSince), 'UTC');
          reads.push(since);
          if (state.gate) await state.gate;
          if (state.fail) throw new Error('upstream down');
          return page(
            changes.filter((c) => c.at >= since).map((c) => c.job),
            q,
          );
        }
        if (q.status === 'created') return page([], q);
        return page(state.day, q);
      },
    },
  } as unknown as SynchroteamClient;
  return { client, changes, reads, state };
}

describe('JobFeed', () => {
  it('reads once per interval whoever asks, each asker tolerating its own age', async () => {
    let now = B;
    const api = fakeApi();
    const feed = new JobFeed({ client: api.client, now: () => now });
    const got: string[][] = [[], []];
    feed.subscribe((jobs) => got[0].push(...jobs.map((j) => j.id)));
    feed.subscribe((jobs) => got[1].push(...jobs.map((j) => j.id)));
    now += FEED_MS;
    api.changes.push({ at: now - S, job: job(5) });
    await Promise.all([feed.fresh(10 * S), feed.fresh(15 * S)]);
    expect(api.reads).toHaveLength(1);
    expect(got).toEqual([['job-5'], ['job-5']]); // one read, both subscribers
    now += 5 * S;
    await feed.fresh(0); // nobody makes it read more often than FEED_MS
    now += 7 * S; // 12 s after the read: old enough for a 10 s asker, not for a 15 s one
    await feed.fresh(15 * S);
    expect(api.reads).toHaveLength(1);
    await feed.fresh(10 * S);
    expect(api.reads).toHaveLength(2);
  });

  it('reaches back to the start of a load, even after another subscriber read past it', async () => {
    let now = B;
    const api = fakeApi();
    const feed = new JobFeed({ client: api.client, now: () => now });
    const got: string[] = [];
    feed.subscribe((jobs) => got.push(...jobs.map((j) => j.id)));
    now += 10 * S;
    await feed.fresh();
    const loadStart = now + 2 * S; // a subscriber starts reading a window…
    api.changes.push({ at: now + 3 * S, job: job(9) }); // …a job in it changes after its page was read…
    now += 15 * S;
    await feed.fresh(); // …the other subscriber's read finds the change before the window is in place…
    now += 200 * S;
    await feed.fresh();
    now += 200 * S;
    await feed.fresh(); // …and later reads have moved past it (beyond the overlap).
    expect(api.reads.at(-1)).toBeGreaterThan(api.changes[0].at);
    now += 100 * S;
    feed.need(loadStart); // the window is in place
    now += FEED_MS;
    got.length = 0;
    await feed.fresh();
    expect(api.reads.at(-1)).toBe(loadStart - CHANGE_OVERLAP_MS);
    expect(got).toEqual(['job-9']);
    // Served: the read after that goes back to reading from the previous read's start.
    const last = now;
    now += FEED_MS;
    await feed.fresh();
    expect(api.reads.at(-1)).toBe(last - CHANGE_OVERLAP_MS);
  });

  it('keeps a need registered while a read runs (the read may have started after it)', async () => {
    let now = B + 500 * S;
    const api = fakeApi();
    const feed = new JobFeed({ client: api.client, now: () => now });
    let open = () => {};
    api.state.gate = new Promise<void>((r) => (open = r));
    const reading = feed.fresh();
    const startedAt = now;
    now += 2 * S;
    feed.need(B); // a load that started long before this read finished meanwhile
    open();
    await reading;
    api.state.gate = null;
    now += FEED_MS;
    await feed.fresh();
    expect(api.reads).toEqual([B + 500 * S - CHANGE_OVERLAP_MS, B - CHANGE_OVERLAP_MS]);
    expect(startedAt).toBe(B + 500 * S);
  });

  it('loses no change when a read fails: the next one reaches back as far, at once', async () => {
    let now = B;
    const api = fakeApi();
    const feed = new JobFeed({ client: api.client, now: () => now });
    const got: string[] = [];
    // A subscriber that throws does not keep the read from the others.
    feed.subscribe(() => {
      throw new Error('bug');
    });
    feed.subscribe((jobs) => got.push(...jobs.map((j) => j.id)));
    const quiet = console.error;
    console.error = () => {};
    try {
      now += 10 * S;
      await feed.fresh();
      const firstRead = now;
      api.changes.push({ at: now + S, job: job(4) });
      now += 200 * S;
      api.state.fail = true;
      await expect(feed.fresh()).rejects.toThrow('upstream down');
      expect(feed.lastReadAt).toBe(firstRead);
      api.state.fail = false;
      now += S; // no interval to wait after a failure
      await feed.fresh();
      expect(api.reads).toEqual([B - CHANGE_OVERLAP_MS, firstRead - CHANGE_OVERLAP_MS, firstRead - CHANGE_OVERLAP_MS]);
      expect(got).toEqual(['job-4']);
    } finally {
      console.error = quiet;
    }
  });

  it('serves a board store and a map store with one read, each in its own versioned log', async () => {
    let now = B;
    const api = fakeApi();
    const feed = new JobFeed({ client: api.client, now: () => now });
    const board = new BoardStore({
      client: api.client,
      timeZone: 'America/Chicago',
      now: () => now,
      preferencesPerMinute: 0,
      feed,
    });
    const map = new MapStore({ client: api.client, timeZone: 'America/Chicago', now: () => now, feed });
    const b = await board.getBoard('2026-03-09', '2026-03-16');
    const m = await map.getSnapshot('2026-03-09');
    const readsAfterOpen = api.reads.length;
    expect(readsAfterOpen).toBe(1); // the map's snapshot used the read the board started
    now += Math.max(BOARD_SYNC_MS, MAP_SYNC_MS) + S;
    api.changes.push({ at: now - S, job: job(2, { status: 'started' }) });
    const bc = await board.getChanges(b.version, '2026-03-09', '2026-03-16');
    now += 3 * S; // the map's poll a few seconds after the board's
    const mc = await map.getChanges('2026-03-09', m.version);
    expect(api.reads.length).toBe(readsAfterOpen + 1);
    expect(bc.jobs.map((j) => [j.id, j.status])).toEqual([['job-2', 'started']]);
    expect(mc.jobs.map((j) => [j.id, j.status])).toEqual([['job-2', 'started']]);
    expect(mc.syncedAt).toBe(bc.syncedAt);
    // A day the map opens later, slow to read: the board's read meanwhile goes past its start, yet the next read,
    // whichever store asks, reaches back to it.
    const jobs = api.client.jobs as unknown as { list: (q: Q) => Promise<unknown> };
    const list = jobs.list;
    let open = () => {};
    const gate = new Promise<void>((r) => (open = r));
    jobs.list = async (q: Q) => (q.dateFrom === '2026-03-10 00:00:00' ? gate.then(() => list(q)) : list(q));
    const previousRead = feed.lastReadAt;
    now += 300 * S;
    const opened = now;
    const snapshot = map.getSnapshot('2026-03-10');
    now += S;
    await board.getChanges(bc.version, '2026-03-09', '2026-03-16');
    expect(api.reads.at(-1)).toBe(previousRead - CHANGE_OVERLAP_MS);
    open();
    await snapshot;
    now += BOARD_SYNC_MS;
    await board.getChanges(bc.version, '2026-03-09', '2026-03-16');
    expect(api.reads.at(-1)).toBe(opened - CHANGE_OVERLAP_MS);
  });
});
