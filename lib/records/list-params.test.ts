import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_STATE, nextSort, pageCount, rangeLabel, toListQuery } from './list-params';

describe('list state → API query', () => {
  it('asks for active records sorted by name by default', () => {
    expect(toListQuery(DEFAULT_LIST_STATE)).toEqual({
      page: 1,
      pageSize: 25,
      sort: 'name',
      sortOrder: 'ascending',
      active: true,
    });
  });

  it('carries search, inactive, parents, sort and page; caps the page size', () => {
    expect(
      toListQuery({
        q: '  boil* ',
        active: 'inactive',
        sort: 'dateModified',
        dir: 'desc',
        page: 3,
        size: 500,
        customer: 7,
        site: 9,
      }),
    ).toEqual({
      page: 3,
      pageSize: 100,
      sort: 'dateModified',
      sortOrder: 'descending',
      active: false,
      name: 'boil*',
      customer_id: 7,
      site_id: 9,
    });
  });

  it('pages and labels', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(51, 25)).toBe(3);
    expect(rangeLabel(2, 25, 25, 589)).toBe('26–50 of 589');
    expect(rangeLabel(1, 25, 0, 0)).toBe('0 of 0');
  });

  it('flips the direction on the same column; dates start newest first', () => {
    expect(nextSort({ sort: 'name', dir: 'asc' }, 'name')).toEqual({ sort: 'name', dir: 'desc' });
    expect(nextSort({ sort: 'name', dir: 'asc' }, 'dateCreated')).toEqual({ sort: 'dateCreated', dir: 'desc' });
    expect(nextSort({ sort: 'dateCreated', dir: 'desc' }, 'myId')).toEqual({ sort: 'myId', dir: 'asc' });
  });
});

import { listStateFromSearchParams } from './list-params';

describe('list state from a URL (server side)', () => {
  it('reads what the client writes and falls back to defaults', () => {
    expect(
      listStateFromSearchParams({
        q: 'boil',
        active: 'inactive',
        sort: 'myId',
        dir: 'desc',
        page: '3',
        size: '50',
        customer: '7',
      }),
    ).toEqual({
      q: 'boil',
      active: 'inactive',
      sort: 'myId',
      dir: 'desc',
      page: 3,
      size: 50,
      customer: 7,
      site: null,
    });
    expect(listStateFromSearchParams({ sort: 'drop table', page: '-1', size: 'x', site: ['4', '5'] })).toEqual({
      ...DEFAULT_LIST_STATE,
      customer: null,
      site: 4,
    });
  });
});
