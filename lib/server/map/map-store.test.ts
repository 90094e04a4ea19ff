import { describe, expect, it } from 'vitest';
import type { SynchroteamClient } from '@/lib/synchroteam/client';
import { MapStore, POSITIONS_MS, SYNC_MS } from './map-store';

const D = '2026-03-10';
type Q = Record<string, unknown>;

function job(id: string, p: Record<string, unknown> = {}) {
  return {
    id,
    myId: null,
    num: Number(id.replace(/\D/g, '')) || 1,
    description: null,
    priority: 'medium',
    customer: { id: 1, name: 'Cafe' },
    site: null,
    equipment: null,
    type: null,
    reportTemplate: null,
    technician: { id: 7, name: 'Ann Bell' },
    createdBy: null,
    address: '1 Main St',
    addressStreet: null,
    addressComplement: null,
    addressZIP: null,
    addressCity: null,
    addressProvince: null,
    addressCountry: null,
    position: { latitude: '41.9', longitude: '-87.7' },
    contactFirstName: null,
    contactLastName: null,
    contactMobile: null,
    contactPhone: null,
    contactEmail: null,
    scheduledStart: `${D} 09:00`,
    scheduledEnd: `${D} 10:00`,
    actualStart: null,
    actualEnd: null,
    createdByCustomer: false,
    duration: 0,
    status: 'scheduled',
    publicLink: '',
    customFieldValues: [],
    tags: [],
    skills: [],
    validateBy: null,
    dateCreated: `${D} 08:00`,
    dateModified: `${D} 08:00`,
    dateDeleted: null,
    otherTechnicians: [],
    ...p,
  };
}
const user = (id: number, lat: string) => ({
  id,
  firstName: 'Ann',
  lastName: `Bell${id}`,
  login: `ann${id}`,
  phone: null,
  profile: 'technician',
  email: null,
  language: 'EN',
  startLocation: { fullAddress: 'Home', latitude: '41.8', longitude: '-87.6' },
  lastLocation: { latitude: lat, longitude: '-87.7', datetime: `${D} 09:58` },
  customFieldValues: [],
  teams: ['North'],
  skilledTrades: ['HVAC'],
  deleted: null,
  lastConnection: null,
  timezone: 'Central Standard Time',
  isSubcontractor: false,
});
const page = <T>(data: T[]) => ({ page: 1, pageSize: 100, records: data.length, recordsTotal: data.length, data });

function fakeClient(state: { day: unknown[]; pool: unknown[]; changed: unknown[]; users: unknown[] }, calls: string[]) {
  const c = {
    teams: {
      list: async () => (
        calls.push('team/list'),
        page([{ id: 1, name: 'North', description: null, numTechs: 1, numManagers: 0, tags: [], deleted: null }])
      ),
    },
    jobTypes: { list: async () => (calls.push('jobtype/list'), page([])) },
    users: { list: async () => (calls.push('user/list'), page(state.users)) },
    activities: { list: async () => (calls.push('activity/list'), page([])) },
    jobs: {
      list: async (q: Q) => {
        if (q.changedSince) return (calls.push('job/list changedSince'), page(state.changed));
        if (q.status === 'created') return (calls.push('job/list created'), page(state.pool));
        return (calls.push('job/list day'), page(state.day));
      },
    },
  };
  return c as unknown as SynchroteamClient;
}

describe('MapStore', () => {
  it('assembles a day in few calls, shares it, and serves deltas', async () => {
    let now = Date.parse('2026-03-10T16:00:00Z');
    const calls: string[] = [];
    const state = {
      day: [job('a1'), job('b2', { position: null })],
      pool: [job('p3', { status: 'created', technician: null, scheduledStart: null, scheduledEnd: null })],
      changed: [] as unknown[],
      users: [user(7, '41.91')],
    };
    const store = new MapStore({ client: fakeClient(state, calls), timeZone: 'America/Chicago', now: () => now });

    const s = await store.getSnapshot(D);
    expect(s.jobs.map((j) => [j.id, j.lat])).toEqual([
      ['a1', 41.9],
      ['b2', null],
    ]);
    expect(s.unscheduled.map((j) => j.id)).toEqual(['p3']);
    expect(s.technicians[0]).toMatchObject({
      id: 7,
      last: { lat: 41.91, lng: -87.7, at: `${D} 09:58` },
      home: { lat: 41.8, lng: -87.6 },
    });
    expect(s.now).toBe(`${D} 11:00:00`); // CDT (UTC−5) on 10 March
    expect(calls.sort()).toEqual([
      'activity/list',
      'job/list changedSince',
      'job/list created',
      'job/list day',
      'jobtype/list',
      'team/list',
      'user/list',
    ]);

    // A second dispatcher a few seconds later costs nothing upstream.
    calls.length = 0;
    now += 3000;
    await store.getSnapshot(D);
    expect(calls).toEqual([]);

    // 30 s later: one changedSince read, one position read and the day's activities (re-read every ACTIVITIES_MS: from
    // the account mirror, so no API call there) serve everyone's delta.
    now += Math.max(SYNC_MS, POSITIONS_MS) + 1000;
    state.changed = [job('a1', { status: 'started' }), job('p3', { status: 'scheduled' })];
    state.users = [user(7, '41.95')];
    const ch = await store.getChanges(D, s.version);
    expect(calls.sort()).toEqual(['activity/list', 'job/list changedSince', 'user/list']);
    expect(ch.jobs.map((j) => [j.id, j.status])).toEqual([
      ['a1', 'started'],
      ['p3', 'scheduled'],
    ]);
    expect(ch.technicians?.[0].last?.lat).toBe(41.95);

    // Nothing new since the returned version; a version from before the log, or an unknown day, asks for a reload.
    calls.length = 0;
    const again = await store.getChanges(D, ch.version);
    expect(again.jobs).toEqual([]);
    expect(again.technicians).toBeUndefined();
    expect(calls).toEqual([]);
    expect((await store.getChanges(D, ch.version + 5)).reload).toBe(true);
    expect((await store.getChanges('2026-03-11', 0)).reload).toBe(true);
  });

  it('keeps the last positions when a refresh fails', async () => {
    let now = 0;
    const calls: string[] = [];
    const state = { day: [], pool: [], changed: [], users: [user(7, '41.91')] };
    const client = fakeClient(state, calls);
    const store = new MapStore({ client, timeZone: 'America/Chicago', now: () => now });
    const s = await store.getSnapshot(D);
    (client.users as { list: unknown }).list = async () => {
      throw new Error('upstream down');
    };
    now += POSITIONS_MS + 1;
    const ch = await store.getChanges(D, s.version);
    expect(ch.technicians).toBeUndefined();
    expect(ch.reload).toBeUndefined();
  });
});
