/**
 * Quotations: details, send, duplicate, cancel, list. Readings tested (see sandbox/resources/quotation.ts and
 * billing-documents.ts): status set draft/new/sent/accepted; cancel answers one object {id, status: "canceled"} on
 * DELETE or POST and stores "cancelled"; default list order changedSince descending; paymentDate always null.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZQuotation } from '../../lib/synchroteam/schemas/quotation';
import { ZCancelAnswer } from '../../lib/synchroteam/schemas/invoice';
import { ZPage } from '../../lib/synchroteam/schemas/common';

describe('quotations', () => {
  let api: TestApi;
  let clock = Date.UTC(2026, 2, 3, 18, 0);
  let cust: number;
  let job: string;
  beforeAll(async () => {
    api = await startTestApi({ now: () => clock });
    cust = (await api.post('customer/send', { myId: 'Q-C', name: 'Quote Customer' })).body.id;
    api.sandbox.store.collection('site').insert({ myId: 'Q-S', name: 'Quote Site', customer: { id: cust } });
    job = api.sandbox.store.collection('job').insert({ num: 9001, myId: 'Q-J', customer: { id: cust } }).id as string;
  });
  afterAll(() => api.stop());

  it('creates, computes totals, numbers from its own sequence, reads by id/num/reference', async () => {
    const q = await api.post('quotation/send', {
      customer: { name: 'quote customer' },
      site: { myId: 'Q-S' },
      job: { myId: 'Q-J' },
      description: 'Boiler Installation Quote',
      lines: [{ description: 'Boiler', quantity: '1', unitPrice: '1999,99', discountPercent: '5', taxRate: '7.5' }],
    });
    expect(q.status).toBe(200);
    ZQuotation.parse(q.body);
    // 1999.99 × 0.95 = 1899.9905 → 1899.99; 7.5% → 142.49925 → 142.50
    expect(q.body).toMatchObject({
      type: 'quotation',
      num: 1,
      reference: '1_Quotation_3_3_2026',
      status: 'draft',
      subtotal: 1899.99,
      taxAmt: 142.5,
      total: 2042.49,
      paymentDate: null,
    });
    expect(q.body.job).toEqual({ id: job, myId: 'Q-J', num: 9001 });
    for (const p of [{ id: q.body.id }, { num: 1 }, { reference: '1_Quotation_3_3_2026' }] as Record<
      string,
      string | number
    >[])
      expect((await api.get('quotation/details', p)).body.id).toBe(q.body.id);
    const acc = await api.post('quotation/send', { num: 1, status: 'accepted', action: 'add', lines: [] });
    expect(acc.body.status).toBe('accepted');
    expect(acc.body.lines).toHaveLength(1);
  });

  it('refuses invoice-only statuses and bad input with a 400 naming the field; changes nothing', async () => {
    const before = (await api.get('quotation/details', { num: 1 })).body;
    for (const status of ['paid', 'late', 'cancelled', 'bogus']) {
      const r = await api.post('quotation/send', { num: 1, status });
      expect(r.status).toBe(400);
      expect(r.body.message).toContain('status');
    }
    const r = await api.post('quotation/send', {
      num: 1,
      action: 'replace',
      lines: [{ quantity: '1,2,3', unitPrice: 1 }],
    });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('lines[0].quantity');
    expect((await api.post('quotation/send', { lines: [] })).body.message).toContain('customer');
    expect((await api.get('quotation/details', { num: 1 })).body).toEqual(before);
    expect((await api.get('quotation/details', { reference: 'none' })).status).toBe(404);
  });

  it('duplicates into a draft and cancels (DELETE or POST)', async () => {
    clock += 60_000;
    const d = await api.post('quotation/duplicate', { num: 1 });
    ZQuotation.parse(d.body);
    expect(d.body).toMatchObject({ num: 0, reference: null, status: 'draft', total: 2042.49 });
    const c = await api.del('quotation/cancel', undefined, { id: d.body.id });
    ZCancelAnswer.parse(c.body);
    expect(c.body).toEqual({ id: d.body.id, status: 'canceled' });
    expect((await api.get('quotation/details', { id: d.body.id })).body.status).toBe('cancelled');
    expect((await api.post('quotation/cancel', { id: d.body.id })).status).toBe(400);
    expect((await api.post('quotation/send', { id: d.body.id, status: 'new' })).status).toBe(400);
    expect((await api.post('quotation/cancel', { num: 404 })).status).toBe(404);
    expect((await api.get('quotation/cancel')).status).toBe(405);
  });

  it('lists changedSince descending by default, with filters and sorts', async () => {
    clock += 60_000;
    const other = (await api.post('customer/send', { myId: 'Q-O', name: 'Other' })).body.id;
    await api.post('quotation/send', { customer: { id: other }, status: 'sent' });
    const all = await api.get('quotation/list');
    ZPage(ZQuotation).parse(all.body);
    const changed = all.body.data.map((q: any) => q.dateChanged);
    expect(changed).toEqual([...changed].sort().reverse());
    expect(all.body.data[0].customer.id).toBe(other);
    expect(
      (await api.get('quotation/list', { sort: 'num', sortOrder: 'ascending' })).body.data.map((q: any) => q.num),
    ).toEqual([0, 1, 2]);
    expect((await api.get('quotation/list', { status: 'cancelled' })).body.recordsTotal).toBe(1);
    expect((await api.get('quotation/list', { status: 'sent' })).body.data.map((q: any) => q.num)).toEqual([2]);
    expect((await api.get('quotation/list', { customer_myId: 'Q-O' })).body.data.map((q: any) => q.num)).toEqual([2]);
    expect((await api.get('quotation/list', { job_num: 9001 })).body.recordsTotal).toBe(2);
    expect(
      (await api.get('quotation/list', { site_myId: 'Q-S', status: 'accepted' })).body.data.map((q: any) => q.num),
    ).toEqual([1]);
    expect(
      (await api.get('quotation/list', { createdSince: '2026-03-03 18:01:30' })).body.data.map((q: any) => q.num),
    ).toEqual([2]);
    expect((await api.get('quotation/list', { status: 'paid' })).status).toBe(400);
  });
});
