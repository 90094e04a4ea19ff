import { describe, expect, it } from 'vitest';
import type { MapJob, MapTechnician } from '../geo/map-types';
import { buildPlanInput, minuteOfDay, type PlanSnapshot } from './plan-input';

const travel = { roadFactor: 1.3, speedKmh: 30 };
const tech = (id: number, teams: string[], extra: Partial<MapTechnician> = {}): MapTechnician => ({
  id,
  name: `Tech ${id}`,
  login: `t${id}`,
  teams,
  skills: ['Gas'],
  last: null,
  home: { lat: 41.9, lng: -87.6, address: null },
  ...extra,
});
const job = (id: string, extra: Partial<MapJob> = {}): MapJob => ({
  id,
  num: Number(id.replace(/\D/g, '')) || 1,
  status: 'scheduled',
  priority: 'medium',
  customer: { id: 1, name: 'Acme' },
  site: null,
  type: { id: 1, name: 'Repair' },
  technicianId: 1,
  otherTechnicianIds: [],
  start: '2026-12-08 10:00',
  end: '2026-12-08 11:00',
  skills: [],
  address: null,
  dateCreated: '2026-12-01 09:00:00',
  dateModified: '2026-12-01 09:00:00',
  lat: 41.95,
  lng: -87.65,
  ...extra,
});

function snapshot(extra: Partial<PlanSnapshot> = {}): PlanSnapshot {
  return {
    date: '2026-12-08',
    now: '2026-12-07 15:00:00',
    teams: [
      { id: 10, name: 'North' },
      { id: 20, name: 'South' },
    ],
    technicians: [tech(1, ['North']), tech(2, ['South'])],
    jobTypes: [{ id: 1, name: 'Repair', minutes: 90, skills: [] }],
    windows: [{ id: 5, name: 'Morning', startTime: '08:00', endTime: '12:00' }],
    jobs: [],
    pool: [],
    activities: [],
    ...extra,
  };
}

describe('the optimizer input from the board and map data', () => {
  it('reads wall clock as minutes of the planned day, clipped to it', () => {
    expect(minuteOfDay('2026-12-08 10:30', '2026-12-08')).toBe(630);
    expect(minuteOfDay('2026-12-07 23:00:00', '2026-12-08')).toBe(0);
    expect(minuteOfDay('2026-12-09 01:00', '2026-12-08')).toBe(1440);
  });

  it('refuses a past day, and starts today at now rounded up to the step', () => {
    expect(() =>
      buildPlanInput(snapshot({ now: '2026-12-09 08:00:00' }), { teamId: null, pinned: new Set(), travel }),
    ).toThrow(/past day/);
    const today = buildPlanInput(snapshot({ now: '2026-12-08 09:02:00' }), { teamId: null, pinned: new Set(), travel });
    expect(today.today).toBe(true);
    expect(today.input.technicians[0]!.shift).toEqual({ start: 545, end: 1080 });
    const tomorrow = buildPlanInput(snapshot(), { teamId: null, pinned: new Set(), travel });
    expect(tomorrow.input.technicians[0]!.shift).toEqual({ start: 480, end: 1080 });
  });

  it('locks confirmed, started, pinned, shared and already-due jobs; a plain scheduled job is movable on its technician', () => {
    const jobs = [
      job('j1'),
      job('j2', { status: 'synchronized' }),
      job('j3', { status: 'started' }),
      job('j4'),
      job('j5', { otherTechnicianIds: [2] }),
      job('j6', { status: 'cancelled' }),
      job('j7', { start: '2026-12-08 07:00', end: '2026-12-08 08:30' }),
    ];
    const p = buildPlanInput(snapshot({ jobs }), { teamId: null, pinned: new Set(['j4']), travel });
    const kind = Object.fromEntries(p.input.jobs.map((j) => [j.id, j.kind]));
    expect(kind).toEqual({ j1: 'movable', j2: 'locked', j3: 'locked', j4: 'locked', j5: 'locked', j7: 'locked' });
    const j1 = p.input.jobs.find((j) => j.id === 'j1')!;
    expect(j1).toMatchObject({ technicianId: 1, start: 600, end: 660, durationMin: 60 });
    // The helper on a shared job has that time taken.
    expect(p.input.technicians.find((t) => t.id === 2)!.unavailable).toEqual([{ start: 600, end: 660 }]);
  });

  it('keeps every scheduled job in place when only pool jobs are to be placed', () => {
    const p = buildPlanInput(
      snapshot({ jobs: [job('j1'), job('j2', { start: '2026-12-08 12:00', end: '2026-12-08 13:00' })] }),
      { teamId: null, pinned: new Set(), keepScheduled: true, travel },
    );
    expect(p.input.jobs.map((j) => j.kind)).toEqual(['locked', 'locked']);
  });

  it('turns pool preferences into constraints, and leaves out a job that prefers another day', () => {
    const pool = [
      job('p1', {
        status: 'created',
        technicianId: null,
        start: null,
        end: null,
        preferences: { date: null, dateTime: null, isPool: true, windowId: 5, teamId: 20, userId: null },
      }),
      job('p2', {
        status: 'created',
        technicianId: null,
        start: null,
        end: null,
        preferences: {
          date: null,
          dateTime: '2026-12-08 14:30:00',
          isPool: true,
          windowId: null,
          teamId: null,
          userId: 2,
        },
      }),
      job('p3', {
        status: 'created',
        technicianId: null,
        start: null,
        end: null,
        preferences: { date: '2026-12-10', dateTime: null, isPool: true, windowId: null, teamId: null, userId: null },
      }),
      job('p4', {
        status: 'created',
        technicianId: null,
        start: null,
        end: null,
        priority: 'high',
        lat: null,
        lng: null,
        type: null,
      }),
    ];
    const p = buildPlanInput(snapshot({ pool }), { teamId: null, pinned: new Set(), travel });
    const byId = Object.fromEntries(p.input.jobs.map((j) => [j.id, j]));
    expect(byId.p1).toMatchObject({
      kind: 'pool',
      startWindow: { earliest: 480, latest: 720 },
      preferredTeamId: 20,
      durationMin: 90,
      ageDays: 6,
    });
    expect(byId.p2).toMatchObject({ startWindow: { earliest: 870, latest: 870 }, preferredTechnicianId: 2 });
    expect(byId.p3).toBeUndefined();
    expect(p.excluded).toEqual([{ jobId: 'p3', reason: 'preferred-date', detail: 'Prefers 2026-12-10' }]);
    expect(byId.p4).toMatchObject({ position: null, durationMin: 60, priority: 'high' });
  });

  it('plans one team: its technicians, and only pool jobs that team may take', () => {
    const pool = [
      job('p1', {
        status: 'created',
        technicianId: null,
        start: null,
        end: null,
        preferences: { date: null, dateTime: null, isPool: true, windowId: null, teamId: 20, userId: null },
      }),
      job('p2', { status: 'created', technicianId: null, start: null, end: null }),
    ];
    const p = buildPlanInput(snapshot({ pool, jobs: [job('j1', { technicianId: 2 })] }), {
      teamId: 10,
      pinned: new Set(),
      travel,
    });
    expect(p.input.technicians.map((t) => t.id)).toEqual([1]);
    expect(p.input.jobs.map((j) => j.id)).toEqual(['p2']);
    expect(p.excluded).toEqual([{ jobId: 'p1', reason: 'other-team', detail: 'Meant for team South' }]);
  });

  it('starts a technician from a fresh live position today, else from the start location; unavailability of the person or the team', () => {
    const technicians = [
      tech(1, ['North'], { last: { lat: 42, lng: -88, at: '2026-12-08 08:55' } }),
      tech(2, ['South'], { last: { lat: 42, lng: -88, at: '2026-12-08 06:00' } }),
    ];
    const activities = [
      {
        id: 1,
        userId: 1,
        teamId: null,
        category: 'unavail' as const,
        name: 'Dentist',
        start: '2026-12-08 12:00',
        end: '2026-12-08 13:00',
      },
      {
        id: 2,
        userId: null,
        teamId: 20,
        category: 'unavail' as const,
        name: 'Training',
        start: '2026-12-08 08:00',
        end: '2026-12-08 09:30',
      },
      {
        id: 3,
        userId: 1,
        teamId: null,
        category: 'travel' as const,
        name: 'Drive',
        start: '2026-12-08 14:00',
        end: '2026-12-08 15:00',
      },
    ];
    const p = buildPlanInput(snapshot({ now: '2026-12-08 09:00:00', technicians, activities }), {
      teamId: null,
      pinned: new Set(),
      travel,
    });
    expect(p.input.technicians[0]).toMatchObject({
      origin: { lat: 42, lng: -88 },
      unavailable: [{ start: 720, end: 780 }],
    });
    expect(p.input.technicians[1]).toMatchObject({
      origin: { lat: 41.9, lng: -87.6 },
      unavailable: [{ start: 480, end: 570 }],
    });
  });
});
