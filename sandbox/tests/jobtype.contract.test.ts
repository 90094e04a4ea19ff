import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZJobSchedulingWindow, ZJobType } from '../../lib/synchroteam/schemas/jobtype';
import { ZPage } from '../../lib/synchroteam/schemas/common';
import { insertSchedulingWindow } from '../resources/jobschedulingwindow';
import { insertReportTemplate } from '../resources/reporttemplate';

describe('job types and scheduling windows', () => {
  let api: TestApi;
  let tplId: number;
  beforeAll(async () => {
    api = await startTestApi();
    tplId = insertReportTemplate(api.sandbox.store, { name: 'Maintenance' }).id as number;
  });
  afterAll(() => api.stop());

  it('creates, reads by id or name, updates partially by id or name', async () => {
    const r = await api.post('jobtype/send', {
      name: 'Repair',
      duration: '01:00:00',
      priority: 'medium',
      defaultJobReport: { id: tplId },
      skills: ['Plumber', 'Electrician'],
    });
    expect(r.status).toBe(200);
    const t = ZJobType.parse(r.body);
    expect(t).toMatchObject({
      name: 'Repair',
      duration: '01:00:00',
      isDefault: false,
      customHeader: null,
      defaultJobReport: { id: tplId, name: 'Maintenance' },
    });
    expect((await api.get('jobtype/details', { id: t.id })).body.name).toBe('Repair');
    expect((await api.get('jobtype/details', { name: 'repair' })).body.id).toBe(t.id);
    const byName = await api.post('jobtype/send', { name: 'Repair', duration: '02:30' });
    expect(byName.body).toMatchObject({
      id: t.id,
      duration: '02:30:00',
      skills: ['Plumber', 'Electrician'],
      priority: 'medium',
    });
    const renamed = await api.post('jobtype/send', { id: t.id, name: 'Repairs', priority: 'high' });
    expect(renamed.body).toMatchObject({ id: t.id, name: 'Repairs', priority: 'high', duration: '02:30:00' });
  });

  it('keeps a single default type', async () => {
    const a = (await api.post('jobtype/send', { name: 'Install', isDefault: true })).body;
    const b = (await api.post('jobtype/send', { name: 'Inspect', isDefault: true })).body;
    expect((await api.get('jobtype/details', { id: a.id })).body.isDefault).toBe(false);
    expect((await api.get('jobtype/details', { id: b.id })).body.isDefault).toBe(true);
    expect(a.duration).toBe('01:00:00');
  });

  it('refuses bad input with a 400 naming the field; 404 for unknown ids', async () => {
    for (const [body, msg] of [
      [{ duration: '01:00:00' }, /name/],
      [{ name: 'X', duration: 'an hour' }, /duration/],
      [{ name: 'X', duration: '00:00:00' }, /duration/],
      [{ name: 'X', priority: 'urgent' }, /priority/],
      [{ name: 'X', defaultJobReport: { id: 99999 } }, /defaultJobReport/],
      [{ name: 'X', skills: 'Plumber' }, /skills/],
    ] as const) {
      const r = await api.post('jobtype/send', body);
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(msg);
    }
    expect((await api.get('jobtype/details', { name: 'X' })).status).toBe(404);
    expect((await api.get('jobtype/details', { id: 99999 })).status).toBe(404);
    expect((await api.get('jobtype/details')).status).toBe(400);
    expect((await api.del('jobtype/send')).status).toBe(405);
  });

  it('lists with name contains, sort name both ways, pagination', async () => {
    const all = await api.get('jobtype/list');
    ZPage(ZJobType).parse(all.body);
    expect(all.body.data.map((t: any) => t.name)).toEqual(['Inspect', 'Install', 'Repairs']);
    expect((await api.get('jobtype/list', { name: 'ns' })).body.data.map((t: any) => t.name)).toEqual([
      'Inspect',
      'Install',
    ]);
    expect((await api.get('jobtype/list', { sortOrder: 'descending' })).body.data[0].name).toBe('Repairs');
    const p2 = await api.get('jobtype/list', { pageSize: 2, page: 2 });
    expect([p2.body.records, p2.body.recordsTotal]).toEqual([1, 3]);
    expect((await api.get('jobtype/list', { sort: 'duration' })).status).toBe(400);
  });

  it('lists scheduling windows sorted by name', async () => {
    insertSchedulingWindow(api.sandbox.store, { name: 'Morning', startTime: '08:00', endTime: '12:00' });
    insertSchedulingWindow(api.sandbox.store, { name: 'Afternoon', startTime: '13:00', endTime: '17:00' });
    const r = await api.get('jobschedulingwindow/list');
    ZPage(ZJobSchedulingWindow).parse(r.body);
    expect(r.body.data).toEqual([
      { id: 2, name: 'Afternoon', startTime: '13:00', endTime: '17:00' },
      { id: 1, name: 'Morning', startTime: '08:00', endTime: '12:00' },
    ]);
    expect((await api.get('jobschedulingwindow/list', { sortOrder: 'descending' })).body.data[0].name).toBe('Morning');
    expect((await api.get('jobschedulingwindow/list', { pageSize: 1 })).body).toMatchObject({
      records: 1,
      recordsTotal: 2,
    });
    expect((await api.get('jobschedulingwindow/list', { sort: 'startTime' })).status).toBe(400);
    expect((await api.post('jobschedulingwindow/list', {})).status).toBe(405);
    expect(() =>
      insertSchedulingWindow(api.sandbox.store, { name: 'Bad', startTime: '12:00', endTime: '08:00' }),
    ).toThrow();
  });
});
