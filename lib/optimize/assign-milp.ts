/**
 * Which technician each pool job should go to, as a MILP solved by HiGHS: binary x[j][t] for feasible pairs, at most
 * one technician per job, and a time budget per technician. Routes are not modelled (that would be a VRP with time
 * windows); travel enters as an estimate per pair, and the route builder and search repair what the estimate gets
 * wrong.
 *
 * Lexicographic, so done in two solves rather than one big-M objective (whose huge coefficients would make HiGHS's
 * relative gap swallow the kilometres): first the best placed weight, then the least estimated travel at that weight.
 *
 * Only a solve HiGHS finishes (Status Optimal) is used. An incumbent cut off by the time limit depends on how fast
 * the machine is, which would make the same input give different plans; the search that follows does not need it.
 */
import type { Feasibility } from './feasibility';
import { originPoint, type Problem } from './problem';
import type { Highs } from './solve';

export interface MilpAssignment {
  /** Per job: technician index, or -1. */
  techOf: number[];
}

/** Nearest known place the technician is anyway (origin, own locked/movable stops); unknown → 0. */
function anchors(p: Problem, t: number): number[] {
  const out: number[] = [];
  if (p.hasPos[originPoint(p, t)]) out.push(originPoint(p, t));
  p.owner.forEach((o, j) => {
    if (o === t && p.hasPos[j]) out.push(j);
  });
  return out;
}

export function estimateLegs(p: Problem, f: Feasibility) {
  const n = p.nPoints;
  const estKm = new Map<string, number>();
  const estMin = new Map<string, number>();
  const anchorsOf = p.techs.map((_, t) => anchors(p, t));
  const jobsOf: number[][] = p.techs.map(() => []);
  f.candidates.forEach((ts, j) => ts.forEach((t) => jobsOf[t].push(j)));
  f.candidates.forEach((ts, j) => {
    for (const t of ts) {
      let km = 0;
      let min = 0;
      if (p.hasPos[j] && anchorsOf[t].length) {
        km = Math.min(...anchorsOf[t].map((a) => p.km[a * n + j]));
        min = Math.min(...anchorsOf[t].map((a) => p.min[a * n + j]));
        // A cluster of jobs far from base only pays the long leg once; charge each the nearer of the two.
        for (const o of jobsOf[t]) if (o !== j && p.hasPos[o]) min = Math.min(min, p.min[o * n + j]);
      }
      estKm.set(`${j}_${t}`, km);
      estMin.set(`${j}_${t}`, min);
    }
  });
  return { estKm, estMin };
}

function capacity(p: Problem, f: Feasibility, t: number): number {
  let free = f.free[t].reduce((s, x) => s + x.end - x.start, 0);
  p.jobs.forEach((job, j) => {
    if (p.owner[j] === t && job.kind === 'movable') free -= job.durationMin;
  });
  return Math.max(0, free);
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(6));

function lpSum(terms: [number, string][]): string {
  const parts = terms.map(([c, v], i) => `${c < 0 ? '-' : i === 0 ? '' : '+'} ${fmt(Math.abs(c))} ${v}`);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '));
  return lines.join('\n   ');
}

export function assignMilp(p: Problem, f: Feasibility, highs: Highs, timeLimitSec: number): MilpAssignment | null {
  const pairs: { j: number; t: number; v: string }[] = [];
  f.candidates.forEach((ts, j) => ts.forEach((t) => pairs.push({ j, t, v: `x${j}_${t}` })));
  if (pairs.length === 0) return { techOf: p.jobs.map(() => -1) };
  const { estKm, estMin } = estimateLegs(p, f);
  // Integer weights (an age day of a low job is 1) keep the LP text exact; the 1e-4 gap may blur age, never priority.
  const W = p.weight.map((w) => Math.round(w * 1000));
  const rows: string[] = [];
  f.candidates.forEach((ts, j) => {
    if (ts.length > 1) rows.push(` j${j}: ${lpSum(ts.map((t) => [1, `x${j}_${t}`]))} <= 1`);
  });
  p.techs.forEach((_, t) => {
    const mine = pairs.filter((x) => x.t === t);
    if (mine.length) {
      rows.push(
        ` c${t}: ${lpSum(mine.map((x) => [p.jobs[x.j].durationMin + estMin.get(`${x.j}_${x.t}`)!, x.v]))} <= ${capacity(p, f, t)}`,
      );
    }
  });
  const binaries = `Binary\n ${pairs.map((x) => x.v).join('\n ')}\nEnd`;
  const half = Math.max(0.05, timeLimitSec / 2);

  const first = highs.solve(
    `Maximize\n obj: ${lpSum(pairs.map((x) => [W[x.j], x.v]))}\nSubject To\n${rows.join('\n')}\n${binaries}`,
    { output_flag: false, time_limit: half, mip_rel_gap: 1e-4 },
  );
  if (first.Status !== 'Optimal' || !hasSolution(first)) return null;
  const best = pairs.reduce((s, x) => s + W[x.j] * (Math.round(primal(first, x.v)) || 0), 0);

  const second = highs.solve(
    `Minimize\n obj: ${lpSum(pairs.map((x) => [estKm.get(`${x.j}_${x.t}`)!, x.v]))}\nSubject To\n${rows.join('\n')}\n` +
      ` w: ${lpSum(pairs.map((x) => [W[x.j], x.v]))} >= ${best}\n${binaries}`,
    { output_flag: false, time_limit: half },
  );
  const chosen = second.Status === 'Optimal' && hasSolution(second) ? second : first;
  const techOf = p.jobs.map(() => -1);
  for (const x of pairs) if (primal(chosen, x.v) > 0.5) techOf[x.j] = x.t;
  return { techOf };
}

type Solution = ReturnType<Highs['solve']>;
function hasSolution(s: Solution): boolean {
  if (s.Status === 'Infeasible' || !s.Columns) return false;
  return Object.keys(s.Columns).some((v) => Number.isFinite(primal(s, v)));
}

function primal(s: Solution, v: string): number {
  const col = s.Columns[v] as { Primal?: number } | undefined;
  return typeof col?.Primal === 'number' ? col.Primal : NaN;
}
