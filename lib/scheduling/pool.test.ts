import { describe, expect, it } from 'vitest';
import type { BoardData, BoardJob } from './board-types';
import { ageLabel, endFor, filterPool, inWindow, jobMinutes, matchesSearch, mergeChanges, reconcileBoard, sortPool } from './pool';

function job(p: Partial<BoardJob>): BoardJob {
  return {
    id: 'j', num: 1, status: 'created', priority: 'medium', customer: { id: 1, name: 'Acme Corp' }, site: null, type: null,
    technicianId: null, otherTechnicianIds: [], start: null, end: null, skills: [], address: null,
    dateCreated: '2026-03-01 08:00', dateModified: '2026-03-01 08:00', ...p,
  };
}
const types = [{ id: 3, name: 'Repair', minutes: 90, skills: [] }];

describe('pool', () => {
  const pool = [
    job({ id: 'a', num: 101, priority: 'low', dateCreated: '2026-02-01 08:00', skills: ['HVAC'] }),
    job({ id: 'b', num: 102, priority: 'high', dateCreated: '2026-03-02 08:00', type: { id: 3, name: 'Repair' } }),
    job({ id: 'c', num: 203, priority: 'high', dateCreated: '2026-03-01 08:00', customer: { id: 2, name: 'Zed LLC' },
      preferences: { date: '2026-03-10', dateTime: null, isPool: true, windowId: null, teamId: 10, userId: 4 } }),
  ];

  it('sorts by priority then age', () => {
    expect(sortPool(pool).map((j) => j.id)).toEqual(['c', 'b', 'a']);
  });

  it('searches by num (with or without #) and customer', () => {
    expect(matchesSearch(pool[0], '#101')).toBe(true);
    expect(matchesSearch(pool[0], '10')).toBe(true);
    expect(matchesSearch(pool[2], 'zed')).toBe(true);
    expect(matchesSearch(pool[2], 'acme')).toBe(false);
  });

  it('filters by priority, type, skill and preferences', () => {
    const ids = (f: Parameters<typeof filterPool>[1]) => filterPool(pool, f).map((j) => j.id);
    expect(ids({ priority: 'high' })).toEqual(['b', 'c']);
    expect(ids({ typeId: 3 })).toEqual(['b']);
    expect(ids({ skill: 'hvac' })).toEqual(['a']);
    expect(ids({ prefDate: '2026-03-10' })).toEqual(['c']);
    expect(ids({ prefTeamId: 10 })).toEqual(['c']);
    expect(ids({ prefUserId: 4 })).toEqual(['c']);
    expect(ids({ poolOnly: true })).toEqual(['c']);
    expect(ids({ q: 'acme', priority: 'low' })).toEqual(['a']);
  });

  it('shows age', () => {
    expect(ageLabel('2026-03-01 08:00', '2026-03-04 09:00')).toBe('3 d');
    expect(ageLabel('2026-03-01 08:00', '2026-03-01 13:59')).toBe('5 h');
    expect(ageLabel('2026-03-01 08:00', '2026-03-01 08:12')).toBe('12 min');
  });

  it('takes the job length from the job, else its type, else one hour', () => {
    expect(jobMinutes(job({ start: '2026-03-01 08:00', end: '2026-03-01 10:30' }), types)).toBe(150);
    expect(jobMinutes(job({ type: { id: 3, name: 'Repair' } }), types)).toBe(90);
    expect(jobMinutes(job({}), types)).toBe(60);
    expect(endFor('2026-03-09 23:30', 90)).toBe('2026-03-10 01:00');
  });
});

describe('mergeChanges', () => {
  const base: BoardData = {
    timeZone: 'America/Chicago', from: '2026-03-09', to: '2026-03-16', teams: [], technicians: [], jobTypes: [], windows: [],
    jobs: [job({ id: 's', status: 'scheduled', technicianId: 1, start: '2026-03-09 10:00', end: '2026-03-09 11:00' })],
    pool: [job({ id: 'p', preferences: { date: null, dateTime: null, isPool: true, windowId: null, teamId: null, userId: null } })],
    activities: [], version: 1, syncedAt: 0,
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
    expect(inWindow(job({ start: '2026-03-08 23:00', end: '2026-03-09 00:30' }), '2026-03-09', '2026-03-16')).toBe(true);
    expect(inWindow(job({ start: '2026-03-08 22:00', end: '2026-03-09 00:00' }), '2026-03-09', '2026-03-16')).toBe(false);
  });
});

describe('reconcileBoard', () => {
  const board = (p: Partial<BoardData>): BoardData => ({
    timeZone: 'America/Chicago', from: '2026-03-09', to: '2026-03-16', teams: [{ id: 1, name: 'North' }],
    technicians: [{ id: 7, name: 'Ana', login: 'ana', teams: ['North'], skills: [] }], jobTypes: [], windows: [],
    jobs: [], pool: [], activities: [], version: 3, syncedAt: 0, ...p,
  });
  const at = (id: string, start: string, tech = 7) => job({ id, status: 'scheduled', technicianId: tech, start, end: start.replace(/ \d\d:/, ' 23:') });

  it('takes the whole window but keeps the objects that did not change', () => {
    const a = at('a', '2026-03-10 09:00');
    const b = at('b', '2026-03-11 09:00');
    const p = job({ id: 'p' });
    const current = board({ jobs: [a, b], pool: [p], partial: true });
    // The whole answer: fresh objects (JSON), b moved, c is another team's job.
    const whole = board({ jobs: [structuredClone(a), at('b', '2026-03-12 09:00'), at('c', '2026-03-10 10:00', 9)], pool: [structuredClone(p)], version: 5 });
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
