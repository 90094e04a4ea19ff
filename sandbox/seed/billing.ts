/**
 * Invoices, quotations and credit notes, built with billing-documents.ts's own line reader (readLines: server-side
 * totals through lib/synchroteam/money.ts) and numbering conventions (`<kind>_num` sequences, references
 * "<num>_<Type>_<D>_<M>_<YYYY>" from the creation day). Invoices follow finished jobs: labor hours, a trip charge and
 * the parts used; their status follows their age (draft/new for recent work, sent, late after 30 days unpaid, paid
 * with paymentDate and the paid instant, a few cancelled with a credit note). Quotations are for estimate visits and
 * upcoming work (draft, new, sent, accepted).
 */
import { makeReference, readLines, totals, type Kind, type Line } from '../resources/billing-documents';
import { datePart } from '../../lib/synchroteam/dates';
import type { Doc } from '../store/collection';
import type { Catalogue } from './catalogue';
import { jobRef, recordRef, type SeedContext } from './context';
import type { Customers, SiteInfo } from './customers';
import { FIXED } from './fixed';
import type { SeededJob } from './jobs';

export interface BillingCounts {
  invoices: Record<string, number>;
  quotations: Record<string, number>;
  creditnotes: number;
}

const DAY = 86_400_000;

export function seedBilling(c: SeedContext, customers: Customers, cat: Catalogue, jobs: SeededJob[]): BillingCounts {
  const cfg = { config: c.config };
  const counts: BillingCounts = { invoices: {}, quotations: {}, creditnotes: 0 };
  const nums: Record<Kind, number> = { invoice: 0, quotation: 0, creditnote: 0 };
  const partByRef = new Map(cat.parts.map((p) => [String(p.doc.reference), p]));
  // readLines (the endpoint's own reader) answers the same line for the same input; tens of thousands of invoices
  // repeat a few hundred distinct lines, so each distinct line is read once.
  const lineCache = new Map<string, Line>();
  const read = (raw: Doc[]): Line[] =>
    raw.map((l) => {
      const key = JSON.stringify(l);
      let line = lineCache.get(key);
      if (!line) lineCache.set(key, (line = readLines(c.store, [l])[0]));
      return { ...line };
    });

  const write = (kind: Kind, createdMs: number, modifiedMs: number, doc: Doc): Doc => {
    const num = ++nums[kind];
    const full: Doc = {
      id: c.w.id(kind),
      num,
      reference: makeReference(kind, num, createdMs, cfg),
      status: doc.status,
      description: doc.description ?? null,
      paymentDate: doc.paymentDate ?? null,
      customer: doc.customer,
      site: doc.site ?? null,
      job: doc.job ?? null,
      ...(kind === 'creditnote' ? { invoice: doc.invoice } : {}),
      lines: doc.lines,
      ...(kind === 'creditnote' ? {} : { customFieldValues: doc.customFieldValues ?? [] }),
      ...totals(doc.lines as Line[]),
    };
    // sendDocument stores _paidMs (null unless paid) on invoices and quotations; credit notes never carry it.
    if (kind !== 'creditnote') full._paidMs = doc._paidMs ?? null;
    c.w.add(kind, { doc: full, createdMs, modifiedMs: Math.max(createdMs, modifiedMs) });
    return full;
  };

  const jobLines = (j: SeededJob): Line[] => {
    const hours = Math.max(0.5, Math.ceil(((j.doc.duration as number) || 60) / 15) / 4);
    const raw: Doc[] = [
      {
        partReference: cat.labor.doc.reference,
        description: `Labor - ${String((j.doc.type as Doc).name)}`,
        quantity: String(hours),
      },
      { partReference: cat.travel.doc.reference, quantity: '1' },
    ];
    for (const p of (j.doc.parts as Doc[]) ?? []) {
      const part = partByRef.get(String(p.reference));
      if (part) raw.push({ partReference: p.reference, description: part.doc.name, quantity: String(p.quantity) });
    }
    if (c.chance(0.08)) raw.push({ description: 'Loyalty discount', quantity: '1', unitPrice: '-25.00', taxRate: '0' });
    return read(raw);
  };

  // Invoices for finished jobs: most validated ones, some completed ones.
  const finished = jobs.filter(
    (j) => j.doneMs && (j.doc.status === 'validated' || (j.doc.status === 'completed' && c.chance(0.3))),
  );
  for (const j of finished) {
    const fixed = j.doc.myId === FIXED.doneJob.myId;
    if (!fixed && !c.chance(0.75)) continue;
    const createdMs = Math.min(j.doneMs! + c.int(1, 20) * 3_600_000, c.now - 60_000);
    const age = (c.now - createdMs) / DAY;
    let status: string;
    let paidMs: number | null = null;
    let modifiedMs = createdMs;
    if (fixed) status = 'paid';
    else if (age < 2) status = c.pick(['draft', 'new']);
    else if (c.chance(0.02)) status = 'cancelled';
    else if (age > 30 && c.chance(0.25)) status = 'late';
    else if (c.chance(Math.min(0.9, age / 30))) status = 'paid';
    else status = 'sent';
    if (status === 'paid') {
      paidMs = Math.min(createdMs + c.int(2, Math.max(3, Math.min(40, Math.floor(age)))) * DAY, c.now - 60_000);
      if (fixed) paidMs = c.now - 3_600_000;
      modifiedMs = paidMs;
    } else if (status !== 'draft' && status !== 'new') modifiedMs = Math.min(createdMs + DAY, c.now - 60_000);
    const inv = write('invoice', createdMs, modifiedMs, {
      status,
      description: `${String((j.doc.type as Doc).name)} - job ${String(j.doc.num)}`,
      paymentDate: paidMs ? datePart(c.local(paidMs)) : null,
      customer: j.doc.customer,
      site: j.doc.site,
      job: jobRef(j.doc),
      lines: jobLines(j),
      customFieldValues: [],
      _paidMs: paidMs,
    });
    counts.invoices[status] = (counts.invoices[status] ?? 0) + 1;
    if (status === 'cancelled') {
      write('creditnote', modifiedMs, modifiedMs, {
        status: 'new',
        description: `Credit note for invoice ${String(inv.reference)}`,
        customer: inv.customer,
        site: inv.site,
        job: inv.job,
        invoice: { id: inv.id, num: inv.num, reference: inv.reference },
        lines: inv.lines,
      });
      counts.creditnotes++;
    }
  }
  // The fixed late invoice of the demo customer.
  {
    const s = customers.fixed;
    const createdMs = c.now - 40 * DAY;
    write('invoice', createdMs, createdMs + DAY, {
      status: 'late',
      description: 'Espresso machine descaling and gasket replacement',
      customer: recordRef(s.customer),
      site: recordRef(s.site),
      job: null,
      lines: readLines(c.store, [
        { partReference: cat.labor.doc.reference, quantity: '1.5' },
        { partReference: 'GSK-DOOR', quantity: '1' },
      ]),
      customFieldValues: [],
      _paidMs: null,
    });
    counts.invoices.late = (counts.invoices.late ?? 0) + 1;
  }
  // A few credit notes in every status (goodwill credits on paid invoices).
  for (const status of ['draft', 'sent', 'accepted']) {
    const s = c.pick(customers.active);
    const ms = c.now - c.int(2, 30) * DAY;
    write('creditnote', ms, ms, {
      status,
      description: 'Goodwill credit',
      customer: recordRef(s.customer),
      site: recordRef(s.site),
      job: null,
      invoice: null,
      lines: readLines(c.store, [
        { description: 'Goodwill credit', quantity: '1', unitPrice: String(c.int(2, 10) * 10) + '.00', taxRate: '0' },
      ]),
    });
    counts.creditnotes++;
  }

  seedQuotations(c, customers, cat, jobs, write, counts);
  for (const k of ['invoice', 'quotation', 'creditnote'] as const) c.w.setCounter(`${k}_num`, nums[k]);
  return counts;
}

function seedQuotations(
  c: SeedContext,
  customers: Customers,
  cat: Catalogue,
  jobs: SeededJob[],
  write: (kind: Kind, createdMs: number, modifiedMs: number, doc: Doc) => Doc,
  counts: BillingCounts,
): void {
  const estimates = jobs.filter((j) => String((j.doc.type as Doc).name) === 'Estimate Visit' && j.doneMs);
  const big = cat.parts.filter((p) => Number(p.doc.price) >= 150);
  const quote = (site: SiteInfo, job: Doc | null, createdMs: number, status: string) => {
    const part = c.pick(big);
    const lines = readLines(c.store, [
      { partReference: part.doc.reference, quantity: '1' },
      {
        partReference: cat.labor.doc.reference,
        description: 'Installation labor',
        quantity: String(c.pick([2, 3, 4, 6])),
      },
      ...(c.chance(0.3) ? [{ partReference: 'SVC-PM', quantity: '4', discountPercent: '10' }] : []),
    ]);
    const modified = status === 'draft' ? createdMs : Math.min(createdMs + c.int(1, 10) * DAY, c.now - 60_000);
    write('quotation', createdMs, modified, {
      status,
      description: `Replace ${String(part.doc.name)}`,
      customer: recordRef(site.customer),
      site: recordRef(site.site),
      job: job ? jobRef(job) : null,
      lines,
      customFieldValues: [],
    });
    counts.quotations[status] = (counts.quotations[status] ?? 0) + 1;
  };
  quote(customers.fixed, null, c.now - 12 * DAY, 'accepted');
  const bySite = new Map(customers.active.map((s) => [s.site.id, s]));
  for (let i = 0; i < c.vol.quotations; i++) {
    const j = estimates.length && i < estimates.length ? estimates[i] : null;
    const site = j ? (bySite.get((j.doc.site as Doc).id) ?? c.pick(customers.active)) : c.pick(customers.active);
    const createdMs = j ? Math.min(j.doneMs! + c.int(2, 48) * 3_600_000, c.now - 60_000) : c.now - c.int(1, 60) * DAY;
    const age = (c.now - createdMs) / DAY;
    const status =
      age < 3 ? c.pick(['draft', 'new']) : c.pick(['draft', 'sent', 'sent', 'accepted', 'accepted', 'new']);
    quote(site, j?.doc ?? null, createdMs, status);
  }
}
