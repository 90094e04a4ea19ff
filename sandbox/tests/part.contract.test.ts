/**
 * Parts and services: details, list (every filter and sort), send (upsert by id/reference), delete, prices.
 * Readings tested (see sandbox/resources/part.ts): an unknown id creates (issue 17), reference upserts, price answered "NN.NN"
 * and negative refused, category by name creates, isSerializable frozen while in stock, list shows both statuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZPart, ZPartPriceResult, ZPartsDeleted } from '../../lib/synchroteam/schemas/part';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('parts and services', () => {
  let api: TestApi;
  let vat: number;
  beforeAll(async () => {
    api = await startTestApi();
    vat = api.sandbox.store.collection('tax').insert({ name: 'VAT', rate: '14.00', default: false }).id as number;
  });
  afterAll(() => api.stop());

  it('creates with category by name and tax by id, reads by id and reference, updates partially by reference', async () => {
    const c = await api.post('part/send', {
      name: '5mm Bearing',
      reference: 'p458',
      description: 'Line one\nline two',
      price: '10',
      minQuantity: 5,
      isSerializable: true,
      category: { name: 'Bearings' },
      tax: { id: vat },
      type: 'part',
    });
    expect(c.status).toBe(200);
    ZPart.parse(c.body);
    expect(c.body).toMatchObject({
      price: '10.00',
      status: 'active',
      isTracked: false,
      isSerializable: true,
      tax: { id: vat, name: 'VAT', rate: '14.00' },
    });
    expect(c.body.category).toEqual({ id: expect.any(Number), name: 'Bearings' });
    for (const q of [{ id: c.body.id }, { reference: 'p458' }] as Record<string, string | number>[]) {
      const d = await api.get('part/details', q);
      expect(d.status).toBe(200);
      expect(d.body.id).toBe(c.body.id);
    }
    const u = await api.post('part/send', { reference: 'p458', price: '12,5', tax: null });
    expect(u.body.id).toBe(c.body.id);
    expect(u.body).toMatchObject({ price: '12.50', tax: null, name: '5mm Bearing', minQuantity: 5 });
    const same = await api.post('part/send', {
      name: 'Other bearing',
      reference: 'p459',
      category: { name: 'bearings' },
    });
    expect(same.body.category.id).toBe(c.body.category.id);
    const byId = await api.post('part/send', {
      id: c.body.id,
      category: { id: c.body.category.id },
      status: 'inactive',
    });
    expect(byId.body.status).toBe('inactive');
  });

  it('refuses bad input with a 400 naming the field and changes nothing', async () => {
    const before = (await api.get('part/list')).body.recordsTotal;
    const cases: [unknown, string][] = [
      [{ reference: 'new-1' }, 'name'],
      [{ name: 'X', price: 'ten' }, 'price'],
      [{ name: 'X', price: '-1' }, 'price'],
      [{ name: 'X', minQuantity: -2 }, 'minQuantity'],
      [{ name: 'X', status: 'retired' }, 'status'],
      [{ name: 'X', type: 'gadget' }, 'type'],
      [{ name: 'X', tax: { id: 999 } }, 'tax'],
      [{ name: 'X', category: { id: 999 } }, 'category'],
      [{ name: 'X', isTracked: 'perhaps' }, 'isTracked'],
      [{ name: 'X', category: { name: 'Brand new' }, price: 'bad' }, 'price'],
    ];
    for (const [body, name] of cases) {
      const r = await api.post('part/send', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toContain(name);
    }
    expect((await api.post('part/send', 'not json')).status).toBe(400);
    expect((await api.get('part/list')).body.recordsTotal).toBe(before);
    // the refused send with a new category created no category either
    expect((await api.get('part/list', { category_name: 'Brand new' })).body.recordsTotal).toBe(0);
    expect(api.sandbox.store.collection('partcategory').findBy('name', 'Brand new')).toHaveLength(0);
    expect((await api.get('part/details', { id: 424242 })).status).toBe(404);
    expect((await api.get('part/details')).status).toBe(400);
  });

  it('lists with every filter and sort, and paginates', async () => {
    const mk = (b: Record<string, unknown>) => api.post('part/send', b);
    await mk({ name: 'Labour hour', reference: 'SVC-1', type: 'service', price: 80, category: { name: 'Labour' } });
    await mk({ name: 'Trip charge', reference: 'TRV-1', type: 'travel', price: 45, category: { name: 'Labour' } });
    await mk({ name: 'Misc fee', reference: 'OTH-1', type: 'other', price: 5 });
    await mk({ name: 'Copper pipe', reference: 'CP-1', isTracked: true, price: '3.25', category: { name: 'Pipes' } });
    const all = await api.get('part/list', { pageSize: 100 });
    ZPage(ZPart).parse(all.body);
    const names = all.body.data.map((p: any) => p.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    const n = all.body.recordsTotal;

    const labour = await api.get('part/list', { category_name: 'labour' });
    expect(labour.body.data.map((p: any) => p.reference).sort()).toEqual(['SVC-1', 'TRV-1']);
    const catId = labour.body.data[0].category.id;
    expect((await api.get('part/list', { category_id: catId })).body.recordsTotal).toBe(2);
    expect((await api.get('part/list', { type: 'service' })).body.data.map((p: any) => p.reference)).toEqual(['SVC-1']);
    expect((await api.get('part/list', { type: 'travel' })).body.data.map((p: any) => p.reference)).toEqual(['TRV-1']);
    expect((await api.get('part/list', { type: 'other' })).body.data.map((p: any) => p.reference)).toEqual(['OTH-1']);
    expect((await api.get('part/list', { isTracked: true })).body.data.map((p: any) => p.reference)).toEqual(['CP-1']);
    expect((await api.get('part/list', { isSerializable: true })).body.data.map((p: any) => p.reference)).toEqual([
      'p458',
    ]);
    expect((await api.get('part/list', { status: 'inactive' })).body.data.map((p: any) => p.reference)).toEqual([
      'p458',
    ]);
    expect((await api.get('part/list', { status: 'active' })).body.recordsTotal).toBe(n - 1);
    expect(
      (await api.get('part/list', { type: 'part', isTracked: false })).body.data.map((p: any) => p.reference).sort(),
    ).toEqual(['p458', 'p459']);

    const byRef = await api.get('part/list', { sort: 'reference', sortOrder: 'descending', pageSize: 100 });
    const refs = byRef.body.data.map((p: any) => p.reference);
    expect(refs).toEqual([...refs].sort((a: string, b: string) => b.toLowerCase().localeCompare(a.toLowerCase())));
    const byCat = await api.get('part/list', { sort: 'category', pageSize: 100 });
    const cats = byCat.body.data.map((p: any) => p.category?.name ?? '');
    expect(cats).toEqual([...cats].sort((a: string, b: string) => a.localeCompare(b)));
    expect(cats[0]).toBe(''); // parts without a category first

    const p1 = await api.get('part/list', { pageSize: 4 });
    const p2 = await api.get('part/list', { pageSize: 4, page: 2 });
    expect(p1.body.records).toBe(4);
    expect(new Set([...p1.body.data, ...p2.body.data].map((p: any) => p.id)).size).toBe(
      p1.body.records + p2.body.records,
    );

    const future = new Date(Date.now() + 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    const past = new Date(Date.now() - 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect((await api.get('part/list', { changedSince: future })).body.recordsTotal).toBe(0);
    expect((await api.get('part/list', { changedSince: past })).body.recordsTotal).toBe(n);
    for (const q of [
      { status: 'gone' },
      { type: 'gadget' },
      { sort: 'price' },
      { isTracked: 'x' },
      { category_id: 'abc' },
      { changedSince: 'soon' },
    ] as Record<string, string | number>[]) {
      const r = await api.get('part/list', q);
      expect(r.status, JSON.stringify(q)).toBe(400);
      expect(r.body.message).toContain(Object.keys(q)[0]);
    }
  });

  it('updates prices in bulk with per-item errors', async () => {
    const cp = (await api.get('part/details', { reference: 'CP-1' })).body;
    const r = await api.post('part/prices', [
      { reference: 'SVC-1', price: '10,25' },
      { id: cp.id, price: '70,25' },
      { id: 359112519, price: '540,25' },
      { reference: 'nope', price: '1' },
      { id: cp.id, price: '-100,25' },
      { price: '3' },
    ]);
    expect(r.status).toBe(200);
    r.body.forEach((x: unknown) => ZPartPriceResult.parse(x));
    expect(r.body.map((x: any) => x.error)).toEqual([
      null,
      null,
      'Part id not found',
      'Part reference not found',
      'Invalid price',
      'Identify the part with id or reference',
    ]);
    expect(r.body[0]).toEqual({ reference: 'SVC-1', price: '10,25', error: null });
    expect((await api.get('part/details', { reference: 'SVC-1' })).body.price).toBe('10.25');
    expect((await api.get('part/details', { id: cp.id })).body.price).toBe('70.25');
    expect((await api.post('part/prices', { id: 1, price: 2 })).status).toBe(400);
  });

  it('deletes by id or by reference (every part with it) and answers PartsDeleted', async () => {
    const a = await api.post('part/send', { name: 'Dup A', reference: 'DUP' });
    const b = await api.post('part/send', { name: 'Dup B', reference: 'DUP-B' });
    await api.post('part/send', { id: b.body.id, reference: 'DUP' }); // references are not unique
    const del = await api.del('part/delete', { reference: 'DUP' });
    expect(del.status).toBe(200);
    ZPartsDeleted.parse(del.body);
    expect(del.body.PartsDeleted.map((x: any) => x.id)).toEqual([a.body.id, b.body.id]);
    expect((await api.get('part/details', { id: a.body.id })).status).toBe(404);
    expect((await api.del('part/delete', { id: a.body.id })).status).toBe(404);
    expect((await api.del('part/delete')).status).toBe(400);
    expect((await api.get('part/delete', { id: 1 })).status).toBe(405);
  });

  it('keeps isSerializable while the part is in stock', async () => {
    const p = await api.post('part/send', { name: 'Filter', reference: 'FLT', isTracked: true });
    const depot = api.sandbox.store.collection('depot').insert({ name: 'Main', isDefault: true, isProvider: true });
    const load = await api.post('depot/quantities', [
      { depot: { id: depot.id }, parts: [{ productCode: 'FLT', quantity: 3 }] },
    ]);
    expect(load.body[0].error).toEqual([null]);
    const r = await api.post('part/send', { id: p.body.id, isSerializable: true });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('isSerializable');
    expect((await api.get('part/details', { id: p.body.id })).body.isSerializable).toBe(false);
  });
});
