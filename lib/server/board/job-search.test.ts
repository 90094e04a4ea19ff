/**
 * The board's account-wide search: from the mirror without any API call, and through the API's own filters when the
 * mirror cannot answer.
 */
import { describe, expect, it } from 'vitest';
import { openAppDb } from '@/lib/server/db';
import { parseJobQuery, type JobQuery } from '@/lib/scheduling/board-search';
import type { SynchroteamClient } from '@/lib/synchroteam/client';
import { ApiError } from '@/lib/synchroteam/errors';
import { MirrorStore } from '../mirror/store';
import { RESOURCE_BY_NAME } from '../mirror/resources';
import { searchJobs } from './job-search';

const TZ = 'America/Chicago';
const q = (s: string) => parseJobQuery(s) as JobQuery;

/** A job/list row as the API sends it (the reference's simplified job). */
function job(num: number, p: Record<string, unknown> = {}) {
  return {
    id: `j${num}`,
    num,
    myId: null,
    status: 'scheduled',
    priority: 'medium',
    description: 'Annual service',
    customer: { id: num * 10, myId: null, name: `Customer ${num}` },
    site: null,
    equipment: null,
    type: null,
    reportTemplate: null,
    technician: { id: 5 },
    createdBy: null,
    address: `${num} N Western Ave, Chicago`,
    addressStreet: null,
    addressComplement: null,
    addressZIP: null,
    addressCity: null,
    addressProvince: null,
    addressCountry: null,
    position: null,
    contactFirstName: null,
    contactLastName: null,
    contactMobile: null,
    contactPhone: null,
    contactEmail: null,
    scheduledStart: '2026-12-07 09:00',
    scheduledEnd: '2026-12-07 10:00',
    actualStart: null,
    actualEnd: null,
    createdByCustomer: false,
    publicLink: '',
    customFieldValues: [],
    dateCreated: '2026-12-01 08:00',
    dateModified: '2026-12-01 08:00',
    ...p,
  };
}

/** A client that fails the test when the search reaches for the API. */
const noApi = new Proxy(
  {},
  { get: () => new Proxy({}, { get: () => () => Promise.reject(new Error('API called')) }) },
) as SynchroteamClient;

function mirror(docs: unknown[], ready = true) {
  const store = new MirrorStore(openAppDb(':memory:'), TZ);
  store.upsert(RESOURCE_BY_NAME.get('jobs')!, docs as never);
  store.saveCursor('jobs', { ready });
  return store;
}

describe('searchJobs from the mirror', () => {
  const store = mirror([
    job(3589, { customer: { id: 1, myId: null, name: 'Hyde Park Bakery' }, status: 'cancelled' }),
    job(35890),
    job(1200, {
      customer: { id: 2, myId: null, name: 'Bäckerei Müller' },
      address: '2417 N Western Ave, Chicago',
      status: 'created',
      technician: null,
      scheduledStart: null,
      scheduledEnd: null,
    }),
    job(77, { dateDeleted: '2026-12-02 08:00' }),
  ]);

  it('finds a number, exact first, without an API call', async () => {
    const a = await searchJobs(q('#3589'), 10, { store, client: noApi });
    expect(a).toMatchObject({ source: 'mirror', partial: false });
    expect(a.jobs.map((j) => j.num)).toEqual([3589, 35890]);
    expect(a.jobs[0]).toMatchObject({ status: 'cancelled', customer: { name: 'Hyde Park Bakery' } });
  });

  it('finds a customer and an address by any of their words, accents or not', async () => {
    expect((await searchJobs(q('hyde bakery'), 10, { store, client: noApi })).jobs.map((j) => j.num)).toEqual([3589]);
    expect((await searchJobs(q('muller'), 10, { store, client: noApi })).jobs.map((j) => j.num)).toEqual([1200]);
    expect((await searchJobs(q('2417 western'), 10, { store, client: noApi })).jobs.map((j) => j.num)).toEqual([1200]);
  });

  it('leaves deleted jobs out and honours the limit', async () => {
    expect((await searchJobs(q('77'), 10, { store, client: noApi })).jobs).toEqual([]);
    expect((await searchJobs(q('western'), 2, { store, client: noApi })).jobs).toHaveLength(2);
  });
});

describe('searchJobs through the API', () => {
  function client(calls: string[]) {
    return {
      jobs: {
        details: async (k: { num: number }) => {
          calls.push(`job/details num=${k.num}`);
          if (k.num === 3589) return job(3589);
          throw new ApiError({ status: 404, error: 'Not Found', detail: 'no such job' });
        },
        list: async (p: { customer_id: number }) => {
          calls.push(`job/list customer_id=${p.customer_id}`);
          return {
            data: [job(p.customer_id + 1, { customer: { id: p.customer_id, myId: null, name: 'Hyde Park Bakery' } })],
          };
        },
      },
      customers: {
        list: async (p: { name: string }) => {
          calls.push(`customer/list name=${p.name}`);
          return { data: [{ id: 100 }, { id: 200 }, { id: 300 }, { id: 400 }] };
        },
      },
    } as unknown as SynchroteamClient;
  }

  it('reads a number with one job/details, when the mirror cannot answer', async () => {
    const calls: string[] = [];
    const a = await searchJobs(q('3589'), 10, { store: mirror([], false), client: client(calls) });
    expect(a).toMatchObject({ source: 'api', partial: true });
    expect(a.jobs.map((j) => j.num)).toEqual([3589]);
    expect(calls).toEqual(['job/details num=3589']);
    expect((await searchJobs(q('9'), 10, { store: null, client: client([]) })).jobs).toEqual([]);
  });

  it('reads text as customers by name, then a page of jobs of the first three', async () => {
    const calls: string[] = [];
    const a = await searchJobs(q('hyde'), 10, { store: null, client: client(calls) });
    expect(calls).toEqual([
      'customer/list name=hyde',
      'job/list customer_id=100',
      'job/list customer_id=200',
      'job/list customer_id=300',
    ]);
    expect(a.jobs.map((j) => j.num)).toEqual([101, 201, 301]);
  });
});
