/**
 * Tasks. Readings under test (see sandbox/resources/tasks.ts): send creates, or updates with an id (how a task is
 * marked done: done flag, dateDone, userDone defaulting to the task's user); bare-array list with every filter;
 * from/to/createdSince/changedSince in UTC compared in the account zone (America/Chicago here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApi, type TestApi } from './harness';
import { ZTask } from '../../lib/synchroteam/schemas/task';

const utc = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().slice(0, 19).replace('T', ' ');

describe('tasks', () => {
  let api: TestApi;
  let cust: any, site: any, equip: any, user: any, tech: any, job: any;
  beforeAll(async () => {
    api = await startTestApi();
    cust = (await api.post('customer/send', { myId: 'C-K', name: 'Philippe The Originals' })).body;
    site = (await api.post('site/send', { myId: 'S-K', name: 'Site1', customer: { id: cust.id } })).body;
    equip = (await api.post('equipment/send', { myId: 'E-K', name: 'Equip 01', site: { id: site.id } })).body;
    user = (await api.post('user/send', { login: 'arouay', password: 'pw', firstName: 'Adil', lastName: 'Rouay' }))
      .body;
    tech = (await api.post('user/send', { login: 'techm', password: 'pw', firstName: 'Tech', lastName: 'Mobile' }))
      .body;
    job = api.sandbox.store.collection('job').insert({
      num: 2061,
      myId: 'ref job 2061',
      status: 'created',
      customer: { id: cust.id },
      site: { id: site.id },
      equipment: { id: equip.id },
    });
  });
  afterAll(() => api.stop());

  it('creates a task as the reference example and marks it done', async () => {
    const r = await api.post('tasks/send', {
      content: 'test task',
      dateDue: '2023-05-26 00:00',
      customer: { id: cust.id, name: ' Philippe The Originals', myId: 'C-K' },
      site: { id: site.id },
      equipment: { myId: 'E-K' },
      job: { id: job.id, num: '2061', myId: 'ref job 2061' },
      user: { id: user.id, name: 'ADIL ROUAY', login: 'arouay' },
      category: 'followup',
    });
    expect(r.status).toBe(200);
    ZTask.parse(r.body);
    expect(r.body).toEqual({
      id: expect.any(Number),
      content: 'test task',
      dateDue: '2023-05-26 00:00',
      dateDone: null,
      dateCreated: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      customer: { id: cust.id, myId: 'C-K', name: 'Philippe The Originals' },
      site: { id: site.id, myId: 'S-K', name: 'Site1' },
      equipment: { id: equip.id, myId: 'E-K', name: 'Equip 01' },
      job: { id: job.id, myId: 'ref job 2061', num: '2061' },
      user: { id: user.id, name: 'Adil Rouay', login: 'arouay' },
      userDone: null,
      category: 'followup',
    });
    const done = await api.post('tasks/send', { id: r.body.id, done: true });
    expect(done.body.dateDone).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(done.body.userDone).toEqual({ id: user.id, name: 'Adil Rouay', login: 'arouay' });
    expect(done.body.content).toBe('test task');
    const byTech = await api.post('tasks/send', {
      id: r.body.id,
      done: true,
      dateDone: '2023-05-27 09:15',
      userDone: { login: 'techm' },
    });
    expect(byTech.body).toMatchObject({ dateDone: '2023-05-27 09:15', userDone: { id: tech.id, login: 'techm' } });
    const undone = await api.post('tasks/send', { id: r.body.id, done: false });
    expect(undone.body).toMatchObject({ dateDone: null, userDone: null });
    const atDate = await api.post('tasks/send', { id: r.body.id, dateDone: '2023-05-28' });
    expect(atDate.body).toMatchObject({ dateDone: '2023-05-28 00:00', userDone: { id: user.id } });
    expect((await api.post('tasks/send', { id: r.body.id, dateDone: null })).body.dateDone).toBeNull();
  });

  it('completes parents from a job link', async () => {
    const r = await api.post('tasks/send', { content: 'from job', job: { num: 2061 } });
    expect(r.body.customer.id).toBe(cust.id);
    expect(r.body.site.id).toBe(site.id);
    expect(r.body.equipment.id).toBe(equip.id);
    expect(r.body.dateDue).toBeNull();
  });

  it('refuses bad input with a 400 naming the field and changes nothing', async () => {
    const t = (await api.post('tasks/send', { content: 'keep me', user: { id: user.id } })).body;
    const before = (await api.get('tasks/list')).body.length;
    const cases: [unknown, RegExp][] = [
      [{ category: 'email' }, /content/],
      [{ content: '   ' }, /content/],
      [{ content: 'x', dateDue: '2023-13-01' }, /dateDue/],
      [{ content: 'x', customer: { id: 9999 } }, /customer/],
      [{ content: 'x', user: { login: 'ghost' } }, /user/],
      [{ content: 'x', category: 'c'.repeat(51) }, /category/],
      [{ content: 'x', done: 'perhaps' }, /done/],
      [{ content: 'x', done: false, userDone: { id: tech.id } }, /done/],
      [{ content: 'x', userDone: { id: tech.id } }, /userDone/],
      [{ id: t.id, userDone: { login: 'ghost' }, done: true }, /userDone/],
      [{ id: t.id, dateDone: 'yesterday' }, /dateDone/],
    ];
    for (const [body, msg] of cases) {
      const r = await api.post('tasks/send', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect((await api.get('tasks/list')).body.length).toBe(before);
    expect((await api.get('tasks/list', { user_id: user.id })).body.find((x: any) => x.id === t.id)).toMatchObject({
      content: 'keep me',
      dateDone: null,
    });
    expect((await api.del('tasks/send')).status).toBe(405);
  });

  it('lists with every filter as a bare array; due dates compared in UTC', async () => {
    // Chicago is UTC-5 in summer: a task due 2024-07-01 20:00 local is due 2024-07-02 01:00 UTC.
    const late = (
      await api.post('tasks/send', {
        content: 'late evening',
        dateDue: '2024-07-01 20:00',
        category: 'rappel',
        customer: { myId: 'C-K' },
      })
    ).body;
    await api.post('tasks/send', {
      content: 'morning',
      dateDue: '2024-07-01 08:00',
      category: 'email',
      site: { myId: 'S-K' },
      user: { id: tech.id },
    });
    await api.post('tasks/send', {
      content: 'done one',
      done: true,
      userDone: { id: tech.id },
      user: { id: user.id },
      customer: { id: cust.id },
    });

    const all = await api.get('tasks/list');
    expect(Array.isArray(all.body)).toBe(true);
    z.array(ZTask).parse(all.body);
    const ids = all.body.map((t: any) => t.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));

    const n = async (q: Record<string, string | number>) =>
      (await api.get('tasks/list', q)).body.map((t: any) => t.content);
    expect(await n({ from: '2024-07-02 00:00:00', to: '2024-07-02 23:59:59' })).toEqual(['late evening']);
    expect(await n({ from: '2024-07-01 00:00:00', to: '2024-07-01 23:59:59' })).toEqual(['morning']);
    expect(await n({ from: '2024-07-01 13:00:00', to: '2024-07-01 13:00:00' })).toEqual(['morning']);
    expect((await n({ from: '2024-01-01 00:00:00' })).sort()).toEqual(['late evening', 'morning']);
    expect(await n({ to: '2024-01-01 00:00:00' })).toEqual(['test task']);
    expect(await n({ category: 'rappel' })).toEqual(['late evening']);
    expect((await n({ customer_id: cust.id })).length).toBe(5);
    expect((await n({ customer_myId: 'C-K' })).length).toBe(5);
    expect((await n({ site_id: site.id })).length).toBe(3);
    expect((await n({ site_myId: 'S-K' })).length).toBe(3);
    expect((await n({ equipment_id: equip.id })).length).toBe(2);
    expect((await n({ equipment_myId: 'E-K' })).length).toBe(2);
    expect((await n({ job_id: job.id })).length).toBe(2);
    expect((await n({ job_myId: 'ref job 2061' })).length).toBe(2);
    expect((await n({ job_num: 2061 })).length).toBe(2);
    expect(await n({ user_login: 'techm' })).toEqual(['morning']);
    expect((await n({ user_id: user.id })).length).toBe(3);
    expect(await n({ userDone_id: tech.id })).toEqual(['done one']);
    expect(await n({ userDone_login: 'techm' })).toEqual(['done one']);
    expect((await n({ createdSince: utc(-3600_000) })).length).toBe(6);
    expect(await n({ createdSince: utc(3600_000) })).toEqual([]);
    expect(await n({ changedSince: utc(3600_000) })).toEqual([]);
    const page = await api.get('tasks/list', { pageSize: 2, page: 3 });
    expect(page.body.map((t: any) => t.id)).toEqual(ids.slice(4, 6));
    expect(late.dateDue).toBe('2024-07-01 20:00');
    const bads: Record<string, string | number>[] = [
      { from: 'tomorrow' },
      { to: '2024-02-30' },
      { user_id: 'x' },
      { userDone_id: 'y' },
      { pageSize: 0 },
    ];
    for (const bad of bads) {
      expect((await api.get('tasks/list', bad)).status, JSON.stringify(bad)).toBe(400);
    }
  });
});
