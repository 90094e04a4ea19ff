import { describe, expect, it } from 'vitest';
import type { Invoice } from '../synchroteam/schemas/invoice';
import type { Quotation } from '../synchroteam/schemas/quotation';
import type { Part } from '../synchroteam/schemas/part';
import {
  ZDocumentForm,
  documentConflicts,
  emptyForm,
  formFromDocument,
  formFromJob,
  formPathOfApiField,
  invoiceFromQuotation,
  toSendBody,
} from './document-form';

const apiLine = (o: Partial<Invoice['lines'][number]> = {}) => ({
  description: 'Hybrid Valve',
  partReference: 'HV-11',
  quantity: '10',
  unitPrice: '19.95',
  discountPercent: '0.00',
  subTotal: '199.50',
  taxRate: '10.00',
  taxAmt: '19.95',
  total: '219.45',
  ...o,
});

const base = {
  id: 456,
  num: 132,
  reference: '132_Invoice_12_6_2022',
  description: 'Boiler',
  paymentDate: '2026-05-02',
  customer: { id: 35604, myId: 'sCustomer08', name: 'Sample Customer' },
  site: { id: 2811, myId: 'ref-2511', name: 'Sample Site' },
  job: { id: '265_1', myId: 'ref-job', num: 154872 },
  dateCreated: '2026-04-06 10:19',
  dateChanged: '2026-04-06 10:23',
  lines: [
    apiLine(),
    apiLine({ description: 'Gasket', partReference: '', unitPrice: '2.00', discountPercent: '50.00' }),
  ],
  subtotal: 209.5,
  taxAmt: 20.95,
  total: 230.45,
  customFieldValues: [{ id: 6543, label: 'Contact', value: 'Marketing' }],
};
const invoice = { ...base, type: 'invoice', status: 'sent' } as Invoice;
const quotation = {
  ...base,
  type: 'quotation',
  status: 'accepted',
  paymentDate: null,
  reference: '7_Quotation_1_1_2026',
  num: 7,
} as Quotation;

describe('formFromDocument / toSendBody', () => {
  it('round-trips a document into a replace-all send body', () => {
    const v = formFromDocument(invoice);
    expect(v.customer).toEqual({ id: 35604, name: 'Sample Customer', myId: 'sCustomer08' });
    expect(v.job).toEqual({ id: '265_1', num: 154872, myId: 'ref-job' });
    expect(v.paymentDate).toBe('2026-05-02');
    expect(v.lines).toHaveLength(2);
    const body = toSendBody('invoice', v, { id: 456 });
    expect(body).toMatchObject({
      id: 456,
      customer: { id: 35604 },
      site: { id: 2811 },
      job: { id: '265_1' },
      description: 'Boiler',
      paymentDate: '2026-05-02',
      action: 'replace',
      customFieldValues: [{ id: 6543, label: 'Contact', value: 'Marketing' }],
    });
    expect(body).not.toHaveProperty('status');
    expect((body.lines as unknown[])[1]).toEqual({
      description: 'Gasket',
      partReference: '',
      quantity: '10',
      unitPrice: '2',
      discountPercent: '50',
      taxRate: '10',
    });
  });

  it('creates drafts, clears site/job with null, sends removed custom values blank, and has no paymentDate on quotations', () => {
    const v = { ...formFromDocument(quotation), site: null, job: null, customFieldValues: [] };
    const body = toSendBody('quotation', v, { removedCustom: [{ id: 6543, label: 'Contact', value: 'Marketing' }] });
    expect(body).toMatchObject({
      status: 'draft',
      site: null,
      job: null,
      customFieldValues: [{ id: 6543, label: 'Contact', value: '' }],
    });
    expect(body).not.toHaveProperty('paymentDate');
    expect(body).not.toHaveProperty('id');
    expect(toSendBody('invoice', { ...v, paymentDate: '' }).paymentDate).toBeNull();
  });
});

describe('ZDocumentForm', () => {
  it('needs a customer and a line, and says what is wrong on which line', () => {
    const r = ZDocumentForm.safeParse(emptyForm());
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['customer', 'lines']));
    const bad = ZDocumentForm.safeParse({
      ...formFromDocument(invoice),
      lines: [
        { description: 'x', partReference: '', quantity: '-2', unitPrice: '1', discountPercent: '0', taxRate: '0' },
      ],
    });
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['lines.0.quantity']);
    expect(ZDocumentForm.safeParse(formFromDocument(invoice)).success).toBe(true);
  });
});

describe('invoiceFromQuotation', () => {
  it('copies customer, site, job, lines and values into a new draft invoice', () => {
    const body = invoiceFromQuotation(quotation);
    expect(body).toMatchObject({
      status: 'draft',
      customer: { id: 35604 },
      site: { id: 2811 },
      job: { id: '265_1' },
      action: 'replace',
      description: 'Boiler',
    });
    expect(body).not.toHaveProperty('id');
    expect(body.lines).toEqual([
      {
        description: 'Hybrid Valve',
        partReference: 'HV-11',
        quantity: '10',
        unitPrice: '19.95',
        discountPercent: '0.00',
        taxRate: '10.00',
      },
      {
        description: 'Gasket',
        partReference: '',
        quantity: '10',
        unitPrice: '2.00',
        discountPercent: '50.00',
        taxRate: '10.00',
      },
    ]);
    expect(invoiceFromQuotation({ ...quotation, description: null }).description).toBe(
      'From quotation 7_Quotation_1_1_2026',
    );
  });
});

describe('formFromJob', () => {
  const part = (id: number, reference: string, price: string, rate: string | null): Part => ({
    id,
    name: `Part ${reference}`,
    reference,
    description: null,
    price,
    minQuantity: null,
    isTracked: false,
    isSerializable: false,
    category: null,
    tax: rate ? { id: 1, name: 'T', rate } : null,
    status: 'active',
    type: 'part',
    dateModified: '2026-01-01 00:00',
  });
  it('prefills customer, site, job and one line per part at catalogue prices', () => {
    const { values, missing } = formFromJob(
      {
        id: 'J1',
        num: 42,
        myId: null,
        description: 'No heat',
        customer: { id: 5, name: 'Acme' },
        site: { id: 9, name: 'Plant' },
        type: { name: 'Repair' },
        parts: [
          { id: 1, reference: 'A', quantity: 2, serialNumbers: null },
          { id: null, reference: 'b', quantity: 1.5, serialNumbers: null },
          { id: 99, reference: 'GONE', quantity: 1, serialNumbers: null },
        ],
      },
      [part(1, 'A', '12.50', '5.50'), part(2, 'B', '3.00', null)],
      '10.00',
    );
    expect(values.customer).toEqual({ id: 5, name: 'Acme', myId: null });
    expect(values.job).toEqual({ id: 'J1', num: 42, myId: null });
    expect(values.description).toBe('Job #42 – Repair: No heat');
    expect(values.lines).toEqual([
      {
        description: 'Part A',
        partReference: 'A',
        quantity: '2',
        unitPrice: '12.50',
        discountPercent: '0',
        taxRate: '5.50',
      },
      {
        description: 'Part B',
        partReference: 'B',
        quantity: '1.5',
        unitPrice: '3.00',
        discountPercent: '0',
        taxRate: '10.00',
      },
    ]);
    expect(missing).toEqual(['GONE']);
  });
});

describe('formPathOfApiField', () => {
  it('points API refusals at the line field they name', () => {
    expect(formPathOfApiField('lines[2].partReference')).toBe('lines.2.partReference');
    expect(formPathOfApiField('lines[0].QUANTITY')).toBe('lines.0.quantity');
    expect(formPathOfApiField('site')).toBe('site');
    expect(formPathOfApiField('num')).toBeNull();
    expect(formPathOfApiField(undefined)).toBeNull();
  });
});

describe('documentConflicts', () => {
  const theirs = {
    ...invoice,
    description: 'Boiler (office)',
    lines: [apiLine({ quantity: '12' })],
    dateChanged: '2026-04-06 11:00',
  } as Invoice;
  it('lists fields and lines both people changed, the lines as text', () => {
    const mine = { ...formFromDocument(invoice), description: 'Boiler (dispatch)' };
    mine.lines = mine.lines.slice(0, 1);
    expect(documentConflicts('invoice', mine, invoice, theirs)).toEqual([
      { label: 'Description', theirs: 'Boiler (office)', mine: 'Boiler (dispatch)' },
      { label: 'Lines', theirs: '12 × Hybrid Valve @ 19.95', mine: '10 × Hybrid Valve @ 19.95' },
    ]);
  });
  it('is quiet when nobody else changed it or this save agrees with them; lists what a replace would undo', () => {
    expect(documentConflicts('invoice', formFromDocument(invoice), invoice, invoice)).toEqual([]);
    // Only the payment date changed here, but the editor sends every field (action replace): their description and
    // lines would be overwritten, so they are listed.
    const mine = { ...formFromDocument(invoice), paymentDate: '2026-05-09' };
    expect(documentConflicts('invoice', mine, invoice, theirs).map((c) => c.label)).toEqual(['Description', 'Lines']);
    expect(documentConflicts('invoice', formFromDocument(theirs), invoice, theirs)).toEqual([]);
  });
});
