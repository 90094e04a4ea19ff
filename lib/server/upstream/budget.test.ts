import { describe, expect, it } from 'vitest';
import { EMPTY_BUDGET, exhaust, observe, reserve, roll, type Budget } from './budget';

const T = 1_700_000_000_000; // epoch ms
const S = T / 1000;
const known: Budget = {
  limit: 120,
  remaining: 2,
  reset: S + 30,
  quotaLimit: 10_000,
  quotaRemaining: 500,
  quotaDay: Math.floor(T / 86_400_000),
};

describe('budget rules', () => {
  it('never blocks before anything is known', () => {
    const r = reserve(EMPTY_BUDGET, T);
    expect(r.ok).toBe(true);
  });

  it('spends the minute window and the quota, then waits until Reset', () => {
    let b = known;
    for (let i = 0; i < 2; i++) {
      const r = reserve(b, T);
      expect(r.ok).toBe(true);
      b = r.budget;
    }
    expect(b).toMatchObject({ remaining: 0, quotaRemaining: 498 });
    const r = reserve(b, T);
    expect(r).toMatchObject({ ok: false, reason: 'minute', untilMs: (S + 30) * 1000 });
    // After Reset the allowance is back.
    expect(reserve(b, (S + 30) * 1000).ok).toBe(true);
  });

  it('refuses for the day when the quota is spent, until UTC midnight', () => {
    const r = reserve({ ...known, quotaRemaining: 0 }, T);
    expect(r).toMatchObject({ ok: false, reason: 'day' });
    if (!r.ok) expect(r.untilMs % 86_400_000).toBe(0);
    expect(roll({ ...known, quotaRemaining: 0 }, T + 86_400_000).quotaRemaining).toBe(10_000);
  });

  it('reads a Limit of 0 as unlimited', () => {
    const b = observe(EMPTY_BUDGET, { limit: 0, remaining: 0, reset: S + 10, quotaLimit: 0, quotaRemaining: 0 }, T);
    expect(b).toMatchObject({ limit: 0, remaining: null, quotaRemaining: null });
    expect(reserve(b, T).ok).toBe(true);
  });

  it('keeps the lower Remaining within a window, adopts a newer window, ignores stale ones', () => {
    expect(observe(known, { remaining: 50, reset: S + 30 }, T).remaining).toBe(2);
    expect(observe(known, { remaining: 119, reset: S + 90 }, T)).toMatchObject({ remaining: 119, reset: S + 90 });
    expect(observe(known, { remaining: 100, reset: S + 10 }, T).remaining).toBe(2);
    expect(observe(known, { remaining: 100, reset: S - 1 }, T).remaining).toBe(2);
  });

  it('exhaust makes everyone wait for the Reset of a 429', () => {
    const b = exhaust(known, S + 45, T);
    expect(reserve(b, T)).toMatchObject({ ok: false, untilMs: (S + 45) * 1000 });
  });
});
