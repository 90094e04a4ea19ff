/**
 * Sites. Readings under test (see sandbox/resources/site.ts): customer required on creation and never cleared;
 * customer tags inherited on creation; contactName served beside first/last names; lifecycle answers spelled as the
 * reference examples (SitesUnDeleted/isUnDeleted…); active-only list by default; moving a site moves its equipment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZSite } from '../../lib/synchroteam/schemas/site';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('sites', () => {
  let api: TestApi;
  let cust: any;
  let other: any;
  beforeAll(async () => {
    api = await startTestApi();
    cust = (await api.post('customer/send', { myId: 'C-S1', name: 'Site Owner', tags: ['vip', 'hvac'] })).body;
    other = (await api.post('customer/send', { myId: 'C-S2', name: 'Other Owner' })).body;
    api.sandbox.store.collection('customfield').insert({
      objectType: 'site',
      label: 'Zone',
      type: 'select',
      values: ['East', 'West'],
      private: false,
      mandatory: false,
      order: 1,
    });
    api.sandbox.store
      .collection('customfield')
      .insert({ objectType: 'site', label: 'Floors', type: 'number', private: false, mandatory: false, order: 2 });
  });
  afterAll(() => api.stop());

  it('creates a site under a customer, inheriting its tags, geocoding the address', async () => {
    const r = await api.post('site/send', {
      myId: 'S-1',
      name: 'Main Plant',
      customer: { myId: 'C-S1' },
      addressStreet: '3120 W Belmont Ave',
      addressCity: 'Chicago',
      addressProvince: 'IL',
      addressZIP: '60618',
      contactFirstName: 'Paul',
      contactLastName: 'Hamilton',
      contactEmail: 'paul@hamilton.test',
      tags: ['plant'],
      customFieldValues: [
        { label: 'Zone', value: 'East' },
        { label: 'Floors', value: '3,5' },
      ],
    });
    expect(r.status).toBe(200);
    ZSite.parse(r.body);
    expect(r.body.customer).toEqual({ id: cust.id, myId: 'C-S1', name: 'Site Owner' });
    expect(r.body.tags.sort()).toEqual(['hvac', 'plant', 'vip']);
    expect(r.body.contactName).toBe('Paul Hamilton');
    expect(r.body.publicLink).toMatch(/^https:\/\/demo\.synchroteam\.com\/Site\//);
    expect(r.body.position).not.toBeNull();
    expect(r.body.customFieldValues).toEqual([
      expect.objectContaining({ label: 'Zone', value: 'East' }),
      expect.objectContaining({ label: 'Floors', value: '3.5' }),
    ]);
    for (const [k, v] of [
      ['id', r.body.id],
      ['myId', 'S-1'],
      ['name', 'Main Plant'],
    ]) {
      const d = await api.get('site/details', { [k]: v });
      expect(d.status).toBe(200);
      expect(d.body.id).toBe(r.body.id);
    }
    // partial update keeps unsent fields; tags are not re-inherited
    const u = await api.post('site/send', { myId: 'S-1', contactPhone: '(312) 555-0100', tags: ['x'] });
    expect(u.body.contactEmail).toBe('paul@hamilton.test');
    expect(u.body.tags).toEqual(['x']);
    expect(u.body.customer.id).toBe(cust.id);
  });

  it('serves the customer reference from the current customer record', async () => {
    const s = (await api.post('site/send', { name: 'Ref Site', customer: { id: other.id } })).body;
    await api.post('customer/send', { id: other.id, name: 'Renamed Owner' });
    expect((await api.get('site/details', { id: s.id })).body.customer.name).toBe('Renamed Owner');
  });

  it('refuses bad input with a 400 naming the field and changes nothing', async () => {
    const second = (await api.post('site/send', { myId: 'S-2', name: 'Second', customer: { id: cust.id } })).body;
    const before = (await api.get('site/list', { pageSize: 100 })).body.recordsTotal;
    const cases: [unknown, RegExp][] = [
      [{ name: 'No customer' }, /customer/],
      [{ name: 'Ghost', customer: { id: 999999 } }, /customer/],
      [{ name: 'Ghost', customer: { myId: 'nope' } }, /customer/],
      [{ name: 'Bad', customer: 5 }, /customer/],
      [{ customer: { id: cust.id } }, /name/],
      [{ name: 'Bad', customer: { id: cust.id }, contactEmail: 'x' }, /contactEmail/],
      [{ name: 'Bad', customer: { id: cust.id }, customFieldValues: [{ label: 'Zone', value: 'North' }] }, /Zone/],
      [{ name: 'Bad', customer: { id: cust.id }, customFieldValues: [{ label: 'Floors', value: 'many' }] }, /Floors/],
      [{ name: 'Bad', customer: { id: cust.id }, customFieldValues: [{ label: 'Nope', value: '1' }] }, /custom field/],
      [{ id: second.id, myId: 'S-1' }, /myId/],
      [{ myId: 'S-1', customer: null }, /customer/],
    ];
    for (const [body, msg] of cases) {
      const r = await api.post('site/send', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect((await api.get('site/list', { pageSize: 100 })).body.recordsTotal).toBe(before);
    expect((await api.get('site/details', { myId: 'S-1' })).body.customer.id).toBe(cust.id);
    expect((await api.get('site/details', { id: second.id })).body.myId).toBe('S-2');
    expect((await api.get('site/details')).status).toBe(400);
    expect((await api.get('site/details', { id: 424242 })).status).toBe(404);
    expect((await api.get('site/send')).status).toBe(405);
  });

  it('soft-deletes and undeletes every site with a name', async () => {
    const a = (await api.post('site/send', { name: 'Twin', customer: { id: cust.id } })).body;
    const b = (await api.post('site/send', { name: 'Twin', customer: { id: other.id } })).body;
    const del = await api.del('site/delete', { name: 'Twin' });
    expect(del.body).toEqual([
      { id: a.id, deleted: true },
      { id: b.id, deleted: true },
    ]);
    expect((await api.get('site/details', { id: a.id })).status).toBe(404);
    expect((await api.get('site/list', { name: 'Twin' })).body.recordsTotal).toBe(0);
    const un = await api.post('site/undelete', undefined, { id: a.id });
    expect(un.body).toEqual({ SitesUnDeleted: [{ id: a.id, isUnDeleted: true }] });
    expect((await api.get('site/list', { name: 'Twin' })).body.recordsTotal).toBe(1);
    expect((await api.post('site/undelete', undefined, { id: a.id })).status).toBe(404);
    expect((await api.del('site/delete', { id: 777777 })).status).toBe(404);
    expect((await api.del('site/delete')).status).toBe(400);
  });

  it('activates and desactivates; list shows active ones unless asked', async () => {
    const s = (await api.post('site/send', { name: 'Sleepy Site', customer: { id: cust.id } })).body;
    const off = await api.post('site/desactivate', undefined, { id: s.id });
    expect(off.body).toEqual({ SitesDesactivated: [{ id: s.id, isDesactivated: true }] });
    expect((await api.get('site/list', { name: 'Sleepy' })).body.recordsTotal).toBe(0);
    expect((await api.get('site/list', { name: 'Sleepy', active: false })).body.data[0].active).toBe(false);
    const on = await api.post('site/activate', undefined, { myId: 'S-1' });
    expect(on.body).toEqual({ SitesActivated: [expect.objectContaining({ isActivated: true })] });
    await api.post('site/activate', undefined, { id: s.id });
    expect((await api.get('site/details', { id: s.id })).body.active).toBe(true);
    expect((await api.post('site/activate', undefined, { id: 31337 })).status).toBe(404);
  });

  it('filters by customer, name wildcard and changedSince; sorts; paginates', async () => {
    const c3 = (await api.post('customer/send', { myId: 'C-S3', name: 'Many Sites' })).body;
    for (let i = 0; i < 27; i++)
      await api.post('site/send', {
        name: `Branch ${String(i).padStart(2, '0')}`,
        myId: `B-${i}`,
        customer: { id: c3.id },
      });
    const byId = await api.get('site/list', { customer_id: c3.id, pageSize: 20 });
    ZPage(ZSite).parse(byId.body);
    expect(byId.body.recordsTotal).toBe(27);
    expect(byId.body.records).toBe(20);
    const p2 = await api.get('site/list', { customer_id: c3.id, pageSize: 20, page: 2 });
    expect(p2.body.records).toBe(7);
    const names = [...byId.body.data, ...p2.body.data].map((s: any) => s.name);
    expect(new Set(names).size).toBe(27);
    expect(names).toEqual([...names].sort());
    expect((await api.get('site/list', { customer_myId: 'C-S3' })).body.recordsTotal).toBe(27);
    expect((await api.get('site/list', { customer_myId: 'nobody' })).body.recordsTotal).toBe(0);
    expect((await api.get('site/list', { customer_id: 'abc' })).status).toBe(400);
    expect((await api.get('site/list', { name: 'Branch 1*' })).body.recordsTotal).toBe(10);
    expect((await api.get('site/list', { name: 'ranch 2' })).body.recordsTotal).toBe(7);
    const desc = await api.get('site/list', { customer_id: c3.id, sort: 'myId', sortOrder: 'descending' });
    expect(desc.body.data[0].myId).toBe('B-9');
    const created = await api.get('site/list', { customer_id: c3.id, sort: 'dateCreated' });
    expect(created.body.data[0].myId).toBe('B-0');
    expect((await api.get('site/list', { sort: 'city' })).status).toBe(400);
    const future = new Date(Date.now() + 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    const past = new Date(Date.now() - 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect((await api.get('site/list', { changedSince: future })).body.recordsTotal).toBe(0);
    expect((await api.get('site/list', { changedSince: past, customer_id: c3.id })).body.recordsTotal).toBe(27);
    expect((await api.get('site/list', { changedSince: '31/02/2020' })).status).toBe(400);
  });

  it("moves the equipment of a site to the site's new customer", async () => {
    const s = (await api.post('site/send', { name: 'Mover', customer: { id: cust.id } })).body;
    const e = (await api.post('equipment/send', { name: 'Boiler on mover', site: { id: s.id } })).body;
    expect(e.customer.id).toBe(cust.id);
    await api.post('site/send', { id: s.id, customer: { id: other.id } });
    expect((await api.get('equipment/details', { id: e.id })).body.customer.id).toBe(other.id);
    expect(
      (await api.get('equipment/list', { customer_id: other.id, name: 'Boiler on mover' })).body.recordsTotal,
    ).toBe(1);
  });
});
