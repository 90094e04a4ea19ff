/**
 * Improvement moves on built routes, strictly in the objective's order: first place more weight (insert, eject a
 * lighter job), then cut kilometres without dropping anything (relocate, 2-opt, cross-day relocate and swap, then
 * ruin-and-recreate for what single moves cannot reach), then even out working minutes without adding a metre.
 * First-improvement, deterministic scan order; every move is re-timed, so an accepted state is always feasible.
 */
import type { Feasibility } from './feasibility';
import { SMALL_PLAN_TECHS, type Problem } from './problem';
import { prng } from './prng';
import { ruinAndRecreate } from './ruin-recreate';
import {
  applyInsertion,
  bestInsertion,
  bestInsertionInRoute,
  timeRoute,
  withoutJob,
  type Route,
  type Timing,
} from './routes';

const EPS = 1e-9;
/** Ruin-and-recreate passes per search: bounded by work, not by the clock, so the result does not depend on speed. */
const MAX_RUIN_PASSES = 3;

export interface SearchState {
  p: Problem;
  f: Feasibility;
  routes: Route[];
  /** Pool job → technician index, or -1 when left. */
  techOf: number[];
  shouldStop: () => boolean;
}

const totalKm = (rs: readonly Route[]) => rs.reduce((s, r) => s + r.timing.km, 0);

function unplaced(s: SearchState): number[] {
  const out: number[] = [];
  s.p.jobs.forEach((job, j) => {
    if (job.kind === 'pool' && s.techOf[j] < 0 && s.f.candidates[j].length) out.push(j);
  });
  // Heaviest first; the index keeps equal weights in input order.
  return out.sort((a, b) => s.p.weight[b] - s.p.weight[a] || a - b);
}

/** Place left jobs wherever they now fit. */
export function insertLeft(s: SearchState): boolean {
  let changed = false;
  for (const j of unplaced(s)) {
    if (s.shouldStop()) break;
    const ins = bestInsertion(s.p, s.routes, j, s.f.candidates[j]);
    if (ins) {
      applyInsertion(s.routes, ins);
      s.techOf[j] = ins.tech;
      changed = true;
    }
  }
  return changed;
}

const ejectTried = new WeakMap<SearchState['f'], Map<number, Timing[]>>();

/** A left job takes the place of a placed one that then moves elsewhere, or is lighter and gives way. */
function eject(s: SearchState): boolean {
  const { p } = s;
  const memo = small(s) ? null : (ejectTried.get(s.f) ?? ejectTried.set(s.f, new Map()).get(s.f)!);
  for (const j of unplaced(s)) {
    // On a large plan, a job already tried on these very days is not tried again (a move elsewhere that would let the
    // displaced job go back is left to ruin-and-recreate).
    const days = memo ? s.f.candidates[j].map((t) => s.routes[t].timing) : null;
    const seen = memo?.get(j);
    if (seen && days!.every((d, k) => d === seen[k])) continue;
    if (memo) memo.set(j, days!);
    let best: { gain: number; km: number; apply: () => void } | null = null;
    for (const t of s.f.candidates[j]) {
      for (const x of s.routes[t].seq) {
        if (p.jobs[x].kind !== 'pool' || s.shouldStop()) continue;
        const without = withoutJob(p, s.routes[t], x);
        if (!without) continue;
        const ins = bestInsertionInRoute(p, without, j);
        if (!ins) continue;
        const trial = s.routes.slice();
        trial[t] = { tech: t, seq: ins.seq, timing: ins.timing };
        const back = bestInsertion(p, trial, x, s.f.candidates[x]);
        const gain = p.weight[j] - (back ? 0 : p.weight[x]);
        if (gain <= EPS) continue;
        if (back) applyInsertion(trial, back);
        const km = totalKm(trial);
        if (!best || gain > best.gain + EPS || (gain >= best.gain - EPS && km < best.km - EPS)) {
          best = {
            gain,
            km,
            apply: () => {
              s.routes.splice(0, s.routes.length, ...trial);
              s.techOf[j] = t;
              s.techOf[x] = back ? back.tech : -1;
            },
          };
        }
      }
    }
    if (best) {
      best.apply();
      return true;
    }
  }
  return false;
}

const movable = (p: Problem, j: number) => !p.fixed[j];

const small = (s: SearchState) => s.p.techs.length <= SMALL_PLAN_TECHS;

/** Move one stop elsewhere in its own day. */
function relocateWithin(s: SearchState, r: Route): boolean {
  const { p } = s;
  for (let i = 0; i < r.seq.length; i++) {
    if (!movable(p, r.seq[i])) continue;
    const rest = r.seq.filter((_, k) => k !== i);
    for (let k = 0; k <= rest.length; k++) {
      if (k === i) continue;
      const seq = [...rest.slice(0, k), r.seq[i], ...rest.slice(k)];
      const timing = timeRoute(p, r.tech, seq);
      if (timing && timing.km < r.timing.km - EPS) {
        s.routes[r.tech] = { tech: r.tech, seq, timing };
        return true;
      }
    }
    if (s.shouldStop()) return false;
  }
  return false;
}

/** Reverse a run of flexible stops (2-opt); pinned stops stay where they are. */
function twoOpt(s: SearchState, r: Route): boolean {
  const { p } = s;
  for (let i = 0; i < r.seq.length - 1; i++) {
    if (!movable(p, r.seq[i])) continue;
    for (let k = i + 1; k < r.seq.length && movable(p, r.seq[k]); k++) {
      const seq = [...r.seq.slice(0, i), ...r.seq.slice(i, k + 1).reverse(), ...r.seq.slice(k + 1)];
      const timing = timeRoute(p, r.tech, seq);
      if (timing && timing.km < r.timing.km - EPS) {
        s.routes[r.tech] = { tech: r.tech, seq, timing };
        return true;
      }
    }
    if (s.shouldStop()) return false;
  }
  return false;
}

/** A pool job moves to another technician who may take it (on a large plan, every improving move of one scan). */
function relocateAcross(s: SearchState): boolean {
  const { p } = s;
  let improved = false;
  for (let j = 0; j < p.jobs.length; j++) {
    const a = s.techOf[j];
    if (a < 0 || p.jobs[j].kind !== 'pool') continue;
    const without = withoutJob(p, s.routes[a], j);
    if (!without) continue;
    for (const b of s.f.candidates[j]) {
      if (b === a) continue;
      const ins = bestInsertionInRoute(p, s.routes[b], j);
      if (!ins) continue;
      const delta = without.timing.km + ins.timing.km - s.routes[a].timing.km - s.routes[b].timing.km;
      if (delta < -EPS) {
        s.routes[a] = without;
        applyInsertion(s.routes, ins);
        s.techOf[j] = b;
        if (small(s)) return true;
        improved = true;
        break;
      }
    }
    if (s.shouldStop()) return improved;
  }
  return improved;
}

/** Two pool jobs on different technicians trade places (on a large plan, every improving swap of one scan). */
function swapAcross(s: SearchState): boolean {
  const { p } = s;
  let improved = false;
  const pool = p.jobs.map((_, j) => j).filter((j) => s.techOf[j] >= 0);
  for (let u = 0; u < pool.length; u++) {
    for (let v = u + 1; v < pool.length; v++) {
      const x = pool[u];
      const y = pool[v];
      const a = s.techOf[x];
      const b = s.techOf[y];
      if (a === b || !s.f.candidates[x].includes(b) || !s.f.candidates[y].includes(a)) continue;
      const ra = withoutJob(p, s.routes[a], x);
      const rb = withoutJob(p, s.routes[b], y);
      if (!ra || !rb) continue;
      const ia = bestInsertionInRoute(p, ra, y);
      const ib = ia && bestInsertionInRoute(p, rb, x);
      if (!ia || !ib) continue;
      const delta = ia.timing.km + ib.timing.km - s.routes[a].timing.km - s.routes[b].timing.km;
      if (delta < -EPS) {
        applyInsertion(s.routes, ia);
        applyInsertion(s.routes, ib);
        s.techOf[x] = b;
        s.techOf[y] = a;
        if (small(s)) return true;
        improved = true;
      }
    }
    if (s.shouldStop()) return improved;
  }
  return improved;
}

/** Runs to a local optimum or until stopped; true when it got there. */
export function improve(s: SearchState): boolean {
  // Seeded, so the same input always takes the same path (unless the clock cuts it short).
  const rnd = prng(0x5eed);
  let ruinPasses = 0;
  while (!s.shouldStop()) {
    if (insertLeft(s) || eject(s)) continue;
    let changed = false;
    for (const r of [...s.routes])
      changed = relocateWithin(s, s.routes[r.tech]) || twoOpt(s, s.routes[r.tech]) || changed;
    if (changed) continue;
    if (relocateAcross(s) || swapAcross(s)) continue;
    // Each pass that improves is followed by another; past a few, the gains are crumbs of km that cost a pass each.
    if ((small(s) || ruinPasses++ < MAX_RUIN_PASSES) && ruinAndRecreate(s, rnd)) continue;
    return !s.shouldStop();
  }
  return false;
}

/** Moves pool jobs towards lighter days while the kilometres stay the same (or drop). */
export function balance(s: SearchState): boolean {
  const { p } = s;
  for (let guard = 0; guard < 10_000; guard++) {
    if (s.shouldStop()) return false;
    let moved = false;
    for (let j = 0; j < p.jobs.length && !moved; j++) {
      const a = s.techOf[j];
      if (a < 0 || p.jobs[j].kind !== 'pool') continue;
      const without = withoutJob(p, s.routes[a], j);
      if (!without) continue;
      for (const b of s.f.candidates[j]) {
        if (b === a) continue;
        const ins = bestInsertionInRoute(p, s.routes[b], j);
        if (!ins) continue;
        const delta = without.timing.km + ins.timing.km - s.routes[a].timing.km - s.routes[b].timing.km;
        const before = s.routes[a].timing.workMin ** 2 + s.routes[b].timing.workMin ** 2;
        const after = without.timing.workMin ** 2 + ins.timing.workMin ** 2;
        if (delta <= EPS && after < before - EPS) {
          s.routes[a] = without;
          applyInsertion(s.routes, ins);
          s.techOf[j] = b;
          moved = true;
          break;
        }
      }
    }
    if (!moved) return true;
  }
  return true;
}
