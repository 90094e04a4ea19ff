import { describe, expect, it } from 'vitest';
import {
  DEFAULT_JOB_FILTERS,
  activeFilterCount,
  clearedFilters,
  jobFiltersSearch,
  jobListQuery,
  pageCount,
  parseJobFilters,
  withFilters,
} from './job-filters';

describe('job filters ↔ URL', () => {
  it('reads defaults from an empty URL', () => {
    expect(parseJobFilters('')).toEqual(DEFAULT_JOB_FILTERS);
    expect(jobFiltersSearch(DEFAULT_JOB_FILTERS)).toBe('');
  });

  it('round-trips every filter through the URL', () => {
    const f = {
      ...DEFAULT_JOB_FILTERS,
      status: ['scheduled', 'started'] as const,
      from: '2026-11-01',
      to: '2026-11-30',
      tech: 7,
      team: 2,
      teamPref: 3,
      customer: 97,
      site: 133,
      equipment: 5,
      type: 2,
      template: 1,
      photos: 'yes' as const,
      show: 'all' as const,
      sort: 'scheduledStart' as const,
      order: 'asc' as const,
      page: 3,
      size: 50,
    };
    const search = jobFiltersSearch({ ...f, status: [...f.status] });
    expect(search).toContain('status=scheduled,started');
    expect(parseJobFilters(search)).toEqual({ ...f, status: ['scheduled', 'started'] });
  });

  it('drops what the API would refuse', () => {
    const f = parseJobFilters('status=scheduled,bogus&from=yesterday&tech=-4&size=1000&page=0&sort=nope');
    expect(f.status).toEqual(['scheduled']); // unknown statuses are dropped, known ones kept
    expect(f.from).toBe('');
    expect(f.tech).toBeNull();
    expect(f.size).toBe(25);
    expect(f.page).toBe(1);
    expect(f.sort).toBe('num');
  });

  it('swaps a reversed date range', () => {
    const f = parseJobFilters('from=2026-12-10&to=2026-12-01');
    expect([f.from, f.to]).toEqual(['2026-12-01', '2026-12-10']);
  });

  it('returns to page 1 when a filter changes, not when the page does', () => {
    const f = { ...DEFAULT_JOB_FILTERS, page: 4 };
    expect(withFilters(f, { tech: 3 }).page).toBe(1);
    expect(withFilters(f, { page: 5 }).page).toBe(5);
  });

  it('counts and clears narrowing filters, keeping sort and size', () => {
    const f = {
      ...DEFAULT_JOB_FILTERS,
      status: ['created' as const],
      tech: 3,
      show: 'deleted' as const,
      sort: 'actualEnd' as const,
      size: 100,
    };
    expect(activeFilterCount(f)).toBe(3);
    const c = clearedFilters(f);
    expect(activeFilterCount(c)).toBe(0);
    expect([c.sort, c.size]).toEqual(['actualEnd', 100]);
  });
});

describe('job filters → job/list query', () => {
  it('maps every filter to its API parameter', () => {
    const q = jobListQuery({
      ...DEFAULT_JOB_FILTERS,
      status: ['created', 'paused'],
      from: '2026-11-01',
      to: '2026-11-02',
      tech: 7,
      team: 2,
      teamPref: 3,
      customer: 97,
      site: 133,
      equipment: 5,
      type: 2,
      template: 1,
      photos: 'no',
      show: 'deleted',
      sort: 'dateModified',
      order: 'asc',
      page: 2,
      size: 50,
    });
    expect(q).toEqual({
      status: 'created,paused',
      dateFrom: '2026-11-01 00:00:00',
      dateTo: '2026-11-02 23:59:59',
      user_id: 7,
      team_id: 2,
      team_id_pref: 3,
      customer_id: 97,
      site_id: 133,
      equipment_id: 5,
      type_id: 2,
      reportTemplate_id: 1,
      hasPhotos: false,
      show: 'deleted',
      sort: 'datemodified',
      sortOrder: 'ascending',
      page: 2,
      pageSize: 50,
    });
  });

  it('sends only sort and paging by default, and no paging for the export', () => {
    expect(jobListQuery(DEFAULT_JOB_FILTERS)).toEqual({ sort: 'num', sortOrder: 'descending', page: 1, pageSize: 25 });
    expect(jobListQuery(DEFAULT_JOB_FILTERS, { paged: false })).toEqual({ sort: 'num', sortOrder: 'descending' });
  });

  it('counts pages', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(2586, 100)).toBe(26);
  });
});
