/**
 * Pins what a job/list over a date range answers (rows, their order, recordsTotal, pagination) when the range holds
 * short, multi-day and open-ended jobs and a deleted one, alone and combined with the status, technician, team and
 * changedSince filters. The large-seed query plans (covering indexes ending in id, LIMIT/OFFSET written into the SQL;
 * see store/schema.ts and store/collection.ts) must not change any of this.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { setupWorld, type World } from './job-fixtures';
import { Collection } from '../store/collection';
import { COLLECTIONS } from '../store/schema';

describe('job/list order and totals over a date range', () => {
  let api: TestApi;
  let w: World;
  const num: Record<string, number> = {};
  const id: Record<string, string> = {};
  const WEEK = { dateFrom: '2030-03-04 00:00:00', dateTo: '2030-03-11 00:00:00' };

  beforeAll(async () => {
    let clock = Date.UTC(2030, 0, 1);
    api = await startTestApi({ now: () => clock });
    w = await setupWorld(api);
    const mk = async (myId: string, tech: { id: number }, body: Record<string, unknown>) => {
      const r = await api.post('job/send', {
        customer: { id: w.customer.id },
        technician: { id: tech.id },
        myId,
        ...body,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      num[myId] = r.body.num;
      id[myId] = r.body.id;
    };
    // Created in this order, so num follows it. TIE1/TIE2 share a start (sort=scheduledStart breaks the tie by id).
    await mk('LONG', w.alice, { scheduledStart: '2030-02-01 08:00', scheduledEnd: '2030-03-20 17:00' });
    await mk('MON', w.bob, { scheduledStart: '2030-03-04 09:00', scheduledEnd: '2030-03-04 10:00' });
    await mk('GONE', w.alice, { scheduledStart: '2030-03-05 09:00', scheduledEnd: '2030-03-05 10:00' });
    await mk('BEFORE', w.alice, { scheduledStart: '2030-03-01 09:00', scheduledEnd: '2030-03-01 10:00' });
    await mk('TIE1', w.alice, { scheduledStart: '2030-03-06 09:00', scheduledEnd: '2030-03-06 11:00' });
    await mk('OPEN', w.bob, { scheduledStart: '2030-01-05 08:00', scheduledEnd: '2030-01-05 09:00' });
    await mk('TIE2', w.carol, { scheduledStart: '2030-03-06 09:00', scheduledEnd: '2030-03-06 10:00' });
    await mk('ACROSS', w.carol, { scheduledStart: '2030-03-03 22:00', scheduledEnd: '2030-03-04 02:00' });
    await mk('AFTER', w.bob, { scheduledStart: '2030-03-12 09:00', scheduledEnd: '2030-03-12 10:00' });
    clock += 3_600_000;
    expect((await api.post('job/start', { myId: 'OPEN', actualStart: '2030-01-05 08:10' })).status).toBe(200);
    expect((await api.del('job/delete', { myId: 'GONE' })).status).toBe(200);
  });
  afterAll(() => api.stop());

  const list = async (q: Record<string, string | number>) => {
    const r = await api.get('job/list', { pageSize: 100, ...q });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return {
      total: r.body.recordsTotal as number,
      myIds: (r.body.data as { myId: string }[]).map((j) => j.myId).join(','),
    };
  };
  const byNum = (...ids: string[]) => [...ids].sort((a, b) => num[a] - num[b]).join(',');

  it('answers every overlapping job once, in num order, deleted ones left out', async () => {
    const all = byNum('LONG', 'MON', 'TIE1', 'OPEN', 'TIE2', 'ACROSS');
    expect(all).toBe('LONG,MON,TIE1,OPEN,TIE2,ACROSS');
    expect(await list(WEEK)).toEqual({ total: 6, myIds: all });
    expect(await list({ ...WEEK, sortOrder: 'descending' })).toEqual({
      total: 6,
      myIds: all.split(',').reverse().join(','),
    });
    expect(await list({ ...WEEK, show: 'deleted' })).toEqual({ total: 1, myIds: 'GONE' });
    expect(await list({ ...WEEK, show: 'all' })).toEqual({
      total: 7,
      myIds: byNum('LONG', 'MON', 'GONE', 'TIE1', 'OPEN', 'TIE2', 'ACROSS'),
    });
  });

  it('pages through the same rows in the same order', async () => {
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(await list({ ...WEEK, pageSize: 2, page }));
    expect(pages.map((p) => p.total)).toEqual([6, 6, 6, 6]);
    expect(pages.map((p) => p.myIds)).toEqual(['LONG,MON', 'TIE1,OPEN', 'TIE2,ACROSS', '']);
  });

  it('breaks ties of the sorted date by id', async () => {
    const ties = [id.TIE1, id.TIE2].sort()[0] === id.TIE1 ? 'TIE1,TIE2' : 'TIE2,TIE1';
    // OPEN sorts by its planned start (actual dates do not change scheduledStart).
    expect(await list({ ...WEEK, sort: 'scheduledStart' })).toEqual({
      total: 6,
      myIds: `OPEN,LONG,ACROSS,MON,${ties}`,
    });
  });

  it('keeps the same rows when a date range is combined with other filters', async () => {
    expect(await list({ ...WEEK, user_id: w.alice.id })).toEqual({ total: 2, myIds: 'LONG,TIE1' });
    expect(await list({ ...WEEK, team_id: w.west.id })).toEqual({ total: 4, myIds: 'MON,OPEN,TIE2,ACROSS' });
    expect(await list({ ...WEEK, status: 'started' })).toEqual({ total: 1, myIds: 'OPEN' });
    expect(await list({ ...WEEK, status: 'scheduled' })).toEqual({ total: 5, myIds: 'LONG,MON,TIE1,TIE2,ACROSS' });
    expect(await list({ dateFrom: '2030-03-10 00:00:00' })).toEqual({ total: 3, myIds: 'LONG,OPEN,AFTER' });
    expect(await list({ dateTo: '2030-03-04 00:00:00' })).toEqual({ total: 4, myIds: 'LONG,BEFORE,OPEN,ACROSS' });
    expect(await list({ changedSince: '2030-01-01 00:30:00', show: 'all' })).toEqual({
      total: 2,
      myIds: byNum('GONE', 'OPEN'),
    });
    expect(await list({ changedSince: '2030-01-01 00:30:00', ...WEEK })).toEqual({ total: 1, myIds: 'OPEN' });
  });

  it('drops the narrow indexes older code made when the collection is opened again', () => {
    const db = api.sandbox.store.db;
    const names = () =>
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'r_job'`)
        .pluck()
        .all() as string[];
    db.exec('CREATE INDEX r_job_span_start_span_end_deleted_num ON r_job(span_start, span_end, deleted, num)');
    expect(names()).toContain('r_job_span_start_span_end_deleted_num');
    new Collection(
      db,
      COLLECTIONS.find((c) => c.name === 'job')!,
      () => 0,
    );
    expect(names()).not.toContain('r_job_span_start_span_end_deleted_num');
    expect(names()).toContain('r_job_span_start_span_end_deleted_num_id');
  });
});
