/**
 * The board's server-side assembly and cache, shared by every dispatcher of this server (the API budget is shared too).
 *
 * - Reference data (teams, technicians, job types, scheduling windows): read once, kept 10 minutes.
 * - A window (days [from, to)): every job/list page over the window, the window's activities. Kept in a small LRU and
 *   kept current by the change log, so a second dispatcher opening the same week costs no upstream call. Days within
 *   one week are read and kept as that week (readSpan): a day view is its week's jobs, filtered.
 * - The pool: job/list status=created (every page). Preferences are not in job/list ("simplified job"), so they are read
 *   with job/details in the background, one job at a time, and cached against the job's dateModified. Where the
 *   account's rows do carry preferences (production rows do), they are used and no details are read for them; where
 *   rows lack skills (production rows do), the details read fills them, for pool jobs and for scheduled jobs that can
 *   still move (the same paced queue, same cache), so the skill warnings survive on a real account.
 * - The change log: fed by the server's one job change feed (lib/server/job-feed), which reads
 *   job/list?changedSince=… (show=all, every page) for the board and the live map together; the board asks it for
 *   changes no older than SYNC_MS and receives every read, whoever asked for it. Every job whose board shape changed gets
 *   the next version number. Clients poll /api/board/changes?since=<version> and receive the changed jobs, so a 30 s
 *   refresh costs at most one small upstream call per server (shared with the map), not a reload per dispatcher.
 *   Each read of a window, a lane page or the pool tells the feed when it started (`need`): the feed's next read reaches
 *   back to then, so changes made while it was being read are not missed.
 * - Activities have no changedSince: a window's activities are re-read when older than ACTIVITIES_MS.
 * - A cold window is read in two parts: the lane page the dispatcher opens (job/list by team_id, a few pages) answers
 *   first, marked `partial`, while the whole window (~70 pages on a large company's week) is read behind it at background
 *   priority; the board then asks for the whole window. A board is drawn in the time of its own teams' reads, not of
 *   everyone's. (Jobs that only involve a lane's technician as an "other technician", led from another team, arrive
 *   with the whole window, seconds later.)
 * - Nobody waits on a cold read that could be done ahead: `warm()` starts a week's reads (the dispatch page calls it
 *   before the browser has loaded the board; index.ts warms this and next week when the store is made), a window
 *   past WINDOW_MAX_AGE_MS is served as it is while it is re-read (stale-while-revalidate: the change log keeps it
 *   current meanwhile).
 */
import 'server-only';
import type { SynchroteamClient } from '@/lib/synchroteam/client';
import type {
  BoardActivity,
  BoardChanges,
  BoardData,
  BoardJob,
  BoardJobType,
  BoardTeam,
  BoardTechnician,
  BoardWindow,
} from '@/lib/scheduling/board-types';
import { lanePage, type LaneFilter } from '@/lib/scheduling/lanes';
import { inWindow } from '@/lib/scheduling/board-merge';
import {
  toBoardActivity,
  toBoardJob,
  toBoardJobType,
  toBoardPreferences,
  toBoardTeam,
  toBoardTechnician,
  toBoardWindow,
} from './board-mappers';
import { listAllPages } from './list-all';
import { JobFeed } from '../job-feed/job-feed';
import { parseApiDate, startOfDay, startOfDayMinute } from '@/lib/synchroteam/dates';
import { addDays, weekStart } from '@/lib/scheduling/wall-clock';

export const SYNC_MS = 10_000;
/** How long a board load waits for the change log's read (a mirror read takes milliseconds; the API's, longer). */
const CHANGES_WAIT_MS = 300;
/** Activities are read from the account mirror (no API call once it holds them), so a short interval is cheap. */
export const ACTIVITIES_MS = 15_000;
export const REFERENCE_MS = 600_000;
const WINDOW_MAX_AGE_MS = 600_000;
const MAX_WINDOWS = 8;
const LOG_MAX = 20_000;
/**
 * Pool preferences cost one job/details each (400 pool jobs on the large seed): read them at a pace that leaves the
 * shared budget (120/min) to people, one sixth of it. Filling a cold pool takes a while; afterwards only changed jobs
 * are read again, and a job being scheduled has its preferences read at once by the board (interactive).
 */
export const PREFERENCES_PER_MINUTE = 20;
/**
 * While more than half of the minute's budget is free (nobody is using it), or the API sends no rate headers, the
 * fill goes at this pace instead: a 400-job pool is known in ~7 minutes rather than 20, and a busy minute slows it
 * back down at once.
 */
export const PREFERENCES_PER_MINUTE_IDLE = 60;
/** Jobs whose schedule can still change on the board: their skills matter to the warnings of a move. */
const MOVABLE = new Set(['scheduled', 'synchronized']);
/** A lane page with more technicians outside any team than this is not read first (one job/list each). */
const MAX_TEAMLESS_READS = 4;

/** The lane page a board shows (see lib/scheduling/lanes.ts). */
export type BoardLanes = LaneFilter & { page: number };

interface Reference {
  teams: BoardTeam[];
  technicians: BoardTechnician[];
  jobTypes: BoardJobType[];
  windows: BoardWindow[];
  at: number;
}

interface WindowSnapshot {
  from: string;
  to: string;
  jobs: Map<string, BoardJob>;
  activities: BoardActivity[];
  activitiesAt: number;
  activitiesVersion: number;
  loadedAt: number;
}

export interface BoardStoreOptions {
  client: SynchroteamClient;
  timeZone: string;
  now?: () => number;
  /** Background reads of pool preferences (job/details) per minute. 0 disables them. */
  preferencesPerMinute?: number;
  /** The shared budget as the gateway last saw it (limit null: unknown); with it, an idle budget fills faster. */
  budget?: () => { limit: number | null; remaining: number | null };
  /** The job change feed, shared with the map on a server (getJobFeed() in lib/server/job-feed); default: the board's own. */
  feed?: JobFeed;
}

export class BoardStore {
  private readonly client: SynchroteamClient;
  private readonly tz: string;
  private readonly now: () => number;
  private reference: Reference | null = null;
  private referenceLoad: Promise<Reference> | null = null;
  private readonly windows = new Map<string, WindowSnapshot>();
  private readonly windowLoads = new Map<string, Promise<WindowSnapshot>>();
  /** Lane pages of windows not read yet, being read first (key: window + lanes); null when not worth it. */
  private readonly laneLoads = new Map<string, Promise<BoardJob[] | null>>();
  /** A window's activities being read (shared by the lane page's and the whole window's reads). */
  private readonly activityLoads = new Map<string, Promise<BoardActivity[]>>();
  private pool: Map<string, BoardJob> | null = null;
  private poolLoad: Promise<Map<string, BoardJob>> | null = null;
  /** What job/details told about a job (preferences, skills), valid while its dateModified is unchanged. */
  private readonly prefs = new Map<
    string,
    { dateModified: string; prefs: BoardJob['preferences']; skills: string[] }
  >();
  private prefQueue: string[] = [];
  private prefRunning = false;
  private prefTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly prefPerMinute: number;
  private readonly budget: BoardStoreOptions['budget'];
  /** Board shape of every job we have seen, to tell a real change from an echo. */
  private readonly known = new Map<string, string>();
  private log: { version: number; job: BoardJob }[] = [];
  private version = 0;
  /** Log entries up to this version were dropped. */
  private logFloor = 0;
  private readonly feed: JobFeed;
  /** Upstream calls made, change-feed reads aside (they are the feed's: benchmarks). */
  calls = 0;

  constructor(opts: BoardStoreOptions) {
    this.client = opts.client;
    this.tz = opts.timeZone;
    this.now = opts.now ?? Date.now;
    this.prefPerMinute = opts.preferencesPerMinute ?? PREFERENCES_PER_MINUTE;
    this.budget = opts.budget;
    this.feed = opts.feed ?? new JobFeed({ client: opts.client, now: this.now });
    // Every read, whoever asked for it, is applied to every cached window and the pool.
    this.feed.subscribe((jobs) => {
      for (const raw of jobs) this.record(this.fromRow(raw));
    });
  }

  /**
   * Starts reading what getBoard(from, to) needs; the promise (never rejected) says when it is read. `background`
   * reads go after anything a person is waiting for in the shared gateway queue.
   */
  warm(
    from: string,
    to: string,
    priority: 'interactive' | 'background' = 'interactive',
    lanes?: BoardLanes,
  ): Promise<void> {
    const reads: Promise<unknown>[] = [this.getReference(), this.getPool()];
    ({ from, to } = readSpan(from, to));
    if (!this.windows.has(key(from, to)))
      reads.push(lanes ? this.lanesFirst(from, to, lanes) : this.getWindow(from, to, priority));
    // Settles when the reads have (nobody waits on a failure: the board reads again when opened).
    return Promise.allSettled(reads).then(() => undefined);
  }

  /**
   * The board of days [from, to). With `lanes`, a window not read yet answers as soon as that lane page's jobs are
   * read, with `partial: true` (ask again without lanes for the whole window, whose read has started).
   */
  async getBoard(from: string, to: string, lanes?: BoardLanes): Promise<BoardData> {
    // The change log's read runs beside the window's reads (the window's own start is handed to the feed as a lower
    // bound, so nothing read meanwhile is missed) and what it finds reaches this board through /api/board/changes,
    // since the answer carries the version it was cut at. It is waited for only briefly: reading the account mirror
    // it takes milliseconds, so a board loaded just after a write shows it at once (a reload right after scheduling
    // showed the job in the pool until the next changes poll); a live API read is not waited for.
    const changes = Promise.race([
      this.maybeSync().catch(() => undefined),
      new Promise((r) => setTimeout(r, CHANGES_WAIT_MS)),
    ]);
    const w = readSpan(from, to);
    if (lanes && !this.windows.has(key(w.from, w.to))) {
      const [ref, first, pool, activities] = await Promise.all([
        this.getReference(),
        this.lanesFirst(w.from, w.to, lanes),
        this.getPool(),
        this.activitiesOnce(w.from, w.to, 'interactive'),
        changes,
      ]);
      if (first && !this.windows.has(key(w.from, w.to)))
        return this.answer(from, to, ref, first, pool, activities, true);
    }
    const [ref, win, pool] = await Promise.all([
      this.getReference(),
      this.getWindow(w.from, w.to),
      this.getPool(),
      changes,
    ]);
    void this.maybeRefreshActivities(win);
    return this.answer(from, to, ref, [...win.jobs.values()], pool, win.activities, false);
  }

  private answer(
    from: string,
    to: string,
    ref: Reference,
    jobs: BoardJob[],
    pool: Map<string, BoardJob>,
    activities: BoardActivity[],
    partial: boolean,
  ): BoardData {
    // A day read through its week: only what falls in the day is this board's.
    const sub = !sameSpan(readSpan(from, to), from, to);
    return {
      timeZone: this.tz,
      from,
      to,
      ...stripAt(ref),
      jobs: (sub ? jobs.filter((j) => inWindow(j, from, to)) : jobs).map((j) => this.withPrefs(j)),
      pool: [...pool.values()].map((j) => this.withPrefs(j)),
      activities: sub ? activities.filter((a) => activityIn(a, from, to)) : activities,
      version: this.version,
      syncedAt: this.lastSync() || this.now(),
      ...(partial ? { partial: true } : {}),
    };
  }

  async getChanges(since: number, from: string, to: string): Promise<BoardChanges> {
    await this.maybeSync();
    if (since < this.logFloor || since > this.version)
      return { version: this.version, jobs: [], reload: true, syncedAt: this.lastSync() };
    const span = readSpan(from, to);
    const win = this.windows.get(key(span.from, span.to));
    let activities: BoardActivity[] | undefined;
    if (win) {
      await this.maybeRefreshActivities(win);
      if (win.activitiesVersion > since)
        activities = sameSpan(span, from, to) ? win.activities : win.activities.filter((a) => activityIn(a, from, to));
    }
    const byId = new Map<string, BoardJob>();
    for (const e of this.log) if (e.version > since) byId.set(e.job.id, this.withPrefs(e.job));
    return {
      version: this.version,
      jobs: [...byId.values()],
      ...(activities ? { activities } : {}),
      syncedAt: this.lastSync(),
    };
  }

  // ── reference data ────────────────────────────────────────────────────────────────────────────────────────────
  private async getReference(): Promise<Reference> {
    if (this.reference && this.now() - this.reference.at < REFERENCE_MS) return this.reference;
    this.referenceLoad ??= this.loadReference().finally(() => (this.referenceLoad = null));
    return (this.reference = await this.referenceLoad);
  }

  private async loadReference(): Promise<Reference> {
    const c = this.client;
    const [teams, users, types, windows] = await Promise.all([
      listAllPages((page, pageSize) => c.teams.list({ page, pageSize })),
      listAllPages((page, pageSize) => c.users.list({ page, pageSize })),
      listAllPages((page, pageSize) => c.jobTypes.list({ page, pageSize })),
      listAllPages((page, pageSize) => c.schedulingWindows.list({ page, pageSize })),
    ]);
    this.calls += teams.calls + users.calls + types.calls + windows.calls;
    return {
      teams: teams.items.map(toBoardTeam),
      // Lanes are technicians; managers and administrators do not take jobs on the board.
      technicians: users.items
        .filter((u) => u.profile === 'technician' && !u.deleted)
        .map(toBoardTechnician)
        .sort((a, b) => a.name.localeCompare(b.name)),
      jobTypes: types.items.map(toBoardJobType),
      windows: windows.items.map(toBoardWindow),
      at: this.now(),
    };
  }

  // ── a lane page first ───────────────────────────────────────────────────────────────────────────────────────────
  /**
   * The jobs of one lane page in [from, to), read by team (job/list team_id: jobs led by a member of the team), and the
   * whole window's read started behind it at background priority. Null when the page cannot be read that way cheaply.
   */
  private lanesFirst(from: string, to: string, lanes: BoardLanes): Promise<BoardJob[] | null> {
    const k = `${key(from, to)}|${lanes.page}|${lanes.team ?? ''}|${lanes.tech ?? ''}`;
    let load = this.laneLoads.get(k);
    if (!load) {
      // The activities first, so that the whole window's read joins this interactive one instead of the reverse.
      void this.activitiesOnce(from, to, 'interactive').catch(() => undefined);
      void this.loadOnce(from, to, 'background').catch(() => undefined);
      load = this.readLanes(from, to, lanes).finally(() => this.laneLoads.delete(k));
      this.laneLoads.set(k, load);
    }
    return load;
  }

  private async readLanes(from: string, to: string, lanes: BoardLanes): Promise<BoardJob[] | null> {
    const startedAt = this.now();
    const ref = await this.getReference();
    const techs = lanePage(ref, lanes);
    const teamIds = new Set<number>();
    const userIds = new Set<number>();
    for (const t of techs) {
      const team =
        lanes.tech === null && t.teams.length
          ? ref.teams.find((x) => x.name.toLowerCase() === t.teams[0].toLowerCase())
          : undefined;
      if (team) teamIds.add(team.id);
      else userIds.add(t.id);
    }
    if (userIds.size > MAX_TEAMLESS_READS) return null;
    const c = this.client;
    const dateFrom = startOfDay(from);
    const dateTo = startOfDay(to);
    const read = (filter: { team_id: number } | { user_id: number }) =>
      listAllPages((page, pageSize) =>
        c.jobs.list({ dateFrom, dateTo, ...filter, otherTechnicians: true, sort: 'num', page, pageSize }),
      );
    const results = await Promise.all([
      ...[...teamIds].map((id) => read({ team_id: id })),
      ...[...userIds].map((id) => read({ user_id: id })),
    ]);
    const jobs = new Map<string, BoardJob>();
    for (const r of results) {
      this.calls += r.calls;
      for (const raw of r.items) {
        const j = this.fromRow(raw);
        if (inWindow(j, from, to)) jobs.set(j.id, j);
      }
    }
    // Changes made while we were reading are fetched by the feed's next read (and reach this board through its version).
    this.feed.need(startedAt);
    return [...jobs.values()];
  }

  // ── windows ───────────────────────────────────────────────────────────────────────────────────────────────────
  private async getWindow(
    from: string,
    to: string,
    priority: 'interactive' | 'background' = 'interactive',
  ): Promise<WindowSnapshot> {
    const k = key(from, to);
    const w = this.windows.get(k);
    if (w) {
      this.windows.delete(k); // LRU: most recent last
      this.windows.set(k, w);
      // Stale: answer with it now (the change log has kept it current) and re-read it for the next dispatcher.
      if (this.now() - w.loadedAt >= WINDOW_MAX_AGE_MS)
        void this.loadOnce(from, to, 'background').catch(() => undefined);
      return w;
    }
    return this.loadOnce(from, to, priority);
  }

  private loadOnce(from: string, to: string, priority: 'interactive' | 'background'): Promise<WindowSnapshot> {
    const k = key(from, to);
    let load = this.windowLoads.get(k);
    if (!load) {
      load = this.loadWindow(from, to, priority).finally(() => this.windowLoads.delete(k));
      this.windowLoads.set(k, load);
    }
    return load;
  }

  private async loadWindow(
    from: string,
    to: string,
    priority: 'interactive' | 'background' = 'interactive',
  ): Promise<WindowSnapshot> {
    const startedAt = this.now();
    const c = this.client;
    const dateFrom = startOfDay(from);
    const dateTo = startOfDay(to);
    const [jobs, acts] = await Promise.all([
      listAllPages((page, pageSize) =>
        c.jobs.list({ dateFrom, dateTo, otherTechnicians: true, sort: 'num', page, pageSize }, { priority }),
      ),
      this.activitiesOnce(from, to, priority),
    ]);
    this.calls += jobs.calls;
    const map = new Map<string, BoardJob>();
    for (const raw of jobs.items) {
      const j = this.fromRow(raw);
      // dateTo is inclusive upstream; the board's window is half-open.
      if (!inWindow(j, from, to)) continue;
      map.set(j.id, j);
      this.known.set(j.id, JSON.stringify(j));
    }
    const snap: WindowSnapshot = {
      from,
      to,
      jobs: map,
      activities: acts,
      activitiesAt: startedAt,
      activitiesVersion: this.version,
      loadedAt: startedAt,
    };
    // Changes made while we were reading are fetched by the feed's next read (the window is in place to receive them).
    this.windows.set(key(from, to), snap);
    while (this.windows.size > MAX_WINDOWS) this.windows.delete(this.windows.keys().next().value!);
    this.feed.need(startedAt);
    return snap;
  }

  /** The window's activities, read once for everyone asking meanwhile. */
  private activitiesOnce(from: string, to: string, priority: 'interactive' | 'background'): Promise<BoardActivity[]> {
    const k = key(from, to);
    let load = this.activityLoads.get(k);
    if (!load) {
      load = this.readActivities(from, to, priority).finally(() => this.activityLoads.delete(k));
      this.activityLoads.set(k, load);
    }
    return load;
  }

  private async readActivities(
    from: string,
    to: string,
    priority: 'interactive' | 'background' = 'interactive',
  ): Promise<BoardActivity[]> {
    const c = this.client;
    const r = await listAllPages((page, pageSize) =>
      c.activities.list(
        { startDate: startOfDayMinute(from), endDate: startOfDayMinute(to), page, pageSize },
        { priority },
      ),
    );
    this.calls += r.calls;
    return r.items.map(toBoardActivity);
  }

  private async maybeRefreshActivities(w: WindowSnapshot): Promise<void> {
    if (this.now() - w.activitiesAt < ACTIVITIES_MS) return;
    w.activitiesAt = this.now();
    try {
      const next = await this.readActivities(w.from, w.to);
      if (JSON.stringify(next) !== JSON.stringify(w.activities)) {
        w.activities = next;
        w.activitiesVersion = ++this.version;
      }
    } catch {
      // Keep the old ones; the next refresh tries again.
    }
  }

  // ── pool ──────────────────────────────────────────────────────────────────────────────────────────────────────
  private async getPool(): Promise<Map<string, BoardJob>> {
    if (this.pool) return this.pool;
    this.poolLoad ??= this.loadPool().finally(() => (this.poolLoad = null));
    return (this.pool = await this.poolLoad);
  }

  private async loadPool(): Promise<Map<string, BoardJob>> {
    const startedAt = this.now();
    const c = this.client;
    const r = await listAllPages((page, pageSize) => c.jobs.list({ status: 'created', sort: 'num', page, pageSize }));
    this.calls += r.calls;
    const map = new Map<string, BoardJob>();
    for (const raw of r.items) {
      const j = this.fromRow(raw);
      map.set(j.id, j);
      this.known.set(j.id, JSON.stringify(j));
    }
    // Set before the preference reads start, so their answers find the pool (and the feed's next read, reaching back to
    // the start of this one, finds it too).
    this.pool = map;
    this.feed.need(startedAt);
    for (const j of map.values()) this.wantPrefs(j);
    return map;
  }

  /** A job/list row (or a job/details answer) in the board's shape, with what details already told us about it. */
  private fromRow(raw: Parameters<typeof toBoardJob>[0]): BoardJob {
    const j = this.withPrefs(toBoardJob(raw));
    if (j.status !== 'created') this.wantPrefs(j);
    return j;
  }

  /** Fills what the row lacks from the details cache, when the cache is of this version of the job (dateModified). */
  private withPrefs(j: BoardJob): BoardJob {
    const p = this.prefs.get(j.id);
    if (!p || p.dateModified !== j.dateModified) return j;
    let out = j;
    if (j.skillsUnknown) {
      const { skillsUnknown: _unknown, ...known } = j;
      void _unknown;
      out = { ...known, skills: p.skills };
    }
    if (j.status === 'created' && j.preferences === undefined) out = { ...out, preferences: p.prefs };
    return out;
  }

  /** Whether the board needs this job's details: pool preferences the row lacks, skills of a job that can still move. */
  private needsDetails(j: BoardJob): boolean {
    if (j.deleted) return false;
    if (j.status === 'created') return j.preferences === undefined || !!j.skillsUnknown;
    return !!j.skillsUnknown && MOVABLE.has(j.status);
  }

  private wantPrefs(j: BoardJob): void {
    if (!this.prefPerMinute || !this.needsDetails(j)) return;
    const p = this.prefs.get(j.id);
    if (p && p.dateModified === j.dateModified) return;
    this.prefQueue.push(j.id);
    this.pumpPrefs();
  }

  /** The current board shape of a job this store holds (pool first, then the cached windows). */
  private held(id: string): BoardJob | undefined {
    const inPool = this.pool?.get(id);
    if (inPool) return inPool;
    for (const w of this.windows.values()) {
      const j = w.jobs.get(id);
      if (j) return j;
    }
    return undefined;
  }

  /** Reads per minute now: the set pace, or the idle pace while the shared budget is mostly free (see above). */
  prefPace(): number {
    const b = this.budget?.();
    if (!b || this.prefPerMinute <= 0) return this.prefPerMinute;
    const idle = b.limit === null || b.remaining === null || b.remaining > b.limit / 2;
    return idle ? Math.max(this.prefPerMinute, PREFERENCES_PER_MINUTE_IDLE) : this.prefPerMinute;
  }

  /** One read at a time, spaced to stay under prefPace(). */
  private pumpPrefs(): void {
    if (this.prefRunning || this.prefTimer) return;
    let id: string | undefined;
    while ((id = this.prefQueue.shift())) {
      const j = this.held(id);
      if (j && this.needsDetails(j) && this.prefs.get(id)?.dateModified !== j.dateModified) break;
    }
    if (!id) return;
    const jobId = id;
    this.prefRunning = true;
    this.calls++;
    this.client.jobs
      .details({ id: jobId }, { priority: 'background' })
      .then((full) => {
        const job = toBoardJob(full);
        const prefs = toBoardPreferences(full);
        this.prefs.set(jobId, { dateModified: job.dateModified, prefs, skills: job.skills });
        // Clients learn the preferences and skills through the change log like any other change.
        if (this.held(jobId)) this.record({ ...job, preferences: prefs }, true);
      })
      .catch(() => undefined)
      .finally(() => {
        this.prefRunning = false;
        this.prefTimer = setTimeout(() => {
          this.prefTimer = null;
          this.pumpPrefs();
        }, 60_000 / this.prefPace());
        this.prefTimer.unref?.();
      });
  }

  /**
   * When the changes this store holds were read: the feed's last read, whoever asked for it (every read reaches this
   * store; its own loads are newer).
   */
  private lastSync(): number {
    return this.feed.lastReadAt;
  }

  // ── change log ────────────────────────────────────────────────────────────────────────────────────────────────
  /** Changes no older than SYNC_MS: one feed read at most, shared with the map (applied by the subscription). */
  private maybeSync(): Promise<void> {
    return this.feed.fresh(SYNC_MS);
  }

  /** Applies one job's current state everywhere; logs it when its board shape changed. */
  private record(j: BoardJob, force = false): void {
    const shape = JSON.stringify(j);
    if (!force && this.known.get(j.id) === shape) return;
    this.known.set(j.id, shape);
    for (const w of this.windows.values()) {
      if (inWindow(j, w.from, w.to)) w.jobs.set(j.id, j);
      else w.jobs.delete(j.id);
    }
    if (this.pool) {
      if (j.status === 'created' && !j.deleted) {
        this.pool.set(j.id, j);
        this.wantPrefs(j);
      } else this.pool.delete(j.id);
    }
    if (j.status !== 'created') this.wantPrefs(j);
    this.log.push({ version: ++this.version, job: j });
    if (this.log.length > LOG_MAX) {
      this.log = this.log.slice(-LOG_MAX / 2);
      this.logFloor = this.log[0].version - 1;
    }
  }
}

const key = (from: string, to: string) => `${from}/${to}`;

/**
 * The window read and cached to answer days [from, to): the week holding them when they fit in one, so a day view
 * shares its week's read and cache with the week view (and with every other day of that week) instead of a read and
 * a cache slot of its own; a longer span is read as it is.
 */
export function readSpan(from: string, to: string): { from: string; to: string } {
  const start = weekStart(from);
  const end = addDays(start, 7);
  return to > from && to <= end ? { from: start, to: end } : { from, to };
}

const sameSpan = (s: { from: string; to: string }, from: string, to: string) => s.from === from && s.to === to;

/** Whether an activity overlaps days [from, to). */
function activityIn(a: BoardActivity, from: string, to: string): boolean {
  const s = parseApiDate(a.start);
  const e = parseApiDate(a.end);
  return !!s && !!e && s < startOfDay(to) && e > startOfDay(from);
}

function stripAt(r: Reference) {
  const { at: _at, ...rest } = r;
  void _at;
  return rest;
}
