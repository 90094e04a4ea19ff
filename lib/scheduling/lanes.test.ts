import { describe, expect, it } from 'vitest';
import type { BoardTechnician } from './board-types';
import { lanePage, lanePageName, lanePages, visibleTechnicians } from './lanes';

const tech = (id: number, team: string | null): BoardTechnician => ({
  id,
  name: `T${id}`,
  login: `t${id}`,
  teams: team ? [team] : [],
  skills: [],
});

describe('lanes', () => {
  // North 12, South 12, East 3, and one technician without a team.
  const technicians = [
    ...Array.from({ length: 12 }, (_, i) => tech(i + 1, 'North')),
    ...Array.from({ length: 12 }, (_, i) => tech(i + 101, 'South')),
    ...Array.from({ length: 3 }, (_, i) => tech(i + 201, 'East')),
    tech(300, null),
  ];
  const teams = [
    { id: 1, name: 'North' },
    { id: 2, name: 'South' },
    { id: 3, name: 'East' },
  ];

  it('pages whole teams in team order, never splitting one', () => {
    const pages = lanePages(technicians, 20);
    expect(pages.map((p) => [...new Set(p.map((t) => t.teams[0] ?? 'No team'))])).toEqual([
      ['East', 'No team', 'North'],
      ['South'],
    ]);
    expect(pages.flat()).toHaveLength(technicians.length);
  });

  it('a team larger than a page gets a page of its own', () => {
    const pages = lanePages(technicians, 5);
    expect(pages.map((p) => p.length)).toEqual([4, 12, 12]);
  });

  it('filters by team (name match) and technician', () => {
    expect(visibleTechnicians({ teams, technicians }, { team: 2, tech: null })).toHaveLength(12);
    expect(visibleTechnicians({ teams, technicians }, { team: null, tech: 201 }).map((t) => t.id)).toEqual([201]);
  });

  it('lanePage clamps the page to the pages there are', () => {
    const data = { teams, technicians };
    expect(lanePage(data, { team: null, tech: null, page: 2 })[0].teams).toEqual(['South']);
    expect(lanePage(data, { team: null, tech: null, page: 9 })[0].teams).toEqual(['South']);
    expect(lanePage(data, { team: null, tech: null, page: 0 })[0].teams).toEqual(['East']);
    expect(lanePage(data, { team: null, tech: 999, page: 1 })).toEqual([]);
  });

  it('names a page by its first and last teams', () => {
    const pages = lanePages(technicians, 20);
    expect(pages.map(lanePageName)).toEqual(['East – North', 'South – South']);
    expect(lanePageName([])).toBe('');
  });
});
