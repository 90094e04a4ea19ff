/**
 * Timeline. Readings under test (see sandbox/resources/timeline.ts): bare-array list of notes and job
 * notifications (written by job-shared.ts writeTimeline), paginated only on request; `client`/`created` accepted
 * and echoed by send beside customer/dateCreated; parents completed from site/equipment/job; creation only; every
 * filter, createdSince/changedSince in UTC, event=null.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApi, type TestApi } from './harness';
import { ZTimelineItem } from '../../lib/synchroteam/schemas/timeline';
import { writeTimeline } from '../resources/job-shared';

const utc = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().slice(0, 19).replace('T', ' ');

describe('timeline', () => {
  let api: TestApi;
  let cust: any, cust2: any, site: any, equip: any, user: any, job: any;
  beforeAll(async () => {
    api = await startTestApi();
    cust = (await api.post('customer/send', { myId: 'C-T', name: 'Café La Boheme' })).body;
    cust2 = (await api.post('customer/send', { myId: 'C-T2', name: 'Other' })).body;
    site = (await api.post('site/send', { myId: 'S-T', name: 'Café La Boheme - Site 1', customer: { id: cust.id } }))
      .body;
    equip = (await api.post('equipment/send', { myId: 'E-T', name: 'Espresso machine', site: { id: site.id } })).body;
    user = (await api.post('user/send', { login: 'arouay', password: 'pw', firstName: 'Adil', lastName: 'Rouay' }))
      .body;
    job = api.sandbox.store.collection('job').insert({
      num: 2861,
      myId: 'ref job 2861',
      status: 'scheduled',
      description: 'Fix it',
      customer: { id: cust.id, myId: 'C-T', name: 'Café La Boheme' },
      site: { id: site.id, myId: 'S-T', name: site.name },
      equipment: null,
    });
  });
  afterAll(() => api.stop());

  it('creates a note with the example body (client alias) and echoes client/created', async () => {
    const r = await api.post('timeline/send', {
      type: 'sms',
      title: 'sms note 22',
      content: 'sms 22',
      isPinned: true,
      isPublic: false,
      client: { id: cust.id, name: 'Café La Boheme', myId: 'C-T' },
      site: { id: site.id, name: 'Café La Boheme - Site 1' },
      equipment: null,
      job: { id: job.id },
      user: { id: user.id, name: 'ADIL ROUAY', login: 'arouay' },
    });
    expect(r.status).toBe(200);
    ZTimelineItem.parse(r.body);
    expect(r.body).toMatchObject({
      type: 'sms',
      title: 'sms note 22',
      content: 'sms 22',
      isPinned: true,
      isPublic: false,
      event: null,
      source: 'timeline',
      customer: { id: cust.id, myId: 'C-T', name: 'Café La Boheme' },
      client: { id: cust.id, myId: 'C-T', name: 'Café La Boheme' },
      site: { id: site.id, myId: 'S-T', name: 'Café La Boheme - Site 1' },
      equipment: null,
      job: { id: job.id, num: '2861', myId: 'ref job 2861' },
      user: { id: user.id, name: 'Adil Rouay', login: 'arouay' },
    });
    expect(r.body.dateCreated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(r.body.created).toBe(r.body.dateCreated);
  });

  it('completes missing parents from equipment and job', async () => {
    const e = await api.post('timeline/send', { type: 'note', title: 'Descaled', equipment: { myId: 'E-T' } });
    expect(e.body.site.id).toBe(site.id);
    expect(e.body.customer.id).toBe(cust.id);
    const j = await api.post('timeline/send', { type: 'call', content: 'Called about job', job: { num: 2861 } });
    expect(j.body.customer.id).toBe(cust.id);
    expect(j.body.site.id).toBe(site.id);
    expect(j.body.user).toBeNull();
  });

  it('refuses bad input with a 400 naming the field and stores nothing', async () => {
    const before = (await api.get('timeline/list')).body.length;
    const cases: [unknown, RegExp][] = [
      [{ title: 'x', customer: { id: cust.id } }, /type/],
      [{ type: 'fax', title: 'x', customer: { id: cust.id } }, /type/],
      [{ type: 'note', customer: { id: cust.id } }, /title/],
      [{ type: 'note', title: 'orphan' }, /customer/],
      [{ type: 'note', title: 'x', customer: { id: 9999 } }, /customer/],
      [{ type: 'note', title: 'x', client: { myId: 'nope' } }, /client/],
      [{ type: 'note', title: 'x', job: { id: 'not-a-job' } }, /job/],
      [{ type: 'note', title: 'x', customer: { id: cust.id }, user: { login: 'ghost' } }, /user/],
      [{ type: 'note', title: 'x', customer: { id: cust.id }, isPinned: 'yes' }, /isPinned/],
      [{ id: 1, type: 'note', title: 'x', customer: { id: cust.id } }, /id/],
    ];
    for (const [body, msg] of cases) {
      const r = await api.post('timeline/send', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect((await api.get('timeline/list')).body.length).toBe(before);
    expect((await api.get('timeline/send')).status).toBe(405);
  });

  it('lists notes and job notifications together as a bare array, with every filter', async () => {
    const ctx = { config: api.sandbox.config, now: Date.now() } as any;
    writeTimeline(api.sandbox.store, ctx, { ...job.doc, id: job.id }, 'started', {
      id: user.id,
      name: 'Adil Rouay',
      login: 'arouay',
    });
    await api.post('timeline/send', {
      type: 'meeting',
      title: 'Other customer',
      isPublic: true,
      customer: { id: cust2.id },
    });

    const all = await api.get('timeline/list');
    expect(Array.isArray(all.body)).toBe(true);
    z.array(ZTimelineItem).parse(all.body);
    expect(all.body.map((t: any) => t.type)).toEqual(['sms', 'note', 'call', null, 'meeting']);
    const note = all.body[3];
    expect(note).toMatchObject({
      source: 'notification',
      event: 'started',
      job: { id: job.id, num: '2861' },
      customer: { id: cust.id },
    });

    const n = async (q: Record<string, string | number | boolean>) => (await api.get('timeline/list', q)).body.length;
    expect(await n({ customer_id: cust.id })).toBe(4);
    expect(await n({ customer_myId: 'C-T2' })).toBe(1);
    expect(await n({ site_id: site.id })).toBe(4);
    expect(await n({ site_myId: 'S-T' })).toBe(4);
    expect(await n({ equipment_id: equip.id })).toBe(1);
    expect(await n({ equipment_myId: 'E-T' })).toBe(1);
    expect(await n({ job_id: job.id })).toBe(3);
    expect(await n({ job_myId: 'ref job 2861' })).toBe(3);
    expect(await n({ job_num: 2861 })).toBe(3);
    expect(await n({ user_id: user.id })).toBe(2);
    expect(await n({ user_login: 'arouay' })).toBe(2);
    expect(await n({ type: 'sms' })).toBe(1);
    expect(await n({ event: 'started' })).toBe(1);
    expect(await n({ event: 'null' })).toBe(4);
    expect(await n({ source: 'notification' })).toBe(1);
    expect(await n({ source: 'timeline' })).toBe(4);
    expect(await n({ isPinned: true })).toBe(1);
    expect(await n({ isPublic: true })).toBe(1);
    expect(await n({ isPublic: false, customer_id: cust.id, source: 'timeline' })).toBe(3);
    expect(await n({ createdSince: utc(-3600_000) })).toBe(5);
    expect(await n({ createdSince: utc(3600_000) })).toBe(0);
    expect(await n({ changedSince: utc(3600_000) })).toBe(0);
    const page = await api.get('timeline/list', { pageSize: 2, page: 2 });
    expect(page.body.map((t: any) => t.type)).toEqual(['call', null]);
    const bads: Record<string, string>[] = [
      { type: 'fax' },
      { event: 'exploded' },
      { source: 'mail' },
      { isPinned: 'perhaps' },
      { customer_id: 'x' },
      { createdSince: 'now' },
    ];
    for (const bad of bads) {
      expect((await api.get('timeline/list', bad)).status, JSON.stringify(bad)).toBe(400);
    }
  });
});
