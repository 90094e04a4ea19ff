/**
 * A technician's state on the map, from the day's jobs and the freshness of the last fix:
 *  - on a job: one of their jobs is started (or paused mid-visit counts as between jobs);
 *  - between jobs: not on a job but has jobs still to do today;
 *  - idle: nothing left to do today;
 *  - no recent position: never tracked, or the fix is stale (> 30 min): the map cannot say where they are, whatever
 *    the schedule says (the schedule-based state is still given as `work`).
 * Also the technician's day in order, the current and next job. Pure.
 */
import { parseApiDate } from '../synchroteam/dates';
import { pathLengthKm, type LatLng } from './distance';
import type { MapJob, MapTechnician } from './map-types';
import { freshness, type Freshness } from './staleness';

export type WorkState = 'on-job' | 'between-jobs' | 'idle';
export type TechnicianState = WorkState | 'no-position';

export const STATE_LABELS: Record<TechnicianState, string> = {
  'on-job': 'On a job',
  'between-jobs': 'Between jobs',
  idle: 'Idle',
  'no-position': 'No recent position',
};

const DONE = new Set(['completed', 'validated', 'cancelled']);

/** The technician's jobs of the day (lead or other technician), by scheduled start. */
export function dayJobsOf(techId: number, jobs: readonly MapJob[]): MapJob[] {
  return jobs
    .filter(
      (j) =>
        !j.deleted &&
        j.start &&
        j.status !== 'cancelled' &&
        (j.technicianId === techId || j.otherTechnicianIds.includes(techId)),
    )
    .sort((a, b) => (parseApiDate(a.start) ?? '').localeCompare(parseApiDate(b.start) ?? '') || a.num - b.num);
}

export interface TechnicianDay {
  jobs: MapJob[];
  current: MapJob | null;
  next: MapJob | null;
  work: WorkState;
  freshness: Freshness;
  state: TechnicianState;
}

export function technicianDay(
  t: Pick<MapTechnician, 'id' | 'last'>,
  jobs: readonly MapJob[],
  nowWall: string,
): TechnicianDay {
  const day = dayJobsOf(t.id, jobs);
  const now = parseApiDate(nowWall) ?? nowWall;
  const current = day.find((j) => j.status === 'started') ?? null;
  // Next: the first job not done nor under way whose end is still ahead (a late job still counts as to do).
  const next =
    day.find(
      (j) => j !== current && !DONE.has(j.status) && j.status !== 'started' && (parseApiDate(j.end) ?? '') > now,
    ) ??
    day.find(
      (j) => j !== current && (j.status === 'scheduled' || j.status === 'synchronized' || j.status === 'paused'),
    ) ??
    null;
  const work: WorkState = current ? 'on-job' : next ? 'between-jobs' : 'idle';
  const f = freshness(t.last?.at, nowWall);
  return { jobs: day, current, next, work, freshness: f, state: f === 'fresh' ? work : 'no-position' };
}

/** "AB" from "Ann Bell"; "MR" from "Marco Rivera"; first two letters of a single name. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return '?';
  if (parts.length === 1) return parts[0].slice(0, 2).toUpperCase();
  return (parts[0][0] + parts[parts.length - 1][0]).toUpperCase();
}

/**
 * The route ahead of a technician: from their last position through the current job and the jobs still to do, in
 * order (jobs without a position are skipped), with its straight-line length.
 */
export function routeAhead(
  last: { lat: number; lng: number } | null,
  day: Pick<TechnicianDay, 'jobs' | 'current'>,
): { points: LatLng[]; km: number; stops: number } {
  const todo = day.jobs.filter(
    (j) => j === day.current || j.status === 'scheduled' || j.status === 'synchronized' || j.status === 'paused',
  );
  const ahead = todo.filter((j) => j.lat !== null && j.lng !== null);
  const points: LatLng[] = [
    ...(last ? [{ lat: last.lat, lng: last.lng }] : []),
    ...ahead.map((j) => ({ lat: j.lat!, lng: j.lng! })),
  ];
  return { points, km: pathLengthKm(points), stops: ahead.length };
}
