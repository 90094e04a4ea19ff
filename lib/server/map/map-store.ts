/**
 * The live map's server-side assembly and cache, shared by every dispatcher of this server (the API budget is shared).
 *
 * - Reference (teams, job types): read once, kept 10 minutes.
 * - Technicians with their positions (user/list, every page: 100 technicians a call): re-read at most every
 *   POSITIONS_MS whoever asks — a 30 s refresh costs ⌈technicians/100⌉ calls per server, not per dispatcher. Opening
 *   the page accepts positions up to OPEN_POSITIONS_MS old.
 * - A day: job/list over the day (every page) and the day's activities, kept in a small LRU and kept current by the
 *   change log. The unscheduled jobs (status created) are read once and kept current the same way.
 * - Change log: fed by the server's one job change feed (lib/server/job-feed), which reads job/list?changedSince=…
 *   (show=all, every page) for the map and the dispatch board together; the map asks it for changes no older than
 *   SYNC_MS and receives every read, whoever asked for it. Each job whose map shape changed gets the next version.
 *   Clients poll with `since` and receive only what changed. Each read of a day or of the unscheduled jobs tells the
 *   feed when it started (`need`), so the feed's next read brings the changes made meanwhile.
 * user/list has no changedSince, so technicians travel whole on every position re-read (≈45 KB for 300).
 */
import 'server-only';
import type { SynchroteamClient } from '@/lib/synchroteam/client';
import { epochToLocal, startOfDay, startOfDayMinute } from '@/lib/synchroteam/dates';
import { listAllPages } from '@/lib/server/board/list-all';
import { JobFeed } from '@/lib/server/job-feed/job-feed';
import { toBoardActivity, toBoardJobType, toBoardTeam } from '@/lib/server/board/board-mappers';
import { inWindow } from '@/lib/scheduling/board-merge';
import { addDays } from '@/lib/scheduling/wall-clock';
import type { BoardActivity, BoardJobType, BoardTeam } from '@/lib/scheduling/board-types';
import type { MapChanges, MapJob, MapSnapshot, MapTechnician } from '@/lib/geo/map-types';
import { toMapJob, toMapTechnician } from './map-mappers';

export const SYNC_MS = 15_000;
export const POSITIONS_MS = 25_000;
export const OPEN_POSITIONS_MS = 10_000;
/** Activities are read from the account mirror (no API call once it holds them), so a short interval is cheap. */
export const ACTIVITIES_MS = 15_000;
export const REFERENCE_MS = 600_000;
const DAY_MAX_AGE_MS = 600_000;
const MAX_DAYS = 4;
const LOG_MAX = 20_000;

interface Day {
  date: string;
  jobs: Map<string, MapJob>;
  activities: BoardActivity[];
  activitiesAt: number;
  activitiesVersion: number;
  loadedAt: number;
}

export interface MapStoreOptions {
  client: SynchroteamClient;
  timeZone: string;
  now?: () => number;
  /** The job change feed, shared with the board on a server (getJobFeed() in lib/server/job-feed); default: the map's own. */
  feed?: JobFeed;
}

export class MapStore {
  private readonly client: SynchroteamClient;
  private readonly tz: string;
  private readonly now: () => number;
  private reference: { teams: BoardTeam[]; jobTypes: BoardJobType[]; at: number } | null = null;
  private referenceLoad: Promise<NonNullable<MapStore['reference']>> | null = null;
  private techs: { list: MapTechnician[]; at: number; version: number } | null = null;
  private techsLoad: Promise<void> | null = null;
  private readonly days = new Map<string, Day>();
  private readonly dayLoads = new Map<string, Promise<Day>>();
  private pool: Map<string, MapJob> | null = null;
  private poolLoad: Promise<Map<string, MapJob>> | null = null;
  private readonly known = new Map<string, string>();
  private log: { version: number; job: MapJob }[] = [];
  private version = 0;
  private logFloor = 0;
  private readonly feed: JobFeed;
  /** Upstream calls made, change-feed reads aside (they are the feed's: benchmarks). */
  calls = 0;

  constructor(opts: MapStoreOptions) {
    this.client = opts.client;
    this.tz = opts.timeZone;
    this.now = opts.now ?? Date.now;
    this.feed = opts.feed ?? new JobFeed({ client: opts.client, now: this.now });
    // Every read, whoever asked for it, is applied to every cached day and the unscheduled jobs.
    this.feed.subscribe((jobs) => {
      for (const raw of jobs) this.record(toMapJob(raw));
    });
  }

  async getSnapshot(date: string): Promise<MapSnapshot> {
    const [ref, day, pool] = await Promise.all([
      this.getReference(),
      this.getDay(date),
      this.getPool(),
      this.refreshTechnicians(OPEN_POSITIONS_MS),
    ]);
    await this.maybeSync();
    await this.maybeRefreshActivities(day);
    return {
      timeZone: this.tz,
      date,
      now: epochToLocal(this.now(), this.tz),
      teams: ref.teams,
      jobTypes: ref.jobTypes,
      technicians: this.techs!.list,
      jobs: [...day.jobs.values()],
      unscheduled: [...pool.values()],
      activities: day.activities,
      version: this.version,
      syncedAt: this.lastSync() || this.now(),
      positionsAt: this.techs!.at,
    };
  }

  async getChanges(date: string, since: number): Promise<MapChanges> {
    await Promise.all([this.maybeSync(), this.refreshTechnicians(POSITIONS_MS)]);
    const base = { now: epochToLocal(this.now(), this.tz), syncedAt: this.lastSync(), positionsAt: this.techs!.at };
    const day = this.days.get(date);
    if (!day || since < this.logFloor || since > this.version)
      return { version: this.version, jobs: [], reload: true, ...base };
    await this.maybeRefreshActivities(day);
    const byId = new Map<string, MapJob>();
    for (const e of this.log) if (e.version > since) byId.set(e.job.id, e.job);
    return {
      version: this.version,
      jobs: [...byId.values()],
      ...(this.techs!.version > since ? { technicians: this.techs!.list } : {}),
      ...(day.activitiesVersion > since ? { activities: day.activities } : {}),
      ...base,
    };
  }

  // ── reference and technicians ─────────────────────────────────────────────────────────────────────────────────
  private async getReference() {
    if (this.reference && this.now() - this.reference.at < REFERENCE_MS) return this.reference;
    this.referenceLoad ??= (async () => {
      const c = this.client;
      const [teams, types] = await Promise.all([
        listAllPages((page, pageSize) => c.teams.list({ page, pageSize })),
        listAllPages((page, pageSize) => c.jobTypes.list({ page, pageSize })),
      ]);
      this.calls += teams.calls + types.calls;
      return {
        teams: teams.items.filter((t) => !t.deleted).map(toBoardTeam),
        jobTypes: types.items.map(toBoardJobType),
        at: this.now(),
      };
    })().finally(() => (this.referenceLoad = null));
    return (this.reference = await this.referenceLoad);
  }

  private async refreshTechnicians(maxAgeMs: number): Promise<void> {
    if (this.techs && this.now() - this.techs.at < maxAgeMs) return;
    this.techsLoad ??= (async () => {
      const startedAt = this.now();
      const c = this.client;
      const r = await listAllPages((page, pageSize) =>
        c.users.list({ page, pageSize }, { priority: this.techs ? 'background' : 'interactive' }),
      );
      this.calls += r.calls;
      const list = r.items
        .filter((u) => u.profile === 'technician' && !u.deleted)
        .map(toMapTechnician)
        .sort((a, b) => a.name.localeCompare(b.name));
      const changed = !this.techs || JSON.stringify(list) !== JSON.stringify(this.techs.list);
      this.techs = { list, at: startedAt, version: changed ? ++this.version : this.techs!.version };
    })()
      .catch((e) => {
        // Keep showing the last positions; only a first load has nothing to fall back on.
        if (!this.techs) throw e;
      })
      .finally(() => (this.techsLoad = null));
    return this.techsLoad;
  }

  // ── days ──────────────────────────────────────────────────────────────────────────────────────────────────────
  private async getDay(date: string): Promise<Day> {
    const d = this.days.get(date);
    if (d && this.now() - d.loadedAt < DAY_MAX_AGE_MS) {
      this.days.delete(date);
      this.days.set(date, d);
      return d;
    }
    let load = this.dayLoads.get(date);
    if (!load) {
      load = this.loadDay(date).finally(() => this.dayLoads.delete(date));
      this.dayLoads.set(date, load);
    }
    return load;
  }

  private async loadDay(date: string): Promise<Day> {
    const startedAt = this.now();
    const c = this.client;
    const next = addDays(date, 1);
    const [jobs, activities] = await Promise.all([
      listAllPages((page, pageSize) =>
        c.jobs.list({
          dateFrom: startOfDay(date),
          dateTo: startOfDay(next),
          otherTechnicians: true,
          sort: 'num',
          page,
          pageSize,
        }),
      ),
      this.readActivities(date),
    ]);
    this.calls += jobs.calls;
    const map = new Map<string, MapJob>();
    for (const raw of jobs.items) {
      const j = toMapJob(raw);
      if (!inWindow(j, date, next)) continue;
      map.set(j.id, j);
      this.known.set(j.id, JSON.stringify(j));
    }
    const day: Day = {
      date,
      jobs: map,
      activities,
      activitiesAt: startedAt,
      activitiesVersion: this.version,
      loadedAt: startedAt,
    };
    this.days.set(date, day);
    while (this.days.size > MAX_DAYS) this.days.delete(this.days.keys().next().value!);
    // Changes made while we were reading are fetched by the feed's next read (the day is in place to receive them).
    this.feed.need(startedAt);
    return day;
  }

  private async readActivities(date: string): Promise<BoardActivity[]> {
    const c = this.client;
    const r = await listAllPages((page, pageSize) =>
      c.activities.list(
        { startDate: startOfDayMinute(date), endDate: startOfDayMinute(addDays(date, 1)), page, pageSize },
        { priority: 'interactive' },
      ),
    );
    this.calls += r.calls;
    return r.items.map(toBoardActivity);
  }

  private async maybeRefreshActivities(d: Day): Promise<void> {
    if (this.now() - d.activitiesAt < ACTIVITIES_MS) return;
    d.activitiesAt = this.now();
    try {
      const next = await this.readActivities(d.date);
      if (JSON.stringify(next) !== JSON.stringify(d.activities)) {
        d.activities = next;
        d.activitiesVersion = ++this.version;
      }
    } catch {
      // Keep the old ones; the next refresh tries again.
    }
  }

  private async getPool(): Promise<Map<string, MapJob>> {
    if (this.pool) return this.pool;
    this.poolLoad ??= (async () => {
      const startedAt = this.now();
      const c = this.client;
      const r = await listAllPages((page, pageSize) => c.jobs.list({ status: 'created', sort: 'num', page, pageSize }));
      this.calls += r.calls;
      const map = new Map<string, MapJob>();
      for (const raw of r.items) {
        const j = toMapJob(raw);
        map.set(j.id, j);
        this.known.set(j.id, JSON.stringify(j));
      }
      // In place before the feed's next read, which reaches back to the start of this one.
      this.pool = map;
      this.feed.need(startedAt);
      return map;
    })().finally(() => (this.poolLoad = null));
    return (this.pool = await this.poolLoad);
  }

  /**
   * When the changes this store holds were read: the feed's last read, whoever asked for it (every read reaches this
   * store; its own loads are newer).
   */
  private lastSync(): number {
    return this.feed.lastReadAt;
  }

  // ── change log ────────────────────────────────────────────────────────────────────────────────────────────────
  /** Changes no older than SYNC_MS: one feed read at most, shared with the board (applied by the subscription). */
  private maybeSync(): Promise<void> {
    return this.feed.fresh(SYNC_MS);
  }

  /** Applies one job's current state to every cached day and the pool; logs it when its map shape changed. */
  private record(j: MapJob): void {
    const shape = JSON.stringify(j);
    if (this.known.get(j.id) === shape) return;
    this.known.set(j.id, shape);
    for (const d of this.days.values()) {
      if (inWindow(j, d.date, addDays(d.date, 1))) d.jobs.set(j.id, j);
      else d.jobs.delete(j.id);
    }
    if (this.pool) {
      if (j.status === 'created' && !j.deleted) this.pool.set(j.id, j);
      else this.pool.delete(j.id);
    }
    this.log.push({ version: ++this.version, job: j });
    if (this.log.length > LOG_MAX) {
      this.log = this.log.slice(-LOG_MAX / 2);
      this.logFloor = this.log[0].version - 1;
    }
  }
}
