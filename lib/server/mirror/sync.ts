/**
 * The sync engine: fills the mirror once (backfill) and keeps it current (incremental reads), inside the budget the
 * planner allows. Every call goes through the upstream gateway at background priority, so a person's request always
 * goes first.
 *
 * - Backfill, per resource, one page at a time, resumable: the position ({part, page}) is saved after every page, so a
 *   restart goes on where it stopped. A resource is `ready` (served from the mirror) once its backfill ends; its
 *   changedSince cursor is then the backfill's start, so whatever changed while it ran is read by the first
 *   incremental read (pages that slid while paging included).
 * - Jobs: an account whose whole job history is small (≤ fullJobsMax) is read whole; a larger one from
 *   `jobHorizonDays` back plus every open job, and older jobs are read live (local-api.ts knows the horizon).
 * - Incremental: changedSince = cursor − OVERLAP_MS (stamps have minute precision and clocks drift); the cursor moves
 *   to the read's start only when every page of it arrived. A failed read keeps the cursor, so nothing is lost. Once
 *   the API's clock is known from its Date header, the cursor is put on that clock (a lower bound of the offset, so it
 *   errs towards reading more) and the overlap is SERVER_CLOCK_OVERLAP_MS.
 * - Whole lists and the activity window are re-read whole; what a whole read no longer lists is removed.
 */
import 'server-only';
import type { Query } from '@/lib/synchroteam/client';
import {
  epochToLocal,
  epochToUtc,
  formatApiFilterDateTime,
  startOfDay,
  datePart,
  utcDay,
} from '@/lib/synchroteam/dates';
import { JOB_STATUSES } from '@/lib/synchroteam/job-status';
import type { GatewaySnapshot, UpstreamRequest, UpstreamResponse } from '../upstream/types';
import { backfillPace, plan, type Cadence, type Plan } from './planner';
import {
  ACTIVITY_DAYS_AHEAD,
  ACTIVITY_MONTHS_BACK,
  OPEN_BILLING_STATUSES,
  RESOURCE_BY_NAME,
  RESOURCES,
  type Doc,
  type ResourceDef,
  type ResourceName,
} from './resources';
import type { MirrorStore } from './store';

export const OVERLAP_MS = 120_000;
/**
 * With the API's clock known (its responses' Date header), a read reaches back only this far: minute-precision stamps
 * (up to 59 s before the change) plus a margin for a write stamped just before it committed. Half of OVERLAP_MS: on a
 * busy account a jobs read every 15 s re-read two minutes of changes, often two pages where one does (bench:day).
 */
export const SERVER_CLOCK_OVERLAP_MS = 75_000;
export const PAGE_SIZE = 100;
/**
 * Customers, sites and equipment: the inactive ones are read every this many reads (active: every 3 minutes while
 * people work, so every 15). A record deactivated in Synchroteam leaves the active lists up to that much later; one
 * deactivated through the dashboard is written through at once. Each of the three reads once instead of twice, which
 * saved ~480 calls of a 10-hour day (bench:day).
 */
export const INACTIVE_EVERY = 5;
/** A backfill read that failed is retried after this long, in its turn. */
export const BACKFILL_RETRY_MS = 15_000;
/** At most this many backfill pages in one pass (a pass must end for the next tick's incremental reads). */
const MAX_BACKFILL_PAGES_PER_PASS = 20;
const OPEN_STATUSES = JOB_STATUSES.filter((s) => !['completed', 'validated', 'cancelled'].includes(s));

export interface SyncOptions {
  store: MirrorStore;
  /** The raw gateway (never the mirror's own reads). */
  request: (req: UpstreamRequest) => Promise<UpstreamResponse>;
  snapshot: () => GatewaySnapshot;
  /** Epoch ms of the last request a person made. */
  lastActivity: () => number;
  now?: () => number;
  syncShare?: number;
  dailyQuota?: number | null;
  /** Base intervals (ms) per cadence; the e2e suite shortens them. */
  baseIntervalMs?: Partial<Record<Cadence, number>>;
  fullJobsMax?: number;
  jobHorizonDays?: number;
  /** Backfill pages per minute, overriding the planner's pace (tests). */
  backfillPerMinute?: number;
  /** Called with the resources whose records changed after each read (the live push to boards and maps). */
  onChange?: (resources: ResourceName[]) => void;
}

interface BackfillState {
  parts: Query[];
  part: number;
  page: number;
  startedAt: number;
}

const cadenceOf = (def: ResourceDef): Cadence =>
  def.name === 'jobs'
    ? 'jobs'
    : def.name === 'users'
      ? 'positions'
      : def.kind === 'window'
        ? 'activities'
        : def.kind === 'whole'
          ? 'reference'
          : def.kind === 'changed-active'
            ? 'records'
            : 'billing';

export class SyncError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export class SyncEngine {
  private readonly o: SyncOptions;
  private readonly now: () => number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private jobsLane: Promise<void> | null = null;
  private otherLane: Promise<void> | null = null;
  private lastBackfillPage = 0;
  /** When the account's jobs were last counted (checkJobsWhole). */
  private lastJobsCount = -Infinity;
  private readonly lastRead = new Map<ResourceName, number>();
  /** Resources an admin asked to read now. */
  private readonly urgent = new Set<ResourceName>();
  private lastPlan: Plan | null = null;
  /**
   * The API's clock minus ours, a lower bound (its last Date header minus when we had the answer); null until an
   * answer carried one.
   */
  private clockOffsetMs: number | null = null;
  /** Calls each resource's last incremental read made (pages of every part): what its next read likely costs. */
  private readonly lastReadCalls = new Map<ResourceName, number>();
  /** Incremental reads of each customers/sites/equipment so far (the inactive ones are read on every INACTIVE_EVERY-th). */
  private readonly inactiveTurn = new Map<ResourceName, number>();

  constructor(opts: SyncOptions) {
    this.o = opts;
    this.now = opts.now ?? Date.now;
  }

  start(tickMs = 1000): void {
    if (this.timer) return;
    this.timer = setInterval(
      () => void this.tick().catch((e) => console.error('[mirror] sync tick failed', e)),
      tickMs,
    );
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Reads `resource` at the next tick, whatever its interval, and whole (inactive records too). */
  soon(resource: ResourceName): void {
    this.urgent.add(resource);
  }

  plan(): Plan {
    const snap = this.o.snapshot();
    return (this.lastPlan = plan({
      nowMs: this.now(),
      lastActivityMs: this.o.lastActivity(),
      syncCallsToday: this.o.store.callsOn(this.now()),
      // What the API says wins; else the configured quota; else (null) the planner assumes the documented one.
      dailyQuota: snap.quotaLimit ?? this.o.dailyQuota ?? null,
      syncShare: this.o.syncShare ?? 0.6,
      callsPerRead: this.callsPerRead(),
      baseIntervalMs: this.o.baseIntervalMs,
    }));
  }

  private readCost: { at: number; value: Partial<Record<Cadence, number>> } | null = null;

  /**
   * Calls one read of each cadence costs: its resources' reads (pages for whole lists, at least one each). Counted once
   * a minute: ticks run often, and counting rows is the dearest part of a tick.
   */
  private callsPerRead(): Partial<Record<Cadence, number>> {
    if (this.readCost && this.now() - this.readCost.at < 60_000) return this.readCost.value;
    const out: Partial<Record<Cadence, number>> = {};
    for (const def of RESOURCES) {
      const reads = def.kind === 'changed-active' ? 1 + 1 / INACTIVE_EVERY : (def.wholeParts?.length ?? 1);
      const pages =
        def.kind === 'whole' || def.kind === 'window'
          ? Math.max(reads, Math.ceil(this.o.store.count(def) / PAGE_SIZE))
          : reads;
      // What the last read really cost, when more: a busy account's changes span several pages per read.
      out[cadenceOf(def)] = (out[cadenceOf(def)] ?? 0) + Math.max(pages, this.lastReadCalls.get(def.name) ?? 0);
    }
    this.readCost = { at: this.now(), value: out };
    return out;
  }

  /**
   * One pass of each lane, one pass per lane at a time. Jobs have a lane of their own: what boards, maps and tracking
   * show must not wait behind a slow read of customers or a backfill page.
   */
  tick(): Promise<void> {
    this.jobsLane ??= this.pass(true).finally(() => (this.jobsLane = null));
    this.otherLane ??= this.pass(false).finally(() => (this.otherLane = null));
    return Promise.all([this.jobsLane, this.otherLane]).then(() => undefined);
  }

  /** Every due incremental read of the lane's resources; the other lane also reads backfill pages as the pace allows. */
  private async pass(jobsLane: boolean): Promise<void> {
    const p = this.plan();
    const changed: ResourceName[] = [];
    for (const def of RESOURCES) {
      if ((def.name === 'jobs') !== jobsLane) continue;
      const cur = this.o.store.cursor(def.name);
      if (!cur.ready) continue;
      const asked = this.urgent.has(def.name);
      const due = asked || this.now() - (this.lastRead.get(def.name) ?? 0) >= p.intervalMs[cadenceOf(def)];
      if (!due) continue;
      this.urgent.delete(def.name);
      if (await this.guard(def, () => this.refresh(def, asked))) changed.push(def.name);
    }
    if (jobsLane) {
      if (!p.exhausted) await this.checkJobsWhole();
      if (changed.length) this.o.onChange?.(changed);
      // Job search text kept under older rules is rewritten a slice a tick (once, after an upgrade).
      this.o.store.rebuildJobSearch();
      return;
    }
    // Backfill pages at the planner's pace: as many this pass as the pace allows since the last one (ticks come every
    // second; a pace above 60 a minute needs more than one page a tick), never more than a tick's worth at once.
    for (let pages = 0; pages < MAX_BACKFILL_PAGES_PER_PASS; pages++) {
      const next = this.nextBackfill();
      if (!next || p.exhausted) break;
      const snap = this.o.snapshot();
      const pace =
        this.o.backfillPerMinute ??
        backfillPace({ active: p.active, minuteLimit: snap.limit, minuteRemaining: snap.remaining });
      const gap = 60_000 / pace;
      if (this.now() - this.lastBackfillPage < gap) break;
      // A pass that starts late does not make up for more than one tick of pages.
      this.lastBackfillPage = Math.max(this.lastBackfillPage, this.now() - 1000) + gap;
      if (await this.guard(next, () => this.backfillPage(next))) changed.push(next.name);
    }
    if (changed.length) this.o.onChange?.([...new Set(changed)]);
  }

  /**
   * The resource to backfill next: one at a time, in RESOURCES order (what screens need first). One whose last read
   * failed is tried again in its turn once BACKFILL_RETRY_MS have passed, so it does not hold the others up (and jobs
   * are not left behind every other resource after a failed first read).
   */
  private nextBackfill(): ResourceDef | undefined {
    const pending = RESOURCES.map((d) => ({ d, c: this.o.store.cursor(d.name) })).filter((x) => !x.c.ready);
    return (
      pending.find((x) => !x.c.lastError || this.now() - (x.c.lastErrorAt ?? 0) >= BACKFILL_RETRY_MS) ??
      pending.sort((a, b) => (a.c.lastErrorAt ?? 0) - (b.c.lastErrorAt ?? 0))[0]
    )?.d;
  }

  /** Runs one read, recording its outcome on the cursor. Returns whether records changed. */
  private async guard(def: ResourceDef, fn: () => Promise<number>): Promise<boolean> {
    try {
      const n = await fn();
      this.o.store.saveCursor(def.name, { lastError: null });
      return n > 0;
    } catch (e) {
      this.o.store.saveCursor(def.name, {
        lastError: (e as Error).message?.slice(0, 300) ?? String(e),
        lastErrorAt: this.now(),
      });
      return false;
    }
  }

  // ── upstream ─────────────────────────────────────────────────────────────────────────────────────────────────
  private async list(
    def: ResourceDef,
    query: Query,
    page: number,
    pageSize = PAGE_SIZE,
  ): Promise<{ data: Doc[]; recordsTotal: number }> {
    const res = await this.o.request({
      method: 'GET',
      path: def.listPath,
      query: { ...def.baseQuery, ...query, page, pageSize },
      priority: 'background',
    });
    this.o.store.countCalls(this.now(), 1, def.name);
    // The API stamped its Date (whole seconds) at or before we had the answer: date − now bounds the offset from below.
    const date = res.headers.date ? Date.parse(res.headers.date) : NaN;
    if (Number.isFinite(date)) this.clockOffsetMs = date - this.now();
    if (res.status !== 200) {
      const msg = (res.body as { message?: string } | null)?.message;
      throw new SyncError(res.status, `${def.listPath} answered ${res.status}${msg ? `: ${msg}` : ''}`);
    }
    const body = res.body as { data?: unknown; recordsTotal?: unknown };
    // tasks/list and timeline/list answer plain arrays (their examples do): no total, so a full page means "maybe more".
    const data = (Array.isArray(body) ? body : Array.isArray(body?.data) ? body.data : []) as Doc[];
    const total =
      typeof body?.recordsTotal === 'number'
        ? body.recordsTotal
        : data.length < PAGE_SIZE
          ? (page - 1) * PAGE_SIZE + data.length
          : Number.MAX_SAFE_INTEGER;
    return { data, recordsTotal: total };
  }

  /** Every page of a read, one after another. */
  private async listAll(def: ResourceDef, query: Query): Promise<Doc[]> {
    const all: Doc[] = [];
    for (let page = 1; page < 10_000; page++) {
      const r = await this.list(def, query, page);
      all.push(...r.data);
      if (r.data.length < PAGE_SIZE || all.length >= r.recordsTotal) break;
    }
    return all;
  }

  /**
   * A large account's jobs are backfilled from a horizon (plus every open job), so the mirror cannot answer a query
   * reaching before it, such as the Jobs list's default (every job, newest first): that went to the API on every page.
   * Often nothing older exists (a young account, or one whose history is recent): once a UTC day, while a horizon
   * stands, one call counts the account's jobs (show=all, deleted ones too, as the mirror keeps them) and, when the
   * mirror holds as many, the horizon is dropped and every job query is answered locally. The sync keeps a whole
   * mirror whole (changedSince with show=all brings every new, changed and deleted job).
   */
  private async checkJobsWhole(): Promise<void> {
    const store = this.o.store;
    const def = RESOURCE_BY_NAME.get('jobs')!;
    const today = Number(utcDay(this.now()).replaceAll('-', ''));
    if (typeof store.jobHorizon() !== 'string' || !store.cursor('jobs').ready || store.jobsCountedOn() === today)
      return;
    if (this.now() - this.lastJobsCount < BACKFILL_RETRY_MS * 40) return;
    this.lastJobsCount = this.now();
    try {
      const { recordsTotal } = await this.list(def, {}, 1, 1);
      store.setJobsCountedOn(today);
      if (store.count(def) >= recordsTotal) store.setJobHorizon(null);
    } catch (e) {
      // Tried again in ten minutes; meanwhile queries before the horizon go to the API as before.
      console.error('[mirror] counting the account jobs failed', e);
    }
  }

  // ── incremental ──────────────────────────────────────────────────────────────────────────────────────────────
  /** An incremental read; `whole`: every part of it (an admin's Resync, a write elsewhere asking for it). */
  private async refresh(def: ResourceDef, whole = false): Promise<number> {
    const before = this.o.store.callsOn(this.now(), def.name);
    const n = await this.read(def, whole);
    this.lastReadCalls.set(def.name, Math.max(0, this.o.store.callsOn(this.now(), def.name) - before));
    return n;
  }

  private async read(def: ResourceDef, whole: boolean): Promise<number> {
    const startedAt = this.now();
    this.lastRead.set(def.name, startedAt);
    const store = this.o.store;
    if (def.kind === 'whole') {
      const docs: Doc[] = [];
      for (const q of def.wholeParts ?? [{}]) docs.push(...(await this.listAll(def, q)));
      const n = store.replaceAll(def, docs);
      store.saveCursor(def.name, { syncedAt: startedAt });
      return n;
    }
    if (def.kind === 'window') {
      const w = this.activityWindow();
      const n = store.replaceAll(def, await this.listAll(def, { startDate: w.from, endDate: w.to }), w);
      store.saveCursor(def.name, { syncedAt: startedAt });
      return n;
    }
    const cur = store.cursor(def.name);
    const back = this.clockOffsetMs === null ? -OVERLAP_MS : this.clockOffsetMs - SERVER_CLOCK_OVERLAP_MS;
    const sinceOf = (ms: number) => formatApiFilterDateTime(epochToUtc(ms + back));
    const docs = await this.listAll(def, { changedSince: sinceOf(cur.sinceMs ?? startedAt) });
    // The inactive records (a list without `active` shows active ones only) every INACTIVE_EVERY-th read, from a
    // cursor of their own so that nothing deactivated between two of them is missed.
    const inactiveSince = store.inactiveSince(def.name) ?? cur.sinceMs ?? startedAt;
    const readInactive =
      def.kind === 'changed-active' && (whole || (this.inactiveTurn.get(def.name) ?? 0) % INACTIVE_EVERY === 0);
    if (readInactive) docs.push(...(await this.listAll(def, { changedSince: sinceOf(inactiveSince), active: false })));
    const n = store.upsert(def, docs);
    store.saveCursor(def.name, { sinceMs: startedAt, syncedAt: startedAt });
    if (def.kind === 'changed-active') {
      if (readInactive) store.setInactiveSince(def.name, startedAt);
      else if (store.inactiveSince(def.name) === undefined) store.setInactiveSince(def.name, inactiveSince);
      this.inactiveTurn.set(def.name, (this.inactiveTurn.get(def.name) ?? 0) + 1);
    }
    return n;
  }

  /** The activity window: the first day of the month ACTIVITY_MONTHS_BACK before this one to ACTIVITY_DAYS_AHEAD after today, account-local. */
  activityWindow(): { from: string; to: string } {
    const day = (offset: number) =>
      startOfDay(datePart(epochToLocal(this.now() + offset * 86_400_000, this.o.store.timeZone)));
    const [y, m] = day(0).split('-').map(Number) as [number, number];
    const back = utcDay(Date.UTC(y, m - 1 - ACTIVITY_MONTHS_BACK, 1));
    return { from: startOfDay(back), to: day(ACTIVITY_DAYS_AHEAD) };
  }

  // ── backfill ─────────────────────────────────────────────────────────────────────────────────────────────────
  private async backfillPage(def: ResourceDef): Promise<number> {
    const store = this.o.store;
    const cur = store.cursor(def.name);
    if (def.kind === 'whole' || def.kind === 'window') {
      const n = await this.refresh(def);
      store.saveCursor(def.name, {
        ready: true,
        backfill: null,
        backfillRecords: store.count(def),
        backfillTotal: store.count(def),
      });
      return n;
    }
    let state: BackfillState = cur.backfill
      ? (JSON.parse(cur.backfill) as BackfillState)
      : await this.backfillPlan(def);
    const r = await this.list(def, state.parts[state.part], state.page);
    const changed = store.upsert(def, r.data);
    const records = cur.backfillRecords + r.data.length;
    // A list without totals (plain arrays) counts what it has read.
    const known = r.recordsTotal === Number.MAX_SAFE_INTEGER ? r.data.length : r.recordsTotal;
    const total = state.page === 1 ? cur.backfillTotal + known : Math.max(cur.backfillTotal, records);
    const partDone = r.data.length < PAGE_SIZE || state.page * PAGE_SIZE >= r.recordsTotal;
    if (!partDone) state = { ...state, page: state.page + 1 };
    else if (state.part + 1 < state.parts.length) state = { ...state, part: state.part + 1, page: 1 };
    else {
      store.saveCursor(def.name, {
        ready: true,
        backfill: null,
        sinceMs: state.startedAt,
        syncedAt: state.startedAt,
        backfillRecords: records,
        backfillTotal: Math.max(total, records),
      });
      this.lastRead.set(def.name, 0);
      return changed;
    }
    store.saveCursor(def.name, { backfill: JSON.stringify(state), backfillRecords: records, backfillTotal: total });
    return changed;
  }

  /** The reads a backfill makes (saved with its position, so a restart keeps the same plan). */
  private async backfillPlan(def: ResourceDef): Promise<BackfillState> {
    const startedAt = this.now();
    this.o.store.saveCursor(def.name, { backfillRecords: 0, backfillTotal: 0 });
    let parts: Query[];
    if (def.name === 'jobs') {
      const all = await this.list(def, {}, 1);
      const max = this.o.fullJobsMax ?? 30_000;
      if (all.recordsTotal <= max) {
        parts = [{ sort: 'num' }];
        this.o.store.setJobHorizon(null);
      } else {
        const horizonMs = startedAt - (this.o.jobHorizonDays ?? 90) * 86_400_000;
        const from = startOfDay(datePart(epochToLocal(horizonMs, this.o.store.timeZone)));
        parts = [{ dateFrom: from, sort: 'num' }, ...OPEN_STATUSES.map((s) => ({ status: s, sort: 'num' }))];
        this.o.store.setJobHorizon(from);
      }
    } else {
      const since =
        def.backfillDays == null
          ? {}
          : { changedSince: formatApiFilterDateTime(epochToUtc(startedAt - def.backfillDays * 86_400_000)) };
      parts =
        def.kind === 'changed-active'
          ? [since, { ...since, active: false }]
          : [since, ...(OPEN_BILLING_STATUSES[def.name] ?? []).map((status) => ({ status }))];
      if (def.deepParts) {
        const deepMs = startedAt - (this.o.jobHorizonDays ?? 90) * 86_400_000;
        const createdSince = formatApiFilterDateTime(epochToUtc(deepMs));
        parts.push(...def.deepParts.map((q) => ({ ...q, createdSince })));
        this.o.store.setDeepHorizonMs(def.name, deepMs);
      }
    }
    return { parts, part: 0, page: 1, startedAt };
  }

  /** Backfill progress over every resource: records read / records expected. */
  progress(): { resources: number; ready: number; records: number; total: number } {
    const cursors = this.o.store.cursors();
    return {
      resources: cursors.length,
      ready: cursors.filter((c) => c.ready).length,
      records: cursors.reduce((s, c) => s + c.backfillRecords, 0),
      total: cursors.reduce((s, c) => s + Math.max(c.backfillTotal, c.backfillRecords), 0),
    };
  }

  lastPlanned(): Plan | null {
    return this.lastPlan;
  }
}
