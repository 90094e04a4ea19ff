import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZCustomer } from '../../lib/synchroteam/schemas/customer';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('customers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  it('creates, reads, partially updates by myId and keeps unsent fields', async () => {
    const created = await api.post('customer/send', {
      myId: 'C-1',
      name: 'Lakeview Bakery',
      addressStreet: '3120 W Belmont Ave',
      addressCity: 'Chicago',
      addressProvince: 'IL',
      addressZIP: '60618',
      addressCountry: 'United States',
      contactEmail: 'owner@lakeview.test',
      tags: ['bakery'],
    });
    expect(created.status).toBe(200);
    ZCustomer.parse(created.body);
    expect(typeof created.body.id).toBe('number');
    expect(created.body.address).toBe('3120 W Belmont Ave, Chicago, IL 60618, United States');
    expect(Number(created.body.position.latitude)).toBeCloseTo(41.9395, 3);
    expect(created.body.dateCreated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const updated = await api.post('customer/send', { myId: 'C-1', contactPhone: '(312) 555-0101' });
    expect(updated.body.id).toBe(created.body.id);
    expect(updated.body.contactEmail).toBe('owner@lakeview.test');
    expect(updated.body.contactPhone).toBe('(312) 555-0101');

    for (const [k, v] of [
      ['id', created.body.id],
      ['myId', 'C-1'],
      ['name', 'Lakeview Bakery'],
      ['email', 'owner@lakeview.test'],
    ]) {
      const d = await api.get('customer/details', { [k]: v });
      expect(d.status).toBe(200);
      expect(d.body.id).toBe(created.body.id);
    }
  });

  it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
    expect((await api.post('customer/send', { myId: 'no-name' })).body.message).toMatch(/name/);
    expect((await api.post('customer/send', { name: 'X', contactEmail: 'nope' })).body.message).toMatch(/contactEmail/);
    expect((await api.post('customer/send', { name: 'X', position: { latitude: 200, longitude: 0 } })).status).toBe(
      400,
    );
    expect((await api.post('customer/send', { name: 'X', tags: 'a' })).status).toBe(400);
    expect((await api.post('customer/send', [1, 2])).status).toBe(400);
    await api.post('customer/send', { myId: 'D-1', name: 'Dup one' });
    const two = await api.post('customer/send', { myId: 'D-2', name: 'Dup two' });
    const clash = await api.post('customer/send', { id: two.body.id, myId: 'D-1' });
    expect(clash.status).toBe(400);
    expect(clash.body.message).toMatch(/myId/);
    expect((await api.get('customer/details', { id: two.body.id })).body.myId).toBe('D-2');
    expect((await api.get('customer/list', { name: 'X' })).body.data.filter((c: any) => c.name === 'X')).toHaveLength(
      0,
    );
  });

  it('leaves an unknown address without a position', async () => {
    const c = await api.post('customer/send', { name: 'Far away', address: '1 Rue de Rivoli, Paris, 75001, France' });
    expect(c.body.position).toBeNull();
    expect(c.body.addressCity).toBe('Paris');
  });

  it('soft-deletes and undeletes', async () => {
    const c = await api.post('customer/send', { name: 'Gone Soon' });
    const del = await api.del('customer/delete', { id: c.body.id });
    expect(del.body).toEqual([{ id: c.body.id, deleted: true }]);
    expect((await api.get('customer/details', { id: c.body.id })).status).toBe(404);
    expect((await api.get('customer/list', { name: 'Gone Soon' })).body.recordsTotal).toBe(0);
    const un = await api.post('customer/undelete', undefined, { id: c.body.id });
    expect(un.body).toEqual({ customersDeleted: [{ id: c.body.id, isDeleted: true }] });
    expect((await api.get('customer/details', { id: c.body.id })).status).toBe(200);
    expect((await api.del('customer/delete', { id: 123456 })).status).toBe(404);
    expect((await api.del('customer/delete')).status).toBe(400);
  });

  it('activates and desactivates; list shows active ones unless asked', async () => {
    const c = await api.post('customer/send', { name: 'Sleepy Co' });
    const off = await api.post('customer/desactivate', undefined, { id: c.body.id });
    expect(off.body).toEqual({ customersDesactivated: [{ id: c.body.id, isDesactivated: true }] });
    expect((await api.get('customer/list', { name: 'Sleepy' })).body.recordsTotal).toBe(0);
    const inactive = await api.get('customer/list', { name: 'Sleepy', active: false });
    expect(inactive.body.data[0].active).toBe(false);
    await api.post('customer/activate', undefined, { id: c.body.id });
    expect((await api.get('customer/details', { id: c.body.id })).body.active).toBe(true);
  });

  it('paginates consistently, sorts and filters by changedSince', async () => {
    for (let i = 0; i < 30; i++) await api.post('customer/send', { name: `Page Co ${String(i).padStart(2, '0')}` });
    const p1 = await api.get('customer/list', { name: 'Page Co*', pageSize: 20 });
    const p2 = await api.get('customer/list', { name: 'Page Co*', pageSize: 20, page: 2 });
    const p9 = await api.get('customer/list', { name: 'Page Co*', pageSize: 20, page: 9 });
    ZPage(ZCustomer).parse(p1.body);
    expect(p1.body.recordsTotal).toBe(30);
    expect(p1.body.records).toBe(20);
    expect(p2.body.records).toBe(10);
    expect(p9.status).toBe(200);
    expect(p9.body.data).toEqual([]);
    const names = [...p1.body.data, ...p2.body.data].map((c: any) => c.name);
    expect(new Set(names).size).toBe(30);
    expect(names).toEqual([...names].sort());
    const desc = await api.get('customer/list', { name: 'Page Co', sort: 'name', sortOrder: 'descending' });
    expect(desc.body.data[0].name).toBe('Page Co 29');
    expect((await api.get('customer/list', { sort: 'bogus' })).status).toBe(400);
    const future = new Date(Date.now() + 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect((await api.get('customer/list', { changedSince: future })).body.recordsTotal).toBe(0);
    expect((await api.get('customer/list', { changedSince: 'yesterday' })).status).toBe(400);
  });
});
