import { describe, expect, it } from 'vitest';
import {
  dayLabel,
  fold,
  matchRank,
  matchesJobQuery,
  parseJobQuery,
  rankJobs,
  whereabouts,
  type JobQuery,
  type SearchableJob,
} from './board-search';

function job(p: Partial<SearchableJob>): SearchableJob {
  return {
    id: 'j',
    num: 1,
    status: 'scheduled',
    customer: { id: 1, name: 'Acme Corp' },
    site: null,
    address: null,
    technicianId: 7,
    start: '2026-03-10 09:00',
    end: '2026-03-10 10:00',
    ...p,
  };
}
const q = (s: string) => parseJobQuery(s) as JobQuery;

describe('parseJobQuery', () => {
  it('reads a job number with or without #, and text as folded words', () => {
    expect(parseJobQuery(' #3589 ')).toEqual({ num: '3589', words: ['#3589'] });
    expect(parseJobQuery('3589')).toEqual({ num: '3589', words: ['3589'] });
    expect(parseJobQuery('  Müller   Western ')).toEqual({ num: null, words: ['muller', 'western'] });
  });

  it('waits for something worth searching', () => {
    expect(parseJobQuery('')).toBeNull();
    expect(parseJobQuery('   ')).toBeNull();
    expect(parseJobQuery(null)).toBeNull();
    // One letter would match nearly every job; one digit is the start of a job number.
    expect(parseJobQuery('a')).toBeNull();
    expect(parseJobQuery('7')).toEqual({ num: '7', words: ['7'] });
  });

  it('folds accents and case', () => {
    expect(fold('ÉCOLE Ñandú')).toBe('ecole nandu');
  });
});

describe('matchRank', () => {
  const j = job({
    num: 3589,
    customer: { id: 1, name: 'Hyde Park Bakery' },
    site: { id: 2, name: 'Main Kitchen' },
    address: '2417 N Western Ave, Chicago',
  });

  it('ranks the job number itself, then numbers starting with it', () => {
    expect(matchRank(j, q('3589'))).toBe(0);
    expect(matchRank(j, q('#358'))).toBe(1);
    expect(matchRank(j, q('589'))).toBeNull();
    expect(matchRank(job({ num: 35890 }), q('3589'))).toBe(1);
  });

  it('ranks a name starting with the text before words found anywhere', () => {
    expect(matchRank(j, q('hyde park'))).toBe(2);
    expect(matchRank(j, q('main kit'))).toBe(2);
    expect(matchRank(j, q('bakery'))).toBe(3);
    expect(matchRank(j, q('western bakery'))).toBe(3);
    expect(matchRank(j, q('2417 western'))).toBe(3);
  });

  it('needs every word', () => {
    expect(matchRank(j, q('western pizza'))).toBeNull();
    expect(matchesJobQuery(j, q('pizza'))).toBe(false);
  });

  it('does not join words across fields', () => {
    // "kitchen 2417" spans site and address: each word is found, so it matches; but a word is never made of two fields.
    expect(matchRank(j, q('kitchen 2417'))).toBe(3);
    expect(matchRank(j, q('kitchen2417'))).toBeNull();
  });

  it('lets everything through without a query', () => {
    expect(matchesJobQuery(j, null)).toBe(true);
  });
});

describe('rankJobs', () => {
  it('orders by rank, then start (unscheduled last), then number; honours the limit', () => {
    const jobs = [
      job({ id: 'late', num: 12, start: '2026-03-12 09:00' }),
      job({ id: 'exact', num: 1, start: '2026-03-20 09:00' }),
      job({ id: 'pool', num: 10, start: null, end: null, status: 'created' }),
      job({ id: 'early', num: 13, start: '2026-03-09 09:00' }),
      job({ id: 'other', num: 2 }),
    ];
    expect(rankJobs(jobs, q('1')).map((j) => j.id)).toEqual(['exact', 'early', 'late', 'pool']);
    expect(rankJobs(jobs, q('1'), 2).map((j) => j.id)).toEqual(['exact', 'early']);
  });
});

describe('whereabouts', () => {
  const week = { from: '2026-03-09', to: '2026-03-16' };
  const pageOf = (id: number) => (id === 7 ? 1 : null);

  it('places a job of this window on its lane page and day', () => {
    expect(whereabouts(job({}), week, pageOf)).toEqual({ kind: 'board', page: 1, day: '2026-03-10' });
    expect(whereabouts(job({ technicianId: 8 }), week, pageOf)).toEqual({
      kind: 'board',
      page: null,
      day: '2026-03-10',
    });
    // Begun the week before and still going: shown from the window's first day.
    expect(
      whereabouts(job({ status: 'started', start: '2026-03-06 09:00', end: '2026-03-09 12:00' }), week, pageOf),
    ).toEqual({ kind: 'board', page: 1, day: '2026-03-09' });
    expect(
      whereabouts(job({ status: 'completed', start: '2026-03-15 23:00', end: '2026-03-15 23:30' }), week, pageOf),
    ).toEqual({ kind: 'board', page: 1, day: '2026-03-15' });
  });

  it('sends a job of another week there', () => {
    expect(whereabouts(job({ start: '2026-03-16 00:00', end: '2026-03-16 01:00' }), week, pageOf)).toEqual({
      kind: 'week',
      day: '2026-03-16',
    });
    expect(
      whereabouts(job({ status: 'synchronized', start: '2026-02-01 08:00', end: '2026-02-01 09:00' }), week, pageOf),
    ).toEqual({ kind: 'week', day: '2026-02-01' });
  });

  it('finds unscheduled jobs in the pool and closed ones on their job page', () => {
    expect(whereabouts(job({ status: 'created', start: null, end: null, technicianId: null }), week, pageOf)).toEqual({
      kind: 'pool',
    });
    expect(whereabouts(job({ status: 'cancelled' }), week, pageOf)).toEqual({ kind: 'closed', status: 'cancelled' });
    expect(
      whereabouts(job({ status: 'completed', start: '2026-01-05 09:00', end: '2026-01-05 10:00' }), week, pageOf),
    ).toEqual({ kind: 'closed', status: 'completed' });
    expect(whereabouts(job({ status: 'scheduled', technicianId: null }), week, pageOf)).toEqual({
      kind: 'closed',
      status: 'scheduled',
    });
  });
});

describe('dayLabel', () => {
  it('names a wall-clock day whatever the zone', () => {
    expect(dayLabel('2026-12-08')).toBe('Tue, Dec 8');
    expect(dayLabel('2026-12-08 23:30')).toBe('Tue, Dec 8');
  });
});
