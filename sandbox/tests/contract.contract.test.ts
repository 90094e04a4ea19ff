/**
 * Contracts ("TO COME" in the reference, implemented as documented). Readings under test (see
 * sandbox/resources/contract.ts): UUID id and num; upsert by id or num (unknown → 404); equipment/jobTypes items
 * with add/remove actions; SLA names checked; hours in minutes, hoursUsed an integer; simplified list with
 * name/customer/site/start/end/active filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZContract, ZContractSummary } from '../../lib/synchroteam/schemas/contract';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('contracts', () => {
  let api: TestApi;
  let cust: any, other: any, site: any, e1: any, e2: any, eOther: any, jt1: any, jt2: any;
  let main: any;
  beforeAll(async () => {
    api = await startTestApi();
    cust = (await api.post('customer/send', { myId: 'myidCust', name: 'nameCust' })).body;
    other = (await api.post('customer/send', { myId: 'other', name: 'Other' })).body;
    site = (await api.post('site/send', { myId: 'myidSite', name: 'nameSite', customer: { id: cust.id } })).body;
    e1 = (await api.post('equipment/send', { myId: '78', name: 'Boiler', site: { id: site.id } })).body;
    e2 = (await api.post('equipment/send', { myId: 'E2', name: 'Chiller', customer: { id: cust.id } })).body;
    eOther = (await api.post('equipment/send', { myId: 'EO', name: 'Not theirs', customer: { id: other.id } })).body;
    jt1 = api.sandbox.store.collection('jobtype').insert({ name: 'test1', duration: '01:00:00', isDefault: false });
    jt2 = api.sandbox.store.collection('jobtype').insert({ name: 'test2', duration: '02:00:00', isDefault: false });
  });
  afterAll(() => api.stop());

  it('creates a contract as the reference example shows', async () => {
    const r = await api.post('contract/send', {
      name: 'Contract Name',
      note: 'This is the note of the contract',
      customer: { id: cust.id },
      site: { myId: 'myidSite' },
      equipment: [{ myID: 78, action: 'add' }, { id: e2.id }],
      jobTypes: [
        { id: jt1.id, sla: null, action: 'add' },
        { name: 'test2', sla: 'sla normal' },
      ],
      start: '2024-10-01',
      end: '2024-11-05',
      hours: 2400,
      sla: [
        { name: 'sla normal', tto: 60, tts: 120, ttr: 180 },
        { name: 'sla urgence', tto: 30, tts: 60, ttr: 165 },
      ],
    });
    expect(r.status).toBe(200);
    ZContract.parse(r.body);
    main = r.body;
    expect(r.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.body).toMatchObject({
      num: 1,
      name: 'Contract Name',
      customer: { id: cust.id, myId: 'myidCust', name: 'nameCust' },
      site: { id: site.id, myId: 'myidSite', name: 'nameSite' },
      equipment: [
        { id: e1.id, myId: '78', name: 'Boiler' },
        { id: e2.id, myId: 'E2', name: 'Chiller' },
      ],
      jobTypes: [
        { id: jt1.id, name: 'test1', sla: null },
        { id: jt2.id, name: 'test2', sla: 'sla normal' },
      ],
      start: '2024-10-01',
      end: '2024-11-05',
      hours: 2400,
      hoursUsed: 0,
      active: true,
    });
    expect((await api.get('contract/details', { id: r.body.id })).body).toEqual(r.body);
    expect((await api.get('contract/details', { num: 1 })).body.id).toBe(r.body.id);
  });

  it('updates by num or id: add/remove items, partial payloads', async () => {
    const u = await api.post('contract/send', {
      num: main.num,
      equipment: [{ id: e1.id, action: 'remove' }],
      jobTypes: [
        { id: jt1.id, sla: 'sla urgence' },
        { name: 'test2', action: 'remove' },
      ],
    });
    expect(u.status).toBe(200);
    expect(u.body.equipment.map((e: any) => e.id)).toEqual([e2.id]);
    expect(u.body.jobTypes).toEqual([{ id: jt1.id, name: 'test1', sla: 'sla urgence' }]);
    expect(u.body.note).toBe('This is the note of the contract');
    const v = await api.post('contract/send', {
      id: main.id,
      hours: 600,
      end: '2025-03-31',
      equipments: [{ myId: '78' }],
    });
    expect(v.body).toMatchObject({ hours: 600, end: '2025-03-31', start: '2024-10-01' });
    expect(v.body.equipment).toHaveLength(2);
  });

  it('sums hoursUsed from jobs that name the contract', async () => {
    const jobs = api.sandbox.store.collection('job');
    jobs.insert({ num: 1, status: 'completed', duration: 45, contract: { id: main.id } });
    jobs.insert({ num: 2, status: 'completed', duration: 15, contract: { id: main.id } });
    jobs.insert({ num: 3, status: 'completed', duration: 99, contract: null });
    expect((await api.get('contract/details', { id: main.id })).body.hoursUsed).toBe(60);
  });

  it('refuses bad input with a 400 naming the field and changes nothing', async () => {
    const before = (await api.get('contract/details', { id: main.id })).body;
    const base = { name: 'X', customer: { id: cust.id } };
    const cases: [unknown, RegExp][] = [
      [{ customer: { id: cust.id } }, /name/],
      [{ name: 'X' }, /customer/],
      [{ name: 'X', customer: { myId: 'nope' } }, /customer/],
      [{ ...base, site: { id: 12345 } }, /site/],
      [{ name: 'X', customer: { id: other.id }, site: { id: site.id } }, /site/],
      [{ ...base, equipment: [{ id: eOther.id }] }, /equipment\[0\]/],
      [{ ...base, equipment: [{ id: e1.id, action: 'swap' }] }, /action/],
      [{ ...base, equipment: 'all' }, /equipment/],
      [{ ...base, jobTypes: [{ name: 'nope' }] }, /jobTypes\[0\]/],
      [{ ...base, jobTypes: [{ id: jt1.id, sla: 'gold' }] }, /sla/],
      [{ ...base, sla: [{ name: 'a', tto: 1, tts: 2 }] }, /sla\[0\]\.ttr/],
      [{ ...base, sla: [{ name: 'a', tto: -1, tts: 2, ttr: 3 }] }, /sla\[0\]\.tto/],
      [
        {
          ...base,
          sla: [
            { name: 'a', tto: 1, tts: 2, ttr: 3 },
            { name: 'A', tto: 1, tts: 2, ttr: 3 },
          ],
        },
        /sla\[1\]/,
      ],
      [{ ...base, start: '2024-05-01', end: '2024-04-01' }, /end/],
      [{ ...base, start: '2024-05-01 10:30' }, /start/],
      [{ ...base, start: 'soon' }, /start/],
      [{ ...base, hours: -5 }, /hours/],
      [{ ...base, hours: 1.5 }, /hours/],
      [{ id: main.id, sla: [] }, /sla/],
      [{ id: main.id, customer: { id: other.id } }, /customer|equipment/],
    ];
    for (const [body, msg] of cases) {
      const r = await api.post('contract/send', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect((await api.get('contract/details', { id: main.id })).body).toEqual(before);
    expect((await api.get('contract/list')).body.recordsTotal).toBe(1);
    expect((await api.get('contract/details', { num: 999 })).status).toBe(404);
    expect((await api.get('contract/details')).status).toBe(400);
    expect((await api.del('contract/delete', { id: main.id })).status).toBe(404);
  });

  it('lists simplified contracts with every filter', async () => {
    await api.post('contract/send', {
      name: 'Old maintenance',
      customer: { id: cust.id },
      start: '2020-01-01',
      end: '2020-12-31',
    });
    await api.post('contract/send', { name: 'Other maintenance', customer: { myId: 'other' }, start: '2024-01-01' });
    await api.post('contract/send', { name: 'Paused', customer: { id: cust.id }, active: false });
    const all = await api.get('contract/list');
    ZPage(ZContractSummary).parse(all.body);
    expect(all.body.data.map((c: any) => c.num)).toEqual([1, 2, 3]);
    expect(all.body.data[0].equipment).toBeUndefined();
    expect(all.body.data[0].sla).toBeUndefined();
    expect(all.body.data[0].hoursUsed).toBeUndefined();
    const names = async (q: Record<string, string | number | boolean>) =>
      (await api.get('contract/list', q)).body.data.map((c: any) => c.name);
    expect(await names({ name: 'maintenance' })).toEqual(['Old maintenance', 'Other maintenance']);
    expect(await names({ name: 'Old*' })).toEqual(['Old maintenance']);
    expect(await names({ customer_id: other.id })).toEqual(['Other maintenance']);
    expect(await names({ customer_myId: 'myidCust' })).toEqual(['Contract Name', 'Old maintenance']);
    expect(await names({ site_id: site.id })).toEqual(['Contract Name']);
    expect(await names({ site_myId: 'myidSite' })).toEqual(['Contract Name']);
    expect(await names({ start: '2024-04-21' })).toEqual(['Contract Name', 'Other maintenance']);
    expect(await names({ end: '2021-01-01' })).toEqual(['Old maintenance']);
    expect(await names({ start: '2020-06-01', end: '2020-06-30' })).toEqual(['Old maintenance']);
    expect(await names({ active: false })).toEqual(['Paused']);
    expect((await api.get('contract/list', { pageSize: 2, page: 2 })).body).toMatchObject({
      records: 1,
      recordsTotal: 3,
    });
    expect((await api.get('contract/list', { start: 'later' })).status).toBe(400);
    expect((await api.get('contract/list', { customer_id: 'abc' })).status).toBe(400);
  });
});
