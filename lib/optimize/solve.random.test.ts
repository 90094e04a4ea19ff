import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { solve, type Highs } from './solve';
import { BASE, h, input, job, prng, tech, violations } from './test-fixtures';
import type { GeoPoint, JobPriority, SolverInput, SolverJob, SolverTechnician } from './types';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const SKILLS = ['Gas Safe', 'Electrical', 'Plumbing', 'HVAC', 'Roofing'];

/** A day for `nTech` technicians over a 40 km square, with locked, movable and `nPool` pool jobs. */
export function randomDay(seed: number, nPool = 40, nTech = 30): SolverInput {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T,>(xs: readonly T[]) => xs[int(0, xs.length - 1)];
  // ~0.36° lat ≈ 40 km; lng scaled for latitude 51.5.
  const point = (): GeoPoint => ({ lat: BASE.lat + rnd() * 0.36, lng: BASE.lng + rnd() * 0.58 });
  const techs: SolverTechnician[] = [];
  const jobs: SolverJob[] = [];
  for (let i = 1; i <= nTech; i++) {
    const start = h(int(7, 9), pick([0, 30]));
    const skills = SKILLS.filter(() => rnd() < 0.45).map((s) => (rnd() < 0.3 ? s.toUpperCase() : s));
    const unavailable = rnd() < 0.4 ? [{ start: h(12), end: h(12, 30) }] : rnd() < 0.2 ? [{ start: h(int(9, 15)), end: h(int(9, 15)) + 90 }] : [];
    techs.push(tech(i, { skills, teamIds: [int(1, 5)], origin: rnd() < 0.05 ? null : point(), shift: { start, end: start + int(8, 9) * 60 }, unavailable }));
    if (rnd() < 0.5) jobs.push(job(`L${i}`, { kind: 'locked', technicianId: i, start: h(10), end: h(11), position: point() }));
    if (rnd() < 0.5) jobs.push(job(`M${i}a`, { kind: 'movable', technicianId: i, start: h(13), end: h(14), position: point() }));
    if (rnd() < 0.3) jobs.push(job(`M${i}b`, { kind: 'movable', technicianId: i, start: h(15), end: h(15, 45), durationMin: 45, position: point() }));
  }
  for (let k = 1; k <= nPool; k++) {
    const earliest = h(int(8, 14), pick([0, 15, 30, 45]));
    jobs.push(
      job(`P${k}`, {
        priority: pick<JobPriority>(['low', 'low', 'medium', 'medium', 'high']),
        ageDays: int(0, 60),
        durationMin: int(2, 12) * 15,
        skills: SKILLS.filter(() => rnd() < 0.2),
        position: rnd() < 0.05 ? null : point(),
        startWindow: rnd() < 0.25 ? { earliest, latest: earliest + int(0, 8) * 15 } : null,
        preferredTechnicianId: rnd() < 0.08 ? int(1, nTech) : null,
        preferredTeamId: rnd() < 0.08 ? int(1, 5) : null,
      }),
    );
  }
  return input(techs, jobs);
}

describe('solve: random 40 pool jobs × 30 technicians', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every placement is feasible, fixed work stays put, well inside the time limit, deterministic`, () => {
      const inp = randomDay(seed);
      const t0 = performance.now();
      const res = solve(inp, highs);
      const ms = performance.now() - t0;
      console.info(`[optimizer] seed ${seed}: ${res.placed.length} placed, ${res.left.length} left, ${ms.toFixed(0)} ms, complete ${res.complete}`);
      expect(violations(inp, res)).toEqual([]);
      expect(res.complete).toBe(true);
      expect(ms).toBeLessThan(inp.timeLimitMs! / 2);
      expect(res.placed.length).toBeGreaterThan(20);
      expect(res.routes).toHaveLength(30);
      // Same input, same answer.
      expect(solve(inp, highs)).toEqual(res);
      // No locked or movable job drops out of its day.
      for (const r of res.routes) expect(r.after.jobs).toBeGreaterThanOrEqual(r.before.jobs);
    });
  }

  it('stays feasible when squeezed (120 pool jobs, 10 technicians)', () => {
    const inp = randomDay(7, 120, 10);
    const res = solve(inp, highs);
    expect(violations(inp, res)).toEqual([]);
    expect(res.left.length).toBeGreaterThan(0);
    expect(res.left.every((l) => l.detail.length > 0)).toBe(true);
  });
});
