import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { solve, type Highs } from './solve';
import { h, input, job, tech, violations } from './test-fixtures';
import type { SolverInput } from './types';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

function leftOf(inp: SolverInput, id: string) {
  const res = solve(inp, highs);
  expect(violations(inp, res)).toEqual([]);
  return res.left.find((l) => l.jobId === id);
}

describe('why a pool job is left', () => {
  it('no technician has the skill', () => {
    const inp = input([tech(1, { skills: ['Electrical'] })], [job('J1', { skills: ['Gas Safe'] })]);
    expect(leftOf(inp, 'J1')).toEqual({
      jobId: 'J1',
      reason: 'no-skilled-technician',
      detail: 'Needs Gas Safe, which no technician on this plan has',
    });
  });

  it('skills exist, but never together', () => {
    const inp = input(
      [tech(1, { skills: ['Gas Safe'] }), tech(2, { skills: ['Electrical'] })],
      [job('J1', { skills: ['gas safe', 'electrical'] })],
    );
    const left = leftOf(inp, 'J1');
    expect(left?.reason).toBe('no-skilled-technician');
    expect(left?.detail).toBe('Needs gas safe and electrical together, which no technician on this plan has');
  });

  it('the preferred technician is not on the plan', () => {
    const inp = input([tech(1)], [job('J1', { preferredTechnicianId: 9 })]);
    expect(leftOf(inp, 'J1')?.reason).toBe('preferred-technician-unavailable');
  });

  it('the preferred technician lacks the skill', () => {
    const inp = input(
      [tech(1, { skills: ['Gas Safe'] }), tech(2)],
      [job('J1', { skills: ['Gas Safe'], preferredTechnicianId: 2 })],
    );
    expect(leftOf(inp, 'J1')).toMatchObject({
      reason: 'preferred-technician-unavailable',
      detail: 'The preferred technician, Tech 2, lacks Gas Safe',
    });
  });

  it('nobody from the preferred team is working', () => {
    const inp = input([tech(1, { teamIds: [3] })], [job('J1', { preferredTeamId: 4 })]);
    expect(leftOf(inp, 'J1')?.reason).toBe('preferred-team-unavailable');
  });

  it('the window lies outside every qualifying shift', () => {
    const inp = input(
      [tech(1), tech(2, { shift: { start: h(6), end: h(12) } })],
      [job('J1', { startWindow: { earliest: h(18), latest: h(19) } })],
    );
    expect(leftOf(inp, 'J1')).toMatchObject({
      reason: 'window-impossible',
      detail: 'Must start between 18:00 and 19:00, which does not fit the shift of any of the 2 qualifying technicians',
    });
  });

  it('a window that fits a shift end only without the whole job is still impossible', () => {
    const inp = input([tech(1)], [job('J1', { durationMin: 60, startWindow: { earliest: h(16, 30), latest: h(18) } })]);
    expect(leftOf(inp, 'J1')?.reason).toBe('window-impossible');
  });

  it('the job is longer than any available stretch', () => {
    const inp = input([tech(1, { unavailable: [{ start: h(12), end: h(13) }] })], [job('J1', { durationMin: 300 })]);
    expect(leftOf(inp, 'J1')).toMatchObject({
      reason: 'too-long',
      detail: 'Takes 5 h, longer than the longest available stretch (4 h) of Tech 1',
    });
  });

  it('qualifying technicians are fully booked', () => {
    const inp = input(
      [tech(1)],
      [job('L1', { kind: 'locked', technicianId: 1, start: h(8), end: h(17), durationMin: 540 }), job('J1')],
    );
    expect(leftOf(inp, 'J1')).toMatchObject({ reason: 'no-time', detail: 'Tech 1 is fully booked' });
  });

  it('the day fills up with heavier work', () => {
    const inp = input(
      [tech(1, { origin: null }), tech(2, { origin: null })],
      [
        job('A', { durationMin: 540, priority: 'high', position: null }),
        job('B', { durationMin: 540, priority: 'high', position: null }),
        job('C', { durationMin: 60, position: null }),
      ],
    );
    expect(leftOf(inp, 'C')).toMatchObject({
      reason: 'no-time',
      detail: 'All 2 qualifying technicians are fully booked',
    });
  });
});
