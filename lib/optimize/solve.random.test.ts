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
    it(`seed ${seed}: every placement is feasible, fixed work stays put, in bounded time, deterministic`, () => {
      // A limit no busy CI machine reaches, so `complete` and the same-answer check cannot flake; the limit itself is
      // tested with a fake clock in solve.test.ts, typical figures come from scripts/bench-optimizer.ts.
      const inp = { ...randomDay(seed), timeLimitMs: 60_000 };
      const t0 = performance.now();
      const res = solve(inp, highs);
      const ms = performance.now() - t0;
      console.info(
        `[optimizer] seed ${seed}: ${res.placed.length} placed, ${res.left.length} left, ${ms.toFixed(0)} ms, complete ${res.complete}`,
      );
      expect(violations(inp, res)).toEqual([]);
      expect(res.complete).toBe(true);
      // ~0.2 s warm on the development machine (first solve ~1.3 s, JIT and WebAssembly warming up).
      expect(ms).toBeLessThan(15_000);
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
