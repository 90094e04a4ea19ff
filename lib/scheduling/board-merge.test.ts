import { describe, expect, it } from 'vitest';
import type { BoardData, BoardJob } from './board-types';
import { inWindow, mergeChanges, reconcileBoard } from './board-merge';

function job(p: Partial<BoardJob>): BoardJob {
  return {
    id: 'j',
    num: 1,
    status: 'created',
    priority: 'medium',
    customer: { id: 1, name: 'Acme Corp' },
    site: null,
    type: null,
    technicianId: null,
    otherTechnicianIds: [],
    start: null,
    end: null,
    skills: [],
    address: null,
    dateCreated: '2026-03-01 08:00',
    dateModified: '2026-03-01 08:00',
    ...p,
  };
}
describe('mergeChanges', () => {
  const base: BoardData = {
    timeZone: 'America/Chicago',
    from: '2026-03-09',
    to: '2026-03-16',
    teams: [],
    technicians: [],
    jobTypes: [],
    windows: [],
    jobs: [job({ id: 's', status: 'scheduled', technicianId: 1, start: '2026-03-09 10:00', end: '2026-03-09 11:00' })],
    pool: [
      job({
        id: 'p',
        preferences: { date: null, dateTime: null, isPool: true, windowId: null, teamId: null, userId: null },
      }),
    ],
    activities: [],
    version: 1,
    syncedAt: 0,
  };

  it('moves a pool job onto the board and a board job back to the pool', () => {
    const { data, moved } = mergeChanges(base, [
      job({ id: 'p', status: 'scheduled', technicianId: 2, start: '2026-03-10 09:00', end: '2026-03-10 10:00' }),
      job({ id: 's', status: 'created' }),
    ]);
    expect(data.jobs.map((j) => j.id)).toEqual(['p']);
    expect(data.pool.map((j) => j.id)).toEqual(['s']);
    expect(data.jobs[0].preferences?.isPool).toBe(true);
    expect(moved.map((j) => j.id).sort()).toEqual(['p', 's']);
  });

  it('drops jobs moved out of the window or deleted, adds new ones, ignores no-ops', () => {
    const { data, moved } = mergeChanges(base, [
      job({ id: 's', status: 'scheduled', technicianId: 1, start: '2026-03-20 10:00', end: '2026-03-20 11:00' }),
      job({ id: 'p', deleted: true }),
      job({ id: 'n', status: 'scheduled', technicianId: 3, start: '2026-03-15 23:00', end: '2026-03-16 01:00' }),
    ]);
    expect(data.jobs.map((j) => j.id)).toEqual(['n']);
    expect(data.pool).toEqual([]);
    expect(moved.map((j) => j.id)).toEqual(['s', 'p']);
    expect(mergeChanges(base, [base.jobs[0]]).moved).toEqual([]);
  });

  it('knows the window', () => {
    expect(inWindow(job({ start: '2026-03-08 23:00', end: '2026-03-09 00:30' }), '2026-03-09', '2026-03-16')).toBe(
      true,
    );
    expect(inWindow(job({ start: '2026-03-08 22:00', end: '2026-03-09 00:00' }), '2026-03-09', '2026-03-16')).toBe(
      false,
    );
  });
});

describe('reconcileBoard', () => {
  const board = (p: Partial<BoardData>): BoardData => ({
    timeZone: 'America/Chicago',
    from: '2026-03-09',
    to: '2026-03-16',
    teams: [{ id: 1, name: 'North' }],
    technicians: [{ id: 7, name: 'Ana', login: 'ana', teams: ['North'], skills: [] }],
    jobTypes: [],
    windows: [],
    jobs: [],
    pool: [],
    activities: [],
    version: 3,
    syncedAt: 0,
    ...p,
  });
  const at = (id: string, start: string, tech = 7) =>
    job({ id, status: 'scheduled', technicianId: tech, start, end: start.replace(/ \d\d:/, ' 23:') });

  it('takes the whole window but keeps the objects that did not change', () => {
    const a = at('a', '2026-03-10 09:00');
    const b = at('b', '2026-03-11 09:00');
    const p = job({ id: 'p' });
    const current = board({ jobs: [a, b], pool: [p], partial: true });
    // The whole answer: fresh objects (JSON), b moved, c is another team's job.
    const whole = board({
      jobs: [structuredClone(a), at('b', '2026-03-12 09:00'), at('c', '2026-03-10 10:00', 9)],
      pool: [structuredClone(p)],
      version: 5,
    });
    const r = reconcileBoard(current, whole);
    expect(r.partial).toBeUndefined();
    expect(r.version).toBe(5);
    expect(r.jobs[0]).toBe(a);
    expect(r.jobs[1]).not.toBe(b);
    expect(r.jobs[1].start).toBe('2026-03-12 09:00');
    expect(r.jobs.map((j) => j.id)).toEqual(['a', 'b', 'c']);
    expect(r.pool).toBe(current.pool);
    expect(r.technicians).toBe(current.technicians);
    expect(r.teams).toBe(current.teams);
  });

  it("keeps this board's own moves as the board has them, in the list they belong to", () => {
    // Scheduled here from the pool; the whole answer was cut before the save and still has it in the pool.
    const moved = at('m', '2026-03-10 09:00');
    const current = board({ jobs: [moved], pool: [], partial: true });
    const whole = board({ jobs: [], pool: [job({ id: 'm' })] });
    const r = reconcileBoard(current, whole, (id) => id === 'm');
    expect(r.jobs).toEqual([moved]);
    expect(r.pool).toEqual([]);
  });

  it('takes new reference data when it changed', () => {
    const current = board({ partial: true });
    const whole = board({ technicians: [{ id: 7, name: 'Ana Ruiz', login: 'ana', teams: ['North'], skills: [] }] });
    expect(reconcileBoard(current, whole).technicians[0].name).toBe('Ana Ruiz');
  });
});
