import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { LiveCompany } from '../live';
import { FIXED, seedSandbox } from '../seed';
import { positionOnLand } from '../seed/addresses';
import { ZJob } from '../../lib/synchroteam/schemas/job';
import { ZTimelineItem } from '../../lib/synchroteam/schemas/timeline';
import { ZUser } from '../../lib/synchroteam/schemas/user';

const T0 = Date.parse('2026-03-11T16:20:00Z'); // Wednesday 11:20 in Chicago
const MIN = 60_000;

describe('live mode', () => {
  let api: TestApi;
  let now = T0;
  let live: LiveCompany;
  beforeAll(async () => {
    api = await startTestApi({
      now: () => now,
      seed: (s) => seedSandbox(s.store, s.config, { seed: 42, size: 'small' }),
    });
    live = new LiveCompany(api.sandbox, { clock: () => now });
  }, 90_000);
  afterAll(() => api.stop());

  const users = async () => {
    const r = await api.get('user/list', { pageSize: 100 });
    return new Map<string, any>(r.body.data.map((u: any) => [u.login, u]));
  };

  it('changes nothing while the clock stands still between ticks', async () => {
    live.tick();
    const before = (await api.get('job/details', { myId: FIXED.startedJob.myId })).body;
    const again = live.tick();
    expect(again.started + again.completed).toBe(0);
    expect((await api.get('job/details', { myId: FIXED.startedJob.myId })).body).toEqual(before);
  });

  it('moves working technicians along their route when the clock advances, and keeps them on land', async () => {
    const before = await users();
    now = T0 + 20 * MIN;
    const r = live.tick();
    expect(r.moved).toBeGreaterThan(5);
    const after = await users();
    let moved = 0;
    for (const [login, u] of after) {
      ZUser.parse(u);
      const b = before.get(login);
      if (!u.lastLocation || !b.lastLocation) continue;
      if (
        u.lastLocation.latitude !== b.lastLocation.latitude ||
        u.lastLocation.longitude !== b.lastLocation.longitude
      ) {
        moved++;
        expect(positionOnLand(u.lastLocation)).toBe(true);
        expect(u.lastLocation.datetime).toBe(r.at);
      }
    }
    expect(moved).toBeGreaterThan(3);
    // The stale and never-tracked technicians keep their GPS off.
    expect(after.get(FIXED.staleTech.login).lastLocation).toEqual(before.get(FIXED.staleTech.login).lastLocation);
    expect(after.get(FIXED.noLocationTech.login).lastLocation).toBeNull();
  });

  it('completes a started job and starts the next one near its scheduled time, through the job life cycle', async () => {
    const started = (await api.get('job/details', { myId: FIXED.startedJob.myId })).body;
    const next = (await api.get('job/details', { myId: FIXED.job.myId })).body;
    expect(started.status).toBe('started');
    expect(next.status).not.toBe('started');
    now = T0 + (FIXED.job.startInMinutes + 12) * MIN;
    const r = live.tick();
    expect(r.completed).toBeGreaterThan(0);
    const done = ZJob.parse((await api.get('job/details', { myId: FIXED.startedJob.myId })).body);
    expect(done.status).toBe('completed');
    expect(done.actualEnd).toBe(r.at.slice(0, 16));
    expect(done.timeEntries.every((e) => e.stop !== null)).toBe(true);
    expect(done.duration).toBeGreaterThan(60);
    expect(done.report.flatMap((b) => b.items).some((i) => i.value !== '')).toBe(true);
    const nowStarted = ZJob.parse((await api.get('job/details', { myId: FIXED.job.myId })).body);
    expect(nowStarted.status).toBe('started');
    expect(nowStarted.actualStart).toBe(r.at.slice(0, 16));
    const events = (await api.get('timeline/list', { job_id: done.id, source: 'notification' })).body;
    events.forEach((e: unknown) => ZTimelineItem.parse(e));
    expect(events.map((e: any) => e.event).slice(-1)).toEqual(['completed']);
    // The technician is now at the site of his started job.
    const mr = (await users()).get(FIXED.freshTech.login);
    expect(mr.lastLocation.latitude).toBe(nowStarted.position!.latitude);
  });

  it('carries the whole day through by evening: no job of today is left started or waiting', async () => {
    for (let t = T0 + 3 * 60 * MIN; t <= T0 + 14 * 60 * MIN; t += 10 * MIN) {
      now = t;
      live.tick();
      // Let the HTTP connections breathe between ticks (a long synchronous loop lets keep-alive sockets expire
      // under the client's feet).
      await new Promise((r) => setTimeout(r, 1));
    }
    const today = '2026-03-11';
    const jobs = (
      await api.get('job/list', { dateFrom: `${today} 00:00:00`, dateTo: `${today} 23:59:59`, pageSize: 100 })
    ).body.data;
    const open = jobs.filter(
      (j: any) => j.scheduledStart?.startsWith(today) && ['scheduled', 'synchronized', 'started'].includes(j.status),
    );
    expect(open).toEqual([]);
    expect(
      jobs.filter((j: any) => j.scheduledStart?.startsWith(today) && j.status === 'completed').length,
    ).toBeGreaterThan(30);
  }, 90_000);

  it('starts and stops its timer cleanly', async () => {
    const timed = new LiveCompany(api.sandbox, { clock: () => now, intervalMs: [5, 10] }).start();
    await new Promise((r) => setTimeout(r, 40));
    timed.stop();
    timed.stop();
  });
});
