import { describe, expect, it } from 'vitest';
import { freshness, lastSeenLabel, positionAgeMinutes, STALE_AFTER_MINUTES, updatedLabel } from './staleness';
import { initials, routeAhead, technicianDay } from './technician-state';
import { haversineKm } from './distance';
import type { MapJob } from './map-types';

const NOW = '2026-03-10 10:00:00';

describe('staleness', () => {
  it('measures the age of a fix in wall-clock minutes, any reference spelling', () => {
    expect(positionAgeMinutes('2026-03-10 09:48', NOW)).toBe(12);
    expect(positionAgeMinutes('10/03/2026 08:25:00', NOW)).toBe(95);
    expect(positionAgeMinutes(null, NOW)).toBeNull();
    // A fix a little ahead of our clock is skew, not a negative age.
    expect(positionAgeMinutes('2026-03-10 10:01', NOW)).toBe(0);
  });
  it('is stale only past 30 minutes', () => {
    expect(STALE_AFTER_MINUTES).toBe(30);
    expect(freshness('2026-03-10 09:30', NOW)).toBe('fresh');
    expect(freshness('2026-03-10 09:29', NOW)).toBe('stale');
    expect(freshness(undefined, NOW)).toBe('none');
  });
  it('labels the last-seen age', () => {
    expect(lastSeenLabel('2026-03-10 10:00:00', NOW)).toBe('just now');
    expect(lastSeenLabel('2026-03-10 09:48', NOW)).toBe('12 min ago');
    expect(lastSeenLabel('2026-03-10 08:25', NOW)).toBe('1 h 35 min ago');
    expect(lastSeenLabel('2026-03-10 08:00', NOW)).toBe('2 h ago');
    expect(lastSeenLabel('2026-03-07 18:00', NOW)).toBe('2 d ago');
    expect(lastSeenLabel(null, NOW)).toBe('never');
    expect(updatedLabel(1000, 13_400)).toBe('updated 12 s ago');
    expect(updatedLabel(0, 125_000)).toBe('updated 2 min ago');
  });
});

function job(p: Partial<MapJob> & { id: string; start: string; end: string }): MapJob {
  return {
    num: Number(p.id.replace(/\D/g, '')) || 1,
    status: 'scheduled',
    priority: 'medium',
    customer: { id: 1, name: 'C' },
    site: null,
    type: null,
    technicianId: 7,
    otherTechnicianIds: [],
    skills: [],
    address: null,
    dateCreated: '2026-03-01 09:00',
    dateModified: '2026-03-01 09:00',
    lat: 41.9,
    lng: -87.7,
    ...p,
  };
}

describe('technicianDay', () => {
  const fresh = { id: 7, last: { lat: 41.9, lng: -87.7, at: '2026-03-10 09:55' } };
  it('is on a job while one is started', () => {
    const d = technicianDay(
      fresh,
      [
        job({ id: 'a', start: '2026-03-10 09:00', end: '2026-03-10 10:30', status: 'started' }),
        job({ id: 'b', start: '2026-03-10 13:00', end: '2026-03-10 14:00' }),
      ],
      NOW,
    );
    expect(d.state).toBe('on-job');
    expect(d.current?.id).toBe('a');
    expect(d.next?.id).toBe('b');
  });
  it('is between jobs with work left, idle without', () => {
    const done = job({ id: 'a', start: '2026-03-10 08:00', end: '2026-03-10 09:00', status: 'completed' });
    expect(
      technicianDay(fresh, [done, job({ id: 'b', start: '2026-03-10 11:00', end: '2026-03-10 12:00' })], NOW).state,
    ).toBe('between-jobs');
    expect(technicianDay(fresh, [done], NOW).state).toBe('idle');
    // Jobs of someone else do not count; other-technician jobs do.
    expect(
      technicianDay(fresh, [job({ id: 'c', start: '2026-03-10 11:00', end: '2026-03-10 12:00', technicianId: 8 })], NOW)
        .state,
    ).toBe('idle');
    expect(
      technicianDay(
        fresh,
        [
          job({
            id: 'c',
            start: '2026-03-10 11:00',
            end: '2026-03-10 12:00',
            technicianId: 8,
            otherTechnicianIds: [7],
          }),
        ],
        NOW,
      ).state,
    ).toBe('between-jobs');
  });
  it('has no recent position when the fix is stale or missing, keeping the schedule state as work', () => {
    const d = technicianDay(
      { id: 7, last: { lat: 41.9, lng: -87.7, at: '2026-03-10 08:25' } },
      [job({ id: 'b', start: '2026-03-10 11:00', end: '2026-03-10 12:00' })],
      NOW,
    );
    expect(d.state).toBe('no-position');
    expect(d.freshness).toBe('stale');
    expect(d.work).toBe('between-jobs');
    expect(technicianDay({ id: 7, last: null }, [], NOW).freshness).toBe('none');
  });
  it('orders the day by start', () => {
    const d = technicianDay(
      fresh,
      [
        job({ id: 'b2', start: '2026-03-10 13:00', end: '2026-03-10 14:00' }),
        job({ id: 'a1', start: '2026-03-10 08:00', end: '2026-03-10 09:00', status: 'completed' }),
      ],
      NOW,
    );
    expect(d.jobs.map((j) => j.id)).toEqual(['a1', 'b2']);
  });
  it('makes initials', () => {
    expect(initials('Marco Rivera')).toBe('MR');
    expect(initials('Ann Mary Bell')).toBe('AB');
    expect(initials('cher')).toBe('CH');
  });
});

describe('routeAhead', () => {
  it('goes from the last position through the current job and what is left, skipping done and unplaced jobs', () => {
    const done = job({ id: 'a1', start: '2026-03-10 08:00', end: '2026-03-10 09:00', status: 'completed', lat: 41.8 });
    const cur = job({ id: 'b2', start: '2026-03-10 09:30', end: '2026-03-10 10:30', status: 'started', lat: 41.91 });
    const nopos = job({ id: 'c3', start: '2026-03-10 11:00', end: '2026-03-10 12:00', lat: null, lng: null });
    const next = job({ id: 'd4', start: '2026-03-10 13:00', end: '2026-03-10 14:00', lat: 41.95 });
    const last = { lat: 41.9, lng: -87.7 };
    const r = routeAhead(last, technicianDay({ id: 7, last: { ...last, at: NOW } }, [done, cur, nopos, next], NOW));
    expect(r.stops).toBe(2);
    expect(r.points).toEqual([last, { lat: 41.91, lng: -87.7 }, { lat: 41.95, lng: -87.7 }]);
    expect(r.km).toBeCloseTo(haversineKm(last, { lat: 41.95, lng: -87.7 }), 6);
    expect(routeAhead(null, { jobs: [], current: null })).toEqual({ points: [], km: 0, stops: 0 });
  });
});
