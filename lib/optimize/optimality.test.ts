import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProblem, jobWeight } from './problem';
import { timeRoute } from './routes';
import { solve, type Highs } from './solve';
import { BASE, h, input, job, prng, tech, violations } from './test-fixtures';
import type { JobPriority, SolverInput } from './types';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** Every order of every subset on every technician: the true best (weight, then km) of a tiny day. */
function bruteForce(inp: SolverInput) {
  const p = buildProblem(inp);
  const T = inp.technicians.length;
  const seqs: number[][] = inp.technicians.map((_, t) =>
    p.jobs
      .map((_, j) => j)
      .filter((j) => p.owner[j] === t)
      .sort((a, b) => p.jobs[a].start! - p.jobs[b].start!),
  );
  const pool = p.jobs.map((_, j) => j).filter((j) => p.jobs[j].kind === 'pool');
  let best = { weight: -1, km: Infinity };
  const visit = (k: number, weight: number) => {
    if (k === pool.length) {
      let km = 0;
      for (let t = 0; t < T; t++) {
        const timing = timeRoute(p, t, seqs[t]);
        if (!timing) return;
        km += timing.km;
      }
      if (weight > best.weight + 1e-9 || (weight > best.weight - 1e-9 && km < best.km - 1e-9)) best = { weight, km };
      return;
    }
    const j = pool[k];
    visit(k + 1, weight);
    const job = p.jobs[j];
    for (let t = 0; t < T; t++) {
      const tt = inp.technicians[t];
      const skilled = job.skills.every((s) => tt.skills.map((x) => x.toLowerCase()).includes(s.toLowerCase()));
      if (!skilled || (job.preferredTechnicianId != null && job.preferredTechnicianId !== tt.id)) continue;
      for (let i = 0; i <= seqs[t].length; i++) {
        const saved = seqs[t];
        seqs[t] = [...saved.slice(0, i), j, ...saved.slice(i)];
        // Prune: a day that does not fit cannot be fixed by adding more work to it.
        if (timeRoute(p, t, seqs[t])) visit(k + 1, weight + jobWeight(job));
        seqs[t] = saved;
      }
    }
  };
  visit(0, 0);
  return best;
}

function tinyDay(seed: number): SolverInput {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const point = () => ({ lat: BASE.lat + rnd() * 0.2, lng: BASE.lng + rnd() * 0.3 });
  const techs = [1, 2].map((id) =>
    tech(id, {
      origin: point(),
      skills: rnd() < 0.5 ? ['Gas'] : [],
      shift: { start: h(8), end: h(int(11, 13)) },
      unavailable: rnd() < 0.4 ? [{ start: h(10), end: h(10, 30) }] : [],
    }),
  );
  const jobs = [
    job('L', { kind: 'locked', technicianId: 1, start: h(9), end: h(9, 30), durationMin: 30, position: point() }),
  ];
  for (let k = 1; k <= 6; k++) {
    const earliest = h(int(8, 11));
    jobs.push(
      job(`P${k}`, {
        priority: (['low', 'medium', 'high'] as JobPriority[])[int(0, 2)],
        ageDays: int(0, 20),
        durationMin: int(2, 6) * 15,
        skills: rnd() < 0.2 ? ['gas'] : [],
        position: point(),
        startWindow: rnd() < 0.3 ? { earliest, latest: earliest + 60 } : null,
        preferredTechnicianId: rnd() < 0.1 ? 2 : null,
      }),
    );
  }
  return input(techs, jobs);
}

describe('solve: tiny days against exhaustive search', () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`seed ${seed}: places the best weight, at the least kilometres`, () => {
      const inp = tinyDay(seed);
      const res = solve(inp, highs);
      expect(violations(inp, res)).toEqual([]);
      const best = bruteForce(inp);
      const byId = new Map(inp.jobs.map((j) => [j.id, j]));
      const weight = res.placed.reduce((s, x) => s + jobWeight(byId.get(x.jobId)!), 0);
      const km = buildKm(inp, res);
      expect(weight).toBeCloseTo(best.weight, 9);
      expect(km).toBeCloseTo(best.km, 6);
    });
  }
});

/** Kilometres of the proposal, re-timed by the solver's own day model (the brute force uses the same). */
function buildKm(inp: SolverInput, res: ReturnType<typeof solve>) {
  const p = buildProblem(inp);
  const index = new Map(p.jobs.map((j, k) => [j.id, k]));
  return res.routes.reduce(
    (s, r, t) =>
      s +
      timeRoute(
        p,
        t,
        r.stops.map((x) => index.get(x.jobId)!),
      )!.km,
    0,
  );
}
