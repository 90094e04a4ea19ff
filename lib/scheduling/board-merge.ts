/**
 * Keeping the board's data current, pure so that the board, the server's board and map stores, and the tests share
 * it: which jobs a window draws, merging live change sets in, and reconciling a partial board with the whole window.
 */
import { parseApiDate, startOfDay } from '../synchroteam/dates';
import type { BoardData, BoardJob } from './board-types';

/** The job is drawn on the board window [from, to) (days, to exclusive). */
export function inWindow(j: BoardJob, from: string, to: string): boolean {
  if (!j.start || !j.end || j.deleted) return false;
  const s = parseApiDate(j.start)!;
  const e = parseApiDate(j.end)!;
  return s < startOfDay(to) && e > startOfDay(from);
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
    const next =
      j.preferences === undefined && old?.preferences !== undefined ? { ...j, preferences: old.preferences } : j;
    if (toPool(j)) pool.push(next);
    else if (inWindow(j, data.from, data.to)) jobs.push(next);
    if (
      old &&
      (old.start !== j.start ||
        old.end !== j.end ||
        old.technicianId !== j.technicianId ||
        old.status !== j.status ||
        !!j.deleted)
    ) {
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
export function reconcileBoard(
  current: BoardData,
  whole: BoardData,
  keep: (id: string) => boolean = () => false,
): BoardData {
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
