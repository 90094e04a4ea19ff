/**
 * Teams (list only). Readings under test (see sandbox/resources/team.ts): numTechs/numManagers counted from users
 * not deleted; `deleted` date; show filter; name contains-search; sort by name only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZTeam } from '../../lib/synchroteam/schemas/team';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('teams', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    const t = api.sandbox.store.collection('team');
    t.insert({
      name: 'East Team',
      description: 'Team that works from the east end office',
      tags: ['maintenance', 'hvac'],
    });
    t.insert({ name: 'West Team', description: null, tags: [] });
    const gone = t.insert({ name: 'Old Eastern Crew', description: null, tags: [] });
    t.setDeleted(gone.id, true);
    for (let i = 0; i < 30; i++) t.insert({ name: `Squad ${String(i).padStart(2, '0')}`, description: null, tags: [] });
  });
  afterAll(() => api.stop());

  it('counts active technicians and managers of a team', async () => {
    for (const [login, profile] of [
      ['t1', 'technician'],
      ['t2', 'technician'],
      ['t3', 'technician'],
      ['m1', 'manager'],
      ['a1', 'administrator'],
    ]) {
      await api.post('user/send', { login, password: 'pw', profile, teams: ['East Team'] });
    }
    await api.del('user/delete', { login: 't3' });
    const r = await api.get('team/list', { name: 'East Team' });
    expect(r.status).toBe(200);
    ZPage(ZTeam).parse(r.body);
    expect(r.body.data).toEqual([
      {
        id: expect.any(Number),
        name: 'East Team',
        description: 'Team that works from the east end office',
        numTechs: 2,
        numManagers: 1,
        tags: ['maintenance', 'hvac'],
        deleted: null,
      },
    ]);
  });

  it('filters by name (contains) and show', async () => {
    expect((await api.get('team/list', { name: 'east' })).body.data.map((t: any) => t.name)).toEqual(['East Team']);
    const del = await api.get('team/list', { show: 'deleted' });
    expect(del.body.data.map((t: any) => t.name)).toEqual(['Old Eastern Crew']);
    expect(del.body.data[0].deleted).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect((await api.get('team/list', { name: 'east', show: 'all' })).body.recordsTotal).toBe(2);
    expect((await api.get('team/list', { show: 'some' })).status).toBe(400);
  });

  it('sorts by name and paginates', async () => {
    const p1 = await api.get('team/list', { pageSize: 20 });
    const p2 = await api.get('team/list', { pageSize: 20, page: 2 });
    expect(p1.body.recordsTotal).toBe(32);
    expect(p2.body.records).toBe(12);
    const names = [...p1.body.data, ...p2.body.data].map((t: any) => t.name);
    expect(names).toEqual([...names].sort());
    const desc = await api.get('team/list', { sortOrder: 'descending' });
    expect(desc.body.data[0].name).toBe('West Team');
    expect((await api.get('team/list', { sort: 'numTechs' })).status).toBe(400);
    expect((await api.post('team/list', {})).status).toBe(405);
  });
});
