/**
 * Ruin and recreate: empty the pool jobs out of one technician's day or two related days, then re-insert them with
 * every left job, in weight order and in a few seeded shuffles. This reaches what one-job moves cannot, e.g. a
 * chain where job A must leave Tech 1 for Tech 2's slot so a heavier job B can take A's place. Only strictly better
 * (placed weight, then km) results are kept, so it never loses a placement.
 */
import type { SearchState } from './local-search';
import { SMALL_PLAN_TECHS } from './problem';
import {
  applyInsertion,
  bestInsertion,
  routeSlack,
  timeRoute,
  type InsertionCost,
  type Route,
  type Timing,
} from './routes';

const EPS = 1e-9;
/**
 * Seeded re-insertion orders per neighbourhood: many on a small plan (where they are cheap and exactness shows),
 * a couple on a large one, so a pass costs about the same whatever the size.
 */
const ORDERS_PER_PASS = 400;
const shuffles = (hoods: number) => Math.max(2, Math.min(30, Math.floor(ORDERS_PER_PASS / Math.max(1, hoods))));

function placedWeight(s: SearchState, techOf: readonly number[]) {
  return techOf.reduce((sum, t, j) => (t >= 0 && s.p.jobs[j].kind === 'pool' ? sum + s.p.weight[j] : sum), 0);
}

const totalKm = (rs: readonly Route[]) => rs.reduce((sum, r) => sum + r.timing.km, 0);

/** Pairs are only formed between technicians this close in rank (by where their day starts): a job traded far away costs km. */
const NEAREST = 12;
/** Only plans with more technicians than this are restricted to nearby pairs (small plans can afford every pair). */
const NEAR_FROM = SMALL_PLAN_TECHS;
/** Left jobs past which ruin-and-recreate takes its shortcuts even on a small plan. */
const LEAN_FROM_LEFT = 40;

/** Each technician's NEAREST nearest others (by origin, else the first positioned stop), index order on ties. */
function nearest(s: SearchState): Set<number>[] {
  const { p } = s;
  const n = p.nPoints;
  const T = p.techs.length;
  const anchor = p.techs.map((_, t) => {
    const o = p.jobs.length + t;
    if (p.hasPos[o]) return o;
    return s.routes[t].seq.find((j) => p.hasPos[j]) ?? -1;
  });
  return p.techs.map((_, a) => {
    const others = [...Array(T).keys()].filter((b) => b !== a);
    const dist = (b: number) => (anchor[a] >= 0 && anchor[b] >= 0 ? p.km[anchor[a] * n + anchor[b]] : Infinity);
    others.sort((x, y) => dist(x) - dist(y) || x - y);
    return new Set(others.slice(0, NEAREST));
  });
}

/** Single days, then pairs of nearby days that could trade some job. */
function neighbourhoods(s: SearchState, near: Set<number>[] | null): number[][] {
  const T = s.p.techs.length;
  const related = new Set<number>();
  for (const ts of s.f.candidates) {
    for (let a = 0; a < ts.length; a++) {
      for (let b = a + 1; b < ts.length; b++) {
        if (near && !near[ts[a]].has(ts[b]) && !near[ts[b]].has(ts[a])) continue;
        related.add(ts[a] * T + ts[b]);
      }
    }
  }
  const hoods: number[][] = [];
  for (let t = 0; t < T; t++) hoods.push([t]);
  for (const key of [...related].sort((x, y) => x - y)) hoods.push([Math.floor(key / T), key % T]);
  return hoods;
}

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const k = Math.floor(rnd() * (i + 1));
    [out[i], out[k]] = [out[k], out[i]];
  }
  return out;
}

interface Layout {
  near: Set<number>[] | null;
  hoods: number[][];
  /** Per neighbourhood: its days' timings and the number of left jobs when last tried without success. */
  tried: (Timing[] | null)[];
  leftAt: number[];
}
const layout = new WeakMap<SearchState['f'], Layout>();

const leftJobs = (s: SearchState) =>
  s.p.jobs.map((_, j) => j).filter((j) => s.p.jobs[j].kind === 'pool' && s.techOf[j] < 0 && s.f.candidates[j].length);

/** One pass over every neighbourhood; true when anything improved. */
export function ruinAndRecreate(s: SearchState, rnd: () => number): boolean {
  const { p, f } = s;
  let improved = false;
  // The same for the whole search (candidates do not change; the anchors are origins or first stops of the day).
  let memo = layout.get(f);
  if (!memo) {
    const near = p.techs.length > NEAR_FROM ? nearest(s) : null;
    const hoods = neighbourhoods(s, near);
    memo = { near, hoods, tried: hoods.map(() => null), leftAt: hoods.map(() => -1) };
    layout.set(f, memo);
  }
  const { near, hoods, tried, leftAt } = memo;
  let left = leftJobs(s);
  // A small plan with few jobs left can afford the thorough version: every left job re-inserted, every neighbourhood
  // re-tried with fresh shuffles. Past that, the shortcuts below keep a pass proportional to what changed.
  const lean = near !== null || left.length > LEAN_FROM_LEFT;
  for (const [h, hood] of hoods.entries()) {
    if (s.shouldStop()) return improved;
    // Tried already with these very days and the same jobs left, to no avail: skip it (by work, not by the clock).
    const seen = tried[h];
    if (lean && seen && leftAt[h] === left.length && hood.every((t, k) => s.routes[t].timing === seen[k])) continue;
    tried[h] = hood.map((t) => s.routes[t].timing);
    leftAt[h] = left.length;
    const removed = hood.flatMap((t) => s.routes[t].seq.filter((j) => p.jobs[j].kind === 'pool'));
    if (removed.length === 0 && left.length === 0) continue;
    const base = s.routes.slice();
    let ok = true;
    for (const t of hood) {
      const seq = s.routes[t].seq.filter((j) => p.jobs[j].kind !== 'pool');
      const timing = timeRoute(p, t, seq);
      if (!timing) ok = false;
      else base[t] = { tech: t, seq, timing };
    }
    if (!ok) continue;
    // A left job only comes back into play through a day of this neighbourhood (the others only gain jobs here).
    const hoodSlack = Math.max(...hood.map((t) => routeSlack(p, base[t])));
    const inHood = !lean
      ? left
      : left.filter((j) => p.jobs[j].durationMin <= hoodSlack && hood.some((t) => f.candidates[j].includes(t)));
    const free = [...removed, ...inHood];
    // On a large plan, jobs are re-inserted only into the ruined days and their near neighbours: anything farther was
    // already tried by the single moves, whose days this ruin does not change.
    const reach = near ? new Set(hood.flatMap((t) => [t, ...near[t]])) : null;
    const cands = new Map(free.map((j) => [j, reach ? f.candidates[j].filter((t) => reach.has(t)) : f.candidates[j]]));
    // Heaviest first, and among equals the job with the fewest technicians to choose from.
    const greedy = [...free].sort(
      (a, b) => p.weight[b] - p.weight[a] || f.candidates[a].length - f.candidates[b].length || a - b,
    );
    const orders = [greedy, ...Array.from({ length: shuffles(hoods.length) }, () => shuffle(free, rnd))];
    const costs: InsertionCost[] = ['km', 'finish'];
    const curWeight = placedWeight(s, s.techOf);
    const curKm = totalKm(s.routes);
    for (const [k, order] of orders.entries()) {
      const by = costs[k % 2];
      const routes = base.slice();
      const techOf = s.techOf.slice();
      for (const j of free) techOf[j] = -1;
      for (const j of order) {
        const ins = bestInsertion(p, routes, j, cands.get(j)!, by);
        if (ins) {
          applyInsertion(routes, ins);
          techOf[j] = ins.tech;
        }
      }
      const w = placedWeight(s, techOf);
      const km = totalKm(routes);
      if (w > curWeight + EPS || (w > curWeight - EPS && km < curKm - EPS)) {
        s.routes.splice(0, s.routes.length, ...routes);
        s.techOf.splice(0, s.techOf.length, ...techOf);
        left = leftJobs(s);
        improved = true;
        break;
      }
    }
  }
  return improved;
}
