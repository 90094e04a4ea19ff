import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { setupWorld, type World } from './job-fixtures';
import { ZJob, ZJobListItem } from '../../lib/synchroteam/schemas/job';
import { ZPage } from '../../lib/synchroteam/schemas/common';
import { addJobPhoto } from '../resources/job-photos-parts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('jobs: send, details, delete', () => {
  let api: TestApi;
  let w: World;
  beforeAll(async () => {
    api = await startTestApi();
    w = await setupWorld(api);
  });
  afterAll(() => api.stop());

  it('creates a job for a site: customer inferred, address/contact from the site, type defaults, UUID id, num sequence', async () => {
    const r = await api.post('job/send', {
      myId: 'J-1',
      site: { myId: w.site.myId },
      type: { id: w.type.id },
      description: 'Leak',
    });
    expect(r.status).toBe(200);
    const j = ZJob.parse(r.body);
    expect(j.id).toMatch(UUID);
    expect(j.num).toBe(1001);
    expect(j.customer).toEqual({ id: w.customer.id, myId: w.customer.myId, name: w.customer.name });
    expect(j.site?.id).toBe(w.site.id);
    expect(j.address).toBe(w.site.address);
    expect(j.position).toEqual(w.site.position);
    expect(j.contactFirstName).toBe('Sam');
    expect(j.contactEmail).toBe('sam@site.test');
    expect(j.priority).toBe('high');
    expect(j.skills).toEqual(['Plumber']);
    expect(j.status).toBe('created');
    expect(j.technician).toBeNull();
    expect(j.duration).toBe(0);
    expect(j.dateCreated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(j.dateDeleted).toBeNull();
    const second = await api.post('job/send', { customer: { id: w.customer.id } });
    expect(second.body.num).toBe(1002);
    expect(second.body.priority).toBe('medium');
    expect(second.body.address).toBe(w.customer.address);
    expect(second.body.contactFirstName).toBe('Paul');
    expect(second.body.site).toBeNull();
  });

  it('upserts on id, num and myId; partial updates keep unsent fields; id wins over num and myId', async () => {
    const c = (
      await api.post('job/send', {
        myId: 'UP-1',
        customer: { myId: w.customer.myId },
        description: 'first',
        contactPhone: '1',
      })
    ).body;
    const byMyId = await api.post('job/send', { myId: 'UP-1', description: 'second' });
    expect(byMyId.body.id).toBe(c.id);
    expect(byMyId.body.description).toBe('second');
    expect(byMyId.body.contactPhone).toBe('1');
    const byNum = await api.post('job/send', { num: c.num, priority: 'low' });
    expect(byNum.body.id).toBe(c.id);
    expect(byNum.body.priority).toBe('low');
    expect(byNum.body.description).toBe('second');
    const byId = await api.post('job/send', { id: c.id, myId: 'UP-1b', description: 'third' });
    expect(byId.body.id).toBe(c.id);
    expect(byId.body.myId).toBe('UP-1b');
    // A read job sent back unchanged is accepted (read-only fields are ignored).
    const echoed = await api.post('job/send', { ...byId.body, status: 'completed', duration: 999 });
    expect(echoed.status).toBe(200);
    expect(echoed.body.status).toBe('created');
    expect(echoed.body.duration).toBe(0);
    for (const [k, v] of [
      ['id', c.id],
      ['num', c.num],
      ['myId', 'UP-1b'],
    ]) {
      const d = await api.get('job/details', { [k]: v });
      expect(d.status).toBe(200);
      expect(d.body.id).toBe(c.id);
    }
  });

  it('schedules through send when a technician and start are given, end from the type duration', async () => {
    const r = await api.post('job/send', {
      customer: { id: w.customer.id },
      type: { name: w.type.name },
      technician: { login: 'alice' },
      scheduledStart: '19/07/2030 14:43:00',
    });
    expect(r.body.status).toBe('scheduled');
    expect(r.body.scheduledStart).toBe('2030-07-19 14:43');
    expect(r.body.scheduledEnd).toBe('2030-07-19 16:13');
    expect(r.body.technician).toEqual({ id: w.alice.id, name: 'Alice Ng', login: 'alice' });
    const tl = api.sandbox.store
      .collection('timeline')
      .all('job_id = ?', [r.body.id])
      .map((t) => t.doc.event);
    expect(tl).toEqual(['created', 'scheduled']);
  });

  it('initialises preferences and custom-field values', async () => {
    api.sandbox.store
      .collection('jobschedulingwindow')
      .insert({ name: 'Morning', startTime: '08:00', endTime: '12:00' });
    const r = await api.post('job/send', {
      customer: { id: w.customer.id },
      preferences: {
        date: '2030-03-10',
        isDraft: true,
        schedulingWindow: { name: 'Morning' },
        team: { id: w.east.id },
        user: { login: 'bob' },
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.preferences).toMatchObject({
      date: '2030-03-10',
      isDraft: true,
      isPool: false,
      schedulingWindow: { name: 'Morning' },
      team: { id: w.east.id },
      user: { login: 'bob' },
    });
    const bad = await api.post('job/send', { customer: { id: w.customer.id }, preferences: { team: { id: 99999 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/preferences\.team/);
  });

  it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
    const before = (await api.get('job/list', { show: 'all', pageSize: 1 })).body.recordsTotal;
    const cases: [unknown, RegExp][] = [
      [{ description: 'orphan' }, /customer/],
      [{ customer: { id: w.customer.id }, site: { id: w.otherSite.id } }, /site/],
      [{ customer: { id: w.other.id }, equipment: { id: w.equipment.id } }, /equipment/],
      [{ customer: { id: 999999 } }, /customer/],
      [{ customer: { id: w.customer.id }, type: { id: 424242 } }, /type/],
      [{ customer: { id: w.customer.id }, priority: 'urgent' }, /priority/],
      [{ customer: { id: w.customer.id }, scheduledStart: 'soon' }, /scheduledStart/],
      [
        {
          customer: { id: w.customer.id },
          technician: { id: w.alice.id },
          scheduledStart: '2030-01-01 10:00',
          scheduledEnd: '2030-01-01 09:00',
        },
        /scheduledEnd/,
      ],
      [{ customer: { id: w.customer.id }, technician: { login: 'nobody' } }, /technician/],
      [{ customer: { id: w.customer.id }, contactEmail: 'nope' }, /contactEmail/],
      [{ customer: { id: w.customer.id }, report: 'x' }, /report/],
      [{ customer: null }, /customer/],
    ];
    for (const [body, msg] of cases) {
      const r = await api.post('job/send', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect((await api.post('job/send', [1])).status).toBe(400);
    const j1 = (await api.get('job/details', { myId: 'J-1' })).body;
    const numClash = await api.post('job/send', { id: j1.id, num: j1.num + 1 });
    expect(numClash.status).toBe(400);
    expect(numClash.body.message).toMatch(/num/);
    const other = (await api.post('job/send', { customer: { id: w.customer.id } })).body;
    const myIdClash = await api.post('job/send', { id: other.id, myId: 'J-1' });
    expect(myIdClash.status).toBe(400);
    expect(myIdClash.body.message).toMatch(/myId/);
    const beforeAll = before + 1;
    expect((await api.get('job/list', { show: 'all', pageSize: 1 })).body.recordsTotal).toBe(beforeAll);
    const refused = await api.post('job/send', { id: j1.id, description: 'changed', priority: 'urgent' });
    expect(refused.status).toBe(400);
    expect((await api.get('job/details', { id: j1.id })).body.description).toBe('Leak');
    expect((await api.get('job/send')).status).toBe(405);
  });

  it('answers details errors: 400 without key, 404 unknown', async () => {
    expect((await api.get('job/details')).status).toBe(400);
    expect((await api.get('job/details', { id: 'nope' })).status).toBe(404);
    expect((await api.get('job/details', { num: 'abc' })).status).toBe(400);
    expect((await api.get('job/details', { myId: 'nope' })).status).toBe(404);
  });

  it('soft-deletes: details 404, list show=deleted|all with dateDeleted, timeline item', async () => {
    const j = (await api.post('job/send', { customer: { id: w.customer.id }, myId: 'DEL-1' })).body;
    const del = await api.del('job/delete', { myId: 'DEL-1' });
    expect(del.body).toEqual([{ id: j.id, deleted: true }]);
    expect((await api.get('job/details', { id: j.id })).status).toBe(404);
    expect((await api.get('job/list', { myId: 'DEL-1' })).body.recordsTotal).toBe(0);
    const deleted = await api.get('job/list', { myId: 'DEL-1', show: 'deleted' });
    expect(deleted.body.data[0].dateDeleted).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect((await api.get('job/list', { myId: 'DEL-1', show: 'all' })).body.recordsTotal).toBe(1);
    expect((await api.get('job/list', { show: 'gone' })).status).toBe(400);
    expect((await api.del('job/delete', { id: j.id })).status).toBe(404);
    expect((await api.del('job/delete')).status).toBe(400);
    // myId is free again once its job is deleted
    expect((await api.post('job/send', { customer: { id: w.customer.id }, myId: 'DEL-1' })).body.id).not.toBe(j.id);
    const tl = api.sandbox.store
      .collection('timeline')
      .all('job_id = ?', [j.id])
      .map((t) => t.doc);
    expect(tl.map((t) => t.event)).toEqual(['created', 'deleted']);
    expect(tl[1]).toMatchObject({
      source: 'notification',
      job: { id: j.id, num: String(j.num), myId: 'DEL-1' },
      customer: { id: w.customer.id },
    });
  });
});

describe('jobs: list filters, sort and pagination', () => {
  let api: TestApi;
  let w: World;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    api = await startTestApi({ now: () => Date.UTC(2030, 0, 15, 18, 0, 0) });
    w = await setupWorld(api);
    const tpl = api.sandbox.store
      .collection('reporttemplate')
      .insert({ name: 'Visit report', isPublished: true, isDefault: false, blocks: [] }).doc;
    const mk = async (key: string, body: Record<string, unknown>) => {
      const r = await api.post('job/send', { customer: { id: w.customer.id }, myId: key, ...body });
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
      ids[key] = r.body.id;
      return r.body;
    };
    await mk('A', {
      technician: { id: w.alice.id },
      scheduledStart: '2030-01-10 09:00',
      scheduledEnd: '2030-01-10 11:00',
      site: { id: w.site.id },
      type: { id: w.type.id },
    });
    await mk('B', {
      technician: { id: w.bob.id },
      scheduledStart: '2030-01-20 09:00',
      equipment: { id: w.equipment.id },
      reportTemplate: { id: tpl.id },
      preferences: { team: { id: w.west.id } },
    });
    await mk('C', {});
    await mk('D', {
      customer: { id: w.other.id },
      technician: { id: w.carol.id },
      scheduledStart: '2030-02-01 08:00',
      otherTechnicians: [{ login: 'bob' }],
    });
    await api.post('job/start', { myId: 'A', actualStart: '2030-01-10 09:05' });
    await api.post('job/complete', { myId: 'A', actualEnd: '2030-01-10 10:00' });
    await api.post('job/validate', { myId: 'A', validateBy: { login: 'dana' } });
    addJobPhoto(api.sandbox.store, ids.B, { fileName: 'a.png' });
  });
  afterAll(() => api.stop());

  const myIds = async (q: Record<string, string | number | boolean>) => {
    const r = await api.get('job/list', { pageSize: 100, ...q });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    ZPage(ZJobListItem).parse(r.body);
    return r.body.data
      .map((j: any) => j.myId)
      .sort()
      .join(',');
  };

  it('filters by every documented parameter', async () => {
    expect(await myIds({})).toBe('A,B,C,D');
    expect(await myIds({ myId: 'C' })).toBe('C');
    expect(await myIds({ status: 'scheduled,created' })).toBe('B,C,D');
    expect(await myIds({ status: 'validated' })).toBe('A');
    expect(await myIds({ dateFrom: '2030-01-15 00:00:00' })).toBe('B,D');
    expect(await myIds({ dateTo: '2030-01-20' })).toBe('A,B');
    expect(await myIds({ dateFrom: '2030-01-10 10:30:00', dateTo: '2030-01-19 00:00:00' })).toBe('');
    expect(await myIds({ dateFrom: '2030-01-10 09:30:00', dateTo: '2030-01-10 09:40:00' })).toBe('A');
    expect(await myIds({ user_login: 'bob' })).toBe('B');
    expect(await myIds({ user_login: 'nobody' })).toBe('');
    expect(await myIds({ user_id: w.alice.id })).toBe('A');
    expect(await myIds({ team_id: w.east.id })).toBe('A,D');
    expect(await myIds({ team_id: w.west.id })).toBe('B,D');
    expect(await myIds({ team_id_pref: w.west.id })).toBe('B');
    expect(await myIds({ customer_id: w.other.id })).toBe('D');
    expect(await myIds({ customer_myId: w.customer.myId })).toBe('A,B,C');
    expect(await myIds({ site_id: w.site.id })).toBe('A');
    expect(await myIds({ site_myId: w.site.myId })).toBe('A');
    expect(await myIds({ equipment_id: w.equipment.id })).toBe('B');
    expect(await myIds({ equipment_myId: w.equipment.myId })).toBe('B');
    expect(await myIds({ type_id: w.type.id })).toBe('A');
    expect(await myIds({ type_name: w.type.name })).toBe('A');
    expect(await myIds({ reportTemplate_name: 'Visit report' })).toBe('B');
    expect(await myIds({ reportTemplate_id: 424242 })).toBe('');
    expect(await myIds({ hasPhotos: true })).toBe('B');
    expect(await myIds({ hasPhotos: false })).toBe('A,C,D');
    expect(await myIds({ validatedSince: '2030-01-15 17:00:00' })).toBe('A');
    expect(await myIds({ validatedSince: '2030-01-15 19:00:00' })).toBe('');
    expect(await myIds({ changedSince: '2030-01-15 18:00:00' })).toBe('A,B,C,D');
    expect(await myIds({ changedSince: '2030-01-15 18:00:01' })).toBe('');
    expect(await myIds({ reportChangedSince: '2000-01-01 00:00:00' })).toBe('');
    expect(await myIds({ status: 'scheduled', customer_id: w.customer.id })).toBe('B');
  });

  it('refuses unreadable filters with a 400 naming the parameter', async () => {
    for (const [k, v] of [
      ['status', 'done'],
      ['dateFrom', 'monday'],
      ['user_id', 'x'],
      ['hasPhotos', 'maybe'],
      ['sort', 'name'],
      ['sortOrder', 'up'],
      ['changedSince', '2030-13-01'],
    ]) {
      const r = await api.get('job/list', { [k]: v });
      expect(r.status, k).toBe(400);
      expect(r.body.message).toContain(k);
    }
    expect((await api.get('job/list', { dateFrom: '2030-02-01', dateTo: '2030-01-01' })).status).toBe(400);
  });

  it('shows a simplified job; otherTechnicians only on request', async () => {
    const plain = (await api.get('job/list', { myId: 'D' })).body.data[0];
    for (const k of ['report', 'parts', 'preferences', 'timeEntries', 'otherTechnicians'])
      expect(plain).not.toHaveProperty(k);
    const withOthers = (await api.get('job/list', { myId: 'D', otherTechnicians: true })).body.data[0];
    expect(withOthers.otherTechnicians).toEqual([{ id: w.bob.id, name: 'Bob Ray', login: 'bob' }]);
  });

  it('sorts by num, dates and dateModified in both orders', async () => {
    const order = async (sort: string, sortOrder = 'ascending') =>
      (await api.get('job/list', { sort, sortOrder })).body.data.map((j: any) => j.myId).join(',');
    expect(await order('num')).toBe('A,B,C,D');
    expect(await order('num', 'descending')).toBe('D,C,B,A');
    expect(await order('scheduledStart')).toBe('C,A,B,D');
    expect(await order('ScheduledEnd', 'descending')).toBe('D,B,A,C');
    expect(await order('actualStart', 'descending')).toMatch(/^A,/);
    expect(await order('actualEnd', 'descending')).toMatch(/^A,/);
    expect((await order('dateModified')).split(',')).toHaveLength(4);
  });

  it('paginates with a consistent recordsTotal', async () => {
    const p1 = (await api.get('job/list', { pageSize: 3 })).body;
    const p2 = (await api.get('job/list', { pageSize: 3, page: 2 })).body;
    expect([p1.recordsTotal, p1.records, p2.recordsTotal, p2.records]).toEqual([4, 3, 4, 1]);
    expect(new Set([...p1.data, ...p2.data].map((j: any) => j.id)).size).toBe(4);
    expect((await api.get('job/list', { page: 0 })).status).toBe(400);
    expect((await api.get('job/list', { pageSize: 500 })).body.pageSize).toBe(100);
  });
});
