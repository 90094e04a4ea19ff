import { describe, expect, it } from 'vitest';
import { MODEL, north } from './test-fixtures';
import { travelKm, travelMinutes } from './travel';

describe('travel model', () => {
  it('is the straight line times the road factor, at the model speed, in whole minutes', () => {
    // 10 km straight × 1.3 = 13 km; at 39 km/h that is exactly 20 minutes.
    expect(travelKm(north(0), north(10), MODEL)).toBeCloseTo(13, 6);
    expect(travelMinutes(north(0), north(10), MODEL)).toBe(20);
  });

  it('rounds minutes up, so a plan built on them is never late', () => {
    // 10.1 km × 1.3 = 13.13 km → 20.2 min → 21.
    expect(travelMinutes(north(0), north(10.1), MODEL)).toBe(21);
    expect(travelMinutes(north(0), north(0.01), MODEL)).toBe(1);
  });

  it('counts an unknown position as no travel', () => {
    expect(travelKm(null, north(10), MODEL)).toBe(0);
    expect(travelMinutes(north(10), null, MODEL)).toBe(0);
    expect(travelMinutes(north(3), north(3), MODEL)).toBe(0);
  });
});
