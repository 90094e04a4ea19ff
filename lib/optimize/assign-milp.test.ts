import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignMilp } from './assign-milp';
import { feasibility } from './feasibility';
import { buildProblem } from './problem';
import type { Highs } from './solve';
import { h, input, job, north, tech } from './test-fixtures';
import type { SolverInput } from './types';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

function assign(inp: SolverInput) {
  const p = buildProblem(inp);
  const out = assignMilp(p, feasibility(p), highs, 2);
  return (
    out &&
    Object.fromEntries(p.jobs.map((j, k) => [j.id, out.techOf[k] < 0 ? null : inp.technicians[out.techOf[k]].id]))
  );
}

describe('MILP assignment', () => {
  it('assigns each job to the technician nearest to it', () => {
    const inp = input(
      [tech(1, { origin: north(0) }), tech(2, { origin: north(50) })],
      [job('A', { position: north(49) }), job('B', { position: north(1) })],
    );
    expect(assign(inp)).toEqual({ A: 2, B: 1 });
  });

  it('spends a full day on one high rather than three lows (100 > 3 × 1)', () => {
    const inp = input(
      [tech(1, { origin: null, shift: { start: h(8), end: h(10) } })],
      [
        job('L1', { durationMin: 40, position: null }),
        job('L2', { durationMin: 40, position: null }),
        job('L3', { durationMin: 40, position: null }),
        job('H', { durationMin: 120, priority: 'high', position: null }),
      ],
    );
    expect(assign(inp)).toEqual({ L1: null, L2: null, L3: null, H: 1 });
  });

  it('takes ten lows over a medium when the weights say so (10 × 1.0 > 10 and a bit less)', () => {
    const lows = Array.from({ length: 11 }, (_, k) => job(`L${k}`, { durationMin: 10, position: null }));
    const inp = input(
      [tech(1, { origin: null, shift: { start: h(8), end: h(9, 50) } })],
      [...lows, job('M', { durationMin: 110, priority: 'medium', position: null })],
    );
    const out = assign(inp)!;
    expect(out.M).toBeNull();
    expect(Object.values(out).filter((t) => t === 1)).toHaveLength(11);
  });

  it('splits jobs so both fit when only one technician has the skill', () => {
    const shift = { start: h(8), end: h(9, 30) };
    const inp = input(
      [tech(1, { origin: north(0), shift, skills: ['x'] }), tech(2, { origin: north(5), shift })],
      [job('A', { position: north(1) }), job('B', { position: north(1), skills: ['X'] })],
    );
    expect(assign(inp)).toEqual({ A: 2, B: 1 });
  });

  it('leaves every job unassigned when no pair is feasible', () => {
    expect(assign(input([tech(1)], [job('A', { skills: ['Gas'] })]))).toEqual({ A: null });
  });
});
