/**
 * Activities and activity types. Readings under test (see sandbox/resources/activity.ts and activitytype.ts):
 * category "unavail" served, "unavailability" accepted as a filter; user xor team, team only for unavailabilities;
 * dateEnd after dateStart; distance km/mi completed with decimal rounding; startDate/endDate go together and select
 * overlapping activities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZActivity, ZActivityType } from '../../lib/synchroteam/schemas/activity';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('activity types', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    const t = api.sandbox.store.collection('activitytype');
    t.insert({ name: 'Standard Travel', category: 'travel', color: 'DDEEDD', payable: true });
    t.insert({ name: 'Parties', category: 'unavail', color: 'FFAA00', payable: false });
    t.insert({ name: 'Sick Leave', category: 'unavail', color: 'FF0000', payable: true });
    t.insert({ name: 'Workshop', category: 'atwork', color: '0000FF', payable: true });
    t.insert({ name: 'Clock In', category: 'clock', color: '000000', payable: true });
  });
  afterAll(() => api.stop());

  it('lists with category, name and sorts', async () => {
    const all = await api.get('activityType/list');
    ZPage(ZActivityType).parse(all.body);
    expect(all.body.data.map((t: any) => t.name)).toEqual([
      'Clock In',
      'Parties',
      'Sick Leave',
      'Standard Travel',
      'Workshop',
    ]);
    expect((await api.get('activityType/list', { category: 'unavail' })).body.recordsTotal).toBe(2);
    expect((await api.get('activityType/list', { category: 'unavailability' })).body.recordsTotal).toBe(2);
    expect((await api.get('activityType/list', { name: 'travel' })).body.data[0]).toEqual({
      id: expect.any(Number),
      name: 'Standard Travel',
      category: 'travel',
      color: 'DDEEDD',
      payable: true,
    });
    expect((await api.get('activityType/list', { name: 'e', category: 'unavail' })).body.recordsTotal).toBe(2);
    const byCat = await api.get('activityType/list', { sort: 'category', sortOrder: 'descending' });
    expect(byCat.body.data.map((t: any) => t.category)).toEqual(['unavail', 'unavail', 'travel', 'clock', 'atwork']);
    expect((await api.get('activityType/list', { category: 'holiday' })).status).toBe(400);
    expect((await api.get('activityType/list', { sort: 'color' })).status).toBe(400);
    expect((await api.get('activityType/list', { pageSize: 2, page: 3 })).body).toMatchObject({
      records: 1,
      recordsTotal: 5,
    });
  });
});

describe('activities', () => {
  let api: TestApi;
  let travel: any, party: any, work: any, user: any, user2: any, team: any;
  beforeAll(async () => {
    api = await startTestApi();
    const s = api.sandbox.store;
    travel = s
      .collection('activitytype')
      .insert({ name: 'Standard Travel', category: 'travel', color: 'DDEEDD', payable: true });
    party = s
      .collection('activitytype')
      .insert({ name: 'Parties', category: 'unavail', color: 'FFAA00', payable: false });
    work = s
      .collection('activitytype')
      .insert({ name: 'Workshop', category: 'atwork', color: '0000FF', payable: true });
    team = s.collection('team').insert({ name: 'East Team', description: null, tags: [] });
    user = (await api.post('user/send', { login: 'jdoe', password: 'pw', firstName: 'John', lastName: 'Doe' })).body;
    user2 = (await api.post('user/send', { login: 'asmith', password: 'pw', firstName: 'Ann', lastName: 'Smith' }))
      .body;
  });
  afterAll(() => api.stop());

  it('creates a travel activity, completes the distance, reads and updates it', async () => {
    const r = await api.post('activity/send', {
      activityType: { id: travel.id },
      note: 'Hey this is a sample note!',
      dateStart: '2018-01-01 14:22',
      dateEnd: '2018-01-01T14:50:00',
      distance: { km: 10.5 },
      user: { id: user.id },
      team: null,
    });
    expect(r.status).toBe(200);
    ZActivity.parse(r.body);
    expect(r.body).toEqual({
      id: expect.any(Number),
      activityType: { id: travel.id, name: 'Standard Travel', category: 'travel', payable: true },
      note: 'Hey this is a sample note!',
      dateStart: '2018-01-01 14:22',
      dateEnd: '2018-01-01 14:50',
      distance: { km: 10.5, mi: 6.52 },
      user: { id: user.id, login: 'jdoe', firstName: 'John', lastName: 'Doe' },
      team: null,
    });
    expect((await api.get('activity/details', { id: r.body.id })).body).toEqual(r.body);
    const u = await api.post('activity/send', { id: r.body.id, distance: { mi: '1,5' }, note: null });
    expect(u.body.distance).toEqual({ km: 2.41, mi: 1.5 });
    expect(u.body.note).toBeNull();
    expect(u.body.dateStart).toBe('2018-01-01 14:22');
    const moved = await api.post('activity/send', { id: r.body.id, user: { login: 'asmith' } });
    expect(moved.body.user.id).toBe(user2.id);
  });

  it('creates a team unavailability', async () => {
    const r = await api.post('activity/send', {
      activityType: { name: 'Parties' },
      note: 'Everyone can attend!',
      dateStart: '2018-01-01 14:00',
      dateEnd: '2018-01-01 17:00',
      team: { id: team.id },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ user: null, team: { id: team.id, name: 'East Team' }, distance: null });
    expect(r.body.activityType.category).toBe('unavail');
  });

  it('refuses bad input with a 400 naming the field and changes nothing', async () => {
    const base = {
      activityType: { id: work.id },
      dateStart: '2018-02-01 08:00',
      dateEnd: '2018-02-01 09:00',
      user: { id: user.id },
    };
    const before = (await api.get('activity/list')).body.recordsTotal;
    const cases: [unknown, RegExp][] = [
      [{ ...base, activityType: undefined }, /activityType/],
      [{ ...base, activityType: { id: 9999 } }, /activityType/],
      [{ ...base, dateStart: undefined }, /dateStart/],
      [{ ...base, dateEnd: '2018-02-01 07:00' }, /dateEnd/],
      [{ ...base, dateEnd: '2018-02-01 08:00' }, /dateEnd/],
      [{ ...base, dateEnd: '2018-02-30 08:00' }, /dateEnd/],
      [{ ...base, user: undefined }, /user/],
      [{ ...base, user: { login: 'ghost' } }, /user/],
      [{ ...base, team: { id: team.id } }, /team/],
      [{ ...base, user: undefined, team: { id: team.id } }, /team/],
      [{ ...base, distance: { km: -1 } }, /distance\.km/],
      [{ ...base, distance: { km: 'far' } }, /distance\.km/],
      [{ ...base, distance: {} }, /distance/],
    ];
    for (const [body, msg] of cases) {
      const r = await api.post('activity/send', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect((await api.get('activity/list')).body.recordsTotal).toBe(before);
    expect((await api.get('activity/details', { id: 5555 })).status).toBe(404);
    expect((await api.get('activity/details', { login: 'x' })).status).toBe(400);
  });

  it('deletes', async () => {
    const a = (
      await api.post('activity/send', {
        activityType: { id: work.id },
        dateStart: '2019-01-01 08:00',
        dateEnd: '2019-01-01 09:00',
        user: { id: user.id },
      })
    ).body;
    expect((await api.del('activity/delete', { id: a.id })).body).toEqual([{ id: a.id, deleted: true }]);
    expect((await api.get('activity/details', { id: a.id })).status).toBe(404);
    expect((await api.del('activity/delete', { id: a.id })).status).toBe(404);
    expect((await api.get('activity/delete', { id: a.id })).status).toBe(405);
  });

  it('lists with every filter and sort', async () => {
    const mk = (type: any, start: string, end: string, who: any) =>
      api.post('activity/send', { activityType: { id: type.id }, dateStart: start, dateEnd: end, ...who });
    await mk(work, '2020-03-02 08:00', '2020-03-02 12:00', { user: { id: user.id } });
    await mk(work, '2020-03-02 13:00', '2020-03-02 17:00', { user: { id: user2.id } });
    await mk(travel, '2020-03-03 07:30', '2020-03-03 08:00', { user: { id: user.id } });
    await mk(party, '2020-03-01 22:00', '2020-03-02 09:00', { team: { id: team.id } });
    const win = { startDate: '2020-03-02 00:00:00', endDate: '2020-03-02 23:59:59' };
    const day = await api.get('activity/list', win);
    ZPage(ZActivity).parse(day.body);
    expect(day.body.data.map((a: any) => a.dateStart)).toEqual([
      '2020-03-01 22:00',
      '2020-03-02 08:00',
      '2020-03-02 13:00',
    ]);
    expect((await api.get('activity/list', { ...win, user_id: user.id })).body.recordsTotal).toBe(1);
    expect((await api.get('activity/list', { ...win, user_login: 'asmith' })).body.recordsTotal).toBe(1);
    expect((await api.get('activity/list', { ...win, team_id: team.id })).body.recordsTotal).toBe(1);
    expect(
      (await api.get('activity/list', { ...win, activityType_category: 'unavailability' })).body.recordsTotal,
    ).toBe(1);
    expect((await api.get('activity/list', { ...win, activityType_category: 'unavail' })).body.recordsTotal).toBe(1);
    expect((await api.get('activity/list', { ...win, activityType_name: 'workshop' })).body.recordsTotal).toBe(2);
    expect((await api.get('activity/list', { ...win, activityType_name: 'Work' })).body.recordsTotal).toBe(0);
    const byEnd = await api.get('activity/list', { ...win, sort: 'endDate', sortOrder: 'descending' });
    expect(byEnd.body.data[0].dateEnd).toBe('2020-03-02 17:00');
    const byLogin = await api.get('activity/list', { ...win, sort: 'user_login' });
    expect(byLogin.body.data.map((a: any) => a.user?.login ?? null)).toEqual([null, 'asmith', 'jdoe']);
    const byType = await api.get('activity/list', { ...win, sort: 'activityType_name', sortOrder: 'descending' });
    expect(byType.body.data[0].activityType.name).toBe('Workshop');
    expect((await api.get('activity/list', { startDate: '2020-03-02 00:00:00' })).status).toBe(400);
    expect((await api.get('activity/list', { endDate: '2020-03-02 00:00:00' })).status).toBe(400);
    expect((await api.get('activity/list', { startDate: 'today', endDate: '2020-03-02' })).status).toBe(400);
    expect((await api.get('activity/list', { ...win, activityType_category: 'holiday' })).status).toBe(400);
    expect((await api.get('activity/list', { sort: 'note' })).status).toBe(400);
    const paged = await api.get('activity/list', { pageSize: 2, page: 2 });
    expect(paged.body.page).toBe(2);
    expect(paged.body.records).toBe(2);
  });
});
