import { describe, expect, it } from 'vitest';
import type { BoardJob } from './board-types';
import { ageLabel, filterPool, matchesSearch, sortPool } from './unscheduled-pool';

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
describe('pool', () => {
  const pool = [
    job({ id: 'a', num: 101, priority: 'low', dateCreated: '2026-02-01 08:00', skills: ['HVAC'] }),
    job({ id: 'b', num: 102, priority: 'high', dateCreated: '2026-03-02 08:00', type: { id: 3, name: 'Repair' } }),
    job({
      id: 'c',
      num: 203,
      priority: 'high',
      dateCreated: '2026-03-01 08:00',
      customer: { id: 2, name: 'Zed LLC' },
      preferences: { date: '2026-03-10', dateTime: null, isPool: true, windowId: null, teamId: 10, userId: 4 },
    }),
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
});
