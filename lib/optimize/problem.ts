/**
 * The input turned into index-addressed arrays the search can hammer: a travel matrix over every job and technician
 * origin, per-job weights, and which jobs are pinned in time. Built once per solve.
 */
import { minutesForKm, travelKm } from './travel';
import type { GeoPoint, SolverInput, SolverJob, SolverTechnician, Span } from './types';

export const PRIORITY_WEIGHT = { high: 100, medium: 10, low: 1 } as const;
/** Per day of age, as a fraction of the priority weight; 30 days × 0.001 = 3 %, far below the next priority step. */
const AGE_BONUS_PER_DAY = 0.001;
const AGE_CAP_DAYS = 30;

export interface Problem {
  techs: SolverTechnician[];
  jobs: SolverJob[];
  step: number;
  /** Points 0..J-1 are jobs, J..J+T-1 technician origins. */
  nPoints: number;
  km: Float64Array;
  min: Int32Array;
  hasPos: boolean[];
  /** Pool-job value: priority weight with the age bonus. */
  weight: number[];
  /** Technician index of locked/movable jobs, -1 for pool jobs. */
  owner: number[];
  /** Pinned in time: locked jobs, and movable ones frozen because their day cannot be re-timed consistently. */
  fixed: boolean[];
  /** Minutes a pinned job may already be reached late in the input (so inconsistent input never blocks the day). */
  lateAllowance: number[];
  /** Per technician: unavailability sorted by start. */
  unavailable: Span[][];
}

export function jobWeight(job: SolverJob): number {
  const w = PRIORITY_WEIGHT[job.priority] ?? 1;
  const age = Math.max(0, Math.min(AGE_CAP_DAYS, job.ageDays || 0));
  return w * (1 + age * AGE_BONUS_PER_DAY);
}

export function buildProblem(input: SolverInput): Problem {
  const { technicians: techs, jobs } = input;
  const J = jobs.length;
  const n = J + techs.length;
  const pos: (GeoPoint | null)[] = [...jobs.map((j) => j.position), ...techs.map((t) => t.origin)];
  const km = new Float64Array(n * n);
  const min = new Int32Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const k = travelKm(pos[a], pos[b], input.travel);
      const m = minutesForKm(k, input.travel);
      km[a * n + b] = km[b * n + a] = k;
      min[a * n + b] = min[b * n + a] = m;
    }
  }
  const techIndex = new Map(techs.map((t, i) => [t.id, i]));
  const owner = jobs.map((j) => (j.kind === 'pool' ? -1 : (techIndex.get(j.technicianId ?? NaN) ?? -1)));
  return {
    techs,
    jobs,
    step: input.stepMin && input.stepMin > 0 ? input.stepMin : 5,
    nPoints: n,
    km,
    min,
    hasPos: pos.map((p) => p !== null),
    weight: jobs.map(jobWeight),
    owner,
    fixed: jobs.map((j) => j.kind === 'locked'),
    lateAllowance: jobs.map(() => 0),
    unavailable: techs.map((t) => [...t.unavailable].sort((a, b) => a.start - b.start || a.end - b.end)),
  };
}

/**
 * Up to this many technicians the search restarts from the top after every move, runs ruin-and-recreate to its end and
 * pairs every two days (cheap there, and the most thorough); past it, a scan applies every improving move, ruin passes
 * are capped and only nearby technicians are paired.
 */
export const SMALL_PLAN_TECHS = 40;

export const originPoint = (p: Problem, t: number) => p.jobs.length + t;

export const ceilStep = (m: number, step: number) => Math.ceil(m / step) * step;
