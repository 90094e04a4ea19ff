import { describe, expect, it } from 'vitest';
import { mergeMapChanges } from './map-merge';
import type { MapJob, MapSnapshot } from './map-types';

const D = '2026-03-10';
const job = (id: string, p: Partial<MapJob> = {}): MapJob => ({
  id,
  num: 1,
  status: 'scheduled',
  priority: 'medium',
  customer: { id: 1, name: 'C' },
  site: null,
  type: null,
  technicianId: 1,
  otherTechnicianIds: [],
  start: `${D} 09:00`,
  end: `${D} 10:00`,
  skills: [],
  address: null,
  dateCreated: D,
  dateModified: D,
  lat: 41.9,
  lng: -87.7,
  ...p,
});
const snap = (p: Partial<MapSnapshot> = {}): MapSnapshot => ({
  timeZone: 'America/Chicago',
  date: D,
  now: `${D} 10:00:00`,
  teams: [],
  technicians: [],
  jobTypes: [],
  jobs: [],
  unscheduled: [],
  activities: [],
  version: 1,
  syncedAt: 0,
  positionsAt: 0,
  ...p,
});

describe('mergeMapChanges', () => {
  it('moves jobs between the day, the unscheduled list and nowhere', () => {
    const s = snap({
      jobs: [job('a'), job('b')],
      unscheduled: [job('c', { status: 'created', start: null, end: null })],
    });
    const out = mergeMapChanges(s, {
      version: 5,
      now: `${D} 10:00:30`,
      syncedAt: 5,
      positionsAt: 6,
      jobs: [
        job('a', { status: 'created', start: null, end: null, technicianId: null }), // unscheduled
        job('b', { start: `${D} 23:30`, end: '2026-03-11 00:30' }), // still touches the day
        job('c', { status: 'scheduled' }), // scheduled onto the day
        job('d', { start: '2026-03-12 09:00', end: '2026-03-12 10:00' }), // another day: nowhere
        job('e', { deleted: true }),
      ],
    });
    expect(out.jobs.map((j) => j.id).sort()).toEqual(['b', 'c']);
    expect(out.unscheduled.map((j) => j.id)).toEqual(['a']);
    expect(out.version).toBe(5);
    expect(out.positionsAt).toBe(6);
  });
  it('replaces technicians only when the change set carries them', () => {
    const t = { id: 1, name: 'A', login: 'a', teams: [], skills: [], last: null, home: null };
    expect(
      mergeMapChanges(snap({ technicians: [t] }), { version: 2, now: D, jobs: [], syncedAt: 0, positionsAt: 0 })
        .technicians,
    ).toEqual([t]);
    expect(
      mergeMapChanges(snap({ technicians: [t] }), {
        version: 2,
        now: D,
        jobs: [],
        technicians: [],
        syncedAt: 0,
        positionsAt: 0,
      }).technicians,
    ).toEqual([]);
  });
});
