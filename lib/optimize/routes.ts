/**
 * A technician's day as an ordered list of jobs, timed by a forward pass. Earliest starts are used while searching:
 * for a fixed order, starting each job as early as possible never makes a later job infeasible, so "the order fits"
 * and "the earliest timing fits" are the same question.
 */
import { ceilStep, originPoint, type Problem } from './problem';

export interface Timing {
  start: number[];
  end: number[];
  legKm: number[];
  legMin: number[];
  km: number;
  workMin: number;
}

export interface Route {
  tech: number;
  seq: number[];
  timing: Timing;
}

/**
 * Times `seq` for technician `t`, or null when it does not fit. `targets` (job → preferred start) holds flexible
 * jobs back to a start they already have, when the day allows it.
 */
export function timeRoute(p: Problem, t: number, seq: readonly number[], targets?: ReadonlyMap<number, number>): Timing | null {
  const tech = p.techs[t];
  const n = p.nPoints;
  const blocks = p.unavailable[t];
  const timing: Timing = { start: [], end: [], legKm: [], legMin: [], km: 0, workMin: 0 };
  let cursor = tech.shift.start;
  // A job without a position does not move the technician: travel to the next job is from the last known place.
  let last = p.hasPos[originPoint(p, t)] ? originPoint(p, t) : -1;
  for (const j of seq) {
    const job = p.jobs[j];
    const routed = last >= 0 && p.hasPos[j];
    const legKm = routed ? p.km[last * n + j] : 0;
    const legMin = routed ? p.min[last * n + j] : 0;
    let start: number;
    let end: number;
    if (p.fixed[j]) {
      start = job.start!;
      end = job.end!;
      if (cursor + legMin - start > p.lateAllowance[j]) return null;
    } else {
      const dur = job.durationMin;
      let s = Math.max(cursor + legMin, job.startWindow?.earliest ?? -Infinity, targets?.get(j) ?? -Infinity);
      s = ceilStep(s, p.step);
      // Travel happens outside unavailability too: the whole [arrival leg, job end) must be clear.
      for (let moved = true; moved; ) {
        moved = false;
        for (const b of blocks) {
          if (b.start >= s + dur) break;
          if (s - legMin < b.end && b.start < s + dur) {
            s = ceilStep(b.end + legMin, p.step);
            moved = true;
          }
        }
      }
      if (job.startWindow && s > job.startWindow.latest) return null;
      if (s + dur > tech.shift.end) return null;
      start = s;
      end = s + dur;
    }
    timing.start.push(start);
    timing.end.push(end);
    timing.legKm.push(legKm);
    timing.legMin.push(legMin);
    timing.km += legKm;
    timing.workMin += end - start;
    cursor = Math.max(cursor, end);
    if (p.hasPos[j]) last = j;
  }
  return timing;
}

export interface Insertion {
  tech: number;
  index: number;
  deltaKm: number;
  seq: number[];
  timing: Timing;
}

/**
 * What an insertion costs: 'km' is the objective; 'finish' (when the day now ends, then km) packs gaps first, which
 * ruin-and-recreate uses for variety because the km-cheapest spot can squat on time a later job needed.
 */
export type InsertionCost = 'km' | 'finish';

const finish = (t: Timing) => (t.end.length ? Math.max(...t.end) : 0);

function better(a: Insertion, b: Insertion | null, by: InsertionCost, preferLater: boolean): boolean {
  if (!b) return true;
  if (by === 'finish') {
    const fa = finish(a.timing);
    const fb = finish(b.timing);
    if (fa !== fb) return fa < fb;
  }
  return a.deltaKm < b.deltaKm - 1e-9 || (preferLater && a.deltaKm <= b.deltaKm + 1e-9);
}

/** Cheapest feasible place for job `j` in route `r`, or null. Ties go to the earliest index (latest when unpositioned). */
export function bestInsertionInRoute(p: Problem, r: Route, j: number, by: InsertionCost = 'km'): Insertion | null {
  let best: Insertion | null = null;
  const late = !p.hasPos[j];
  for (let i = 0; i <= r.seq.length; i++) {
    const seq = [...r.seq.slice(0, i), j, ...r.seq.slice(i)];
    const timing = timeRoute(p, r.tech, seq);
    if (!timing) continue;
    const ins = { tech: r.tech, index: i, deltaKm: timing.km - r.timing.km, seq, timing };
    if (better(ins, best, by, late)) best = ins;
  }
  return best;
}

/** Cheapest place over the candidate technicians; ties go to the lighter day, then the earlier technician. */
export function bestInsertion(p: Problem, routes: readonly Route[], j: number, candidates: readonly number[], by: InsertionCost = 'km'): Insertion | null {
  let best: Insertion | null = null;
  for (const t of candidates) {
    const ins = bestInsertionInRoute(p, routes[t], j, by);
    if (!ins) continue;
    if (
      !best ||
      (by === 'finish' ? finish(ins.timing) - finish(routes[t].timing) < finish(best.timing) - finish(routes[best.tech].timing) : false) ||
      ((by === 'km' || finish(ins.timing) - finish(routes[t].timing) === finish(best.timing) - finish(routes[best.tech].timing)) &&
        (ins.deltaKm < best.deltaKm - 1e-9 ||
          (ins.deltaKm <= best.deltaKm + 1e-9 && routes[t].timing.workMin < routes[best.tech].timing.workMin)))
    ) {
      best = ins;
    }
  }
  return best;
}

export function applyInsertion(routes: Route[], ins: Insertion) {
  routes[ins.tech] = { tech: ins.tech, seq: ins.seq, timing: ins.timing };
}

/** Route without job `j` (removing a job never breaks a fixed order... except through windows, so it is re-timed). */
export function withoutJob(p: Problem, r: Route, j: number): Route | null {
  const seq = r.seq.filter((x) => x !== j);
  const timing = timeRoute(p, r.tech, seq);
  return timing ? { tech: r.tech, seq, timing } : null;
}
