import { describe, expect, it } from 'vitest';
import { toProposal, wallAt } from './proposal';
import type { SolverInput, SolverResult } from './types';

const stats = (jobs: number, km: number, min: number) => ({ jobs, workMin: jobs * 60, travelKm: km, travelMin: min });

describe('a solver result as the dispatcher reads it', () => {
  it('names jobs and technicians, writes wall clock, and totals travel before and after', () => {
    const input: SolverInput = {
      technicians: [
        {
          id: 2,
          name: 'Zoe',
          skills: [],
          teamIds: [],
          origin: null,
          shift: { start: 480, end: 1080 },
          unavailable: [],
        },
        {
          id: 1,
          name: 'Adam',
          skills: [],
          teamIds: [],
          origin: null,
          shift: { start: 480, end: 1080 },
          unavailable: [],
        },
      ],
      jobs: [],
      travel: { roadFactor: 1.3, speedKmh: 30 },
    };
    const result: SolverResult = {
      routes: [
        { technicianId: 2, stops: [], before: stats(1, 10, 26), after: stats(2, 12.5, 33) },
        { technicianId: 1, stops: [], before: stats(2, 20, 52), after: stats(2, 8.25, 21) },
      ],
      placed: [{ jobId: 'a', technicianId: 2, start: 600, end: 690 }],
      retimed: [{ jobId: 'b', technicianId: 1, from: { start: 540, end: 600 }, start: 780, end: 840 }],
      left: [{ jobId: 'c', reason: 'no-skilled-technician', detail: 'Needs Gas' }],
      complete: true,
    };
    const jobs = new Map([
      ['a', { num: 11, customerName: 'Acme', priority: 'high' }],
      ['b', { num: 12, customerName: 'Bolt', priority: 'low' }],
      ['c', { num: 13, customerName: null, priority: 'medium' }],
      ['d', { num: 14, customerName: 'Dune', priority: 'medium' }],
    ]);
    const p = toProposal({
      date: '2026-12-08',
      teamId: null,
      version: 7,
      input,
      result,
      excluded: [{ jobId: 'd', reason: 'preferred-date', detail: 'Prefers 2026-12-10' }],
      jobs,
    });
    expect(p.moves).toEqual([
      {
        jobId: 'b',
        num: 12,
        kind: 'retime',
        technicianId: 1,
        technicianName: 'Adam',
        start: '2026-12-08 13:00',
        end: '2026-12-08 14:00',
        from: { start: '2026-12-08 09:00', end: '2026-12-08 10:00' },
        customerName: 'Bolt',
        priority: 'low',
      },
      {
        jobId: 'a',
        num: 11,
        kind: 'place',
        technicianId: 2,
        technicianName: 'Zoe',
        start: '2026-12-08 10:00',
        end: '2026-12-08 11:30',
        from: null,
        customerName: 'Acme',
        priority: 'high',
      },
    ]);
    expect(p.left.map((l) => [l.num, l.reason])).toEqual([
      [14, 'preferred-date'],
      [13, 'no-skilled-technician'],
    ]);
    expect(p.technicians.map((t) => t.name)).toEqual(['Adam', 'Zoe']);
    expect(p.totals).toEqual({
      placed: 1,
      retimed: 1,
      left: 2,
      kmBefore: 30,
      kmAfter: 20.75,
      travelMinBefore: 78,
      travelMinAfter: 54,
    });
    expect(p.version).toBe(7);
  });

  it('writes minutes past midnight as the next day', () => {
    expect(wallAt('2026-12-31', 1440 + 30)).toBe('2027-01-01 00:30');
  });
});
