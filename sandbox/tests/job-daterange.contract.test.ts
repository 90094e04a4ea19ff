/**
 * job/list dateFrom/dateTo finds every job whose span overlaps the range, including the few long ones (multi-day or
 * started and still open) that the bounded index range does not reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { setupWorld, type World } from './job-fixtures';

describe('job/list by date range', () => {
  let api: TestApi;
  let w: World;
  beforeAll(async () => {
    api = await startTestApi();
    w = await setupWorld(api);
    const mk = async (myId: string, body: Record<string, unknown>) => {
      const r = await api.post('job/send', {
        customer: { id: w.customer.id },
        technician: { id: w.alice.id },
        myId,
        ...body,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    await mk('SHORT', { scheduledStart: '2030-03-10 09:00', scheduledEnd: '2030-03-10 11:00' });
    await mk('EARLY', { scheduledStart: '2030-03-01 09:00', scheduledEnd: '2030-03-01 10:00' });
    await mk('LONG', { scheduledStart: '2030-02-01 08:00', scheduledEnd: '2030-03-20 17:00' });
    await mk('OPEN', { scheduledStart: '2030-01-05 08:00', scheduledEnd: '2030-01-05 09:00' });
    const started = await api.post('job/start', { myId: 'OPEN', actualStart: '2030-01-05 08:10' });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
  });
  afterAll(() => api.stop());

  const myIds = async (q: Record<string, string>) => {
    const r = await api.get('job/list', { pageSize: 100, ...q });
    expect(r.status).toBe(200);
    expect(r.body.recordsTotal).toBe(r.body.data.length);
    return r.body.data
      .map((j: any) => j.myId)
      .sort()
      .join(',');
  };

  it('finds short jobs in the range and not those that ended before it', async () => {
    expect(await myIds({ dateFrom: '2030-03-10 00:00:00', dateTo: '2030-03-10 23:59:59' })).toBe('LONG,OPEN,SHORT');
    expect(await myIds({ dateFrom: '2030-03-02 00:00:00', dateTo: '2030-03-09 00:00:00' })).toBe('LONG,OPEN');
  });

  it('finds a multi-day job weeks after it began, and a started job that is still open months later', async () => {
    expect(await myIds({ dateFrom: '2030-03-19', dateTo: '2030-03-19' })).toBe('LONG,OPEN');
    expect(await myIds({ dateFrom: '2030-06-01', dateTo: '2030-06-01' })).toBe('OPEN');
  });
});
