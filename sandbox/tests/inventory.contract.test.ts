/**
 * Inventory: depot/details, depot/list, depot/quantities, partmovement/do, partrequest details/send/list/fulfill.
 * Readings tested (see sandbox/resources/depot.ts, partmovement.ts, partrequest.ts): depot ids are GUIDs; quantities
 * replace stock with per-item errors; a serial lives in one depot; overdraws are 400s that change nothing; part
 * requests answer {idStock, nmStock}, carry isSent, hide deleted ones from lists unless asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import {
  ZDepot,
  ZDepotQuantitiesResult,
  ZDepotSummary,
  ZPartMovementResult,
  ZPartRequest,
} from '../../lib/synchroteam/schemas/inventory';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('inventory', () => {
  let api: TestApi;
  let clock = Date.UTC(2026, 3, 1, 14, 0);
  let main: string;
  let van: string;
  let van2: string;
  let user: number;
  let bearing: number; // serialized
  let hinge: number; // by quantity
  const stock = async (depot: string) =>
    Object.fromEntries(
      (await api.get('depot/details', { id: depot })).body.parts.map((p: any) => [
        p.reference,
        p.serials.length ? p.serials : p.quantity,
      ]),
    );
  beforeAll(async () => {
    api = await startTestApi({ now: () => clock });
    const depots = api.sandbox.store.collection('depot');
    main = depots.insert({ name: 'Main Depot', isDefault: true, isProvider: true }).id as string;
    van = depots.insert({ name: 'Van 1', isDefault: false, isProvider: false }).id as string;
    van2 = depots.insert({ name: 'Van 2', isDefault: false, isProvider: false }).id as string;
    user = api.sandbox.store.collection('user').insert({ login: 'jdoe', firstName: 'John', lastName: 'Doe' })
      .id as number;
    bearing = (
      await api.post('part/send', {
        name: '10mm Bearing',
        reference: 'refHi001',
        isSerializable: true,
        isTracked: true,
        price: '12.5',
      })
    ).body.id;
    hinge = (await api.post('part/send', { name: 'Titanium Hinges Ti48', reference: 'KAAQ3104A', isTracked: true }))
      .body.id;
  });
  afterAll(() => api.stop());

  it('initializes depot quantities with per-item errors', async () => {
    const r = await api.post('depot/quantities', [
      {
        depot: { name: 'main depot' },
        parts: [
          { productCode: 'KAAQ3104A', quantity: 210 },
          { productCode: 'refHi001', serials: ['771000', '771010', '771045', '771045'] },
        ],
      },
      {
        depot: { id: van.toUpperCase() },
        parts: [
          { productCode: 'nope', quantity: 1 },
          { productCode: 'KAAQ3104A', quantity: 20, serials: [] },
          { productCode: 'refHi001', serials: ['771000'] },
          { productCode: 'KAAQ3104A', quantity: -1 },
          { productCode: 'refHi001', quantity: 3, serials: ['1', '2'] },
          { productCode: 'KAAQ3104A', serials: ['x'] },
        ],
      },
      { depot: { name: 'Atlantis' }, parts: [] },
    ]);
    expect(r.status).toBe(200);
    r.body.forEach((x: unknown) => ZDepotQuantitiesResult.parse(x));
    expect(r.body[0]).toEqual({ id: main, name: 'Main Depot', partsLoaded: 2, error: [null, null] });
    expect(r.body[1].partsLoaded).toBe(1);
    expect(r.body[1].error[0]).toBe('Depot part Id not found');
    expect(r.body[1].error[1]).toBeNull();
    expect(r.body[1].error[2]).toMatch(/771000.*Main Depot/);
    expect(r.body[1].error.slice(3).every((e: unknown) => typeof e === 'string')).toBe(true);
    expect(r.body[2]).toEqual({ id: null, name: 'Atlantis', partsLoaded: 0, error: ['Depot not found'] });
    expect(await stock(main)).toEqual({ refHi001: ['771000', '771010', '771045'], KAAQ3104A: 210 });
    expect(await stock(van)).toEqual({ KAAQ3104A: 20 });
    expect((await api.post('depot/quantities', { depot: { id: main } })).status).toBe(400);
  });

  it('shows a depot with its parts, lists depots without them', async () => {
    const d = await api.get('depot/details', { id: main });
    ZDepot.parse(d.body);
    expect(d.body.parts[0]).toEqual({
      id: bearing,
      name: '10mm Bearing',
      reference: 'refHi001',
      quantity: 3,
      serials: ['771000', '771010', '771045'],
    });
    expect(d.body.parts[1]).toEqual({
      id: hinge,
      name: 'Titanium Hinges Ti48',
      reference: 'KAAQ3104A',
      quantity: 210,
      serials: [],
    });
    expect((await api.get('depot/details', { id: '1C9035A3-CE56-4E13-B9D0-DFFB9C02E782' })).status).toBe(404);
    expect((await api.get('depot/details')).status).toBe(400);
    const l = await api.get('depot/list');
    ZPage(ZDepotSummary).parse(l.body);
    expect(l.body.data.map((x: any) => x.name)).toEqual(['Main Depot', 'Van 1', 'Van 2']);
    expect(l.body.data[0].parts).toBeUndefined();
    expect((await api.get('depot/list', { isProvider: true })).body.data.map((x: any) => x.id)).toEqual([main]);
    expect((await api.get('depot/list', { isDefault: false })).body.recordsTotal).toBe(2);
    expect((await api.get('depot/list', { name: 'van*' })).body.recordsTotal).toBe(2);
    expect((await api.get('depot/list', { sort: 'isProvider', sortOrder: 'descending' })).body.data[0].id).toBe(main);
    expect((await api.get('depot/list', { sort: 'name', sortOrder: 'descending', pageSize: 1 })).body).toMatchObject({
      records: 1,
      recordsTotal: 3,
      data: [{ name: 'Van 2' }],
    });
    expect((await api.get('depot/list', { sort: 'size' })).status).toBe(400);
    expect((await api.get('depot/list', { isProvider: 'yes' })).status).toBe(400);
  });

  it('moves parts by quantity and by serials', async () => {
    const a = await api.post('partmovement/do', {
      source: { id: main },
      destination: { name: 'Van 1' },
      part: { reference: 'KAAQ3104A', quantity: 2 },
    });
    expect(a.status).toBe(200);
    ZPartMovementResult.parse(a.body);
    expect(a.body).toEqual({ quantityMoved: 2, serialsMoved: [] });
    const b = await api.post('partmovement/do', {
      source: { id: main },
      destination: { name: 'Van 1' },
      part: { id: 'refHi001', serials: ['771010', '771045'] },
    });
    expect(b.body).toEqual({ quantityMoved: 2, serialsMoved: ['771010', '771045'] });
    expect(await stock(main)).toEqual({ refHi001: ['771000'], KAAQ3104A: 208 });
    expect(await stock(van)).toEqual({ refHi001: ['771010', '771045'], KAAQ3104A: 22 });
  });

  it('refuses overdraws and bad moves with a 400 naming the field, changing nothing', async () => {
    const before = [await stock(main), await stock(van), await stock(van2)];
    const cases: [unknown, string][] = [
      [{ source: { id: van }, destination: { id: van2 }, part: { reference: 'KAAQ3104A', quantity: 23 } }, 'quantity'],
      [
        {
          source: { id: van },
          destination: { id: van2 },
          part: { reference: 'refHi001', serials: ['771010', '771000'] },
        },
        'serials',
      ],
      [{ source: { id: van }, destination: { id: van2 }, part: { reference: 'refHi001', quantity: 1 } }, 'serials'],
      [
        {
          source: { id: van },
          destination: { id: van2 },
          part: { reference: 'refHi001', serials: ['771010'], quantity: 2 },
        },
        'quantity',
      ],
      [{ source: { id: van }, destination: { id: van2 }, part: { reference: 'KAAQ3104A', quantity: 0 } }, 'quantity'],
      [{ source: { id: van }, destination: { id: van2 }, part: { reference: 'KAAQ3104A', quantity: 1.5 } }, 'quantity'],
      [{ source: { id: van }, destination: { id: van2 }, part: { reference: 'KAAQ3104A', serials: ['a'] } }, 'serials'],
      [{ source: { id: van }, destination: { id: van }, part: { reference: 'KAAQ3104A', quantity: 1 } }, 'destination'],
      [
        { source: { name: 'Nowhere' }, destination: { id: van2 }, part: { reference: 'KAAQ3104A', quantity: 1 } },
        'source',
      ],
      [{ source: { id: van }, part: { reference: 'KAAQ3104A', quantity: 1 } }, 'destination'],
      [{ source: { id: van }, destination: { id: van2 }, part: { reference: 'ghost', quantity: 1 } }, 'part'],
      [{ source: { id: van }, destination: { id: van2 } }, 'part'],
    ];
    for (const [body, name] of cases) {
      const r = await api.post('partmovement/do', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toContain(name);
    }
    expect([await stock(main), await stock(van), await stock(van2)]).toEqual(before);
    expect((await api.get('partmovement/do')).status).toBe(405);
  });

  let reqId: string;
  it('creates, reads and updates part requests', async () => {
    const r = await api.post('partrequest/send', {
      source: { idStock: main },
      destination: { nmStock: 'Van 2' },
      user: { id: user },
      part: { id: hinge },
      quantity: 5,
      isUrgent: true,
    });
    expect(r.status).toBe(200);
    ZPartRequest.parse(r.body);
    expect(r.body).toMatchObject({
      source: { idStock: main, nmStock: 'Main Depot' },
      destination: { idStock: van2, nmStock: 'Van 2' },
      user: { id: user, name: 'John Doe', login: 'jdoe' },
      part: {
        id: hinge,
        reference: 'KAAQ3104A',
        name: 'Titanium Hinges Ti48',
        unitPrice: '0.00',
        isSerializable: false,
      },
      quantity: 5,
      isDeleted: false,
      isComplete: false,
      isUrgent: true,
      isSent: false,
      dateCreated: '2026-04-01 09:00',
    });
    reqId = r.body.id;
    expect((await api.get('partrequest/details', { id: reqId })).body).toEqual(r.body);
    clock += 60_000;
    const u = await api.post('partrequest/send', { id: reqId, quantity: 6, isUrgent: false });
    expect(u.body).toMatchObject({ quantity: 6, isUrgent: false, source: { idStock: main } });
    const s = await api.post('partrequest/send', {
      source: { name: 'Main Depot' },
      destination: { id: van2 },
      user: { login: 'JDOE' },
      part: { reference: 'refHi001' },
      serials: ['771000'],
    });
    expect(s.body).toMatchObject({ quantity: 1, part: { isSerializable: true, unitPrice: '12.50' } });
    const cases: [unknown, string][] = [
      [{ destination: { id: van2 }, user: { id: user }, part: { id: hinge }, quantity: 1 }, 'source'],
      [{ source: { id: main }, destination: { id: van2 }, part: { id: hinge }, quantity: 1 }, 'user'],
      [
        { source: { id: main }, destination: { id: van2 }, user: { id: 999 }, part: { id: hinge }, quantity: 1 },
        'user',
      ],
      [{ source: { id: main }, destination: { id: van2 }, user: { id: user }, quantity: 1 }, 'part'],
      [{ source: { id: main }, destination: { id: van2 }, user: { id: user }, part: { id: hinge } }, 'quantity'],
      [
        { source: { id: main }, destination: { id: van2 }, user: { id: user }, part: { id: hinge }, quantity: -3 },
        'quantity',
      ],
      [
        { source: { id: main }, destination: { id: main }, user: { id: user }, part: { id: hinge }, quantity: 1 },
        'destination',
      ],
      [{ id: reqId, isUrgent: 'very' }, 'isUrgent'],
    ];
    for (const [body, name] of cases) {
      const x = await api.post('partrequest/send', body);
      expect(x.status, JSON.stringify(body)).toBe(400);
      expect(x.body.message).toContain(name);
    }
    expect((await api.get('partrequest/details', { id: 'nope' })).status).toBe(404);
    expect((await api.get('partrequest/details')).status).toBe(400);
    expect((await api.get('partrequest/list')).body.recordsTotal).toBe(2);
  });

  it('fulfills partially then fully, moving stock; refuses too much and changes nothing', async () => {
    const over = await api.post('partrequest/fulfill', { requestId: reqId, quantity: 7 });
    expect(over.status).toBe(400);
    expect(over.body.message).toContain('quantity');
    expect((await api.post('partrequest/fulfill', { id: reqId })).status).toBe(400);
    const p = await api.post('partrequest/fulfill', { id: reqId, quantity: 2, isPartial: true });
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ isSent: true, isComplete: false, quantity: 6 });
    expect(await stock(van2)).toEqual({ KAAQ3104A: 2 });
    expect((await api.post('partrequest/send', { id: reqId, quantity: 1 })).status).toBe(400);
    expect((await api.post('partrequest/send', { id: reqId, source: { id: van } })).status).toBe(400);
    // the source holds 206: make it hold fewer than the 4 remaining, the fulfilment is an overdraw
    await api.post('depot/quantities', [{ depot: { id: main }, parts: [{ productCode: 'KAAQ3104A', quantity: 3 }] }]);
    const dry = await api.post('partrequest/fulfill', { id: reqId, quantity: 4 });
    expect(dry.status).toBe(400);
    expect((await api.get('partrequest/details', { id: reqId })).body).toMatchObject({ isComplete: false });
    expect(await stock(van2)).toEqual({ KAAQ3104A: 2 });
    const f = await api.post('partrequest/fulfill', { id: reqId, quantity: 3 });
    expect(f.body).toMatchObject({ isComplete: true }); // without isPartial the request is complete
    expect(await stock(main)).toEqual({ refHi001: ['771000'] });
    expect(await stock(van2)).toEqual({ KAAQ3104A: 5 });
    expect((await api.post('partrequest/fulfill', { id: reqId, quantity: 1 })).status).toBe(400);
    expect((await api.post('partrequest/fulfill', { id: 'missing', quantity: 1 })).status).toBe(404);
    expect((await api.post('partrequest/fulfill', {})).status).toBe(400);
  });

  it('fulfills serialized requests by serials', async () => {
    const list = await api.get('partrequest/list', { isSent: false });
    const ser = list.body.data[0];
    expect((await api.post('partrequest/fulfill', { id: ser.id, serials: ['771010'] })).status).toBe(400); // not in Main Depot
    const f = await api.post('partrequest/fulfill', { id: ser.id, serials: ['771000'] });
    expect(f.body).toMatchObject({ isComplete: true, isSent: true });
    expect(await stock(van2)).toEqual({ KAAQ3104A: 5, refHi001: ['771000'] });
    expect(await stock(main)).toEqual({});
  });

  it('lists with every filter and sort; deleted requests only when asked', async () => {
    clock += 60_000;
    const t = await api.post('partrequest/send', {
      source: { id: van },
      destination: { id: van2 },
      user: { id: user },
      part: { id: hinge },
      quantity: 1,
      isUrgent: true,
    });
    await api.post('partrequest/send', { id: t.body.id, isDeleted: true });
    expect((await api.get('partrequest/details', { id: t.body.id })).body.isDeleted).toBe(true);
    const all = await api.get('partrequest/list');
    ZPage(ZPartRequest).parse(all.body);
    expect(all.body.recordsTotal).toBe(2);
    expect((await api.get('partrequest/list', { isDeleted: true })).body.data.map((x: any) => x.id)).toEqual([
      t.body.id,
    ]);
    expect((await api.get('partrequest/list', { isUrgent: true, isDeleted: true })).body.recordsTotal).toBe(1);
    expect((await api.get('partrequest/list', { isUrgent: true })).body.recordsTotal).toBe(0);
    expect((await api.get('partrequest/list', { isComplete: true })).body.recordsTotal).toBe(2);
    expect((await api.get('partrequest/list', { isSent: true })).body.recordsTotal).toBe(2);
    expect((await api.get('partrequest/list', { createdSince: '2026-04-01 14:01:30' })).body.recordsTotal).toBe(0);
    expect((await api.get('partrequest/list', { createdSince: '2026-04-01 14:00:30' })).body.recordsTotal).toBe(1);
    expect(
      (await api.get('partrequest/list', { changedSince: '2026-04-01 14:01:30', isDeleted: true })).body.recordsTotal,
    ).toBe(1);
    const created = (await api.get('partrequest/list', { sort: 'dateCreated', sortOrder: 'descending' })).body.data.map(
      (x: any) => x.dateCreated,
    );
    expect(created).toEqual([...created].sort().reverse());
    expect((await api.get('partrequest/list', { sort: 'isUrgent', isDeleted: true })).status).toBe(200);
    expect((await api.get('partrequest/list', { sort: 'isSent', pageSize: 1, page: 2 })).body).toMatchObject({
      records: 1,
      recordsTotal: 2,
    });
    for (const q of [{ sort: 'quantity' }, { isUrgent: 'maybe' }, { createdSince: 'soon' }] as Record<
      string,
      string
    >[]) {
      const r = await api.get('partrequest/list', q);
      expect(r.status).toBe(400);
      expect(r.body.message).toContain(Object.keys(q)[0]);
    }
  });
});
