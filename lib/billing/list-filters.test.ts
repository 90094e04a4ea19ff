import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  listQuery,
  localDayToUtcFilter,
  normalizeFilters,
  sortsFor,
  withFilters,
} from './list-filters';

describe('billing list filters', () => {
  it('clean what the URL gives', () => {
    const f = normalizeFilters('quotation', {
      status: 'paid',
      customer: -3,
      changed: '2026-13',
      paid: '2026-01-01',
      sort: 'paidSince',
      size: 7,
      page: 0,
    });
    expect(f).toMatchObject({ status: null, customer: null, changed: null, paid: null, sort: null, size: 25, page: 1 });
    expect(normalizeFilters('quotation', { status: 'cancelled' }).status).toBe('cancelled');
    expect(sortsFor('creditnote')).not.toContain('paidSince');
  });

  it('turn account-local days into UTC filter instants', () => {
    expect(localDayToUtcFilter('2026-01-15', 'America/Chicago')).toBe('2026-01-15 06:00:00');
    expect(localDayToUtcFilter('2026-07-15', 'America/Chicago')).toBe('2026-07-15 05:00:00');
    expect(localDayToUtcFilter('2026-07-15', 'Europe/Paris')).toBe('2026-07-14 22:00:00');
  });

  it('build the API query with the documented names and default sorts', () => {
    const f = normalizeFilters('invoice', {
      status: 'sent',
      customer: 5,
      site: 6,
      job: 77,
      paid: '2026-02-01',
      page: 2,
      size: 50,
    });
    expect(listQuery('invoice', f, 'America/Chicago')).toEqual({
      status: 'sent',
      customer_id: 5,
      site_id: 6,
      job_num: 77,
      paidSince: '2026-02-01 06:00:00',
      sort: 'num',
      sortOrder: 'descending',
      page: 2,
      pageSize: 50,
    });
    const q = listQuery('creditnote', normalizeFilters('creditnote', { sort: 'status', order: 'asc' }), 'UTC');
    expect(q).toEqual({ sort: 'status', sortOrder: 'ascending', page: 1, pageSize: 25 });
    expect(listQuery('quotation', normalizeFilters('quotation', {}), 'UTC').sort).toBe('changedSince');
  });

  it('count filters and go back to page 1 when they change', () => {
    expect(activeFilterCount(normalizeFilters('invoice', { status: 'late', customer: 1, page: 4 }))).toBe(2);
    expect(withFilters(normalizeFilters('invoice', { page: 4 }), { status: 'late' })).toEqual({
      status: 'late',
      page: 1,
    });
  });
});
