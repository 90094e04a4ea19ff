/**
 * The schedule optimizer: pool jobs onto technicians' days, around locked and movable jobs. Pure and synchronous (it
 * runs inside a worker); the caller loads HiGHS once and passes it in.
 *
 *   feasibility → MILP assignment (HiGHS) → routes by cheapest insertion → local search → balance
 */
import type highsLoader from 'highs';
import { assignMilp } from './assign-milp';
import { feasibility, leftReason, type Feasibility } from './feasibility';
import { buildProblem, originPoint, SMALL_PLAN_TECHS, type Problem } from './problem';
import { applyInsertion, bestInsertion, bestInsertionInRoute, timeRoute, type Route } from './routes';
import { balance, improve, insertLeft, type SearchState } from './local-search';
import type { RouteStats, SolverControl, SolverInput, SolverResult, SolverRoute } from './types';

export type Highs = Awaited<ReturnType<typeof highsLoader>>;

const DEFAULT_TIME_LIMIT_MS = 5_000;
/** Share of the remaining time the MILP may take; the rest is for routing and search. */
const MILP_SHARE = 0.4;
/**
 * Past this many jobs to assign, HiGHS rarely proves the multi-knapsack optimal within its share (and only an optimal
 * solve is used), so the time is better spent on insertion and search. By size, not by clock, so it is deterministic.
 */
const MILP_MAX_JOBS = 150;

export function solve(input: SolverInput, highs: Highs, control: SolverControl = {}): SolverResult {
  const now = control.now ?? (() => Date.now());
  const deadline = now() + (input.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  let stopped = false;
  const shouldStop = () => (stopped ||= now() >= deadline || !!control.shouldStop?.());
  const progress = (fraction: number, stage: string) => control.onProgress?.(fraction, stage);

  progress(0, 'feasibility');
  const p = buildProblem(input);
  const routes = startingDays(p);
  const f = feasibility(p);
  const s: SearchState = { p, f, routes, techOf: p.jobs.map(() => -1), shouldStop };

  progress(0.1, 'assignment');
  const pairs = p.techs.length > SMALL_PLAN_TECHS ? milpPairs(p, f, routes) : f;
  const milpJobs = pairs.candidates.filter((ts) => ts.length > 0).length;
  const milp =
    shouldStop() || milpJobs > MILP_MAX_JOBS
      ? null
      : assignMilp(p, pairs, highs, (Math.max(0, deadline - now()) / 1000) * MILP_SHARE);

  progress(0.4, 'routes');
  if (milp) buildAssignedRoutes(s, milp.techOf);
  insertLeft(s);

  progress(0.6, 'local search');
  const searched = !shouldStop() && improve(s);
  progress(0.9, 'balance');
  const balanced = searched && balance(s);

  const result = toResult(p, s, routes, input);
  result.complete = balanced && !stopped;
  progress(1, 'done');
  return result;
}

/**
 * Each technician's locked and movable jobs in their current order. When that day cannot be re-timed by our travel
 * model (overlaps, too little travel time, outside the shift), its movable jobs are pinned where they are and the
 * lateness already in the input is tolerated, so the optimizer only ever works around the day as it stands.
 */
function startingDays(p: Problem): Route[] {
  return p.techs.map((_, t) => {
    const seq = p.jobs
      .map((_, j) => j)
      .filter((j) => p.owner[j] === t)
      .sort((a, b) => (p.jobs[a].start ?? 0) - (p.jobs[b].start ?? 0) || a - b);
    let timing = timeRoute(p, t, seq);
    if (!timing) {
      for (const j of seq) p.fixed[j] = p.jobs[j].start != null && p.jobs[j].end != null;
      pinLateness(p, t, seq);
      timing = timeRoute(p, t, seq);
    }
    return { tech: t, seq, timing: timing ?? { start: [], end: [], legKm: [], legMin: [], km: 0, workMin: 0 } };
  });
}

function pinLateness(p: Problem, t: number, seq: number[]) {
  const n = p.nPoints;
  let cursor = p.techs[t].shift.start;
  let last = p.hasPos[originPoint(p, t)] ? originPoint(p, t) : -1;
  for (const j of seq) {
    if (!p.fixed[j]) continue;
    const leg = last >= 0 && p.hasPos[j] ? p.min[last * n + j] : 0;
    p.lateAllowance[j] = Math.max(0, cursor + leg - p.jobs[j].start!);
    cursor = Math.max(cursor, p.jobs[j].end!);
    if (p.hasPos[j]) last = j;
  }
}

/**
 * The MILP only offers a job to technicians whose day, as it stands, has a place for it on its own. On a crowded day
 * most candidates have none, and the knapsack over hundreds of jobs that cannot fit is what makes HiGHS slow; the
 * search that follows still tries every candidate (where re-ordering the day might open a gap).
 */
function milpPairs(p: Problem, f: Feasibility, routes: readonly Route[]): Feasibility {
  return {
    ...f,
    candidates: f.candidates.map((ts, j) => ts.filter((t) => bestInsertionInRoute(p, routes[t], j) !== null)),
  };
}

/** Each technician takes the MILP's jobs heaviest first, cheapest insertion within a weight; misfits try elsewhere. */
function buildAssignedRoutes(s: SearchState, assigned: number[]) {
  const { p, routes } = s;
  const misfits: number[] = [];
  routes.forEach((_, t) => {
    const pending = assigned.map((tt, j) => (tt === t ? j : -1)).filter((j) => j >= 0);
    while (pending.length) {
      let pick = -1;
      let ins: ReturnType<typeof bestInsertionInRoute> = null;
      for (let k = 0; k < pending.length; k++) {
        const cand = bestInsertionInRoute(p, routes[t], pending[k]);
        if (!cand) continue;
        const better =
          pick < 0 ||
          p.weight[pending[k]] > p.weight[pending[pick]] + 1e-12 ||
          (p.weight[pending[k]] >= p.weight[pending[pick]] - 1e-12 && cand.deltaKm < ins!.deltaKm - 1e-9);
        if (better) {
          pick = k;
          ins = cand;
        }
      }
      if (pick < 0) {
        misfits.push(...pending);
        break;
      }
      applyInsertion(routes, ins!);
      s.techOf[pending[pick]] = t;
      pending.splice(pick, 1);
    }
  });
  misfits.sort((a, b) => p.weight[b] - p.weight[a] || a - b);
  for (const j of misfits) {
    const ins = bestInsertion(p, routes, j, s.f.candidates[j]);
    if (ins) {
      applyInsertion(routes, ins);
      s.techOf[j] = ins.tech;
    }
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function stats(jobs: number, workMin: number, km: number, min: number): RouteStats {
  return { jobs, workMin, travelKm: round2(km), travelMin: min };
}

/** The day as it stands: locked and movable jobs at their current times, travelled in time order. */
function beforeStats(p: Problem, t: number): RouteStats {
  const n = p.nPoints;
  const seq = p.jobs
    .map((_, j) => j)
    .filter((j) => p.owner[j] === t && p.jobs[j].start != null && p.jobs[j].end != null)
    .sort((a, b) => p.jobs[a].start! - p.jobs[b].start! || a - b);
  let last = p.hasPos[originPoint(p, t)] ? originPoint(p, t) : -1;
  let km = 0;
  let min = 0;
  let work = 0;
  for (const j of seq) {
    if (last >= 0 && p.hasPos[j]) {
      km += p.km[last * n + j];
      min += p.min[last * n + j];
    }
    work += p.jobs[j].end! - p.jobs[j].start!;
    if (p.hasPos[j]) last = j;
  }
  return stats(seq.length, work, km, min);
}

function toResult(p: Problem, s: SearchState, routes: Route[], input: SolverInput): SolverResult {
  // Movable jobs keep their current start when the proposed order allows it.
  const targets = new Map<number, number>();
  p.jobs.forEach((job, j) => {
    if (job.kind === 'movable' && !p.fixed[j] && job.start != null) targets.set(j, job.start);
  });
  const result: SolverResult = { routes: [], placed: [], retimed: [], left: [], complete: true };
  routes.forEach((r, t) => {
    const timing = timeRoute(p, t, r.seq, targets) ?? r.timing;
    const techId = p.techs[t].id;
    const out: SolverRoute = {
      technicianId: techId,
      stops: r.seq.map((j, k) => ({
        jobId: p.jobs[j].id,
        start: timing.start[k],
        end: timing.end[k],
        travelKm: round2(timing.legKm[k]),
        travelMin: timing.legMin[k],
      })),
      before: beforeStats(p, t),
      after: stats(
        r.seq.length,
        timing.workMin,
        timing.km,
        timing.legMin.reduce((a, b) => a + b, 0),
      ),
    };
    result.routes.push(out);
    r.seq.forEach((j, k) => {
      const job = p.jobs[j];
      const start = timing.start[k];
      const end = timing.end[k];
      if (job.kind === 'pool') result.placed.push({ jobId: job.id, technicianId: techId, start, end });
      if (job.kind === 'movable' && (start !== job.start || end !== job.end)) {
        result.retimed.push({
          jobId: job.id,
          technicianId: techId,
          from: { start: job.start!, end: job.end! },
          start,
          end,
        });
      }
    });
  });
  input.jobs.forEach((job, j) => {
    if (job.kind === 'pool' && s.techOf[j] < 0) result.left.push({ jobId: job.id, ...leftReason(p, s.f, j) });
  });
  return result;
}
