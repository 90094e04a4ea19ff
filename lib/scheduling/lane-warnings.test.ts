import { describe, expect, it } from 'vitest';
import { boardJob } from '../test/board-job';
import type { BoardActivity, BoardJob, BoardTechnician } from './board-types';
import { laneWarnings, type LaneContext } from './lane-warnings';

const ana: BoardTechnician = { id: 1, name: 'Ana Ruiz', login: 'ana', teams: ['North'], skills: ['HVAC'] };
const bo: BoardTechnician = { id: 2, name: 'Bo Chen', login: 'bo', teams: ['South'], skills: [] };

const job = boardJob;
const ctx = (jobs: BoardJob[], activities: BoardActivity[] = []): LaneContext => ({
  jobs,
  activities,
  teams: [{ id: 10, name: 'North' }],
  windows: [],
  technicians: [ana, bo],
});
const kinds = (m: Map<string, { kind: string }[]>, id: string) => (m.get(id) ?? []).map((w) => w.kind);

describe('laneWarnings', () => {
  it('marks both jobs of an overlap on one lane, not jobs on other lanes or back to back', () => {
    const a = job({});
    const b = job({ start: '2026-03-09 10:30', end: '2026-03-09 11:30' });
    const c = job({ start: '2026-03-09 11:30', end: '2026-03-09 12:00' });
    const other = job({ technicianId: 2 });
    const m = laneWarnings([a, b, c, other], ctx([a, b, c, other]));
    expect(kinds(m, a.id)).toEqual(['job-overlap']);
    expect(kinds(m, b.id)).toEqual(['job-overlap']);
    expect(m.has(c.id)).toBe(false);
    expect(m.has(other.id)).toBe(false);
  });

  it('sees a job that started the day before and a helper’s own lane', () => {
    const night = job({ start: '2026-03-08 22:00', end: '2026-03-09 10:30' });
    const helper = job({
      technicianId: 2,
      otherTechnicianIds: [1],
      start: '2026-03-09 08:00',
      end: '2026-03-09 09:00',
    });
    const a = job({});
    const early = job({ start: '2026-03-09 08:30', end: '2026-03-09 09:00' });
    const m = laneWarnings([a, early], ctx([night, helper, a, early]));
    const said = (id: string) => (m.get(id) ?? []).map((w) => w.message).join(' ');
    expect(said(a.id)).toContain(`#${night.num} `);
    expect(said(early.id)).toContain(`#${helper.num} `);
  });

  it('checks unavailability and skills, and only the jobs asked about', () => {
    const a = job({ skills: ['Plumbing'] });
    const b = job({ start: '2026-03-09 14:00', end: '2026-03-09 15:00' });
    const off: BoardActivity = {
      id: 1,
      userId: 1,
      teamId: null,
      category: 'unavail',
      name: 'Doctor',
      start: '2026-03-09 09:00',
      end: '2026-03-09 12:00',
    };
    const m = laneWarnings([a], ctx([a, b], [off]));
    expect(kinds(m, a.id)).toEqual(['unavailable', 'skills']);
    expect(m.has(b.id)).toBe(false);
  });

  it('leaves out jobs whose schedule can no longer change and jobs of unknown technicians', () => {
    const started = job({ status: 'started' });
    const done = job({ status: 'completed' });
    const stranger = job({ technicianId: 99 });
    expect(laneWarnings([started, done, stranger], ctx([started, done, stranger])).size).toBe(0);
  });
});
