import { describe, expect, it } from 'vitest';
import { filterByWords } from './word-filter';

const people = [
  { id: 1, name: 'Terry Stale', login: 'tstale' },
  { id: 2, name: 'Maria Rivera', login: 'mrivera' },
  { id: 3, name: 'José Ortega', login: 'jortega' },
  { id: 4, name: 'Ann-Marie Stone', login: 'amstone' },
];
const texts = (p: (typeof people)[number]) => [p.name, p.login];
const ids = (term: string) => filterByWords(people, term, texts).map((p) => p.id);

describe('filterByWords', () => {
  it('keeps everyone, in the given order, when nothing is typed', () => {
    expect(ids('')).toEqual([1, 2, 3, 4]);
    expect(ids('   ')).toEqual([1, 2, 3, 4]);
  });

  it('matches any part of the name, ignoring case', () => {
    expect(ids('STALE')).toEqual([1]);
    expect(ids('terry')).toEqual([1]);
    expect(ids('riv')).toEqual([2]);
  });

  it('needs every typed word, in any order', () => {
    expect(ids('ter sta')).toEqual([1]);
    expect(ids('stale terry')).toEqual([1]);
    expect(ids('terry rivera')).toEqual([]);
  });

  it('keeps the order of the list, not of the match', () => {
    expect(ids('st')).toEqual([1, 4]);
    expect(ids('ar')).toEqual([2, 4]);
  });

  it('ignores accents on either side', () => {
    expect(ids('jose')).toEqual([3]);
    expect(ids('JOSÉ ort')).toEqual([3]);
  });

  it('finds hyphenated names by either part, and the login', () => {
    expect(ids('marie')).toEqual([4]);
    expect(ids('amstone')).toEqual([4]);
  });

  it('skips missing texts', () => {
    const noLast = [{ id: 9, first: 'Cher', last: null as string | null }];
    expect(filterByWords(noLast, 'cher', (p) => [p.first, p.last])).toHaveLength(1);
    expect(filterByWords(noLast, 'null', (p) => [p.first, p.last])).toHaveLength(0);
  });
});
