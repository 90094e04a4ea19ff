import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { setupWorld, type World } from './job-fixtures';
import {
  ZJob,
  ZJobPartsAnswer,
  ZJobPhotos,
  ZJobScheduleAnswer,
  ZJobStartAnswer,
  ZJobStatusAnswer,
} from '../../lib/synchroteam/schemas/job';
import { addJobPhoto } from '../resources/job-photos-parts';

describe('job life cycle', () => {
  let api: TestApi;
  let w: World;
  const clock = Date.UTC(2030, 5, 3, 15, 0, 0); // 10:00 in Chicago (CDT)
  beforeAll(async () => {
    api = await startTestApi({ now: () => clock });
    w = await setupWorld(api);
  });
  afterAll(() => api.stop());

  const newJob = async (extra: Record<string, unknown> = {}) =>
    (await api.post('job/send', { customer: { id: w.customer.id }, type: { id: w.type.id }, ...extra })).body;
  const details = async (id: string) => ZJob.parse((await api.get('job/details', { id })).body);
  const events = (id: string) =>
    api.sandbox.store
      .collection('timeline')
      .all('job_id = ?', [id])
      .map((t) => t.doc.event);

  it('walks created → scheduled → synchronized → started → completed → validated, with timeline items', async () => {
    const j = await newJob({ myId: 'LC-1', preferences: { isDraft: true } });
    const s = await api.post('job/schedule', {
      myId: 'LC-1',
      scheduledStart: '2030-06-03 09:00:00',
      technician: { id: w.alice.id },
      otherTechnicians: [{ login: 'bob' }],
    });
    expect(s.status).toBe(200);
    ZJobScheduleAnswer.parse(s.body);
    expect(s.body[0]).toMatchObject({
      id: j.id,
      status: 'scheduled',
      scheduledStart: '2030-06-03 09:00',
      scheduledEnd: '2030-06-03 10:30',
      technician: { id: w.alice.id, login: 'alice' },
    });
    expect(s.body[0].otherTechnicians).toEqual([{ id: w.bob.id, name: 'Bob Ray', login: 'bob' }]);

    const c = await api.post('job/confirm', { num: j.num });
    expect(ZJobStatusAnswer.parse(c.body)).toEqual([{ id: j.id, status: 'synchronized' }]);
    expect((await details(j.id)).preferences.isDraft).toBe(false);

    const st = await api.post('job/start', { id: j.id, actualStart: '2030-06-03 09:10' });
    expect(ZJobStartAnswer.parse(st.body)).toEqual({
      job: { id: j.id, myId: 'LC-1', num: j.num },
      startDate: '2030-06-03 09:10',
      status: 'started',
    });
    const started = await details(j.id);
    expect(started.actualStart).toBe('2030-06-03 09:10');
    expect(started.timeEntries).toEqual([
      { user: { id: w.alice.id, name: 'Alice Ng', login: 'alice' }, start: '2030-06-03 09:10', stop: null },
    ]);

    const done = await api.post('job/complete', { id: j.id, actualEnd: '2030-06-03 10:25' });
    expect(done.body).toEqual([{ id: j.id, status: 'completed' }]);
    const completed = await details(j.id);
    expect(completed).toMatchObject({
      status: 'completed',
      actualStart: '2030-06-03 09:10',
      actualEnd: '2030-06-03 10:25',
      duration: 75,
    });
    expect(completed.timeEntries[0].stop).toBe('2030-06-03 10:25');

    const v = await api.post('job/validate', { id: j.id, validateBy: { login: 'dana' } });
    expect(v.body).toEqual([{ id: j.id, status: 'validated' }]);
    expect((await details(j.id)).validateBy).toEqual({
      id: w.boss.id,
      login: 'dana',
      name: 'Dana Boss',
      date: '2030-06-03 10:00',
    });
    expect(events(j.id)).toEqual(['created', 'scheduled', 'synchronized', 'started', 'completed', 'validated']);
    const item = api.sandbox.store.collection('timeline').all('job_id = ? AND event = ?', [j.id, 'validated'])[0].doc;
    expect(item).toMatchObject({
      source: 'notification',
      isPinned: false,
      isPublic: false,
      job: { id: j.id, num: String(j.num), myId: 'LC-1' },
      customer: { id: w.customer.id },
      user: { id: w.boss.id },
    });
    expect(item.dateCreated).toBe('2030-06-03 10:00');
  });

  it('pauses the technician’s other started job and resumes it; time entries and duration stay consistent', async () => {
    const a = await newJob({ technician: { id: w.carol.id }, scheduledStart: '2030-06-04 08:00' });
    const b = await newJob({ technician: { id: w.carol.id }, scheduledStart: '2030-06-04 10:00' });
    await api.post('job/start', { id: a.id, actualStart: '2030-06-04 08:00' });
    await api.post('job/start', { id: b.id, actualStart: '2030-06-04 08:30' });
    const pa = await details(a.id);
    expect(pa.status).toBe('paused');
    expect(pa.timeEntries).toEqual([
      { user: expect.objectContaining({ id: w.carol.id }), start: '2030-06-04 08:00', stop: '2030-06-04 08:30' },
    ]);
    expect(pa.duration).toBe(30);
    expect(events(a.id)).toEqual(['created', 'scheduled', 'started', 'paused']);
    // resuming a before the last stop is refused; after it, b is paused in turn
    const early = await api.post('job/start', { id: a.id, actualStart: '2030-06-04 08:20' });
    expect(early.status).toBe(400);
    expect(early.body.message).toMatch(/actualStart/);
    await api.post('job/start', { id: a.id, actualStart: '2030-06-04 09:00' });
    expect((await details(b.id)).status).toBe('paused');
    expect((await details(b.id)).duration).toBe(30);
    const ra = await details(a.id);
    expect(ra.actualStart).toBe('2030-06-04 08:00');
    expect(ra.timeEntries).toHaveLength(2);
    await api.post('job/complete', { id: a.id, actualEnd: '2030-06-04 09:45' });
    const ca = await details(a.id);
    expect(ca.duration).toBe(30 + 45);
    // a paused job can be completed with the caller's times, even where they contradict what start/pause recorded:
    // "Real Start/End Date & Time" come from the body (issue 17)
    const late = await api.post('job/complete', {
      id: b.id,
      actualStart: '2030-06-04 08:40',
      actualEnd: '2030-06-04 12:00',
    });
    expect(late.status).toBe(200);
    const cb = await details(b.id);
    expect(cb).toMatchObject({
      status: 'completed',
      actualStart: '2030-06-04 08:40',
      actualEnd: '2030-06-04 12:00',
      duration: 200,
    });
    expect(cb.timeEntries).toEqual([
      { user: expect.objectContaining({ id: w.carol.id }), start: '2030-06-04 08:40', stop: '2030-06-04 12:00' },
    ]);
  });

  it('completes a scheduled job after the fact with one time entry', async () => {
    const j = await newJob({ technician: { id: w.bob.id }, scheduledStart: '2030-06-05 08:00' });
    const noStart = await api.post('job/complete', { id: j.id, actualEnd: '2030-06-05 09:00' });
    expect(noStart.status).toBe(400);
    expect(noStart.body.message).toMatch(/actualStart/);
    const backwards = await api.post('job/complete', {
      id: j.id,
      actualStart: '2030-06-05 09:00',
      actualEnd: '2030-06-05 08:00',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toMatch(/actualEnd/);
    expect((await details(j.id)).status).toBe('scheduled');
    await api.post('job/complete', { id: j.id, actualStart: '2019-11-06 13:13', actualEnd: '2019-11-06 14:28' });
    const d = await details(j.id);
    expect(d.duration).toBe(75);
    expect(d.timeEntries).toEqual([
      { user: expect.objectContaining({ id: w.bob.id }), start: '2019-11-06 13:13', stop: '2019-11-06 14:28' },
    ]);
  });

  it('unschedules back to created, clearing schedule and technicians', async () => {
    const j = await newJob({
      technician: { id: w.bob.id },
      scheduledStart: '2030-06-06 08:00',
      otherTechnicians: [{ id: w.alice.id }],
    });
    const u = await api.post('job/unschedule', { id: j.id });
    expect(u.body).toEqual([
      { id: j.id, status: 'created', scheduledStart: null, scheduledEnd: null, technician: null },
    ]);
    const d = await details(j.id);
    expect(d).toMatchObject({
      status: 'created',
      technician: null,
      scheduledStart: null,
      scheduledEnd: null,
      otherTechnicians: [],
    });
    expect(events(j.id)).toEqual(['created', 'scheduled', 'unscheduled']);
  });

  it('cancels, closing an open time entry at now', async () => {
    const j = await newJob({ technician: { id: w.alice.id }, scheduledStart: '2030-06-03 08:00' });
    await api.post('job/start', { id: j.id, actualStart: '2030-06-03 09:30' });
    expect((await api.post('job/cancel', { id: j.id })).body).toEqual([{ id: j.id, status: 'cancelled' }]);
    const d = await details(j.id);
    expect(d.timeEntries[0].stop).toBe('2030-06-03 10:00');
    expect(d.duration).toBe(30);
  });

  it('refuses transitions the life cycle does not allow with a plain 400, changing nothing', async () => {
    const j = await newJob();
    const refuse = async (path: string, body: Record<string, unknown>, msg: RegExp) => {
      const before = await details(j.id);
      const r = await api.post(path, { id: j.id, ...body });
      expect(r.status, path).toBe(400);
      expect(r.body.message).toMatch(msg);
      expect(await details(j.id)).toEqual(before);
    };
    await refuse('job/start', {}, /created: it cannot be started/);
    await refuse('job/confirm', {}, /cannot be confirmed/);
    await refuse(
      'job/complete',
      { actualStart: '2030-01-01 10:00', actualEnd: '2030-01-01 11:00' },
      /cannot be completed/,
    );
    await refuse('job/validate', { validateBy: { id: w.boss.id } }, /cannot be validated/);
    await refuse('job/unschedule', {}, /cannot be unscheduled/);
    await refuse('job/schedule', { scheduledStart: '2030-01-01 10:00' }, /technician/);
    await refuse('job/schedule', { technician: { id: w.alice.id } }, /scheduledStart/);
    await refuse(
      'job/schedule',
      { technician: { id: w.alice.id }, scheduledStart: '2030-01-01 10:00', scheduledEnd: '2030-01-01 09:00' },
      /scheduledEnd/,
    );
    await refuse('job/schedule', { technician: { id: 999999 }, scheduledStart: '2030-01-01 10:00' }, /technician/);
    await api.post('job/cancel', { id: j.id });
    await refuse(
      'job/schedule',
      { technician: { id: w.alice.id }, scheduledStart: '2030-01-01 10:00' },
      /cancelled: it cannot be scheduled/,
    );
    await refuse('job/cancel', {}, /cannot be cancelled/);
    const c = await newJob({ technician: { id: w.alice.id }, scheduledStart: '2030-06-07 08:00' });
    await api.post('job/complete', { id: c.id, actualStart: '2030-06-07 08:00', actualEnd: '2030-06-07 09:00' });
    const noUser = await api.post('job/validate', { id: c.id });
    expect(noUser.status).toBe(400);
    expect(noUser.body.message).toMatch(/validateBy/);
    const sendSchedule = await api.post('job/send', { id: c.id, scheduledStart: '2030-06-08 08:00' });
    expect(sendSchedule.status).toBe(400);
    expect(sendSchedule.body.message).toMatch(/scheduledStart/);
    expect((await api.post('job/start', {})).status).toBe(400);
    expect((await api.post('job/start', { id: 'missing' })).status).toBe(404);
    expect((await api.get('job/start')).status).toBe(405);
  });

  it('re-schedules a paused job to another technician', async () => {
    const a = await newJob({ technician: { id: w.bob.id }, scheduledStart: '2030-06-09 08:00' });
    const b = await newJob({ technician: { id: w.bob.id }, scheduledStart: '2030-06-09 10:00' });
    await api.post('job/start', { id: a.id, actualStart: '2030-06-09 08:00' });
    await api.post('job/start', { id: b.id, actualStart: '2030-06-09 08:30' });
    const r = await api.post('job/schedule', { id: a.id, technician: { login: 'alice' } });
    expect(r.body[0]).toMatchObject({
      status: 'scheduled',
      technician: { login: 'alice' },
      scheduledStart: '2030-06-09 08:00',
    });
    expect((await details(a.id)).duration).toBe(30);
  });
});

describe('job photos and parts', () => {
  let api: TestApi;
  let w: World;
  beforeAll(async () => {
    api = await startTestApi();
    w = await setupWorld(api);
    const parts = api.sandbox.store.collection('part');
    parts.insert({ reference: '1002', name: 'Valve', type: 'part', price: 10 });
    parts.insert({ reference: 'REF_API_002', name: 'Pipe', type: 'part', price: 2 });
  });
  afterAll(() => api.stop());

  it('returns photos in iteration order, image data only on request, served by a tokened link', async () => {
    const j = (await api.post('job/send', { customer: { id: w.customer.id }, myId: 'PH-1' })).body;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64');
    addJobPhoto(api.sandbox.store, j.id, { fileName: 'two.png', iteration: 1, comment: 'photo2', imageData: png });
    addJobPhoto(api.sandbox.store, j.id, { fileName: 'one.png', comment: 'a Comment', imageData: png });
    const r = await api.get('job/photos', { myId: 'PH-1' });
    ZJobPhotos.parse(r.body);
    expect(r.body.job).toEqual({ id: j.id, myId: 'PH-1', num: j.num });
    expect(r.body.photos.map((p: any) => [p.fileName, p.iteration, p.imageData])).toEqual([
      ['one.png', 0, null],
      ['two.png', 1, null],
    ]);
    const withData = await api.get('job/photos', { id: j.id, getImageData: true });
    expect(withData.body.photos[0].imageData).toBe(png);
    const file = await api.raw(withData.body.photos[0].url, { auth: null });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).toString('base64')).toBe(png);
    expect((await api.raw(withData.body.photos[0].url.replace(/\/[0-9a-f]+$/, '/bad'), { auth: null })).status).toBe(
      404,
    );
    expect((await api.get('job/photos', { num: 999999 })).status).toBe(404);
    expect((await api.get('job/photos', { id: j.id, getImageData: 'maybe' })).status).toBe(400);
  });

  it('adds parts by reference or id; the same part accumulates; bad parts are 400s changing nothing', async () => {
    const j = (await api.post('job/send', { customer: { id: w.customer.id }, myId: 'PA-1' })).body;
    const r = await api.post('job/parts/send', {
      id: null,
      myId: 'PA-1',
      num: 0,
      parts: [
        { id: null, quantity: 2, reference: '1002', serialNumbers: ['123', '7'] },
        { id: null, quantity: 50, reference: 'REF_API_002', serialNumbers: null },
      ],
    });
    expect(r.status).toBe(200);
    ZJobPartsAnswer.parse(r.body);
    expect(r.body.id).toBe(j.id);
    expect(r.body.parts.map((p: any) => p.reference)).toEqual(['1002', 'REF_API_002']);
    const valveId = r.body.parts[0].id;
    await api.post('job/parts/send', { id: j.id, parts: [{ id: valveId, quantity: 1.5, serialNumbers: ['9'] }] });
    const d = (await api.get('job/details', { id: j.id })).body;
    expect(d.parts).toEqual([
      { id: valveId, quantity: 3.5, reference: '1002', serialNumbers: ['123', '7', '9'] },
      { id: r.body.parts[1].id, quantity: 50, reference: 'REF_API_002', serialNumbers: null },
    ]);
    for (const [parts, msg] of [
      [[{ reference: 'NOPE', quantity: 1 }], /parts\[0\]\.reference/],
      [[{ reference: '1002', quantity: 0 }], /parts\[0\]\.quantity/],
      [[{ reference: '1002', quantity: 1 }, { quantity: 1 }], /parts\[1\]/],
      [[], /parts/],
    ] as const) {
      const bad = await api.post('job/parts/send', { id: j.id, parts });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(msg);
    }
    expect((await api.get('job/details', { id: j.id })).body.parts).toEqual(d.parts);
    expect(
      (await api.post('job/parts/send', { myId: 'none', parts: [{ reference: '1002', quantity: 1 }] })).status,
    ).toBe(404);
    await api.post('job/cancel', { id: j.id });
    expect((await api.post('job/parts/send', { id: j.id, parts: [{ reference: '1002', quantity: 1 }] })).status).toBe(
      400,
    );
  });
});
