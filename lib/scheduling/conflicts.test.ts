import { describe, expect, it } from 'vitest';
import type { BoardActivity, BoardJob, BoardTechnician } from './board-types';
import { changedMeanwhile, checkPlacement, missingSkills, overlaps, type PlacementContext } from './conflicts';

const tech: BoardTechnician = {
  id: 1,
  name: 'Ana Ruiz',
  login: 'ana',
  teams: ['North'],
  skills: ['HVAC', 'Electrician'],
};
const other: BoardTechnician = { id: 2, name: 'Bo Chen', login: 'bo', teams: ['South'], skills: [] };

function job(p: Partial<BoardJob>): BoardJob {
  return {
    id: 'j',
    num: 1,
    status: 'scheduled',
    priority: 'medium',
    customer: { id: 1, name: 'Acme' },
    site: null,
    type: null,
    technicianId: 1,
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
const act = (p: Partial<BoardActivity>): BoardActivity => ({
  id: 1,
  userId: 1,
  teamId: null,
  category: 'unavail',
  name: 'Vacation',
  start: '2026-03-09 00:00',
  end: '2026-03-09 12:00',
  ...p,
});
const ctx = (p: Partial<PlacementContext> = {}): PlacementContext => ({
  jobs: [],
  activities: [],
  teams: [
    { id: 10, name: 'North' },
    { id: 20, name: 'South' },
  ],
  windows: [{ id: 5, name: 'Morning', startTime: '08:00', endTime: '12:00' }],
  technicians: [tech, other],
  ...p,
});
const place = (start: string, end: string, j: Partial<BoardJob> = {}, t = tech) => ({
  job: { id: 'new', skills: [], ...j },
  technician: t,
  start,
  end,
});
const kinds = (w: { kind: string }[]) => w.map((x) => x.kind);

describe('overlaps', () => {
  it('is half-open: back to back is not an overlap', () => {
    expect(overlaps('2026-03-09 10:00', '2026-03-09 11:00', '2026-03-09 11:00', '2026-03-09 12:00')).toBe(false);
    expect(overlaps('2026-03-09 10:00', '2026-03-09 11:01', '2026-03-09 11:00', '2026-03-09 12:00')).toBe(true);
    expect(overlaps('2026-03-09 09:00', '2026-03-09 13:00', '2026-03-09 10:00', '2026-03-09 11:00')).toBe(true);
  });
  it('compares across spellings and days', () => {
    expect(overlaps('09/03/2026 10:00:00', '2026-03-09 11:00', '2026-03-09T10:30', '2026-03-09 10:45')).toBe(true);
    expect(overlaps('2026-03-09 23:00', '2026-03-10 01:00', '2026-03-10 00:30', '2026-03-10 02:00')).toBe(true);
  });
});

describe('checkPlacement', () => {
  it('finds nothing on a free lane', () => {
    expect(checkPlacement(place('2026-03-09 13:00', '2026-03-09 14:00'), ctx())).toEqual([]);
  });

  it('warns about another job of the technician, as lead or helper', () => {
    const jobs = [
      job({ id: 'a', num: 7, start: '2026-03-09 10:00', end: '2026-03-09 11:00' }),
      job({
        id: 'b',
        num: 8,
        technicianId: 2,
        otherTechnicianIds: [1],
        start: '2026-03-09 13:00',
        end: '2026-03-09 14:00',
      }),
    ];
    const w = checkPlacement(place('2026-03-09 10:30', '2026-03-09 13:30'), ctx({ jobs }));
    expect(kinds(w)).toEqual(['job-overlap', 'job-overlap']);
    expect(w[0].message).toContain('#7');
    expect(w[0].message).toContain('10:00–11:00');
  });

  it('ignores the job itself, cancelled jobs, other technicians and unscheduled jobs', () => {
    const jobs = [
      job({ id: 'new', start: '2026-03-09 10:00', end: '2026-03-09 11:00' }),
      job({ id: 'c', status: 'cancelled', start: '2026-03-09 10:00', end: '2026-03-09 11:00' }),
      job({ id: 'd', technicianId: 2, start: '2026-03-09 10:00', end: '2026-03-09 11:00' }),
      job({ id: 'e', start: null, end: null }),
    ];
    expect(checkPlacement(place('2026-03-09 10:00', '2026-03-09 11:00'), ctx({ jobs }))).toEqual([]);
  });

  it('warns about unavailability of the technician or of their whole team, not about travel', () => {
    const activities = [
      act({ id: 1 }),
      act({
        id: 2,
        userId: null,
        teamId: 10,
        name: 'Team training',
        start: '2026-03-10 08:00',
        end: '2026-03-10 10:00',
      }),
      act({ id: 3, category: 'travel', start: '2026-03-11 08:00', end: '2026-03-11 10:00' }),
      act({ id: 4, userId: 2 }),
    ];
    expect(kinds(checkPlacement(place('2026-03-09 11:00', '2026-03-09 13:00'), ctx({ activities })))).toEqual([
      'unavailable',
    ]);
    const w = checkPlacement(place('2026-03-10 09:00', '2026-03-10 11:00'), ctx({ activities }));
    expect(w[0].message).toContain('Team training');
    expect(checkPlacement(place('2026-03-11 09:00', '2026-03-11 10:00'), ctx({ activities }))).toEqual([]);
    expect(checkPlacement(place('2026-03-09 12:00', '2026-03-09 13:00'), ctx({ activities }))).toEqual([]);
  });

  it('lists the skills the technician lacks, case-insensitively', () => {
    expect(missingSkills(['hvac', 'Plumber'], tech.skills)).toEqual(['Plumber']);
    const w = checkPlacement(
      place('2026-03-09 13:00', '2026-03-09 14:00', { skills: ['HVAC', 'Plumber', 'Roofer'] }),
      ctx(),
    );
    expect(w).toEqual([{ kind: 'skills', message: 'Ana Ruiz lacks skills Plumber, Roofer.' }]);
  });

  it('checks the preferred date, meeting time, window, team and technician', () => {
    const preferences = { date: '2026-03-10', dateTime: null, isPool: false, windowId: 5, teamId: 20, userId: 2 };
    const w = checkPlacement(place('2026-03-09 13:00', '2026-03-09 14:00', { preferences }), ctx());
    expect(kinds(w)).toEqual(['preferred-date', 'preferred-window', 'preferred-team', 'preferred-technician']);
    expect(w[3].message).toContain('Bo Chen');
    const ok = { date: '2026-03-09', dateTime: '2026-03-09 09:00', isPool: true, windowId: 5, teamId: 10, userId: 1 };
    expect(checkPlacement(place('2026-03-09 08:30', '2026-03-09 12:00', { preferences: ok }), ctx())).toEqual([]);
    const late = { ...ok, dateTime: '2026-03-09 12:00' };
    expect(kinds(checkPlacement(place('2026-03-09 08:30', '2026-03-09 12:00', { preferences: late }), ctx()))).toEqual([
      'preferred-time',
    ]);
  });

  it('treats a window crossing midnight as outside', () => {
    const preferences = { date: null, dateTime: null, isPool: false, windowId: 5, teamId: null, userId: null };
    expect(kinds(checkPlacement(place('2026-03-09 11:00', '2026-03-10 09:00', { preferences }), ctx()))).toEqual([
      'preferred-window',
    ]);
  });
});

describe('changedMeanwhile', () => {
  const shown = {
    num: 42,
    status: 'scheduled' as const,
    technicianId: 7,
    start: '2026-12-09 10:00',
    end: '2026-12-09 11:00',
  };
  const names = (id: number) => (id === 8 ? 'Marco Rivera' : undefined);
  it('is quiet while the job is where the board shows it (seconds and spellings aside)', () => {
    expect(
      changedMeanwhile(
        shown,
        { status: 'scheduled', technicianId: 7, start: '2026-12-09T10:00:00', end: '2026-12-09 11:00:00' },
        names,
      ),
    ).toBeNull();
    expect(changedMeanwhile(shown, { ...shown, status: 'synchronized' }, names)).toBeNull();
  });
  it('says where the job is now when someone else moved, unscheduled or cancelled it', () => {
    expect(
      changedMeanwhile(
        shown,
        { status: 'scheduled', technicianId: 8, start: '2026-12-10 14:00', end: '2026-12-10 15:30' },
        names,
      )?.message,
    ).toBe(
      'Someone else changed job #42 since your board showed it: it is now with Marco Rivera, 12/10 14:00 – 15:30.',
    );
    expect(
      changedMeanwhile(shown, { status: 'created', technicianId: null, start: null, end: null }, names)?.message,
    ).toMatch(/it is now unscheduled\.$/);
    expect(changedMeanwhile(shown, { ...shown, status: 'cancelled' }, names)?.message).toMatch(
      /it is now cancelled\.$/,
    );
    expect(changedMeanwhile(shown, { ...shown, status: 'started' }, names)?.message).toMatch(/it is now started\.$/);
    expect(changedMeanwhile(shown, { ...shown, technicianId: 9 }, names)?.message).toMatch(
      /with technician #9, 12\/09 10:00 – 11:00\.$/,
    );
  });
});
