import { describe, expect, it } from 'vitest';
import type { SynchroteamClient } from '@/lib/synchroteam/client';
import { BoardStore, SYNC_MS } from './board-store';

type Q = Record<string, unknown>;
const page = <T>(all: T[], q: Q) => {
  const size = Number(q.pageSize ?? 25);
  const n = Number(q.page ?? 1);
  return { page: n, pageSize: size, records: 0, recordsTotal: all.length, data: all.slice((n - 1) * size, n * size) };
};

function listJob(id: number, p: Partial<Record<string, unknown>> = {}) {
  return {
    id: `job-${id}`,
    myId: null,
    num: id,
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
    position: null,
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

function fake() {
  const calls: { path: string; q: Q }[] = [];
  const state = {
    window: Array.from({ length: 250 }, (_, i) => listJob(i + 1)),
    pool: [listJob(1000, { status: 'created', technician: null, scheduledStart: null, scheduledEnd: null })],
    changed: [] as ReturnType<typeof listJob>[],
  };
  const client = {
    teams: { list: async (q: Q) => (calls.push({ path: 'team/list', q }), page([{ id: 1, name: 'North' }], q)) },
    users: {
      list: async (q: Q) => (
        calls.push({ path: 'user/list', q }),
        page(
          [
            {
              id: 7,
              firstName: 'Ana',
              lastName: 'Ruiz',
              login: 'ana',
              profile: 'technician',
              teams: ['North'],
              skilledTrades: ['HVAC'],
              deleted: null,
            },
            {
              id: 8,
              firstName: 'Max',
              lastName: 'Boss',
              login: 'max',
              profile: 'manager',
              teams: [],
              skilledTrades: [],
              deleted: null,
            },
          ],
          q,
        )
      ),
    },
    jobTypes: {
      list: async (q: Q) => (
        calls.push({ path: 'jobtype/list', q }),
        page([{ id: 3, name: 'Repair', duration: '01:30:00', skills: [] }], q)
      ),
    },
    schedulingWindows: {
      list: async (q: Q) => (
        calls.push({ path: 'jobschedulingwindow/list', q }),
        page([{ id: 5, name: 'Morning', startTime: '08:00', endTime: '12:00' }], q)
      ),
    },
    activities: { list: async (q: Q) => (calls.push({ path: 'activity/list', q }), page([], q)) },
    jobs: {
      list: async (q: Q) => {
        calls.push({ path: 'job/list', q });
        if (q.changedSince) return page(state.changed, q);
        if (q.status === 'created') return page(state.pool, q);
        return page(state.window, q);
      },
      details: async (key: Q) => {
        calls.push({ path: 'job/details', q: key });
        return {
          ...listJob(1000, { status: 'created', technician: null, scheduledStart: null, scheduledEnd: null }),
          preferences: {
            date: '2026-03-10',
            dateTime: null,
            isDraft: false,
            isPool: true,
            schedulingWindow: null,
            team: { id: 1 },
            user: null,
          },
        };
      },
    },
  } as unknown as SynchroteamClient;
  return { client, calls, state };
}

describe('BoardStore', () => {
  it('assembles a window from every page, technicians only, and shares it between dispatchers', async () => {
    let now = Date.parse('2026-03-09T15:00:00Z');
    const f = fake();
    const store = new BoardStore({
      client: f.client,
      timeZone: 'America/Chicago',
      now: () => now,
      preferencesPerMinute: 0,
    });
    const b = await store.getBoard('2026-03-09', '2026-03-16');
    expect(b.jobs).toHaveLength(250);
    expect(b.technicians.map((t) => t.name)).toEqual(['Ana Ruiz']);
    expect(b.jobTypes[0].minutes).toBe(90);
    expect(b.pool.map((j) => j.num)).toEqual([1000]);
    expect(f.calls.filter((c) => c.path === 'job/list' && !c.q.status && !c.q.changedSince)).toHaveLength(3);
    const before = f.calls.length;
    now += 1000;
    await store.getBoard('2026-03-09', '2026-03-16');
    expect(f.calls.length).toBe(before); // second dispatcher: no upstream call
  });

  it('reads a day through its week: every day of the week and the week view share one read, each sees its own day', async () => {
    const now = Date.parse('2026-03-09T15:00:00Z');
    const f = fake();
    f.state.window = [
      listJob(1), // Monday 10:00
      listJob(2, { scheduledStart: '2026-03-11 09:00', scheduledEnd: '2026-03-11 10:00' }),
      listJob(3, { scheduledStart: '2026-03-10 23:30', scheduledEnd: '2026-03-11 00:30' }), // across midnight
    ];
    const store = new BoardStore({
      client: f.client,
      timeZone: 'America/Chicago',
      now: () => now,
      preferencesPerMinute: 0,
    });
    const weekReads = () => f.calls.filter((c) => c.path === 'job/list' && !c.q.status && !c.q.changedSince);
    const wed = await store.getBoard('2026-03-11', '2026-03-12');
    expect(wed.from).toBe('2026-03-11');
    expect(wed.jobs.map((j) => j.num).sort()).toEqual([2, 3]);
    expect(weekReads()[0].q.dateFrom).toBe('2026-03-09 00:00:00');
    const reads = weekReads().length;
    expect((await store.getBoard('2026-03-09', '2026-03-10')).jobs.map((j) => j.num)).toEqual([1]);
    expect((await store.getBoard('2026-03-09', '2026-03-16')).jobs).toHaveLength(3);
    expect(weekReads()).toHaveLength(reads);
    // A span across two weeks is read as it is.
    await store.getBoard('2026-03-15', '2026-03-17');
    expect(weekReads().at(-1)!.q.dateFrom).toBe('2026-03-15 00:00:00');
  });

  it('turns one changedSince read into versioned changes for every board', async () => {
    let now = Date.parse('2026-03-09T15:00:00Z');
    const f = fake();
    const store = new BoardStore({
      client: f.client,
      timeZone: 'America/Chicago',
      now: () => now,
      preferencesPerMinute: 0,
    });
    const b = await store.getBoard('2026-03-09', '2026-03-16');
    f.state.changed = [
      listJob(5, { technician: { id: 9 }, scheduledStart: '2026-03-10 09:00', scheduledEnd: '2026-03-10 10:00' }),
      listJob(6),
    ];
    now += SYNC_MS + 1;
    const ch = await store.getChanges(b.version, '2026-03-09', '2026-03-16');
    // job 6 did not change: not a change. The read reaches back before the last sync (changedSince is UTC).
    expect(ch.jobs.map((j) => j.num)).toEqual([5]);
    const since = f.calls.filter((c) => c.q.changedSince).at(-1)!.q.changedSince as string;
    expect(since <= '2026-03-09 15:00:00').toBe(true);
    expect(ch.version).toBeGreaterThan(b.version);
    const reads = f.calls.length;
    const again = await store.getChanges(ch.version, '2026-03-09', '2026-03-16');
    expect(again.jobs).toEqual([]);
    expect(f.calls.length).toBe(reads); // within SYNC_MS: no upstream call
    expect((await store.getChanges(ch.version + 50, '2026-03-09', '2026-03-16')).reload).toBe(true);
    const board = await store.getBoard('2026-03-09', '2026-03-16');
    expect(board.jobs.find((j) => j.num === 5)?.technicianId).toBe(9);
  });

  it('reads pool preferences in the background and hands them out as changes', async () => {
    const now = Date.parse('2026-03-09T15:00:00Z');
    const f = fake();
    const store = new BoardStore({ client: f.client, timeZone: 'America/Chicago', now: () => now });
    const b = await store.getBoard('2026-03-09', '2026-03-16');
    await new Promise((r) => setTimeout(r, 10));
    const ch = await store.getChanges(0, '2026-03-09', '2026-03-16');
    // Whether the read finished before the board answered (then the pool carries them) or after (then a change does).
    expect(b.pool[0].preferences ?? undefined).toSatisfy((p) => p === undefined || (p as { isPool: boolean }).isPool);
    expect(ch.jobs.find((j) => j.num === 1000)!.preferences).toEqual({
      date: '2026-03-10',
      dateTime: null,
      isPool: true,
      windowId: null,
      teamId: 1,
      userId: null,
    });
  });
});

/** A job/list row as a production account sends it (issue 17): preferences and project; no skills, duration, tags… */
function observedRow(id: number, p: Partial<Record<string, unknown>> = {}) {
  const { skills: _s, duration: _d, tags: _t, validateBy: _v, dateDeleted: _x, ...row } = listJob(id, p);
  void [_s, _d, _t, _v, _x];
  return {
    ...row,
    project: null,
    preferences: {
      date: '2026-03-11',
      dateTime: null,
      isDraft: false,
      isPool: true,
      schedulingWindow: null,
      team: null,
      user: { id: 7 },
    },
  };
}

describe('BoardStore on production-shaped job/list rows', () => {
  it('uses the preferences rows carry (no details read for them) and fills skills from job/details', async () => {
    const now = Date.parse('2026-03-09T15:00:00Z');
    const f = fake();
    // The fake's state is typed by the reference's rows; production rows lack some of their fields on purpose.
    const rows = f.state as unknown as { window: unknown[]; pool: unknown[] };
    rows.window = [observedRow(1), observedRow(2, { status: 'completed' })];
    rows.pool = [observedRow(1000, { status: 'created', technician: null, scheduledStart: null, scheduledEnd: null })];
    const base = f.client as unknown as { jobs: { details: (k: Q) => Promise<unknown> } };
    base.jobs.details = async (key: Q) => {
      f.calls.push({ path: 'job/details', q: key });
      const num = Number(String(key.id).slice(4));
      const status = num === 1000 ? 'created' : 'scheduled';
      return {
        ...listJob(num, { status, skills: [`Skill ${num}`] }),
        preferences: {
          date: '2026-03-11',
          dateTime: null,
          isDraft: false,
          isPool: true,
          schedulingWindow: null,
          team: null,
          user: { id: 7 },
        },
      };
    };
    const store = new BoardStore({
      client: f.client,
      timeZone: 'America/Chicago',
      now: () => now,
      preferencesPerMinute: 6000,
    });
    const b = await store.getBoard('2026-03-09', '2026-03-16');
    // Preferences straight from the row; skills either said to be unknown yet or already read (never silently []).
    expect(b.pool[0].preferences).toEqual({
      date: '2026-03-11',
      dateTime: null,
      isPool: true,
      windowId: null,
      teamId: null,
      userId: 7,
    });
    expect(b.pool[0].skillsUnknown ? b.pool[0].skills : ['Skill 1000']).toEqual(
      b.pool[0].skillsUnknown ? [] : b.pool[0].skills,
    );
    await expect
      .poll(
        async () =>
          (await store.getChanges(0, '2026-03-09', '2026-03-16')).jobs.map((j) => `${j.num}:${j.skills.join()}`).sort(),
        { timeout: 2000 },
      )
      .toEqual(['1000:Skill 1000', '1:Skill 1']);
    // Details were read for skills only: the pool job and the scheduled job that can still move, not the completed one.
    expect(
      f.calls
        .filter((c) => c.path === 'job/details')
        .map((c) => c.q.id)
        .sort(),
    ).toEqual(['job-1', 'job-1000']);
    const again = await store.getBoard('2026-03-09', '2026-03-16');
    expect(again.jobs.find((j) => j.num === 1)).toMatchObject({ skills: ['Skill 1'] });
    expect(again.jobs.find((j) => j.num === 1)!.skillsUnknown).toBeUndefined();
  });
});

describe('BoardStore, a cold window read lane page first', () => {
  function twoTeams() {
    const f = fake();
    const base = f.client as unknown as Record<string, Record<string, unknown>>;
    const members: Record<number, number[]> = { 1: [7], 2: [9] };
    const jobs = [
      ...f.state.window,
      ...Array.from({ length: 120 }, (_, i) => listJob(500 + i, { technician: { id: 9 } })),
    ];
    base.teams.list = async (q: Q) => (
      f.calls.push({ path: 'team/list', q }),
      page(
        [
          { id: 1, name: 'North' },
          { id: 2, name: 'South' },
        ],
        q,
      )
    );
    base.users.list = async (q: Q) => (
      f.calls.push({ path: 'user/list', q }),
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
          },
          {
            id: 9,
            firstName: 'Bo',
            lastName: 'Lee',
            login: 'bo',
            profile: 'technician',
            teams: ['South'],
            skilledTrades: [],
            deleted: null,
          },
        ],
        q,
      )
    );
    const list = base.jobs.list as (q: Q) => Promise<unknown>;
    // The whole window's read waits for the test to open this gate (upstream, it is the slow part).
    let open = () => {};
    const gate = new Promise<void>((r) => (open = r));
    base.jobs.list = async (q: Q) => {
      if (q.changedSince || q.status) return list(q);
      if (q.team_id === undefined && q.user_id === undefined) {
        f.calls.push({ path: 'job/list', q });
        await gate;
        return page(jobs, q);
      }
      f.calls.push({ path: 'job/list', q });
      return page(
        jobs.filter((j) => members[Number(q.team_id)].includes((j.technician as { id: number }).id)),
        q,
      );
    };
    return { ...f, open: () => open() };
  }

  it("answers with the lane page's jobs first (partial), reads the whole window behind it, then serves the whole", async () => {
    const now = Date.parse('2026-03-09T15:00:00Z');
    const f = twoTeams();
    const store = new BoardStore({
      client: f.client,
      timeZone: 'America/Chicago',
      now: () => now,
      preferencesPerMinute: 0,
    });
    const first = await store.getBoard('2026-03-09', '2026-03-16', { page: 1, team: 2, tech: null });
    expect(first.partial).toBe(true);
    expect(new Set(first.jobs.map((j) => j.technicianId))).toEqual(new Set([9]));
    expect(first.jobs).toHaveLength(120);
    expect(first.technicians).toHaveLength(2);
    expect(f.calls.filter((c) => c.q.team_id === 2)).toHaveLength(2); // 120 jobs: two pages of 100
    f.open();
    const whole = await store.getBoard('2026-03-09', '2026-03-16');
    expect(whole.partial).toBeUndefined();
    expect(whole.jobs).toHaveLength(370);
    // Cached now: a lane page is answered from the whole window, no team read.
    const reads = f.calls.length;
    const again = await store.getBoard('2026-03-09', '2026-03-16', { page: 1, team: 1, tech: null });
    expect(again.partial).toBeUndefined();
    expect(again.jobs).toHaveLength(370);
    expect(f.calls.length).toBe(reads);
  });

  it('reads a single technician by user_id, and warm() with lanes shares its reads with the board that follows', async () => {
    const now = Date.parse('2026-03-09T15:00:00Z');
    const f = twoTeams();
    const base = f.client as unknown as Record<string, Record<string, unknown>>;
    const list = base.jobs.list as (q: Q) => Promise<unknown>;
    base.jobs.list = async (q: Q) =>
      q.user_id !== undefined
        ? (f.calls.push({ path: 'job/list', q }), page([listJob(900, { technician: { id: 7 } })], q))
        : list(q);
    const store = new BoardStore({
      client: f.client,
      timeZone: 'America/Chicago',
      now: () => now,
      preferencesPerMinute: 0,
    });
    store.warm('2026-03-09', '2026-03-16', 'interactive', { page: 1, team: null, tech: 7 });
    const b = await store.getBoard('2026-03-09', '2026-03-16', { page: 1, team: null, tech: 7 });
    expect(b.partial).toBe(true);
    expect(b.jobs.map((j) => j.num)).toEqual([900]);
    expect(f.calls.filter((c) => c.q.user_id === 7)).toHaveLength(1);
    expect(f.calls.filter((c) => c.path === 'activity/list')).toHaveLength(1);
    f.open();
  });
});

describe('BoardStore pool preference pace', () => {
  it('fills faster while the shared budget is mostly free, and slows down when it is not', () => {
    const f = fake();
    let budget: { limit: number | null; remaining: number | null } = { limit: 120, remaining: 110 };
    const store = new BoardStore({ client: f.client, timeZone: 'America/Chicago', budget: () => budget });
    expect(store.prefPace()).toBe(60);
    budget = { limit: 120, remaining: 40 };
    expect(store.prefPace()).toBe(20);
    budget = { limit: null, remaining: null };
    expect(store.prefPace()).toBe(60);
    expect(new BoardStore({ client: f.client, timeZone: 'America/Chicago' }).prefPace()).toBe(20);
    expect(
      new BoardStore({
        client: f.client,
        timeZone: 'America/Chicago',
        preferencesPerMinute: 0,
        budget: () => budget,
      }).prefPace(),
    ).toBe(0);
  });
});
