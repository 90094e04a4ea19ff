import { describe, expect, it } from 'vitest';
import { rankCandidates, type RankInput } from './rank-candidates';
import type { MapJob, MapTechnician } from '../geo/map-types';

const D = '2026-03-10';
const NOW = `${D} 10:00:00`;
// A job in Lincoln Park; technicians placed north of it at known distances (0.01° latitude ≈ 1.11 km).
const SITE = { lat: 41.92, lng: -87.65 };
const north = (km: number) => ({ lat: SITE.lat + km / 111.19, lng: SITE.lng });

function tech(id: number, name: string, p: Partial<MapTechnician> = {}): MapTechnician {
  return {
    id,
    name,
    login: name.toLowerCase().replace(/\s/g, ''),
    teams: ['North Side'],
    skills: ['HVAC'],
    last: null,
    home: null,
    ...p,
  };
}
const at = (km: number, when = `${D} 09:55`) => ({ ...north(km), at: when });

function job(p: Partial<MapJob> = {}): MapJob {
  return {
    id: 'J',
    num: 100,
    status: 'created',
    priority: 'medium',
    customer: { id: 1, name: 'Cafe' },
    site: null,
    type: null,
    technicianId: null,
    otherTechnicianIds: [],
    start: null,
    end: null,
    skills: ['HVAC'],
    address: '1 Main St',
    dateCreated: `${D} 08:00`,
    dateModified: `${D} 08:00`,
    lat: SITE.lat,
    lng: SITE.lng,
    ...p,
  };
}
function booked(
  id: string,
  techId: number,
  start: string,
  end: string,
  pos = north(0.5),
  status: MapJob['status'] = 'scheduled',
): MapJob {
  return job({
    id,
    num: Number(id.replace(/\D/g, '')) || 5,
    status,
    technicianId: techId,
    start: `${D} ${start}`,
    end: `${D} ${end}`,
    ...pos,
  });
}

const base = (p: Partial<RankInput>): RankInput => ({
  job: job(),
  technicians: [],
  jobs: [],
  activities: [],
  teams: [
    { id: 1, name: 'North Side' },
    { id: 2, name: 'West Side' },
  ],
  jobTypes: [],
  date: D,
  nowWall: NOW,
  ...p,
});

describe('rankCandidates', () => {
  it('ranks the nearest qualified technician first and shows the distance', () => {
    const r = rankCandidates(
      base({
        technicians: [
          tech(1, 'Far Away', { last: at(8) }),
          tech(2, 'Near By', { last: at(1) }),
          tech(3, 'Mid Way', { last: at(3) }),
        ],
      }),
    );
    expect(r.candidates.map((c) => c.technician.name)).toEqual(['Near By', 'Mid Way', 'Far Away']);
    expect(r.candidates[0].distanceKm).toBeCloseTo(1, 1);
    expect(r.candidates[0].reasons.find((x) => x.kind === 'distance')?.text).toBe(
      '1.0 km from last position (5 min ago)',
    );
    expect(r.candidates[0].slot).toEqual({ start: `${D} 10:00:00`, end: `${D} 11:00:00` });
  });

  it('excludes the unqualified with why not, even when nearest', () => {
    const r = rankCandidates(
      base({
        technicians: [
          tech(1, 'Plumber Pat', { skills: ['Plumbing'], last: at(0.2) }),
          tech(2, 'Hvac Hal', { last: at(4) }),
        ],
      }),
    );
    expect(r.candidates.map((c) => c.technician.name)).toEqual(['Hvac Hal']);
    expect(r.excluded).toHaveLength(1);
    expect(r.excluded[0].whyNot.join(' ')).toMatch(/lacks the skill HVAC/);
  });

  it('excludes the unavailable (own or whole team) and those with no slot left', () => {
    const r = rankCandidates(
      base({
        technicians: [
          tech(1, 'On Vacation', { last: at(1) }),
          tech(2, 'Team Training', { last: at(1), teams: ['West Side'] }),
          tech(3, 'Full Day', { last: at(1) }),
          tech(4, 'Free One', { last: at(6) }),
        ],
        activities: [
          {
            id: 1,
            userId: 1,
            teamId: null,
            category: 'unavail',
            name: 'Vacation',
            start: `${D} 00:00`,
            end: `${D} 23:59`,
          },
          {
            id: 2,
            userId: null,
            teamId: 2,
            category: 'unavail',
            name: 'Safety training',
            start: `${D} 00:00`,
            end: `${D} 23:59`,
          },
        ],
        jobs: [booked('x1', 3, '09:00', '18:00')],
      }),
    );
    expect(r.candidates.map((c) => c.technician.name)).toEqual(['Free One']);
    const why = Object.fromEntries(r.excluded.map((e) => [e.technician.name, e.whyNot.join(' ')]));
    expect(why['Full Day']).toMatch(/No free 60 min slot/);
    // Unavailable all day: no free slot either; the reason names the day.
    expect(why['On Vacation']).toMatch(/No free/);
  });

  it('at a chosen time, names the unavailability and the overlapping job', () => {
    const r = rankCandidates(
      base({
        at: `${D} 14:00`,
        technicians: [tech(1, 'On Vacation', { last: at(1) }), tech(3, 'Busy Bee', { last: at(1) })],
        activities: [
          {
            id: 1,
            userId: 1,
            teamId: null,
            category: 'unavail',
            name: 'Vacation',
            start: `${D} 00:00`,
            end: `${D} 23:59`,
          },
        ],
        jobs: [booked('x7', 3, '13:30', '15:00')],
      }),
    );
    const why = Object.fromEntries(r.excluded.map((e) => [e.technician.name, e.whyNot.join(' ')]));
    expect(why['On Vacation']).toMatch(/unavailable \(Vacation\)/);
    expect(why['Busy Bee']).toMatch(/Overlaps job #7/);
  });

  it('measures from the previous job of the day when there is one', () => {
    const prevSite = north(0.3);
    const r = rankCandidates(
      base({ technicians: [tech(1, 'Rover', { last: at(12) })], jobs: [booked('p9', 1, '10:00', '11:00', prevSite)] }),
    );
    const c = r.candidates[0];
    expect(c.origin.kind).toBe('previous-job');
    expect(c.distanceKm).toBeCloseTo(0.3, 1);
    expect(c.slot.start).toBe(`${D} 11:00:00`);
    expect(c.reasons.find((x) => x.kind === 'load')?.text).toBe('1 job that day (1 h booked)');
  });

  it('falls back to a stale fix, then to the start location, and penalises both', () => {
    const r = rankCandidates(
      base({
        technicians: [
          tech(1, 'Stale Sam', { last: at(1, `${D} 08:25`) }),
          tech(2, 'Home Hank', { home: { ...north(1), address: 'Home' } }),
          tech(3, 'Nowhere Ned'),
        ],
      }),
    );
    expect(r.candidates.map((c) => [c.technician.name, c.origin.kind])).toEqual([
      ['Home Hank', 'start-location'],
      ['Stale Sam', 'stale-position'],
    ]);
    expect(r.candidates[1].reasons.some((x) => x.kind === 'position' && /stale/.test(x.text))).toBe(true);
    expect(r.excluded[0].whyNot[0]).toMatch(/no known position/);
  });

  it("on another day, starts from the start location rather than today's position", () => {
    const t = tech(1, 'Tomorrow Tom', { last: at(9), home: { ...north(2), address: 'Home' } });
    const r = rankCandidates(base({ date: '2026-03-11', technicians: [t] }));
    expect(r.candidates[0].origin.kind).toBe('start-location');
    expect(r.candidates[0].distanceKm).toBeCloseTo(2, 1);
    expect(r.candidates[0].slot.start).toBe('2026-03-11 08:00:00');
    // Without a start location, the last position is all there is.
    expect(
      rankCandidates(base({ date: '2026-03-11', technicians: [{ ...t, home: null }] })).candidates[0].origin.kind,
    ).toBe('last-position');
  });

  it('weighs waiting, load and team preference after distance', () => {
    const r = rankCandidates(
      base({
        preferences: { date: null, dateTime: null, isPool: true, windowId: null, teamId: 2, userId: null },
        technicians: [
          tech(1, 'North Nick', { last: at(1) }),
          tech(2, 'West Wendy', { last: at(2), teams: ['West Side'] }),
        ],
      }),
    );
    // 1 km + 3 km outside the preferred team > 2 km inside it.
    expect(r.candidates.map((c) => c.technician.name)).toEqual(['West Wendy', 'North Nick']);
    expect(r.candidates[1].reasons.find((x) => x.kind === 'team')?.text).toBe('Not in the preferred team West Side');
    // Busy until 15:00 (5 h wait) loses to someone free now 3 km further.
    const r2 = rankCandidates(
      base({
        technicians: [tech(1, 'Later Larry', { last: at(1) }), tech(2, 'Now Nora', { last: at(4) })],
        jobs: [booked('b1', 1, '10:00', '15:00', north(1))],
      }),
    );
    expect(r2.candidates.map((c) => c.technician.name)).toEqual(['Now Nora', 'Later Larry']);
  });

  it('keeps a scheduled job at its time and uses the job type duration for unscheduled ones', () => {
    const r = rankCandidates(
      base({
        job: job({ status: 'scheduled', technicianId: 9, start: `${D} 15:00`, end: `${D} 16:30` }),
        technicians: [tech(1, 'A', { last: at(1) })],
      }),
    );
    expect(r.candidates[0].slot).toEqual({ start: `${D} 15:00:00`, end: `${D} 16:30:00` });
    const r2 = rankCandidates(
      base({
        job: job({ type: { id: 4, name: 'Install' } }),
        jobTypes: [{ id: 4, name: 'Install', minutes: 150, skills: [] }],
        technicians: [tech(1, 'A', { last: at(1) })],
      }),
    );
    expect(r2.minutes).toBe(150);
    expect(r2.candidates[0].slot.end).toBe(`${D} 12:30:00`);
  });

  it('cannot compare distances for a job without a position', () => {
    const r = rankCandidates(
      base({ job: job({ lat: null, lng: null }), technicians: [tech(1, 'A', { last: at(1) })] }),
    );
    expect(r.candidates).toHaveLength(0);
    expect(r.excluded[0].whyNot[0]).toMatch(/no position/);
  });
});
