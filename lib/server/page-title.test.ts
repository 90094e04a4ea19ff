import { describe, expect, it } from 'vitest';
import { openAppDb } from '@/lib/server/db';
import { MirrorStore } from './mirror/store';
import { RESOURCE_BY_NAME } from './mirror/resources';
import { editOf, printOf, recordName } from './page-title';

describe('page titles of detail pages', () => {
  it('numbered records read "Job #123", named ones "Customer Acme"', () => {
    expect(recordName('job', '123')).toBe('Job #123');
    expect(recordName('invoice', '1313')).toBe('Invoice #1313');
    expect(recordName('creditnote', '21')).toBe('Credit note #21');
    expect(recordName('customer', 'Acme Plumbing')).toBe('Customer Acme Plumbing');
    expect(recordName('equipment', 'Boiler 3')).toBe('Equipment Boiler 3');
  });

  it('a record the mirror does not hold gets the generic title; a name is kept on one line', () => {
    expect(recordName('job', null)).toBe('Job');
    expect(recordName('site', '  ')).toBe('Site');
    expect(recordName('customer', 'Acme\nPlumbing ')).toBe('Customer Acme Plumbing');
  });

  it('edit and print pages', () => {
    expect(editOf(recordName('job', '7'))).toBe('Edit job #7');
    expect(editOf(recordName('customer', 'Acme'))).toBe('Edit customer Acme');
    expect(printOf(recordName('quotation', '9'))).toBe('Quotation #9 — print');
  });
});

describe('MirrorStore.labelOf', () => {
  const store = new MirrorStore(openAppDb(':memory:'), 'America/Chicago');
  store.upsert(RESOURCE_BY_NAME.get('jobs')!, [
    { id: 'j-1', num: 3589, status: 'created', dateModified: '2026-03-10 09:00:00' },
  ]);
  store.upsert(RESOURCE_BY_NAME.get('customers')!, [
    { id: 42, name: 'Acme Plumbing', active: true, dateModified: '2026-03-10 09:00:00' },
  ]);
  store.upsert(RESOURCE_BY_NAME.get('invoices')!, [
    { id: 7, num: 1313, status: 'draft', dateCreated: '2026-03-10', dateModified: '2026-03-10 09:00:00' },
  ]);

  it("reads a held job's number and a record's name, without the API", () => {
    expect(store.labelOf('jobs', 'j-1')).toBe('3589');
    expect(store.labelOf('customers', '42')).toBe('Acme Plumbing');
    expect(store.labelOf('invoices', '7')).toBe('1313');
  });

  it('is null for a record it does not hold', () => {
    expect(store.labelOf('jobs', 'nope')).toBeNull();
    expect(store.labelOf('customers', '43')).toBeNull();
  });
});
