/**
 * Invoices: details, send (add/replace lines, server-side totals), duplicate, cancel, list (every filter and sort).
 * Readings tested (see sandbox/resources/billing-documents.ts and invoice.ts): line amounts are strings and document
 * totals numbers; sent totals are ignored; comma decimals accepted; numbering from a sequence, duplicates unnumbered
 * until they leave draft; cancel served on DELETE and POST, answering "canceled"; default list order num descending.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './harness';
import { ZCancelAnswer, ZInvoice, ZInvoiceDuplicateCancelled } from '../../lib/synchroteam/schemas/invoice';
import { ZCreditNote } from '../../lib/synchroteam/schemas/creditnote';
import { ZPage } from '../../lib/synchroteam/schemas/common';

const EXAMPLE_LINES = [
  {
    description: 'Hybrid Valve',
    partReference: 'HV-11',
    quantity: '10',
    unitPrice: '19.95',
    discountPercent: '0',
    subTotal: '1',
    taxRate: '10.00',
    taxAmt: '1',
    total: '1',
  },
  {
    description: 'Valve Gasket (Special Order)',
    partReference: '',
    quantity: '10',
    unitPrice: '2.00',
    discountPercent: '50.00',
    taxRate: '10.00',
  },
];

describe('invoices', () => {
  let api: TestApi;
  let clock = Date.UTC(2026, 5, 12, 15, 0); // 2026-06-12 10:00 in Chicago
  let cust: { id: number; myId: string };
  let other: { id: number };
  let site: number;
  let job: string;
  beforeAll(async () => {
    api = await startTestApi({ now: () => clock });
    const s = api.sandbox.store;
    cust = {
      id: (await api.post('customer/send', { myId: 'sCustomer08', name: 'Sample Customer' })).body.id,
      myId: 'sCustomer08',
    };
    other = { id: (await api.post('customer/send', { myId: 'other', name: 'Other Customer' })).body.id };
    site = s.collection('site').insert({
      myId: 'ref-2511',
      name: 'Sample Site',
      customer: { id: cust.id, myId: 'sCustomer08', name: 'Sample Customer' },
    }).id as number;
    s.collection('site').insert({
      myId: 'foreign',
      name: 'Foreign Site',
      customer: { id: other.id, myId: 'other', name: 'Other Customer' },
    });
    job = s
      .collection('job')
      .insert({ id: '265_160719144323649', num: 154872, myId: 'ref-job05014', customer: { id: cust.id } }).id as string;
    s.collection('tax').insert({ name: 'Sales tax', rate: '8.25', default: true });
    s.collection('tax').insert({ name: 'Parts tax', rate: '5', default: false });
    await api.post('part/send', {
      name: 'Hybrid Valve',
      reference: 'HV-11',
      price: '19.95',
      description: 'Hybrid Valve (catalogue)',
      tax: { name: 'Parts tax' },
    });
  });
  afterAll(() => api.stop());

  it('creates the reference worked example with server-side totals: 209.50 + 20.95 = 230.45', async () => {
    const r = await api.post('invoice/send', {
      type: 'invoice',
      status: 'draft',
      description: 'Boiler Installation Invoice',
      action: 'add',
      customer: { id: cust.id },
      site: { myId: 'ref-2511' },
      job: { num: 154872 },
      lines: EXAMPLE_LINES,
      customFieldValues: [{ id: 6543, label: 'Contact', value: 'Marketing' }],
    });
    expect(r.status).toBe(200);
    ZInvoice.parse(r.body);
    expect(r.body).toMatchObject({
      num: 1,
      reference: '1_Invoice_12_6_2026',
      type: 'invoice',
      status: 'draft',
      subtotal: 209.5,
      taxAmt: 20.95,
      total: 230.45,
    });
    expect(r.body.lines[0]).toEqual({
      description: 'Hybrid Valve',
      partReference: 'HV-11',
      quantity: '10',
      unitPrice: '19.95',
      discountPercent: '0.00',
      subTotal: '199.50',
      taxRate: '10.00',
      taxAmt: '19.95',
      total: '219.45',
    });
    expect(r.body.lines[1]).toMatchObject({ subTotal: '10.00', taxAmt: '1.00', total: '11.00' });
    expect(r.body.customer).toEqual({ id: cust.id, myId: 'sCustomer08', name: 'Sample Customer' });
    expect(r.body.site).toEqual({ id: site, myId: 'ref-2511', name: 'Sample Site' });
    expect(r.body.job).toEqual({ id: job, myId: 'ref-job05014', num: 154872 });
    expect(r.body.customFieldValues).toEqual([{ id: 6543, label: 'Contact', value: 'Marketing' }]);
    expect(r.body.dateCreated).toBe('2026-06-12 10:00');
    for (const q of [{ id: r.body.id }, { num: 1 }, { reference: '1_Invoice_12_6_2026' }] as Record<
      string,
      string | number
    >[]) {
      const d = await api.get('invoice/details', q);
      expect(d.status).toBe(200);
      expect(d.body.total).toBe(230.45);
    }
  });

  it('accepts comma decimals and takes defaults from the part and the default tax', async () => {
    const r = await api.post('invoice/send', {
      customer: { myId: 'sCustomer08' },
      lines: [
        { partReference: 'HV-11', quantity: '2,5' },
        { description: 'Labour', quantity: 1, unitPrice: '12,5', discountPercent: '12,5' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.lines[0]).toMatchObject({
      description: 'Hybrid Valve (catalogue)',
      quantity: '2.5',
      unitPrice: '19.95',
      taxRate: '5.00',
      subTotal: '49.88',
      taxAmt: '2.49',
      total: '52.37',
    });
    // 12.5 × 0.875 = 10.9375 → 10.94; 8.25% → 0.90255 → 0.90
    expect(r.body.lines[1]).toMatchObject({
      unitPrice: '12.50',
      discountPercent: '12.50',
      taxRate: '8.25',
      subTotal: '10.94',
      taxAmt: '0.90',
      total: '11.84',
    });
    expect(r.body).toMatchObject({ num: 2, subtotal: 60.82, taxAmt: 3.39, total: 64.21 });
  });

  it('adds lines, replaces them, keeps them when absent, changes status with "lines": []', async () => {
    const add = await api.post('invoice/send', {
      num: 1,
      action: 'add',
      lines: [{ description: 'Extra', quantity: 1, unitPrice: '0.55', taxRate: 0 }],
    });
    expect(add.body.lines).toHaveLength(3);
    expect(add.body.total).toBe(231);
    const status = await api.post('invoice/send', { num: 1, status: 'sent', action: 'add', lines: [] });
    expect(status.body.lines).toHaveLength(3);
    expect(status.body.status).toBe('sent');
    const rep = await api.post('invoice/send', {
      reference: '1_Invoice_12_6_2026',
      action: 'replace',
      lines: [EXAMPLE_LINES[1]],
    });
    expect(rep.body.lines).toHaveLength(1);
    expect(rep.body).toMatchObject({
      num: 1,
      subtotal: 10,
      taxAmt: 1,
      total: 11,
      description: 'Boiler Installation Invoice',
    });
    const keep = await api.post('invoice/send', { id: rep.body.id, description: 'Renamed' });
    expect(keep.body.lines).toHaveLength(1);
    expect(keep.body.customFieldValues).toEqual([{ id: 6543, label: 'Contact', value: 'Marketing' }]);
  });

  it('refuses bad input with a 400 naming the field, and changes nothing (not even the number sequence)', async () => {
    const before = (await api.get('invoice/details', { num: 1 })).body;
    const cases: [unknown, string][] = [
      [{ lines: [] }, 'customer'],
      [{ customer: { id: 99999 } }, 'customer'],
      [{ customer: { id: cust.id }, status: 'accepted' }, 'status'],
      [{ customer: { id: cust.id }, lines: [{ unitPrice: 1 }] }, 'lines[0].quantity'],
      [{ customer: { id: cust.id }, lines: [{ quantity: 'lots', unitPrice: 1 }] }, 'lines[0].quantity'],
      [{ customer: { id: cust.id }, lines: [{ quantity: 1 }] }, 'lines[0].unitPrice'],
      [{ customer: { id: cust.id }, lines: [{ quantity: 1, unitPrice: 1, discountPercent: 101 }] }, 'discountPercent'],
      [{ customer: { id: cust.id }, lines: [{ quantity: 1, unitPrice: 1, taxRate: '-5' }] }, 'taxRate'],
      [{ customer: { id: cust.id }, lines: [{ quantity: 1, partReference: 'NOPE' }] }, 'lines[0].unitPrice'],
      [{ customer: { id: cust.id }, lines: 'none' }, 'lines'],
      [{ customer: { id: cust.id }, site: { myId: 'foreign' } }, 'site'],
      [{ customer: { id: cust.id }, job: { num: 1 } }, 'job'],
      [{ customer: { id: cust.id }, action: 'merge' }, 'action'],
      [{ customer: { id: cust.id }, paymentDate: 'tomorrow' }, 'paymentDate'],
      [{ num: 1, action: 'replace', lines: [{ quantity: 1, unitPrice: 1 }, { quantity: 'x' }] }, 'lines[1].quantity'],
      [{ num: 1, status: 'archived' }, 'status'],
      [{ id: before.id, num: 2 }, 'num'],
    ];
    for (const [body, name] of cases) {
      const r = await api.post('invoice/send', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toContain(name);
    }
    expect((await api.get('invoice/details', { num: 1 })).body).toEqual(before);
    expect((await api.get('invoice/list')).body.recordsTotal).toBe(2);
    const next = await api.post('invoice/send', { customer: { id: cust.id } });
    expect(next.body.num).toBe(3);
    expect((await api.get('invoice/details', { id: 999 })).status).toBe(404);
    expect((await api.get('invoice/details')).status).toBe(400);
    expect((await api.put('invoice/send', {})).status).toBe(405);
  });

  it('records payment for paidSince and takes a client number when free', async () => {
    clock += 3600_000;
    const paid = await api.post('invoice/send', { num: 2, status: 'paid' });
    expect(paid.body.paymentDate).toBe('2026-06-12');
    const own = await api.post('invoice/send', { num: 50, customer: { id: other.id }, paymentDate: '2026-07-01' });
    expect(own.body).toMatchObject({
      num: 50,
      reference: '50_Invoice_12_6_2026',
      paymentDate: '2026-07-01',
      status: 'draft',
    });
    const sinceUtc = '2026-06-12 15:30:00'; // after the first invoices, before the payment (16:00 UTC)
    expect((await api.get('invoice/list', { paidSince: sinceUtc })).body.data.map((i: any) => i.num)).toEqual([2]);
    expect((await api.get('invoice/list', { paidSince: '2026-06-12 16:30:00' })).body.recordsTotal).toBe(0);
  });

  it('duplicates into an unnumbered draft, numbered when it leaves draft', async () => {
    const d = await api.post('invoice/duplicate', { num: 2 });
    expect(d.status).toBe(200);
    ZInvoice.parse(d.body);
    expect(d.body).toMatchObject({ num: 0, reference: null, status: 'draft', paymentDate: null, total: 64.21 });
    expect(d.body.id).not.toBe((await api.get('invoice/details', { num: 2 })).body.id);
    const issued = await api.post('invoice/send', { id: d.body.id, status: 'new', action: 'add', lines: [] });
    expect(issued.body.num).toBe(4); // the sequence goes on from 3; 50 was the client's own number
    expect(issued.body.reference).toBe('4_Invoice_12_6_2026');
    expect((await api.post('invoice/duplicate', { num: 777 })).status).toBe(404);
    expect((await api.post('invoice/duplicate', {})).status).toBe(400);
  });

  it('duplicates with cancel: credit note, cancelled original and a draft copy', async () => {
    const inv = (await api.get('invoice/details', { num: 1 })).body;
    const r = await api.post('invoice/duplicate', { id: inv.id, cancel: true });
    ZInvoiceDuplicateCancelled.parse(r.body);
    expect(r.body.id).toBe(inv.id);
    expect((await api.get('invoice/details', { id: inv.id })).body.status).toBe('cancelled');
    const draft = (await api.get('invoice/details', { id: r.body.idDraft })).body;
    expect(draft).toMatchObject({ status: 'draft', num: 0, total: inv.total });
    const note = await api.get('creditnote/details', { id: r.body.idCreditnote });
    ZCreditNote.parse(note.body);
    expect(note.body).toMatchObject({
      type: 'creditnote',
      status: 'new',
      num: 1,
      total: inv.total,
      lines: inv.lines,
      invoice: { id: inv.id, num: 1 },
    });
    expect((await api.post('invoice/duplicate', { id: inv.id, cancel: true })).status).toBe(400);
    expect((await api.post('invoice/send', { id: inv.id, status: 'sent' })).status).toBe(400);
  });

  it('cancels on DELETE or POST, with or without a credit note', async () => {
    const a = (await api.get('invoice/details', { num: 3 })).body;
    const c1 = await api.del('invoice/cancel', undefined, { num: 3 });
    expect(c1.status).toBe(200);
    ZCancelAnswer.parse(c1.body);
    expect(c1.body).toEqual({ id: a.id, status: 'canceled' });
    expect((await api.get('invoice/details', { num: 3 })).body.status).toBe('cancelled');
    const notesBefore = (await api.get('creditnote/list')).body.recordsTotal;
    const c2 = await api.post('invoice/cancel', { reference: '50_Invoice_12_6_2026', createCreditnote: true });
    expect(c2.body).toEqual({ id: expect.any(Number), status: 'canceled', idCreditnote: expect.any(Number) });
    expect((await api.get('creditnote/list')).body.recordsTotal).toBe(notesBefore + 1);
    expect((await api.post('invoice/cancel', { num: 3 })).status).toBe(400);
    expect((await api.post('invoice/cancel', { num: 999 })).status).toBe(404);
    expect((await api.del('invoice/cancel', { id: 'abc' })).status).toBe(404);
    expect((await api.get('invoice/cancel', { num: 3 })).status).toBe(405);
    expect((await api.get('creditnote/list')).body.recordsTotal).toBe(notesBefore + 1);
  });

  it('lists with every filter, the documented sorts and num descending by default', async () => {
    const all = await api.get('invoice/list');
    ZPage(ZInvoice).parse(all.body);
    const nums = all.body.data.map((i: any) => i.num);
    expect(nums).toEqual([...nums].sort((a: number, b: number) => b - a));
    expect((await api.get('invoice/list', { sortOrder: 'ascending' })).body.data[0].num).toBe(0);
    const byStatus = (await api.get('invoice/list', { sort: 'status', sortOrder: 'ascending' })).body.data.map(
      (i: any) => i.status,
    );
    expect(byStatus).toEqual([...byStatus].sort());
    const byChange = await api.get('invoice/list', { sort: 'changedSince', sortOrder: 'descending' });
    expect(byChange.body.data[0].dateChanged >= byChange.body.data.at(-1).dateChanged).toBe(true);
    expect((await api.get('invoice/list', { sort: 'paidSince' })).body.data[0].num).toBe(2);

    const ids = (q: Record<string, string | number>) =>
      api.get('invoice/list', q).then((r) => r.body.data.map((i: any) => i.num).sort((a: number, b: number) => a - b));
    expect(await ids({ customer_id: other.id })).toEqual([50]);
    expect(await ids({ customer_myId: 'other' })).toEqual([50]);
    // #1 and its unnumbered draft copy (num 0) are the only ones with a site and a job
    expect(await ids({ site_id: site })).toEqual([0, 1]);
    expect(await ids({ site_myId: 'ref-2511' })).toEqual([0, 1]);
    expect(await ids({ job_id: job })).toEqual([0, 1]);
    expect(await ids({ job_myId: 'ref-job05014' })).toEqual([0, 1]);
    expect(await ids({ job_num: 154872 })).toEqual([0, 1]);
    expect(await ids({ status: 'paid' })).toEqual([2]);
    expect(await ids({ status: 'cancelled' })).toEqual([1, 3, 50]);
    expect(await ids({ status: 'cancelled', customer_id: cust.id })).toEqual([1, 3]);
    expect(await ids({ createdSince: '2026-06-12 15:30:00' })).toEqual([0, 4, 50]);
    expect(await ids({ changedSince: '2030-01-01 00:00:00' })).toEqual([]);
    const p2 = await api.get('invoice/list', { pageSize: 2, page: 2 });
    expect(p2.body).toMatchObject({ page: 2, pageSize: 2, records: 2 });
    for (const q of [
      { status: 'accepted' },
      { sort: 'total' },
      { sortOrder: 'down' },
      { customer_id: 'x' },
      { job_num: 'y' },
      { paidSince: 'later' },
      { createdSince: '2026-13-01' },
    ] as Record<string, string | number>[]) {
      const r = await api.get('invoice/list', q);
      expect(r.status, JSON.stringify(q)).toBe(400);
      expect(r.body.message).toContain(Object.keys(q)[0]);
    }
  });
});
