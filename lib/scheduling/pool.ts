/**
 * The unscheduled pool and the board's own bookkeeping, pure so that the board and its tests share them:
 * pool filters and order, a job's length when dropped, and merging live change sets into the board's data.
 */
import { addMinutesLocal, minutesBetween, parseApiDate } from '../synchroteam/dates';
import { matchesJobQuery, parseJobQuery } from './board-search';
import type { BoardData, BoardJob, BoardJobType } from './board-types';

const PRIORITY_RANK = { high: 0, medium: 1, low: 2 } as const;

export interface PoolFilter {
  q?: string;
  priority?: string | null;
  typeId?: number | null;
  skill?: string | null;
  prefDate?: string | null;
  prefTeamId?: number | null;
  prefUserId?: number | null;
  poolOnly?: boolean;
}

/** The pool's search box: the board's matching rules (job number, customer, site, address; see board-search.ts). */
export function matchesSearch(j: BoardJob, q: string | undefined | null): boolean {
  return matchesJobQuery(j, parseJobQuery(q));
}

export function filterPool(pool: readonly BoardJob[], f: PoolFilter): BoardJob[] {
  return pool.filter(
    (j) =>
      matchesSearch(j, f.q) &&
      (!f.priority || j.priority === f.priority) &&
      (f.typeId == null || j.type?.id === f.typeId) &&
      (!f.skill || j.skills.some((s) => s.toLowerCase() === f.skill!.toLowerCase())) &&
      (!f.prefDate || j.preferences?.date === f.prefDate || j.preferences?.dateTime?.slice(0, 10) === f.prefDate) &&
      (f.prefTeamId == null || j.preferences?.teamId === f.prefTeamId) &&
      (f.prefUserId == null || j.preferences?.userId === f.prefUserId) &&
      (!f.poolOnly || j.preferences?.isPool === true),
  );
}

/** Priority first (high → low), then oldest first. */
export function sortPool(pool: readonly BoardJob[]): BoardJob[] {
  return [...pool].sort(
    (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.dateCreated.localeCompare(b.dateCreated) || a.num - b.num,
  );
}

/** "3 d", "5 h", "12 min": how long the job has waited, from the account's current wall clock. */
export function ageLabel(dateCreated: string, nowWall: string): string {
  const a = parseApiDate(dateCreated);
  const n = parseApiDate(nowWall);
  if (!a || !n) return '';
  const min = Math.max(0, minutesBetween(a, n));
  if (min >= 1440) return `${Math.floor(min / 1440)} d`;
  if (min >= 60) return `${Math.floor(min / 60)} h`;
  return `${min} min`;
}

export const DEFAULT_JOB_MINUTES = 60;

/** Minutes a job takes when placed: its own scheduled length when it has one, else its type's duration, else 1 h. */
export function jobMinutes(j: Pick<BoardJob, 'start' | 'end' | 'type'>, types: readonly BoardJobType[]): number {
  if (j.start && j.end) {
    const m = minutesBetween(parseApiDate(j.start)!, parseApiDate(j.end)!);
    if (m > 0) return m;
  }
  const t = j.type ? types.find((x) => x.id === j.type!.id) : undefined;
  return t && t.minutes > 0 ? t.minutes : DEFAULT_JOB_MINUTES;
}

/** End wall clock "YYYY-MM-DD HH:mm" of a job placed at `start`. */
export function endFor(start: string, minutes: number): string {
  return addMinutesLocal(parseApiDate(start)!, minutes).slice(0, 16);
}

/** The job is drawn on the board window [from, to) (days, to exclusive). */
export function inWindow(j: BoardJob, from: string, to: string): boolean {
  if (!j.start || !j.end || j.deleted) return false;
  const s = parseApiDate(j.start)!;
  const e = parseApiDate(j.end)!;
  return s < `${to} 00:00:00` && e > `${from} 00:00:00`;
}

/**
 * Applies changed jobs to board data: each changed job lands on the board (scheduled in the window), in the pool
 * (status created, not deleted), or nowhere. Returns the new data and the jobs that moved for someone else's notice.
 */
export function mergeChanges(data: BoardData, changed: readonly BoardJob[]): { data: BoardData; moved: BoardJob[] } {
  if (!changed.length) return { data, moved: [] };
  const byId = new Map(changed.map((j) => [j.id, j]));
  const before = new Map<string, BoardJob>();
  for (const j of data.jobs) if (byId.has(j.id)) before.set(j.id, j);
  for (const j of data.pool) if (byId.has(j.id)) before.set(j.id, j);
  const jobs = data.jobs.filter((j) => !byId.has(j.id));
  // The pool keeps its identity when no change touches it (the board does not redraw the pool for a move).
  const toPool = (j: BoardJob) => !j.deleted && j.status === 'created';
  const touchesPool = changed.some(toPool) || data.pool.some((j) => byId.has(j.id));
  const pool = touchesPool ? data.pool.filter((j) => !byId.has(j.id)) : data.pool;
  const moved: BoardJob[] = [];
  for (const j of changed) {
    const old = before.get(j.id);
    // Preferences are read separately (job/details); keep what we knew when the change does not carry them.
    const next = j.preferences === undefined && old?.preferences !== undefined ? { ...j, preferences: old.preferences } : j;
    if (toPool(j)) pool.push(next);
    else if (inWindow(j, data.from, data.to)) jobs.push(next);
    if (old && (old.start !== j.start || old.end !== j.end || old.technicianId !== j.technicianId || old.status !== j.status || !!j.deleted)) {
      moved.push(j);
    }
  }
  return { data: { ...data, jobs, pool }, moved };
}

/**
 * The whole window replacing a partial board (BoardData.partial): the whole answer is the truth, but every part and
 * job that did not change keeps the object the board already has, so the board redraws only what the whole window
 * added. Jobs `keep` names (this board's own moves, saved or on their way) stay as the board has them: the whole
 * answer may have been cut before them.
 */
export function reconcileBoard(current: BoardData, whole: BoardData, keep: (id: string) => boolean = () => false): BoardData {
  const same = <T>(a: T, b: T) => a === b || JSON.stringify(a) === JSON.stringify(b);
  const had = new Map<string, BoardJob>();
  for (const j of current.jobs) had.set(j.id, j);
  for (const j of current.pool) had.set(j.id, j);
  const kept = new Set([...had.keys()].filter(keep));
  const reuse = (j: BoardJob) => {
    const c = had.get(j.id);
    return c && same(c, j) ? c : j;
  };
  const jobs = whole.jobs.filter((j) => !kept.has(j.id)).map(reuse);
  const pool = whole.pool.filter((j) => !kept.has(j.id)).map(reuse);
  for (const j of current.jobs) if (kept.has(j.id)) jobs.push(j);
  for (const j of current.pool) if (kept.has(j.id)) pool.push(j);
  const before = new Set(current.pool);
  const samePool = pool.length === current.pool.length && pool.every((j) => before.has(j));
  const { partial: _partial, ...rest } = whole;
  void _partial;
  return {
    ...rest,
    jobs,
    pool: samePool ? current.pool : pool,
    teams: same(current.teams, whole.teams) ? current.teams : whole.teams,
    technicians: same(current.technicians, whole.technicians) ? current.technicians : whole.technicians,
    jobTypes: same(current.jobTypes, whole.jobTypes) ? current.jobTypes : whole.jobTypes,
    windows: same(current.windows, whole.windows) ? current.windows : whole.windows,
    activities: same(current.activities, whole.activities) ? current.activities : whole.activities,
  };
}
