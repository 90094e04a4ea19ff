import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startTestApi, type TestApi } from './harness';
import { createSandbox } from '../server';
import { FIXED, seedSandbox, type SeedReport } from '../seed';
import { GRID, positionOnLand, toGrid } from '../seed/addresses';
import { SeedContext } from '../seed/context';
import { geocodeStreet, nearestZip, toApiPosition } from '../geo/gazetteer';
import { COLLECTIONS } from '../store/schema';
import { epochToLocal, localToEpoch, parseApiDate } from '../../lib/synchroteam/dates';
import { ZCustomer } from '../../lib/synchroteam/schemas/customer';
import { ZSite } from '../../lib/synchroteam/schemas/site';
import { ZEquipment } from '../../lib/synchroteam/schemas/equipment';
import { ZJob, ZJobListItem } from '../../lib/synchroteam/schemas/job';
import { ZUser } from '../../lib/synchroteam/schemas/user';
import { ZTeam } from '../../lib/synchroteam/schemas/team';
import { ZInvoice } from '../../lib/synchroteam/schemas/invoice';
import { ZQuotation } from '../../lib/synchroteam/schemas/quotation';
import { ZCreditNote } from '../../lib/synchroteam/schemas/creditnote';
import { ZTimelineItem } from '../../lib/synchroteam/schemas/timeline';
import { ZActivity, ZActivityType } from '../../lib/synchroteam/schemas/activity';
import { ZRecurrence } from '../../lib/synchroteam/schemas/recurrence';
import { ZTax } from '../../lib/synchroteam/schemas/tax';
import { ZPart } from '../../lib/synchroteam/schemas/part';
import { ZJobType } from '../../lib/synchroteam/schemas/jobtype';
import { ZDepot } from '../../lib/synchroteam/schemas/inventory';

/** A Wednesday, 11:20 in Chicago: today's jobs are a mix of done, ongoing and planned. */
const NOW = Date.parse('2026-03-11T16:20:00Z');
const TZ = 'America/Chicago';

function dump(seed: number): Record<string, unknown[]> {
  const s = createSandbox({ db: ':memory:', now: () => NOW });
  seedSandbox(s.store, s.config, { seed, size: 'small' });
  const out: Record<string, unknown[]> = {};
  for (const def of COLLECTIONS) out[def.name] = s.store.db.prepare(`SELECT * FROM r_${def.name} ORDER BY id`).all();
  out.counters = s.store.db.prepare('SELECT * FROM counters ORDER BY name').all();
  s.close();
  return out;
}

/** Every page of a list endpoint. */
async function all(api: TestApi, path: string, query: Record<string, string | number> = {}): Promise<any[]> {
  const out: any[] = [];
  for (let page = 1; ; page++) {
    const r = await api.get(path, { ...query, page, pageSize: 100 });
    expect(r.status, `${path} page ${page}`).toBe(200);
    out.push(...r.body.data);
    if (r.body.data.length < 100) return out;
  }
}

/** details for each record, a few at a time; every answer parses and names the same record. */
async function details(api: TestApi, path: string, ids: (string | number)[], schema: z.ZodType, key = 'id') {
  for (let i = 0; i < ids.length; i += 25) {
    const answers = await Promise.all(ids.slice(i, i + 25).map((id) => api.get(path, { [key]: id })));
    answers.forEach((a, k) => {
      expect(a.status, `${path}?${key}=${ids[i + k]}`).toBe(200);
      schema.parse(a.body);
      expect(a.body[key]).toBe(ids[i + k]);
    });
  }
}

describe('seed', () => {
  it('converts instants exactly as dates.ts does (its cached zone offsets), across both DST changes', () => {
    const s = createSandbox({ db: ':memory:', now: () => NOW });
    const c = new SeedContext(s.store, s.config, { seed: 1, size: 'small' });
    for (
      let ms = Date.parse('2025-11-01T00:00:00Z');
      ms < Date.parse('2026-03-12T00:00:00Z');
      ms += 17 * 60_000 + 13_000
    ) {
      const local = epochToLocal(ms, TZ);
      expect(c.local(ms)).toBe(local);
      expect(c.ms(local)).toBe(localToEpoch(local, TZ));
    }
    expect(c.at('2026-03-08', 150)).toBe('2026-03-08 02:30:00');
    expect(c.day(-11)).toBe('2026-02-28');
    s.close();
  });

  let first: Record<string, unknown[]>;
  it('is deterministic: the same --seed on the same clock gives identical records', () => {
    first = dump(7);
    const again = dump(7);
    expect(first.job.length).toBeGreaterThan(1500);
    expect(again).toEqual(first);
  }, 90_000);

  describe('small', () => {
    let api: TestApi;
    let report: SeedReport;
    beforeAll(async () => {
      api = await startTestApi({
        now: () => NOW,
        seed: (s) => (report = seedSandbox(s.store, s.config, { seed: 42, size: 'small' })),
      });
    }, 90_000);
    afterAll(() => api.stop());

    it('differs for another --seed', () => {
      const rows = api.sandbox.store.db.prepare('SELECT * FROM r_customer ORDER BY id').all();
      expect(rows.length).toBe(first.customer.length);
      expect(rows).not.toEqual(first.customer);
    });

    it('has the company: teams, staff, catalogue, set-up', async () => {
      expect(report.counts.team).toBeGreaterThanOrEqual(3);
      const users = await all(api, 'user/list');
      users.forEach((u) => ZUser.parse(u));
      const techs = users.filter((u) => u.profile === 'technician');
      expect(techs.length).toBeGreaterThanOrEqual(28);
      expect(users.filter((u) => u.profile === 'manager').length).toBeGreaterThanOrEqual(2);
      expect(users.filter((u) => u.profile === 'administrator')).toHaveLength(1);
      for (const t of techs) {
        expect(t.skilledTrades.length).toBeGreaterThan(0);
        expect(t.timezone).toBe('Central Standard Time');
        expect(t.startLocation.latitude).toMatch(/^\d+\.\d{7}$/);
      }
      // Recent GPS fixes for the technicians working today.
      const fresh = techs.filter(
        (t) => t.lastLocation && NOW - localToEpoch(parseApiDate(t.lastLocation.datetime)!, TZ) < 30 * 60_000,
      );
      expect(fresh.length).toBeGreaterThanOrEqual(10);
      const teams = await api.get('team/list');
      teams.body.data.forEach((t: unknown) => ZTeam.parse(t));
      expect(teams.body.data.every((t: any) => t.numTechs > 0)).toBe(true);

      const taxes = (await api.get('tax/list')).body.data;
      taxes.forEach((t: unknown) => ZTax.parse(t));
      expect(taxes.filter((t: any) => t.default)).toHaveLength(1);
      (await all(api, 'part/list')).forEach((p) => ZPart.parse(p));
      (await all(api, 'jobtype/list')).forEach((t) => ZJobType.parse(t));
      const types = (await all(api, 'activitytype/list')).map((t) => ZActivityType.parse(t));
      expect(new Set(types.map((t) => t.category))).toEqual(new Set(['unavail', 'atwork', 'travel', 'clock']));
      const defs = await Promise.all(
        ['job', 'customer', 'site', 'equipment'].map((type) => api.get('customfield/list', { type })),
      );
      for (const d of defs) expect(new Set(d.body.data.map((x: any) => x.type)).size).toBeGreaterThanOrEqual(3);
      expect((await api.get('jobschedulingwindow/list')).body.recordsTotal).toBeGreaterThanOrEqual(3);
      const depots = (await api.get('depot/list')).body.data;
      const main = await api.get('depot/details', { id: depots.find((d: any) => d.isDefault).id });
      ZDepot.parse(main.body);
      expect(main.body.parts.length).toBeGreaterThan(10);
    });

    it('every customer, site and equipment passes the schemas and comes back through details', async () => {
      const customers = await all(api, 'customer/list');
      expect(customers.length).toBeGreaterThanOrEqual(300);
      customers.forEach((c) => ZCustomer.parse(c));
      await details(
        api,
        'customer/details',
        customers.map((c) => c.id),
        ZCustomer,
      );
      expect(customers.filter((c) => c.customFieldValues.length).length).toBeGreaterThan(250);
      const sites = await all(api, 'site/list');
      sites.forEach((s) => ZSite.parse(s));
      expect(sites.length).toBeGreaterThan(customers.length);
      const equipment = await all(api, 'equipment/list');
      equipment.forEach((e) => ZEquipment.parse(e));
      expect(equipment.length).toBeGreaterThan(sites.length);
    }, 90_000);

    it('every user and invoice comes back through details', async () => {
      const users = await all(api, 'user/list');
      await details(
        api,
        'user/details',
        users.map((u) => u.id),
        ZUser,
      );
      const invoices = await all(api, 'invoice/list');
      await details(
        api,
        'invoice/details',
        invoices.map((i) => i.id),
        ZInvoice,
      );
      expect(new Set(invoices.map((i) => i.status))).toEqual(
        new Set(['draft', 'new', 'sent', 'late', 'paid', 'cancelled']),
      );
      for (const i of invoices.filter((x) => x.status === 'paid')) expect(i.paymentDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const quotations = await all(api, 'quotation/list');
      quotations.forEach((q) => ZQuotation.parse(q));
      expect(quotations.some((q) => q.status === 'accepted')).toBe(true);
      const notes = await all(api, 'creditnote/list');
      notes.forEach((n) => ZCreditNote.parse(n));
      expect(notes.length).toBeGreaterThan(0);
      // Numbering continues after the seeded documents.
      const next = await api.post('invoice/send', {
        customer: { myId: FIXED.customer.myId },
        status: 'new',
        lines: [{ description: 'x', quantity: 1, unitPrice: 1 }],
      });
      expect(next.body.num).toBe(Math.max(...invoices.map((i) => i.num)) + 1);
    }, 90_000);

    it('every job passes the schemas and comes back through details; states are realistic', async () => {
      const jobs = await all(api, 'job/list');
      expect(jobs.length).toBeGreaterThanOrEqual(2000);
      jobs.forEach((j) => ZJobListItem.parse(j));
      await details(
        api,
        'job/details',
        jobs.map((j) => j.id),
        ZJob,
      );
      const today = epochToLocal(NOW, TZ).slice(0, 10);
      const todays = jobs.filter((j) => j.scheduledStart?.startsWith(today));
      for (const s of ['completed', 'started', 'synchronized'])
        expect(
          todays.some((j) => j.status === s),
          s,
        ).toBe(true);
      const past = jobs.filter((j) => j.scheduledStart && j.scheduledStart < today);
      expect(past.every((j) => ['completed', 'validated', 'cancelled'].includes(j.status))).toBe(true);
      expect(
        past.filter((j) => j.status === 'validated').every((j) => j.actualEnd && j.validateBy && j.duration > 0),
      ).toBe(true);
      const future = jobs.filter((j) => j.scheduledStart && j.scheduledStart.slice(0, 10) > today);
      expect(future.every((j) => ['scheduled', 'synchronized', 'cancelled'].includes(j.status))).toBe(true);
      const unscheduled = jobs.filter((j) => j.status === 'created');
      expect(unscheduled.length).toBeGreaterThanOrEqual(40);
      const pool = await api.get('job/details', { myId: FIXED.poolJob.myId });
      expect(pool.body.preferences.isPool).toBe(true);
      const done = await api.get('job/details', { myId: FIXED.doneJob.myId });
      expect(
        done.body.report.flatMap((b: any) => b.items).every((i: any) => i.type === 'picture' || i.value !== ''),
      ).toBe(true);
      expect(done.body.parts.length + done.body.timeEntries.length).toBeGreaterThan(0);
      // A seeded job moves through the life cycle like any other.
      const next = await api.post('job/send', { customer: { myId: FIXED.customer.myId }, description: 'after seed' });
      expect(next.body.num).toBe(Math.max(...jobs.map((j) => j.num)) + 1);
    }, 90_000);

    it('has timeline status events, notes, tasks, recurrences and unavailabilities', async () => {
      const job = (await api.get('job/details', { myId: FIXED.startedJob.myId })).body;
      const events = (await api.get('timeline/list', { job_id: job.id, source: 'notification' })).body;
      events.forEach((e: unknown) => ZTimelineItem.parse(e));
      expect(events.map((e: any) => e.event)).toEqual(['created', 'scheduled', 'started']);
      expect((await api.get('timeline/list', { source: 'timeline' })).body.length).toBeGreaterThan(20);
      expect(report.counts.task).toBeGreaterThan(20);
      const recs = (await api.get('recurrence/list', { pageSize: 100 })).body.data;
      recs.forEach((r: unknown) => ZRecurrence.parse(r));
      expect(recs.length).toBeGreaterThan(5);
      const acts = (await api.get('activity/list', { pageSize: 100, activityType_category: 'unavail' })).body.data;
      acts.forEach((a: unknown) => ZActivity.parse(a));
      expect(acts.length).toBeGreaterThan(3);
      expect(acts.some((a: any) => a.team !== null && a.user === null)).toBe(true);
      const work = (await api.get('activity/list', { pageSize: 100, activityType_category: 'clock' })).body.data;
      expect(work.length).toBeGreaterThan(50);
    });

    it('puts every position on land, inside the gazetteer grid, where the API geocoder puts the address', async () => {
      const within = (p: { latitude: string; longitude: string }) => {
        const g = toGrid(Number(p.latitude), Number(p.longitude));
        return g.x >= GRID.minX - 1 && g.x <= GRID.maxX + 1 && g.y >= GRID.minY - 1 && g.y <= GRID.maxY + 1;
      };
      const records = [
        ...(await all(api, 'customer/list')),
        ...(await all(api, 'site/list')),
        ...(await all(api, 'job/list')),
      ];
      for (const r of records) {
        expect(positionOnLand(r.position), r.address).toBe(true);
        expect(within(r.position)).toBe(true);
        expect(toApiPosition(geocodeStreet(r.addressStreet, r.addressCity))).toEqual(r.position);
        expect(r.addressZIP).toBe(nearestZip(geocodeStreet(r.addressStreet)!));
      }
      for (const u of await all(api, 'user/list')) {
        expect(positionOnLand(u.startLocation)).toBe(true);
        if (u.lastLocation) expect(positionOnLand(u.lastLocation), u.login).toBe(true);
      }
    }, 90_000);

    it('has the documented fixed records', async () => {
      const user = async (login: string) => (await api.get('user/details', { login })).body;
      const age = (u: any) => (NOW - localToEpoch(parseApiDate(u.lastLocation.datetime)!, TZ)) / 60_000;
      expect((await user(FIXED.admin.login)).profile).toBe('administrator');
      expect((await user(FIXED.dispatcher.login)).profile).toBe('manager');
      expect(age(await user(FIXED.freshTech.login))).toBeLessThan(5);
      expect(age(await user(FIXED.staleTech.login))).toBeGreaterThan(30);
      expect((await user(FIXED.noLocationTech.login)).lastLocation).toBeNull();
      const cust = (await api.get('customer/details', { myId: FIXED.customer.myId })).body;
      expect(cust.contactEmail).toBe(FIXED.customer.contactEmail);
      expect(cust.addressZIP).toBe(FIXED.customer.zip);
      const job = (await api.get('job/details', { myId: FIXED.job.myId })).body;
      expect(job.contactEmail).toBe(FIXED.job.contactEmail);
      expect(job.addressZIP).toBe(FIXED.customer.zip);
      expect(job.status).toBe('scheduled');
      expect(job.technician.login).toBe(FIXED.freshTech.login);
      const started = (await api.get('job/details', { myId: FIXED.startedJob.myId })).body;
      expect(started.status).toBe('started');
      const invoices = (await api.get('invoice/list', { customer_myId: FIXED.customer.myId, pageSize: 100 })).body.data;
      expect(invoices.some((i: any) => i.status === 'late' && i.job === null)).toBe(true);
      const paid = (await api.get('invoice/list', { job_myId: FIXED.doneJob.myId })).body.data;
      expect(paid.map((i: any) => i.status)).toEqual(['paid']);
      const quotes = (await api.get('quotation/list', { customer_myId: FIXED.customer.myId })).body.data;
      expect(quotes.some((q: any) => q.status === 'accepted')).toBe(true);
    });
  });
});
