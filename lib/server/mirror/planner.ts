/**
 * The sync's budget planner: how often each resource is read, so that the mirror is fresh while people look and the
 * account's day is never spent by sync. Pure (no I/O): sync.ts asks it before every read, unit tests pin its rules.
 *
 * - Base intervals while someone used the dashboard in the last ACTIVE_WINDOW_MS: jobs every 15 s, technicians'
 *   positions every minute, customers/sites/equipment every 3 minutes (their inactive records every 15: sync.ts
 *   INACTIVE_EVERY), billing every 10, the small reference lists (teams, job types, custom fields, …: what an admin
 *   changes in Synchroteam's back office, rarely; a change made through the dashboard is re-read at once) every 60. Nobody looking: six times slower (jobs every 90 s), so a dashboard left open overnight costs little.
 * - The day: sync may spend at most `syncShare` of the daily quota (default 60 %), the rest is kept for people's
 *   writes and live reads. The planner projects today's sync calls (the current pace for at most a working day's
 *   hours, the idle pace after); when the projection would
 *   pass the allowance, every interval is stretched by the same factor so the day lands on it. Spent: sync stops until
 *   the next UTC day (screens keep serving the mirror; writes still go through and are written through).
 * - Backfill pages go at BACKFILL_PER_MINUTE while the minute budget is mostly free and people are not waiting, and at a
 *   third of that otherwise; they count against the day like any other sync call.
 */

export const ACTIVE_WINDOW_MS = 5 * 60_000;
export const IDLE_FACTOR = 6;
/** The planner's projection keeps the active pace for at most this long (a working day's remaining hours), idle after. */
export const ACTIVE_PROJECTION_MS = 8 * 3_600_000;
export const DEFAULT_SYNC_SHARE = 0.6;
export const DEFAULT_DAILY_QUOTA = 10_000;
export const BACKFILL_PER_MINUTE = 90;

/**
 * Time between reads while people are active, by cadence class. A 10-hour working day at this pace on the large seed
 * (jobs 1–2 calls, positions 3, customers/sites/equipment 3.6, billing/parts/timeline/tasks 6, activities ~2,
 * reference ~13 a read) costs about 5.4 + 3 + 1.2 + 0.6 + 0.4 + 0.2 ≈ 10.8 calls a minute (bench:day), ~6,500 calls;
 * the idle hours a sixth of that pace. Where a day would pass the allowance, the planner stretches it (below).
 */
export const BASE_INTERVAL_MS = {
  jobs: 15_000,
  positions: 60_000,
  records: 180_000,
  billing: 600_000,
  activities: 300_000,
  reference: 60 * 60_000,
} as const;

export type Cadence = keyof typeof BASE_INTERVAL_MS;

export interface PlannerInput {
  nowMs: number;
  /** Epoch ms of the last request a person made (0: never). */
  lastActivityMs: number;
  /** Sync calls made so far in the current UTC day. */
  syncCallsToday: number;
  /** The account's daily quota (null: unknown, DEFAULT_DAILY_QUOTA assumed; 0: none). */
  dailyQuota: number | null;
  /** Share of the daily quota sync may use. */
  syncShare: number;
  /** Calls one read of each cadence costs (pages): cadence → calls. */
  callsPerRead: Partial<Record<Cadence, number>>;
  /** Optional override of the base intervals (tests and the e2e/bench environments). */
  baseIntervalMs?: Partial<Record<Cadence, number>>;
}

export interface Plan {
  active: boolean;
  /** Interval per cadence, ms; Infinity when sync must stop for the day. */
  intervalMs: Record<Cadence, number>;
  /** Sync calls the day will reach at this pace. */
  projectedCalls: number;
  allowance: number;
  stretch: number;
  exhausted: boolean;
}

const DAY_MS = 86_400_000;

export function plan(input: PlannerInput): Plan {
  // 0: an account (or a test sandbox) without a daily quota; null: not learned yet, the documented quota is assumed.
  const quota =
    input.dailyQuota === 0
      ? Infinity
      : input.dailyQuota && input.dailyQuota > 0
        ? input.dailyQuota
        : DEFAULT_DAILY_QUOTA;
  const allowance = quota === Infinity ? Infinity : Math.floor(quota * input.syncShare);
  const active = input.nowMs - input.lastActivityMs < ACTIVE_WINDOW_MS;
  const base = { ...BASE_INTERVAL_MS, ...input.baseIntervalMs };
  const factor = active ? 1 : IDLE_FACTOR;
  const msLeft = DAY_MS - (input.nowMs % DAY_MS);

  // Calls per ms at the unstretched pace, active and idle; the day's rest: the current activity for at most a working
  // day's worth of hours (ACTIVE_PROJECTION_MS), the idle pace after it. Assuming people stay all of a UTC day (at
  // 07:00 UTC: 17 hours at the active pace) stretched every interval by half, so a change took 22 s to reach a board
  // instead of 17; planning again at every tick corrects the projection as the day really goes.
  let perMsActive = 0;
  for (const c of Object.keys(base) as Cadence[]) perMsActive += (input.callsPerRead[c] ?? 1) / base[c];
  const activeMs = active ? Math.min(msLeft, ACTIVE_PROJECTION_MS) : 0;
  const rest = perMsActive * activeMs + (perMsActive / IDLE_FACTOR) * (msLeft - activeMs);
  const left = allowance - input.syncCallsToday;
  const exhausted = left <= 0;
  const stretch = exhausted ? Infinity : Math.max(1, rest / left);

  const intervalMs = {} as Record<Cadence, number>;
  for (const c of Object.keys(base) as Cadence[]) intervalMs[c] = exhausted ? Infinity : base[c] * factor * stretch;
  return {
    active,
    intervalMs,
    projectedCalls: Math.round(input.syncCallsToday + (exhausted ? 0 : rest / stretch)),
    allowance,
    stretch,
    exhausted,
  };
}

/** Backfill pages allowed per minute now. */
export function backfillPace(opts: {
  active: boolean;
  minuteLimit: number | null;
  minuteRemaining: number | null;
}): number {
  const busy = opts.minuteLimit ? (opts.minuteRemaining ?? opts.minuteLimit) < opts.minuteLimit / 2 : false;
  return opts.active || busy ? Math.round(BACKFILL_PER_MINUTE / 3) : BACKFILL_PER_MINUTE;
}

/** The base intervals with jobs at `jobsMs` and every other cadence in the same ratio (MIRROR_JOBS_INTERVAL_MS). */
export function scaledIntervals(jobsMs: number): Record<Cadence, number> {
  const k = jobsMs / BASE_INTERVAL_MS.jobs;
  const out = {} as Record<Cadence, number>;
  for (const [c, ms] of Object.entries(BASE_INTERVAL_MS) as [Cadence, number][]) out[c] = Math.round(ms * k);
  return out;
}
