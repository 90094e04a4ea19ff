/**
 * Credit notes: details and list. They come from cancelling invoices. Readings tested (see
 * sandbox/resources/creditnote.ts): status set draft/new/sent/accepted (copied from quotations), an issued note is
 * "new", numbered from its own sequence with a reference, full amount of the invoice, `invoice` names its source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZCreditNote } from '../../lib/synchroteam/schemas/creditnote';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('credit notes', () => {
  let api: TestApi;
  let clock = Date.UTC(2026, 0, 20, 12, 0);
  let a: number;
  let b: number;
  beforeAll(async () => {
    api = await startTestApi({ now: () => clock });
    a = (await api.post('customer/send', { myId: 'CN-A', name: 'Alpha' })).body.id;
    b = (await api.post('customer/send', { myId: 'CN-B', name: 'Beta' })).body.id;
    api.sandbox.store.collection('job').insert({ num: 77, myId: 'CN-J', customer: { id: b } });
    const line = { description: 'Service', quantity: 3, unitPrice: '33.33', taxRate: '20' };
    for (const [cust, extra] of [
      [a, {}],
      [b, { job: { num: 77 } }],
    ] as const) {
      const inv = await api.post('invoice/send', { customer: { id: cust }, status: 'sent', lines: [line], ...extra });
      clock += 3600_000;
      await api.post('invoice/cancel', { id: inv.body.id, createCreditnote: true });
    }
  });
  afterAll(() => api.stop());

  it('issues a numbered credit note for the full invoice amount, readable by id, num and reference', async () => {
    const n = await api.get('creditnote/details', { num: 1 });
    expect(n.status).toBe(200);
    ZCreditNote.parse(n.body);
    // 3 × 33.33 = 99.99; 20% → 20.00
    expect(n.body).toMatchObject({
      type: 'creditnote',
      status: 'new',
      num: 1,
      reference: '1_Creditnote_20_1_2026',
      subtotal: 99.99,
      taxAmt: 20,
      total: 119.99,
    });
    expect(n.body.invoice).toMatchObject({ num: 1 });
    expect(n.body.customFieldValues).toBeUndefined();
    expect((await api.get('creditnote/details', { id: n.body.id })).body.num).toBe(1);
    expect((await api.get('creditnote/details', { reference: '1_Creditnote_20_1_2026' })).body.id).toBe(n.body.id);
    expect((await api.get('creditnote/details', { num: 9 })).status).toBe(404);
    expect((await api.get('creditnote/details')).status).toBe(400);
    expect((await api.post('creditnote/send', {})).status).toBe(404);
    expect((await api.post('creditnote/list', {})).status).toBe(405);
  });

  it('lists changedSince descending by default, with filters and sorts', async () => {
    const all = await api.get('creditnote/list');
    ZPage(ZCreditNote).parse(all.body);
    expect(all.body.data.map((n: any) => n.num)).toEqual([2, 1]);
    expect(
      (await api.get('creditnote/list', { sort: 'num', sortOrder: 'ascending' })).body.data.map((n: any) => n.num),
    ).toEqual([1, 2]);
    expect((await api.get('creditnote/list', { customer_myId: 'CN-B' })).body.data.map((n: any) => n.num)).toEqual([2]);
    expect((await api.get('creditnote/list', { customer_id: a })).body.data.map((n: any) => n.num)).toEqual([1]);
    expect((await api.get('creditnote/list', { job_myId: 'CN-J' })).body.data.map((n: any) => n.num)).toEqual([2]);
    expect((await api.get('creditnote/list', { status: 'new' })).body.recordsTotal).toBe(2);
    expect((await api.get('creditnote/list', { status: 'draft' })).body.recordsTotal).toBe(0);
    expect(
      (await api.get('creditnote/list', { createdSince: '2026-01-20 13:30:00' })).body.data.map((n: any) => n.num),
    ).toEqual([2]);
    expect((await api.get('creditnote/list', { pageSize: 1, page: 2 })).body).toMatchObject({
      records: 1,
      recordsTotal: 2,
    });
    for (const q of [{ status: 'paid' }, { sort: 'total' }, { changedSince: 'x' }] as Record<
      string,
      string | number
    >[]) {
      const r = await api.get('creditnote/list', q);
      expect(r.status).toBe(400);
      expect(r.body.message).toContain(Object.keys(q)[0]);
    }
  });
});
