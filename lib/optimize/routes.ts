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
  /** Memo of routeSlack (routes are never mutated, only replaced, so a timing's answers never change). */
  slack?: number;
  /** Memo of bestInsertionInRoute per cost and job, and of withoutJob per job. */
  memoKm?: Map<number, Insertion | null>;
  memoFinish?: Map<number, Insertion | null>;
  without?: Map<number, Route | null>;
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
export function timeRoute(
  p: Problem,
  t: number,
  seq: readonly number[],
  targets?: ReadonlyMap<number, number>,
): Timing | null {
  const timing: Timing = { start: [], end: [], legKm: [], legMin: [], km: 0, workMin: 0 };
  const origin = originPoint(p, t);
  const km = scan(p, t, seq, -1, -1, 0, p.techs[t].shift.start, p.hasPos[origin] ? origin : -1, 0, timing, targets);
  return km < 0 ? null : timing;
}

/**
 * The forward pass from stop `from` on, given where the day stands before it (`cursor`, last known place `last`, km
 * so far). Returns the day's km, or -1 when it does not fit; fills `out` when given. Allocation-free without `out`,
 * because insertion tries every position of every day many times over.
 */
/** The latest end of the day timed by the last scan() (kept aside so scanning allocates nothing). */
let scannedFinish = 0;

function scan(
  p: Problem,
  t: number,
  seq: readonly number[],
  /** Job inserted at index `insAt` (-1: none), so trying a position builds no new list. */
  ins: number,
  insAt: number,
  from: number,
  cursor: number,
  last: number,
  km: number,
  out: Timing | null,
  targets?: ReadonlyMap<number, number>,
): number {
  const shiftEnd = p.techs[t].shift.end;
  const n = p.nPoints;
  const blocks = p.unavailable[t];
  let finish = cursor;
  const count = seq.length + (ins >= 0 ? 1 : 0);
  for (let k = from; k < count; k++) {
    const j = ins < 0 || k < insAt ? seq[k] : k === insAt ? ins : seq[k - 1];
    const job = p.jobs[j];
    // A job without a position does not move the technician: travel to the next job is from the last known place.
    const routed = last >= 0 && p.hasPos[j];
    const legKm = routed ? p.km[last * n + j] : 0;
    const legMin = routed ? p.min[last * n + j] : 0;
    let start: number;
    let end: number;
    if (p.fixed[j]) {
      start = job.start!;
      end = job.end!;
      if (cursor + legMin - start > p.lateAllowance[j]) return -1;
    } else {
      const dur = job.durationMin;
      let s = Math.max(cursor + legMin, job.startWindow?.earliest ?? -Infinity, targets?.get(j) ?? -Infinity);
      s = ceilStep(s, p.step);
      // Travel happens outside unavailability too: the whole [arrival leg, job end) must be clear.
      for (let moved = true; moved;) {
        moved = false;
        for (const b of blocks) {
          if (b.start >= s + dur) break;
          if (s - legMin < b.end) {
            s = ceilStep(b.end + legMin, p.step);
            moved = true;
          }
        }
      }
      if (job.startWindow && s > job.startWindow.latest) return -1;
      if (s + dur > shiftEnd) return -1;
      start = s;
      end = s + dur;
    }
    if (out) {
      out.start.push(start);
      out.end.push(end);
      out.legKm.push(legKm);
      out.legMin.push(legMin);
      out.workMin += end - start;
    }
    km += legKm;
    cursor = Math.max(cursor, end);
    finish = Math.max(finish, end);
    if (p.hasPos[j]) last = j;
  }
  if (out) out.km = km;
  scannedFinish = finish;
  return km;
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

/**
 * Minutes of technician `t`'s shift not blocked by unavailability or by pinned jobs reached on time (lateAllowance 0):
 * every flexible job, with the travel leg leading to it, must fit in this time, and those spans never overlap (the
 * forward pass starts each flexible job after the previous stop's end, the leg included, and clear of every block).
 */
const freeMinutesCache = new WeakMap<Problem, number[]>();
export function freeMinutes(p: Problem, t: number): number {
  let all = freeMinutesCache.get(p);
  if (!all) {
    all = p.techs.map(() => -1);
    freeMinutesCache.set(p, all);
  }
  if (all[t] >= 0) return all[t];
  const { start: s0, end: s1 } = p.techs[t].shift;
  const blocked = [...p.unavailable[t]];
  p.jobs.forEach((job, j) => {
    if (p.owner[j] === t && p.fixed[j] && p.lateAllowance[j] === 0) blocked.push({ start: job.start!, end: job.end! });
  });
  blocked.sort((a, b) => a.start - b.start);
  let free = 0;
  let cursor = s0;
  for (const b of blocked) {
    const bs = Math.max(s0, Math.min(s1, b.start));
    if (bs > cursor) free += bs - cursor;
    cursor = Math.max(cursor, Math.min(s1, b.end));
  }
  if (s1 > cursor) free += s1 - cursor;
  all[t] = free;
  return free;
}

/**
 * An upper bound on the length of a job that can still be inserted into `r`: free minutes less every flexible job and
 * its leg. An insertion keeps the other stops in order, so only one existing leg changes (the stop after the new one),
 * and it cannot shrink below 0: the longest flexible leg is given back.
 */
export function routeSlack(p: Problem, r: Route): number {
  if (r.timing.slack !== undefined) return r.timing.slack;
  let used = 0;
  let maxLeg = 0;
  r.seq.forEach((j, k) => {
    if (p.fixed[j]) return;
    used += p.jobs[j].durationMin + r.timing.legMin[k];
    maxLeg = Math.max(maxLeg, r.timing.legMin[k]);
  });
  const slack = freeMinutes(p, r.tech) - used + maxLeg;
  r.timing.slack = slack;
  return slack;
}

/**
 * Cheapest feasible place for job `j` in route `r`, or null. Ties go to the earliest index (latest when unpositioned).
 * Memoised per route state and job: the search asks again and again about left jobs on days that have not changed.
 */
export function bestInsertionInRoute(p: Problem, r: Route, j: number, by: InsertionCost = 'km'): Insertion | null {
  if (!p.fixed[j] && p.jobs[j].durationMin > routeSlack(p, r)) return null;
  const memo = by === 'km' ? (r.timing.memoKm ??= new Map()) : (r.timing.memoFinish ??= new Map());
  const known = memo.get(j);
  if (known !== undefined) return known;
  const ins = computeBestInsertionInRoute(p, r, j, by);
  memo.set(j, ins);
  return ins;
}

function computeBestInsertionInRoute(p: Problem, r: Route, j: number, by: InsertionCost): Insertion | null {
  const seq = r.seq;
  const late = !p.hasPos[j];
  const origin = originPoint(p, r.tech);
  // The part of the day before the insertion point is unchanged: carry its state instead of re-timing it.
  let cursor = p.techs[r.tech].shift.start;
  let last = p.hasPos[origin] ? origin : -1;
  let kmBefore = 0;
  let bestIndex = -1;
  let bestKm = Infinity;
  let bestFinish = Infinity;
  for (let i = 0; i <= seq.length; i++) {
    if (i > 0) {
      cursor = Math.max(cursor, r.timing.end[i - 1]);
      kmBefore += r.timing.legKm[i - 1];
      if (p.hasPos[seq[i - 1]]) last = seq[i - 1];
    }
    const km = scan(p, r.tech, seq, j, i, i, cursor, last, kmBefore, null);
    if (km < 0) continue;
    let better = bestIndex < 0 || km < bestKm - 1e-9 || (late && km <= bestKm + 1e-9);
    if (by === 'finish') {
      const f = scannedFinish;
      better = bestIndex < 0 || f < bestFinish || (f === bestFinish && better);
      if (better) bestFinish = f;
    }
    if (better) {
      bestIndex = i;
      bestKm = km;
    }
  }
  if (bestIndex < 0) return null;
  const best = [...seq.slice(0, bestIndex), j, ...seq.slice(bestIndex)];
  const timing = timeRoute(p, r.tech, best)!;
  return { tech: r.tech, index: bestIndex, deltaKm: timing.km - r.timing.km, seq: best, timing };
}

/** When the day ends; an empty day "finishes" at its shift start, so lengthening it is not judged from midnight. */
const dayEnd = (p: Problem, t: number, timing: Timing) => (timing.end.length ? finish(timing) : p.techs[t].shift.start);

/** Cheapest place over the candidate technicians; ties go to the lighter day, then the earlier technician. */
export function bestInsertion(
  p: Problem,
  routes: readonly Route[],
  j: number,
  candidates: readonly number[],
  by: InsertionCost = 'km',
): Insertion | null {
  let best: Insertion | null = null;
  let bestAdded = 0;
  for (const t of candidates) {
    const ins = bestInsertionInRoute(p, routes[t], j, by);
    if (!ins) continue;
    const added = by === 'finish' ? dayEnd(p, t, ins.timing) - dayEnd(p, t, routes[t].timing) : 0;
    let beats: boolean;
    if (!best) beats = true;
    else if (by === 'finish' && added !== bestAdded) beats = added < bestAdded;
    else if (Math.abs(ins.deltaKm - best.deltaKm) > 1e-9) beats = ins.deltaKm < best.deltaKm;
    else beats = routes[t].timing.workMin < routes[best.tech].timing.workMin;
    if (beats) {
      best = ins;
      bestAdded = added;
    }
  }
  return best;
}

export function applyInsertion(routes: Route[], ins: Insertion) {
  routes[ins.tech] = { tech: ins.tech, seq: ins.seq, timing: ins.timing };
}

/**
 * Route without job `j`, re-timed: a longer direct leg can now cross an unavailability block, so it may not fit.
 * Memoised per route state, so the same shortened day (and the insertions tried on it) is reused.
 */
export function withoutJob(p: Problem, r: Route, j: number): Route | null {
  const memo = (r.timing.without ??= new Map());
  const known = memo.get(j);
  if (known !== undefined) return known;
  const seq = r.seq.filter((x) => x !== j);
  const timing = timeRoute(p, r.tech, seq);
  const out = timing ? { tech: r.tech, seq, timing } : null;
  memo.set(j, out);
  return out;
}
