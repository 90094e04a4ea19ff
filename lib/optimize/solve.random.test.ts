import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { solve, type Highs } from './solve';
import { randomDay, violations } from './test-fixtures';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe('solve: random 40 pool jobs × 30 technicians', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every placement is feasible, fixed work stays put, inside the time limit, deterministic`, () => {
      const inp = randomDay(seed);
      const t0 = performance.now();
      const res = solve(inp, highs);
      const ms = performance.now() - t0;
      console.info(`[optimizer] seed ${seed}: ${res.placed.length} placed, ${res.left.length} left, ${ms.toFixed(0)} ms, complete ${res.complete}`);
      expect(violations(inp, res)).toEqual([]);
      expect(res.complete).toBe(true);
      // The limit is what the worker relies on; typical figures (well below it) come from scripts/bench-optimizer.ts.
      expect(ms).toBeLessThan(inp.timeLimitMs!);
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
