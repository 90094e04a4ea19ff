/**
 * tax/list. Readings tested (see sandbox/resources/tax.ts): `deleted` follows soft delete, show active|deleted|all,
 * name is a contains-search, sort only `name`, rate always "NN.NN".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZTax } from '../../lib/synchroteam/schemas/tax';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('tax rates', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    const taxes = api.sandbox.store.collection('tax');
    taxes.insert({ name: 'VAT', rate: '19.5', default: true });
    taxes.insert({ name: 'Reduced VAT', rate: '5,5', default: false });
    taxes.insert({ name: 'Zero', rate: 0, default: false });
    const old = taxes.insert({ name: 'Old VAT', rate: '17.00', default: false });
    taxes.setDeleted(old.id, true);
  });
  afterAll(() => api.stop());

  it('lists active taxes by name with two-decimal rates', async () => {
    const r = await api.get('tax/list');
    expect(r.status).toBe(200);
    ZPage(ZTax).parse(r.body);
    expect(r.body.data.map((t: any) => t.name)).toEqual(['Reduced VAT', 'VAT', 'Zero']);
    expect(r.body.data.map((t: any) => t.rate)).toEqual(['5.50', '19.50', '0.00']);
    expect(r.body.data.every((t: any) => t.deleted === false)).toBe(true);
  });

  it('filters by name, default and show', async () => {
    expect((await api.get('tax/list', { name: 'vat' })).body.recordsTotal).toBe(2);
    const def = await api.get('tax/list', { default: true });
    expect(def.body.data.map((t: any) => t.name)).toEqual(['VAT']);
    expect((await api.get('tax/list', { default: false })).body.recordsTotal).toBe(2);
    const deleted = await api.get('tax/list', { show: 'deleted' });
    expect(deleted.body.data).toHaveLength(1);
    expect(deleted.body.data[0]).toMatchObject({ name: 'Old VAT', deleted: true, rate: '17.00' });
    expect((await api.get('tax/list', { show: 'all' })).body.recordsTotal).toBe(4);
    expect((await api.get('tax/list', { name: 'vat', show: 'all' })).body.recordsTotal).toBe(3);
  });

  it('sorts by name both ways and paginates', async () => {
    const desc = await api.get('tax/list', { sort: 'name', sortOrder: 'descending' });
    expect(desc.body.data.map((t: any) => t.name)).toEqual(['Zero', 'VAT', 'Reduced VAT']);
    const p2 = await api.get('tax/list', { pageSize: 2, page: 2 });
    expect(p2.body).toMatchObject({ page: 2, pageSize: 2, records: 1, recordsTotal: 3 });
    expect(p2.body.data[0].name).toBe('Zero');
  });

  it('refuses bad parameters with a 400 naming them, and other verbs with a 405', async () => {
    for (const [q, name] of [
      [{ show: 'gone' }, 'show'],
      [{ sort: 'rate' }, 'sort'],
      [{ default: 'maybe' }, 'default'],
      [{ sortOrder: 'up' }, 'sortOrder'],
      [{ page: 0 }, 'page'],
    ] as const) {
      const r = await api.get('tax/list', q as any);
      expect(r.status).toBe(400);
      expect(r.body.message).toContain(name);
    }
    expect((await api.post('tax/list', {})).status).toBe(405);
    expect((await api.get('tax/details')).status).toBe(404);
  });
});
