/**
 * Users. Readings under test (see sandbox/resources/user.ts): login upsert key unique among all users; password
 * required on creation only and never served; Windows time zone names, unknown ones refused; teams must exist;
 * startLocation geocoded; `deleted` date; details finds deleted users; phoneFormat=intl gives E.164.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZUser } from '../../lib/synchroteam/schemas/user';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('users', () => {
  let api: TestApi;
  let east: any;
  beforeAll(async () => {
    api = await startTestApi();
    const t = api.sandbox.store.collection('team');
    east = t.insert({ name: 'East Team', description: 'East end office', tags: ['hvac'] });
    t.insert({ name: 'West Team', description: null, tags: [] });
    api.sandbox.store
      .collection('customfield')
      .insert({ objectType: 'user', label: 'Sector', type: 'text', private: false, mandatory: false, order: 1 });
  });
  afterAll(() => api.stop());

  it('creates a user with defaults, then updates it by login', async () => {
    const r = await api.post('user/send', {
      firstName: 'John',
      lastName: 'Doe',
      login: 'jdoe',
      password: '123456abc',
      phone: '(719) 388-1966',
      email: 'jdoe@example.test',
      teams: ['east team'],
      skilledTrades: ['plumber', 'electrician'],
      startLocation: { fullAddress: '3120 W Belmont Ave, Chicago, IL 60618, USA' },
      customFieldValues: [{ label: 'Sector', value: 'North' }],
    });
    expect(r.status).toBe(200);
    ZUser.parse(r.body);
    expect(r.body).toMatchObject({
      login: 'jdoe',
      profile: 'technician',
      language: 'EN',
      timezone: 'Central Standard Time',
      teams: ['East Team'],
      deleted: null,
      lastLocation: null,
      isSubcontractor: false,
    });
    expect(r.body.password).toBeUndefined();
    expect(r.body._password).toBeUndefined();
    expect(Number(r.body.startLocation.latitude)).toBeCloseTo(41.94, 1);
    const u = await api.post('user/send', {
      login: 'JDOE',
      timezone: 'Romance Standard Time',
      language: 'fr',
      profile: 'manager',
    });
    expect(u.body.id).toBe(r.body.id);
    expect(u.body).toMatchObject({
      timezone: 'Romance Standard Time',
      language: 'FR',
      profile: 'manager',
      email: 'jdoe@example.test',
    });
    const renamed = await api.post('user/send', { id: r.body.id, login: 'john.doe' });
    expect(renamed.body.login).toBe('john.doe');
    expect((await api.get('user/details', { login: 'john.doe' })).body.id).toBe(r.body.id);
    expect((await api.get('user/details', { id: r.body.id })).body.skilledTrades).toEqual(['plumber', 'electrician']);
    const intl = await api.get('user/details', { id: r.body.id, phoneFormat: 'intl' });
    expect(intl.body.phone).toBe('+17193881966');
    expect((await api.get('user/details', { id: r.body.id, phoneFormat: 'e164' })).status).toBe(400);
    const explicit = await api.post('user/send', {
      id: r.body.id,
      startLocation: { fullAddress: 'Somewhere', latitude: '40.7', longitude: '-74.0' },
    });
    expect(explicit.body.startLocation).toEqual({ fullAddress: 'Somewhere', latitude: '40.7', longitude: '-74.0' });
  });

  it('refuses bad input with a 400 naming the field and changes nothing', async () => {
    const base = { login: 'newbie', password: 'pw123456' };
    const cases: [unknown, RegExp][] = [
      [{ login: 'nopw' }, /password/],
      [{ password: 'x' }, /login/],
      [{ ...base, timezone: 'America/Chicago' }, /timezone/],
      [{ ...base, timezone: 'Mars Standard Time' }, /timezone/],
      [{ ...base, teams: ['Nowhere'] }, /teams/],
      [{ ...base, teams: 'East Team' }, /teams/],
      [{ ...base, profile: 'boss' }, /profile/],
      [{ ...base, language: 'DE' }, /language/],
      [{ ...base, email: 'not-an-email' }, /email/],
      [{ ...base, startLocation: { fullAddress: 'x', latitude: 123, longitude: 0 } }, /latitude/],
      [{ ...base, customFieldValues: [{ label: 'Nope', value: 1 }] }, /custom field/],
      [{ ...base, login: 'has space' }, /login/],
      [{ login: 'john.doe', password: '' }, /password/],
    ];
    for (const [body, msg] of cases) {
      const r = await api.post('user/send', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect((await api.get('user/details', { login: 'newbie' })).status).toBe(404);
    const other = (await api.post('user/send', { login: 'other', password: 'pw' })).body;
    const clash = await api.post('user/send', { id: other.id, login: 'john.doe' });
    expect(clash.status).toBe(400);
    expect(clash.body.message).toMatch(/login/);
    expect((await api.get('user/details', { id: other.id })).body.login).toBe('other');
    expect((await api.get('user/details')).status).toBe(400);
  });

  it('deletes users softly: deleted date, list show filter, login stays reserved', async () => {
    const u = (await api.post('user/send', { login: 'leaver', password: 'pw', teams: ['West Team'] })).body;
    const del = await api.del('user/delete', { login: 'leaver' });
    expect(del.body).toEqual([{ id: u.id, deleted: true }]);
    const d = await api.get('user/details', { id: u.id });
    expect(d.status).toBe(200);
    expect(d.body.deleted).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect((await api.del('user/delete', { id: u.id })).status).toBe(404);
    expect((await api.del('user/delete', { login: 'nobody' })).status).toBe(404);
    const again = await api.post('user/send', { login: 'leaver', password: 'pw' });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/deleted/);
    const active = (await api.get('user/list', { pageSize: 100 })).body.data.map((x: any) => x.login);
    expect(active).not.toContain('leaver');
    const deleted = (await api.get('user/list', { show: 'deleted' })).body.data.map((x: any) => x.login);
    expect(deleted).toEqual(['leaver']);
    expect((await api.get('user/list', { show: 'all', pageSize: 100 })).body.data.map((x: any) => x.login)).toContain(
      'leaver',
    );
    expect((await api.get('user/list', { show: 'gone' })).status).toBe(400);
  });

  it('lists by team id/name and skilled trade, sorted by login, paginated', async () => {
    for (let i = 0; i < 7; i++) {
      await api.post('user/send', {
        login: `tech${i}`,
        password: 'pw',
        teams: i % 2 ? ['East Team'] : ['West Team'],
        skilledTrades: i < 3 ? ['HVAC'] : [],
      });
    }
    const all = await api.get('user/list', { pageSize: 4 });
    ZPage(ZUser).parse(all.body);
    expect(all.body.records).toBe(4);
    const logins = (await api.get('user/list', { pageSize: 100 })).body.data.map((x: any) => x.login);
    expect(logins).toEqual([...logins].sort());
    const desc = (await api.get('user/list', { sort: 'login', sortOrder: 'descending' })).body.data.map(
      (x: any) => x.login,
    );
    expect(desc[0]).toBe('tech6');
    const eastUsers = (await api.get('user/list', { teamId: east.id, pageSize: 100 })).body.data.map(
      (x: any) => x.login,
    );
    expect(eastUsers.sort()).toEqual(['john.doe', 'tech1', 'tech3', 'tech5']);
    expect((await api.get('user/list', { teamName: 'west team' })).body.recordsTotal).toBe(4);
    expect((await api.get('user/list', { teamId: 9999 })).body.recordsTotal).toBe(0);
    expect((await api.get('user/list', { skilledTrade: 'hvac' })).body.recordsTotal).toBe(3);
    expect((await api.get('user/list', { skilledTrade: 'hvac', teamName: 'East Team' })).body.recordsTotal).toBe(1);
    expect((await api.get('user/list', { teamId: 'x' })).status).toBe(400);
    expect((await api.get('user/list', { sort: 'email' })).status).toBe(400);
    const mod = (await api.get('user/list', { sort: 'dateModified', sortOrder: 'descending' })).body.data[0].login;
    expect(mod).toBe('tech6');
  });
});
