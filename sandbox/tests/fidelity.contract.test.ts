/**
 * Issue 17: the sandbox is never stricter than the reference.
 * - job/send with an unknown num or id creates (the sent num and id are kept when free); every other documented
 *   send ("if the id exists … updated, if not … created") creates on an unknown id too.
 * - An invoice line whose partReference is not in the catalogue is a free line that keeps the reference.
 * - job/complete stores the caller's actualStart/actualEnd even where start/pause recorded otherwise.
 * - The list envelope carries request/object; a limit switched off sends no rate headers (not 0).
 * - --list-shape observed: job/list rows as a production account's export shows them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { setupWorld, type World } from './job-fixtures';
import { ZJob, ZJobListItem } from '../../lib/synchroteam/schemas/job';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('never stricter than the reference', () => {
  let api: TestApi;
  let w: World;
  const clock = Date.UTC(2030, 5, 3, 15, 0, 0);
  beforeAll(async () => {
    api = await startTestApi({ now: () => clock });
    w = await setupWorld(api);
  });
  afterAll(() => api.stop());

  it('job/send with an unknown num creates the job under that num; sending it again updates it', async () => {
    const first = await api.post('job/send', {
      num: 987654,
      customer: { id: w.customer.id },
      description: 'their own number',
    });
    expect(first.status).toBe(200);
    expect(ZJob.parse(first.body)).toMatchObject({ num: 987654, description: 'their own number' });
    const again = await api.post('job/send', { num: 987654, description: 'updated' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, num: 987654, description: 'updated' });
    expect(api.sandbox.store.collection('job').findBy('num', 987654)).toHaveLength(1);
  });

  it('job/send with an unknown id creates the job under that id; a num held by a deleted job is replaced', async () => {
    const r = await api.post('job/send', { id: '265_160719144323649', customer: { id: w.customer.id } });
    expect(r.status).toBe(200);
    expect(r.body.id).toBe('265_160719144323649');
    const gone = (await api.post('job/send', { customer: { id: w.customer.id } })).body;
    await api.del('job/delete', { id: gone.id });
    const reuse = await api.post('job/send', { num: gone.num, customer: { id: w.customer.id } });
    expect(reuse.status).toBe(200);
    expect(reuse.body.num).not.toBe(gone.num);
  });

  it.each([
    ['customer/send', () => ({ id: 999999, name: 'Created by id' })],
    ['site/send', () => ({ id: 999999, name: 'Site by id', customer: { id: w.customer.id } })],
    ['equipment/send', () => ({ id: 88888, name: 'Boiler by id', customer: { id: w.customer.id } })],
    ['part/send', () => ({ id: 987654, name: 'Part by id' })],
    ['jobtype/send', () => ({ id: 99999, name: 'Type by id' })],
    ['contract/send', () => ({ id: 'no-such-id', num: 999, name: 'Contract by id', customer: { id: w.customer.id } })],
    ['tasks/send', () => ({ id: 98765, content: 'Task by id', user: { id: w.alice.id } })],
  ])('%s with an unknown id creates (the answer carries the id stored)', async (path, body) => {
    const r = await api.post(path, body());
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.id).toBeTruthy();
  });

  it('an invoice line whose partReference is not in the catalogue is a free line keeping the reference', async () => {
    const r = await api.post('invoice/send', {
      customer: { id: w.customer.id },
      lines: [
        { description: 'Hybrid Valve', partReference: 'HV-11', quantity: '10', unitPrice: '19.95', taxRate: '10.00' },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.lines[0]).toMatchObject({
      description: 'Hybrid Valve',
      partReference: 'HV-11',
      unitPrice: '19.95',
      total: '219.45',
    });
  });

  it('job/complete stores the actual times the caller gives, over what start recorded', async () => {
    const j = (
      await api.post('job/send', {
        customer: { id: w.customer.id },
        technician: { id: w.bob.id },
        scheduledStart: '2030-06-03 08:00',
      })
    ).body;
    await api.post('job/start', { id: j.id, actualStart: '2030-06-03 09:30' });
    const r = await api.post('job/complete', {
      id: j.id,
      actualStart: '2030-06-03 09:00',
      actualEnd: '2030-06-03 09:20',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const d = ZJob.parse((await api.get('job/details', { id: j.id })).body);
    expect(d).toMatchObject({
      status: 'completed',
      actualStart: '2030-06-03 09:00',
      actualEnd: '2030-06-03 09:20',
      duration: 20,
    });
    expect(d.timeEntries).toEqual([
      { user: expect.objectContaining({ id: w.bob.id }), start: '2030-06-03 09:00', stop: '2030-06-03 09:20' },
    ]);
  });

  it('answers lists in the reference envelope, request and object first', async () => {
    const r = await api.get('job/list', { pageSize: 2 });
    expect(Object.keys(r.body).slice(0, 2)).toEqual(['request', 'object']);
    expect(r.body).toMatchObject({ request: 'list', object: 'job', page: 1, pageSize: 2 });
    expect((await api.get('customer/list')).body).toMatchObject({ request: 'list', object: 'customer' });
  });

  it('sends no rate or quota headers for a limit that is switched off', async () => {
    const r = await api.get('job/list');
    for (const h of [
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
      'x-quota-limit',
      'x-quota-remaining',
    ]) {
      expect(r.headers.get(h), h).toBeNull();
    }
  });
});

describe('rate headers with one limit on', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startTestApi({ config: { rateLimitPerMinute: 120, dailyQuota: 0 } })));
  afterAll(() => api.stop());
  it('sends the minute headers and omits the quota ones', async () => {
    const r = await api.get('team/list');
    expect(r.headers.get('x-ratelimit-limit')).toBe('120');
    expect(r.headers.get('x-ratelimit-remaining')).toBe('119');
    expect(r.headers.get('x-quota-limit')).toBeNull();
    expect(r.headers.get('x-quota-remaining')).toBeNull();
  });
});

describe('--list-shape observed', () => {
  let api: TestApi;
  let w: World;
  beforeAll(async () => {
    api = await startTestApi({ config: { listShape: 'observed' } });
    w = await setupWorld(api);
    await api.post('job/send', {
      customer: { id: w.customer.id },
      skills: ['Plumber'],
      preferences: { team: { id: w.east.id } },
    });
  });
  afterAll(() => api.stop());

  it('serves job/list rows with preferences and project, without duration, skills, tags, validateBy, dateDeleted', async () => {
    const r = await api.get('job/list');
    const row = ZPage(ZJobListItem).parse(r.body).data[0];
    expect(row).toHaveProperty('preferences');
    expect(row.preferences?.team).toMatchObject({ id: w.east.id });
    expect(row).toHaveProperty('project', null);
    for (const f of ['duration', 'skills', 'tags', 'validateBy', 'dateDeleted', 'report', 'parts', 'timeEntries'])
      expect(row).not.toHaveProperty(f);
    // details is unchanged: the full job
    const d = ZJob.parse((await api.get('job/details', { id: row.id })).body);
    expect(d.skills).toEqual(['Plumber']);
  });
});
