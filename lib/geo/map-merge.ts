/** Applies a /api/map change set to a snapshot (pure): each changed job lands on the day, in the unscheduled list, or nowhere. */
import { inWindow } from '../scheduling/board-merge';
import { addDays } from '../scheduling/wall-clock';
import type { MapChanges, MapJob, MapSnapshot } from './map-types';

export function mergeMapChanges(s: MapSnapshot, c: MapChanges): MapSnapshot {
  const next: MapSnapshot = {
    ...s,
    version: c.version,
    now: c.now,
    syncedAt: c.syncedAt,
    positionsAt: c.positionsAt,
    ...(c.technicians ? { technicians: c.technicians } : {}),
    ...(c.activities ? { activities: c.activities } : {}),
  };
  if (!c.jobs.length) return next;
  return applyJobs(next, c.jobs);
}

/** Puts jobs' current state in place (also used for the optimistic update after Assign). */
export function applyJobs(s: MapSnapshot, changed: readonly MapJob[]): MapSnapshot {
  const byId = new Map(changed.map((j) => [j.id, j]));
  const jobs = s.jobs.filter((j) => !byId.has(j.id));
  const unscheduled = s.unscheduled.filter((j) => !byId.has(j.id));
  const to = addDays(s.date, 1);
  for (const j of changed) {
    if (j.deleted) continue;
    if (j.status === 'created') unscheduled.push(j);
    else if (inWindow(j, s.date, to)) jobs.push(j);
  }
  return { ...s, jobs, unscheduled };
}
