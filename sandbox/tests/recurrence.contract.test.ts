import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { setupWorld, type World } from './job-fixtures';
import { ZRecurrence } from '../../lib/synchroteam/schemas/recurrence';
import { ZPage } from '../../lib/synchroteam/schemas/common';
import { insertSchedulingWindow } from '../resources/jobschedulingwindow';

describe('recurrences', () => {
  let api: TestApi;
  let w: World;
  beforeAll(async () => {
    api = await startTestApi();
    w = await setupWorld(api);
    insertSchedulingWindow(api.sandbox.store, { name: 'Afternoon', startTime: '13:00', endTime: '17:00' });
  });
  afterAll(() => api.stop());

  it('creates from the send example (client, days string), defaults address from the customer, duration from the type', async () => {
    const r = await api.post('recurrence/send', {
      description: 'Visit twice a month',
      priority: 'high',
      client: { name: w.customer.name },
      type: { name: w.type.name },
      dateStart: '2022-03-01 00:00',
      dateEnd: '2022-04-28 00:00',
      frequency: 2,
      frequencyLevel: 'week',
      days: '5,1',
      preferences: {
        schedulingWindow: { name: 'Afternoon' },
        team: { id: w.east.id },
        autoScheduleDays: 14,
        flAutoSchedule: true,
      },
    });
    expect(r.status).toBe(200);
    const rec = ZRecurrence.parse(r.body);
    expect(rec).toMatchObject({
      num: 1,
      priority: 'high',
      customer: { id: w.customer.id },
      site: null,
      days: '1,5',
      duration: '01:30:00',
      isClosed: false,
      dateStart: '2022-03-01 00:00',
      dateEnd: '2022-04-28 00:00',
      address: w.customer.address,
      dateDeleted: null,
      preferences: {
        schedulingWindow: { name: 'Afternoon' },
        team: { id: w.east.id },
        user: null,
        autoScheduleDays: 14,
        flAutoSchedule: true,
        specificTime: null,
      },
    });
    const upd = await api.post('recurrence/send', { id: rec.id, frequency: 3, days: [2], myId: 'REC-1' });
    expect(upd.body).toMatchObject({
      id: rec.id,
      frequency: 3,
      days: '2',
      myId: 'REC-1',
      description: 'Visit twice a month',
    });
    const byMyId = await api.post('recurrence/send', { myId: 'REC-1', site: { id: w.site.id } });
    expect(byMyId.body).toMatchObject({ id: rec.id, site: { id: w.site.id } });
    expect((await api.get('recurrence/details', { id: rec.id })).body.frequency).toBe(3);
  });

  it('refuses bad input with a 400 naming the field, changing nothing', async () => {
    const before = (await api.get('recurrence/list')).body.recordsTotal;
    const base = { customer: { id: w.customer.id }, dateStart: '2030-01-01', frequency: 1, frequencyLevel: 'month' };
    for (const [body, msg] of [
      [{ ...base, customer: undefined }, /customer/],
      [{ ...base, dateStart: undefined }, /dateStart/],
      [{ ...base, frequencyLevel: 'hour' }, /frequencyLevel/],
      [{ ...base, frequencyLevel: undefined }, /frequencyLevel/],
      [{ ...base, frequency: 0 }, /frequency/],
      [{ ...base, days: '1,8' }, /days/],
      [{ ...base, dateEnd: '2029-01-01' }, /dateEnd/],
      [{ ...base, site: { id: w.otherSite.id } }, /site/],
      [{ ...base, preferences: { specificTime: '25:00' } }, /specificTime/],
      [{ ...base, preferences: { team: { name: 'Nobody' } } }, /preferences\.team/],
    ] as const) {
      const r = await api.post('recurrence/send', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect((await api.get('recurrence/list')).body.recordsTotal).toBe(before);
  });

  it('lists ongoing or closed, filters, closes and soft-deletes', async () => {
    const mk = async (body: Record<string, unknown>) =>
      (await api.post('recurrence/send', { frequency: 1, frequencyLevel: 'month', ...body })).body;
    const a = await mk({ customer: { id: w.other.id }, dateStart: '2030-01-01', dateEnd: '2030-06-30' });
    const b = await mk({ site: { myId: w.site.myId }, equipment: { id: w.equipment.id }, dateStart: '2030-03-01' });
    const nums = async (q: Record<string, string | number>) => {
      const r = await api.get('recurrence/list', q);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      ZPage(ZRecurrence).parse(r.body);
      return r.body.data.map((x: any) => x.id).join(',');
    };
    expect(await nums({ customer_id: w.other.id })).toBe(String(a.id));
    expect(await nums({ customer_myId: w.other.myId })).toBe(String(a.id));
    expect(await nums({ site_myId: w.site.myId })).toContain(String(b.id));
    expect(await nums({ equipment_id: w.equipment.id })).toBe(String(b.id));
    expect(await nums({ equipment_myId: w.equipment.myId })).toBe(String(b.id));
    expect(await nums({ dateFrom: '2030-02-01' })).toBe(String(b.id));
    expect(await nums({ dateTo: '2030-06-30' })).toContain(String(a.id));
    expect(await nums({ dateTo: '2030-06-30' })).not.toContain(String(b.id));
    expect(await nums({ type_name: w.type.name })).not.toContain(String(a.id));
    expect(await nums({ reportTemplate_id: 4242 })).toBe('');
    expect((await api.put('recurrence/close', undefined, { id: a.id })).body).toEqual({ id: a.id, isClosed: true });
    expect(await nums({ customer_id: w.other.id })).toBe('');
    expect(await nums({ customer_id: w.other.id, show: 'closed' })).toBe(String(a.id));
    expect((await api.get('recurrence/details', { id: a.id })).body.isClosed).toBe(true);
    expect((await api.del('recurrence/delete', { id: b.id })).body).toEqual({ id: b.id, isDeleted: true });
    expect((await api.get('recurrence/details', { id: b.id })).status).toBe(404);
    expect(await nums({ equipment_id: w.equipment.id })).toBe('');
    expect((await api.del('recurrence/delete', { id: b.id })).status).toBe(404);
    expect((await api.put('recurrence/close', undefined, { id: 9999 })).status).toBe(404);
    expect((await api.put('recurrence/close')).status).toBe(400);
    expect((await api.post('recurrence/close', {}, { id: a.id })).status).toBe(405);
    expect((await api.get('recurrence/list', { show: 'all' })).status).toBe(400);
    const p = await api.get('recurrence/list', { pageSize: 1 });
    expect(p.body.records).toBe(1);
    expect(p.body.recordsTotal).toBe(1); // the first one; a is closed, b deleted
  });
});
