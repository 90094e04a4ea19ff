import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { solve, type Highs } from './solve';
import { h, input, job, MODEL, north, tech, violations } from './test-fixtures';
import { travelKm } from './travel';
import type { SolverInput, SolverResult } from './types';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

function run(inp: SolverInput): SolverResult {
  const res = solve(inp, highs);
  expect(violations(inp, res)).toEqual([]);
  return res;
}

const techOf = (res: SolverResult, id: string) => res.placed.find((p) => p.jobId === id)?.technicianId;
const order = (res: SolverResult, techId: number) =>
  res.routes.find((r) => r.technicianId === techId)!.stops.map((s) => s.jobId);
const route = (res: SolverResult, techId: number) => res.routes.find((r) => r.technicianId === techId)!;
const km = (a: number, b: number) => Math.round(travelKm(north(a), north(b), MODEL) * 100) / 100;

describe('solve: assignment', () => {
  it('gives each of two technicians at the ends of a line the job near them', () => {
    const inp = input(
      [tech(1, { origin: north(0) }), tech(2, { origin: north(50) })],
      [job('NEAR2', { position: north(48) }), job('NEAR1', { position: north(2) })],
    );
    const res = run(inp);
    expect(techOf(res, 'NEAR1')).toBe(1);
    expect(techOf(res, 'NEAR2')).toBe(2);
    expect(route(res, 1).after.travelKm).toBe(km(0, 2));
    expect(res.complete).toBe(true);
  });

  it('sends a skilled job to the only technician with the skill (case-insensitive), however far', () => {
    const inp = input(
      [tech(1, { origin: north(0), skills: ['Gas Safe'] }), tech(2, { origin: north(30) })],
      [job('GAS', { position: north(30), skills: ['gas safe'] })],
    );
    expect(techOf(run(inp), 'GAS')).toBe(1);
  });

  it('honours a preferred technician and a preferred team over distance', () => {
    const inp = input(
      [
        tech(1, { origin: north(0), teamIds: [7] }),
        tech(2, { origin: north(30) }),
        tech(3, { origin: north(40), teamIds: [8] }),
      ],
      [
        job('PREF', { position: north(1), preferredTechnicianId: 2 }),
        job('TEAM', { position: north(1), preferredTeamId: 8 }),
      ],
    );
    const res = run(inp);
    expect(techOf(res, 'PREF')).toBe(2);
    expect(techOf(res, 'TEAM')).toBe(3);
  });

  it('places both jobs when only a different split than "nearest first" fits both', () => {
    // Each technician has room for one job. A is nearer tech 1, but only tech 1 can do B: A must go to tech 2.
    const shift = { start: h(8), end: h(9, 30) };
    const inp = input(
      [tech(1, { origin: north(0), shift, skills: ['x'] }), tech(2, { origin: north(5), shift })],
      [job('A', { position: north(1) }), job('B', { position: north(1), skills: ['x'] })],
    );
    const res = run(inp);
    expect(res.left).toEqual([]);
    expect(techOf(res, 'A')).toBe(2);
    expect(techOf(res, 'B')).toBe(1);
  });

  it('lets one high job beat three lows for the only slot (100 > 3 × 1)', () => {
    const inp = input(
      [tech(1, { origin: null, shift: { start: h(8), end: h(10) } })],
      [
        job('L1', { durationMin: 40 }),
        job('L2', { durationMin: 40 }),
        job('L3', { durationMin: 40 }),
        job('H', { durationMin: 120, priority: 'high' }),
      ],
    );
    const res = run(inp);
    expect(res.placed.map((p) => p.jobId)).toEqual(['H']);
    expect(res.left.map((l) => l.reason)).toEqual(['no-time', 'no-time', 'no-time']);
  });

  it('prefers the older job among equals, but never over a higher priority', () => {
    const one = { origin: null, shift: { start: h(8), end: h(10) } };
    const aged = run(
      input(
        [tech(1, one)],
        [job('NEW', { ageDays: 3, durationMin: 120 }), job('OLD', { ageDays: 10, durationMin: 120 })],
      ),
    );
    expect(aged.placed.map((p) => p.jobId)).toEqual(['OLD']);
    const prio = run(
      input(
        [tech(1, one)],
        [
          job('ANCIENT-LOW', { ageDays: 400, durationMin: 120 }),
          job('MEDIUM', { priority: 'medium', durationMin: 120 }),
        ],
      ),
    );
    expect(prio.placed.map((p) => p.jobId)).toEqual(['MEDIUM']);
  });

  it('balances load between equal-travel options', () => {
    const here = north(0);
    const inp = input(
      [tech(1, { origin: here }), tech(2, { origin: here })],
      ['A', 'B', 'C', 'D'].map((id) => job(id, { position: here })),
    );
    const res = run(inp);
    expect(res.routes.map((r) => r.after.workMin)).toEqual([120, 120]);
    expect(res.routes.map((r) => r.after.travelKm)).toEqual([0, 0]);
  });
});

describe('solve: timing', () => {
  it('lets windows force an order that costs more kilometres', () => {
    // Without windows NEAR then FAR (1 + 19 km); the windows make it FAR at 09:00, then NEAR at 12:00.
    const inp = input(
      [tech(1)],
      [
        job('NEAR', { position: north(1), startWindow: { earliest: h(12), latest: h(12) } }),
        job('FAR', { position: north(20), startWindow: { earliest: h(9), latest: h(9, 30) } }),
      ],
    );
    const res = run(inp);
    expect(order(res, 1)).toEqual(['FAR', 'NEAR']);
    expect(res.placed.find((p) => p.jobId === 'NEAR')?.start).toBe(h(12));
    expect(res.placed.find((p) => p.jobId === 'FAR')?.start).toBe(h(9));
    expect(route(res, 1).after.travelKm).toBeCloseTo(km(0, 20) + km(20, 1), 1);
  });

  it('starts after an unavailability block, with the travel after it too', () => {
    // Origin 10 km away = 20 min travel: busy until 11:00, on site at 11:20.
    const inp = input(
      [tech(1, { origin: north(0), shift: { start: h(8), end: h(13) }, unavailable: [{ start: h(8), end: h(11) }] })],
      [job('J', { position: north(10) })],
    );
    const res = run(inp);
    expect(res.placed).toEqual([{ jobId: 'J', technicianId: 1, start: h(11, 20), end: h(12, 20) }]);
  });

  it('keeps a locked job in place and routes around it, paying the travel it forces', () => {
    // P (near base) cannot go first: 8:05–9:05 then 39 min to L misses 9:00. So L, then back to P at 10:40.
    const inp = input(
      [tech(1, { origin: north(0) })],
      [
        job('L', { kind: 'locked', technicianId: 1, start: h(9), end: h(10), position: north(20) }),
        job('P', { position: north(0.5) }),
      ],
    );
    const res = run(inp);
    expect(order(res, 1)).toEqual(['L', 'P']);
    expect(route(res, 1).stops[0]).toMatchObject({
      jobId: 'L',
      start: h(9),
      end: h(10),
      travelKm: km(0, 20),
      travelMin: 40,
    });
    expect(res.placed).toEqual([{ jobId: 'P', technicianId: 1, start: h(10, 40), end: h(11, 40) }]);
    expect(route(res, 1).before).toEqual({ jobs: 1, workMin: 60, travelKm: km(0, 20), travelMin: 40 });
    expect(route(res, 1).after).toMatchObject({ jobs: 2, workMin: 120 });
  });

  it('re-orders movable jobs to cut travel, but never hands them to a nearer technician', () => {
    const inp = input(
      [tech(1, { origin: north(0) }), tech(2, { origin: north(20) })],
      [
        job('M-FAR', { kind: 'movable', technicianId: 1, start: h(9), end: h(10), position: north(20) }),
        job('M-NEAR', { kind: 'movable', technicianId: 1, start: h(11), end: h(12), position: north(1) }),
      ],
    );
    const res = run(inp);
    expect(order(res, 1)).toEqual(['M-NEAR', 'M-FAR']);
    expect(order(res, 2)).toEqual([]);
    // M-NEAR keeps its 11:00; M-FAR follows it instead of preceding it.
    expect(res.retimed).toEqual([
      { jobId: 'M-FAR', technicianId: 1, from: { start: h(9), end: h(10) }, start: h(12, 40), end: h(13, 40) },
    ]);
    expect(route(res, 1).before.travelKm).toBe(
      Math.round((travelKm(north(0), north(20), MODEL) + travelKm(north(20), north(1), MODEL)) * 100) / 100,
    );
    expect(route(res, 1).after.travelKm).toBeCloseTo(km(0, 1) + km(1, 20), 1);
  });

  it('leaves a movable job at its time when nothing is gained by moving it', () => {
    const inp = input(
      [tech(1)],
      [job('M', { kind: 'movable', technicianId: 1, start: h(14), end: h(15), position: north(3) })],
    );
    const res = run(inp);
    expect(res.retimed).toEqual([]);
    expect(route(res, 1).stops[0]).toMatchObject({ jobId: 'M', start: h(14), end: h(15) });
  });

  it('keeps movable jobs at their current times when their day cannot be re-timed consistently', () => {
    // 40 min apart by road, booked back to back at fixed meeting times: no timing fits, so they stay as they are,
    // and a pool job still finds room around them.
    const inp = input(
      [tech(1)],
      [
        job('M1', {
          kind: 'movable',
          technicianId: 1,
          start: h(9),
          end: h(10),
          position: north(0),
          startWindow: { earliest: h(9), latest: h(9) },
        }),
        job('M2', {
          kind: 'movable',
          technicianId: 1,
          start: h(10),
          end: h(11),
          position: north(20),
          startWindow: { earliest: h(10), latest: h(10) },
        }),
        job('P', { position: north(20) }),
      ],
    );
    const res = solve(inp, highs);
    expect(res.retimed).toEqual([]);
    expect(order(res, 1)).toEqual(['M1', 'M2', 'P']);
    expect(res.placed).toEqual([{ jobId: 'P', technicianId: 1, start: h(11), end: h(12) }]);
  });

  it('places start times on the step', () => {
    const inp = input(
      [tech(1, { origin: north(0), shift: { start: h(8, 3), end: h(17) } })],
      [job('J', { position: north(0.2) })],
      { stepMin: 15 },
    );
    expect(run(inp).placed[0].start).toBe(h(8, 15));
  });
});

describe('solve: edges', () => {
  it('answers an empty plan', () => {
    expect(run(input([], []))).toEqual({ routes: [], placed: [], retimed: [], left: [], complete: true });
    const noTechs = run(input([], [job('A')]));
    expect(noTechs.left).toEqual([
      { jobId: 'A', reason: 'no-skilled-technician', detail: 'No technician is working on this plan' },
    ]);
  });

  it('puts a job without a position after the positioned ones, at no travel', () => {
    const inp = input(
      [tech(1)],
      [job('NOWHERE', { position: null }), job('A', { position: north(2) }), job('B', { position: north(4) })],
    );
    const res = run(inp);
    expect(order(res, 1)).toEqual(['A', 'B', 'NOWHERE']);
    expect(route(res, 1).stops[2].travelKm).toBe(0);
    expect(route(res, 1).after.travelKm).toBe(km(0, 4));
  });
});

describe('solve: control', () => {
  it('reports progress in order and is complete when it finishes', () => {
    const seen: [number, string][] = [];
    const res = solve(input([tech(1)], [job('J')]), highs, { onProgress: (f, s) => seen.push([f, s]) });
    expect(res.complete).toBe(true);
    expect(seen.map(([, s]) => s)).toEqual(['feasibility', 'assignment', 'routes', 'local search', 'balance', 'done']);
    expect(seen.map(([f]) => f)).toEqual([...seen.map(([f]) => f)].sort((a, b) => a - b));
  });

  it('returns a feasible, incomplete answer when stopped', () => {
    const inp = input([tech(1), tech(2)], [job('A'), job('B', { position: north(3) })]);
    const res = solve(inp, highs, { shouldStop: () => true });
    expect(res.complete).toBe(false);
    expect(violations(inp, res)).toEqual([]);
  });

  it('stops at the time limit on its own clock', () => {
    let t = 0;
    const inp = input([tech(1)], [job('A')], { timeLimitMs: 10 });
    const res = solve(inp, highs, { now: () => (t += 100) });
    expect(res.complete).toBe(false);
    expect(violations(inp, res)).toEqual([]);
  });
});
