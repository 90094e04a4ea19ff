import { describe, expect, it } from 'vitest';
import { ACTIVE_WINDOW_MS, BASE_INTERVAL_MS, IDLE_FACTOR, backfillPace, plan, type PlannerInput } from './planner';

// 20:00 UTC: four hours left in the day.
const NOON = Date.UTC(2026, 11, 5, 20, 0, 0);
const base: PlannerInput = {
  nowMs: NOON,
  lastActivityMs: NOON - 1000,
  syncCallsToday: 0,
  dailyQuota: 10_000,
  syncShare: 0.6,
  callsPerRead: {},
};

describe('sync planner', () => {
  it('polls at the base pace while people look, and six times slower when nobody has for five minutes', () => {
    const active = plan(base);
    expect(active.active).toBe(true);
    expect(active.intervalMs.jobs).toBe(BASE_INTERVAL_MS.jobs);
    const idle = plan({ ...base, lastActivityMs: NOON - ACTIVE_WINDOW_MS - 1 });
    expect(idle.active).toBe(false);
    expect(idle.intervalMs.jobs).toBe(BASE_INTERVAL_MS.jobs * IDLE_FACTOR);
    expect(idle.projectedCalls).toBeLessThan(active.projectedCalls);
  });

  it('allows sync its share of the daily quota and projects the day at the current pace', () => {
    const p = plan(base);
    expect(p.allowance).toBe(6000);
    // Four hours left at the active pace, one call a read: 4 + 1 + 0.33 + 0.1 + 0.2 + 0.03 ≈ 5.7 calls a minute.
    expect(p.stretch).toBe(1);
    expect(p.projectedCalls).toBeGreaterThan(1300);
    expect(p.projectedCalls).toBeLessThan(1400);
  });

  it('stretches every interval by the same factor when the day would pass the allowance', () => {
    const busy = plan({ ...base, syncCallsToday: 5000 });
    expect(busy.stretch).toBeGreaterThan(1);
    expect(busy.intervalMs.jobs / BASE_INTERVAL_MS.jobs).toBeCloseTo(
      busy.intervalMs.positions / BASE_INTERVAL_MS.positions,
      6,
    );
    // The stretched pace lands the day on the allowance, not past it.
    expect(busy.projectedCalls).toBeLessThanOrEqual(busy.allowance + 1);
  });

  it('counts a read by its pages (300 technicians: 3 calls a position read)', () => {
    const one = plan(base);
    const three = plan({ ...base, callsPerRead: { positions: 3 } });
    expect(three.intervalMs.positions).toBe(BASE_INTERVAL_MS.positions);
    expect(three.projectedCalls).toBeGreaterThan(one.projectedCalls);
  });

  it('stops sync for the rest of the UTC day once its allowance is spent', () => {
    const spent = plan({ ...base, syncCallsToday: 6000 });
    expect(spent.exhausted).toBe(true);
    expect(spent.intervalMs.jobs).toBe(Infinity);
  });

  it('assumes the documented quota when the API has not told it yet, and honours a smaller share', () => {
    expect(plan({ ...base, dailyQuota: null }).allowance).toBe(6000);
    expect(plan({ ...base, syncShare: 0.3 }).allowance).toBe(3000);
  });

  it('backfills at full pace only while nobody waits and the minute budget is mostly free', () => {
    expect(backfillPace({ active: false, minuteLimit: 120, minuteRemaining: 110 })).toBe(90);
    expect(backfillPace({ active: true, minuteLimit: 120, minuteRemaining: 110 })).toBe(30);
    expect(backfillPace({ active: false, minuteLimit: 120, minuteRemaining: 20 })).toBe(30);
    expect(backfillPace({ active: false, minuteLimit: null, minuteRemaining: null })).toBe(90);
  });
});

describe('sync planner: the day ahead', () => {
  it('projects the active pace for a working day at most, the idle pace after it (07:00 UTC is no 17-hour shift)', () => {
    const morning = Date.UTC(2026, 11, 7, 7, 0, 0);
    // The large seed's reads: a position read is 3 pages, customers/sites/equipment 3.6, reference 13.
    const large = {
      ...base,
      nowMs: morning,
      lastActivityMs: morning - 1000,
      callsPerRead: { jobs: 1, positions: 3, records: 3.6, billing: 6, activities: 2, reference: 13 },
    };
    const p = plan(large);
    expect(p.stretch).toBe(1);
    expect(p.intervalMs.jobs).toBe(BASE_INTERVAL_MS.jobs);
    expect(p.projectedCalls).toBeLessThanOrEqual(p.allowance);
    // Nobody looking: the idle pace all day.
    expect(plan({ ...large, lastActivityMs: 0 }).intervalMs.jobs).toBe(BASE_INTERVAL_MS.jobs * IDLE_FACTOR);
    // Half the allowance spent by 07:00: the rest of the day is stretched to land on it.
    const spent = plan({ ...large, syncCallsToday: 3500 });
    expect(spent.stretch).toBeGreaterThan(1);
    expect(spent.projectedCalls).toBeLessThanOrEqual(spent.allowance + 1);
  });
});
