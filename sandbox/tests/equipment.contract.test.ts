/**
 * Equipment. Readings under test (see sandbox/resources/equipment.ts): customer or site required; equipment on a
 * site carries the site's customer; tags inherited from the site else the customer; lifecycle answers spelled as the
 * reference examples (EquipmentsUnDeleted/isUnDeleted…); list filters by customer/site id or myId.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZEquipment } from '../../lib/synchroteam/schemas/equipment';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('equipment', () => {
  let api: TestApi;
  let cust: any;
  let other: any;
  let site: any;
  beforeAll(async () => {
    api = await startTestApi();
    cust = (await api.post('customer/send', { myId: 'C-E1', name: 'Equip Owner', tags: ['owner-tag'] })).body;
    other = (await api.post('customer/send', { myId: 'C-E2', name: 'Other' })).body;
    site = (
      await api.post('site/send', { myId: 'S-E1', name: 'Boiler Room', customer: { id: cust.id }, tags: ['site-tag'] })
    ).body;
    api.sandbox.store.collection('customfield').insert({
      objectType: 'equipment',
      label: 'Installed',
      type: 'date',
      private: false,
      mandatory: false,
      order: 1,
    });
    api.sandbox.store
      .collection('customfield')
      .insert({ objectType: 'equipment', label: 'Serial', type: 'text', private: false, mandatory: true, order: 2 });
  });
  afterAll(() => api.stop());

  it('creates on a site: carries the site customer and inherits the site tags', async () => {
    const r = await api.post('equipment/send', {
      myId: 'E-1',
      name: 'Heater 2345',
      site: { myId: 'S-E1' },
      customFieldValues: [
        { label: 'Installed', value: '2024-03-05' },
        { label: 'Serial', value: 'SN-1' },
      ],
    });
    expect(r.status).toBe(200);
    ZEquipment.parse(r.body);
    expect(r.body.site).toEqual({ id: site.id, myId: 'S-E1', name: 'Boiler Room' });
    expect(r.body.customer).toEqual({ id: cust.id, myId: 'C-E1', name: 'Equip Owner' });
    expect(r.body.tags.sort()).toEqual(['owner-tag', 'site-tag']);
    expect(r.body.publicLink).toMatch(/\/Equipment\//);
    expect(r.body.customFieldValues[0]).toMatchObject({ label: 'Installed', value: '2024-03-05' });
    for (const [k, v] of [
      ['id', r.body.id],
      ['myId', 'E-1'],
      ['name', 'Heater 2345'],
    ]) {
      expect((await api.get('equipment/details', { [k]: v })).body.id).toBe(r.body.id);
    }
    const u = await api.post('equipment/send', { myId: 'E-1', name: 'New Heater Name' });
    expect(u.body.id).toBe(r.body.id);
    expect(u.body.site.id).toBe(site.id);
    expect(u.body.customFieldValues).toHaveLength(2);
  });

  it('creates with a customer only; detaches from a site with site:null', async () => {
    const r = await api.post('equipment/send', {
      name: 'Loose pump',
      customer: { id: other.id },
      customFieldValues: [{ label: 'Serial', value: 'x' }],
    });
    expect(r.status).toBe(200);
    expect(r.body.site).toBeNull();
    expect(r.body.customer.id).toBe(other.id);
    expect(r.body.tags).toEqual([]);
    const e = (
      await api.post('equipment/send', {
        name: 'Detach me',
        site: { id: site.id },
        customFieldValues: [{ label: 'Serial', value: 'y' }],
      })
    ).body;
    const d = await api.post('equipment/send', { id: e.id, site: null });
    expect(d.body.site).toBeNull();
    expect(d.body.customer.id).toBe(cust.id);
    const moved = await api.post('equipment/send', { id: e.id, customer: { myId: 'C-E2' } });
    expect(moved.body.customer.id).toBe(other.id);
  });

  it('refuses bad input with a 400 naming the field and changes nothing', async () => {
    const e = (await api.get('equipment/details', { myId: 'E-1' })).body;
    const before = (await api.get('equipment/list', { pageSize: 100 })).body.recordsTotal;
    const serial = [{ label: 'Serial', value: 'z' }];
    const cases: [unknown, RegExp][] = [
      [{ name: 'Orphan', customFieldValues: serial }, /customer' or 'site/],
      [{ name: 'Mismatch', site: { id: site.id }, customer: { id: other.id }, customFieldValues: serial }, /customer/],
      [{ name: 'Ghost', site: { id: 99999 }, customFieldValues: serial }, /site/],
      [{ name: 'No serial', customer: { id: cust.id } }, /Serial/],
      [
        {
          name: 'Bad date',
          customer: { id: cust.id },
          customFieldValues: [...serial, { label: 'Installed', value: 'soon' }],
        },
        /Installed/,
      ],
      [{ customer: { id: cust.id }, customFieldValues: serial }, /name/],
      [{ id: e.id, customer: null }, /customer/],
      [{ id: e.id, customer: { id: other.id } }, /customer/],
      [{ id: e.id, tags: [1] }, /tags/],
    ];
    for (const [body, msg] of cases) {
      const r = await api.post('equipment/send', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect((await api.get('equipment/list', { pageSize: 100 })).body.recordsTotal).toBe(before);
    const after = (await api.get('equipment/details', { id: e.id })).body;
    expect(after.customer.id).toBe(cust.id);
    expect(after.tags).toEqual(e.tags);
    expect((await api.get('equipment/details', { id: 88888 })).status).toBe(404);
    expect((await api.put('equipment/send', {})).status).toBe(405);
  });

  it('deletes, undeletes, activates and desactivates', async () => {
    const e = (
      await api.post('equipment/send', {
        name: 'Cycle',
        customer: { id: cust.id },
        customFieldValues: [{ label: 'Serial', value: 'c' }],
      })
    ).body;
    expect((await api.del('equipment/delete', { id: e.id })).body).toEqual([{ id: e.id, deleted: true }]);
    expect((await api.get('equipment/details', { id: e.id })).status).toBe(404);
    expect((await api.post('equipment/undelete', undefined, { name: 'Cycle' })).body).toEqual({
      EquipmentsUnDeleted: [{ id: e.id, isUnDeleted: true }],
    });
    expect((await api.post('equipment/desactivate', undefined, { id: e.id })).body).toEqual({
      EquipmentsDesactivated: [{ id: e.id, isDesactivated: true }],
    });
    expect((await api.get('equipment/list', { name: 'Cycle' })).body.recordsTotal).toBe(0);
    expect((await api.get('equipment/list', { name: 'Cycle', active: false })).body.recordsTotal).toBe(1);
    expect((await api.post('equipment/activate', undefined, { id: e.id })).body).toEqual({
      EquipmentsActivated: [{ id: e.id, isActivated: true }],
    });
    expect((await api.del('equipment/delete', { myId: 'none' })).status).toBe(404);
    expect((await api.post('equipment/undelete', undefined, { id: e.id })).status).toBe(404);
  });

  it('lists with every filter, sorts and paginates', async () => {
    const s2 = (await api.post('site/send', { myId: 'S-E2', name: 'Roof', customer: { id: cust.id } })).body;
    for (let i = 0; i < 12; i++) {
      await api.post('equipment/send', {
        name: `Unit ${String(i).padStart(2, '0')}`,
        myId: `U-${String(i).padStart(2, '0')}`,
        site: { id: s2.id },
        customFieldValues: [{ label: 'Serial', value: `${i}` }],
      });
    }
    const bySite = await api.get('equipment/list', { site_id: s2.id, pageSize: 5, page: 3 });
    ZPage(ZEquipment).parse(bySite.body);
    expect(bySite.body).toMatchObject({ page: 3, pageSize: 5, records: 2, recordsTotal: 12 });
    expect((await api.get('equipment/list', { site_myId: 'S-E2' })).body.recordsTotal).toBe(12);
    expect((await api.get('equipment/list', { customer_myId: 'C-E1', site_myId: 'S-E2' })).body.recordsTotal).toBe(12);
    expect((await api.get('equipment/list', { customer_id: other.id, site_id: s2.id })).body.recordsTotal).toBe(0);
    const custAll = (await api.get('equipment/list', { customer_id: cust.id, pageSize: 100 })).body;
    expect(custAll.recordsTotal).toBeGreaterThan(12);
    expect((await api.get('equipment/list', { name: 'Unit 1*' })).body.recordsTotal).toBe(2);
    const desc = await api.get('equipment/list', { site_id: s2.id, sort: 'myId', sortOrder: 'descending' });
    expect(desc.body.data[0].myId).toBe('U-11');
    const mod = await api.get('equipment/list', { site_id: s2.id, sort: 'dateModified', sortOrder: 'ascending' });
    expect(mod.body.data[0].myId).toBe('U-00');
    expect((await api.get('equipment/list', { sortOrder: 'sideways' })).status).toBe(400);
    expect((await api.get('equipment/list', { site_id: '1.5' })).status).toBe(400);
    expect((await api.get('equipment/list', { pageSize: 0 })).status).toBe(400);
    const future = new Date(Date.now() + 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect((await api.get('equipment/list', { changedSince: future })).body.recordsTotal).toBe(0);
  });
});
