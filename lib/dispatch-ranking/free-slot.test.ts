import { describe, expect, it } from 'vitest';
import { nextFreeSlot, roundUp } from './free-slot';

const D = '2026-03-10';

describe('nextFreeSlot', () => {
  it('starts the working day when free', () => {
    expect(nextFreeSlot(D, 60, [])).toEqual({ start: `${D} 08:00:00`, end: `${D} 09:00:00` });
  });
  it('starts after now on today, on the 15-minute step', () => {
    expect(nextFreeSlot(D, 60, [], { notBefore: `${D} 10:07:30` })).toEqual({
      start: `${D} 10:15:00`,
      end: `${D} 11:15:00`,
    });
    expect(roundUp(`${D} 10:15:00`)).toBe(`${D} 10:15:00`);
    expect(roundUp(`${D} 10:15:01`)).toBe(`${D} 10:30:00`);
  });
  it('fits between busy spans, back to back allowed', () => {
    const busy = [
      { start: `${D} 08:00`, end: `${D} 09:30` },
      { start: `${D} 10:00`, end: `${D} 12:00` },
    ];
    expect(nextFreeSlot(D, 30, busy)).toEqual({ start: `${D} 09:30:00`, end: `${D} 10:00:00` });
    expect(nextFreeSlot(D, 60, busy)).toEqual({ start: `${D} 12:00:00`, end: `${D} 13:00:00` });
  });
  it('handles overlapping and unsorted spans', () => {
    const busy = [
      { start: `${D} 09:00`, end: `${D} 11:00` },
      { start: `${D} 08:00`, end: `${D} 09:30` },
      { start: `${D} 10:30`, end: `${D} 11:40` },
    ];
    expect(nextFreeSlot(D, 60, busy)).toEqual({ start: `${D} 11:45:00`, end: `${D} 12:45:00` });
  });
  it('answers null when nothing fits before the end of the day', () => {
    expect(nextFreeSlot(D, 120, [{ start: `${D} 08:00`, end: `${D} 16:30` }])).toBeNull();
    expect(nextFreeSlot(D, 60, [], { notBefore: `${D} 17:30` })).toBeNull();
  });
});
