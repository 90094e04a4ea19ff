/**
 * The invoice/quotation editor's values ↔ the API: a stored document → form values, form values → the `send` body
 * (always `action: "replace"`, so the document holds exactly the lines on screen), a quotation → the body of the
 * invoice it becomes, and a job's parts → prefilled lines at catalogue prices. Pure; unit-tested beside.
 *
 * Readings: the document's status is not part of the form (status changes are their own action, see statuses.ts);
 * paymentDate is "YYYY-MM-DD" and exists on invoices only; customFieldValues are free {label, value} pairs (the
 * reference defines no custom-field definitions for billing documents), merged by the API by id then label, so a
 * removed pair is sent with an empty value rather than left out.
 */
import { z } from 'zod';
import type { Invoice } from '../synchroteam/schemas/invoice';
import type { Quotation } from '../synchroteam/schemas/quotation';
import type { Part } from '../synchroteam/schemas/part';
import type { JobPart } from '../synchroteam/schemas/job';
import { editConflicts, type EditConflict } from '../records/edit-conflict';
import { LINE_FIELDS, lineFromApi, lineFromPart, lineToApi, validateLine, type EditorLine } from './line-items';

export type EditableKind = 'invoice' | 'quotation';

export interface RefValue {
  id: number;
  name: string;
  myId?: string | null;
}
export interface JobRefValue {
  id: string;
  num: number | null;
  myId?: string | null;
}
export interface CustomValue {
  id: number | null;
  label: string;
  value: string;
}

export interface DocumentFormValues {
  customer: RefValue | null;
  site: RefValue | null;
  job: JobRefValue | null;
  description: string;
  /** "YYYY-MM-DD" or "" (invoices only). */
  paymentDate: string;
  customFieldValues: CustomValue[];
  lines: EditorLine[];
}

const ZLine = z
  .object({
    description: z.string(),
    partReference: z.string(),
    quantity: z.string(),
    unitPrice: z.string(),
    discountPercent: z.string(),
    taxRate: z.string(),
  })
  .superRefine((l, ctx) => {
    for (const [path, message] of Object.entries(validateLine(l)))
      ctx.addIssue({ code: 'custom', path: [path], message });
  });

/** The editor's schema (react-hook-form + zodResolver): the same rules the API enforces, said beside each field. */
export const ZDocumentForm = z.object({
  customer: z
    .object({ id: z.number(), name: z.string(), myId: z.string().nullable().optional() })
    .nullable()
    .refine((v) => v !== null, 'Choose a customer'),
  site: z.object({ id: z.number(), name: z.string(), myId: z.string().nullable().optional() }).nullable(),
  job: z.object({ id: z.string(), num: z.number().nullable(), myId: z.string().nullable().optional() }).nullable(),
  description: z.string().max(4000),
  paymentDate: z.string().refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), 'Use a date such as 2026-05-31'),
  customFieldValues: z.array(z.object({ id: z.number().nullable(), label: z.string(), value: z.string() })),
  lines: z.array(ZLine).min(1, 'Add at least one line'),
});

export function emptyForm(): DocumentFormValues {
  return { customer: null, site: null, job: null, description: '', paymentDate: '', customFieldValues: [], lines: [] };
}

const ref = (r: { id: number; name: string | null; myId: string | null } | null | undefined): RefValue | null =>
  r ? { id: r.id, name: r.name ?? `#${r.id}`, myId: r.myId } : null;

/** A stored invoice or quotation → the editor's values. */
export function formFromDocument(doc: Invoice | Quotation): DocumentFormValues {
  return {
    customer: ref(doc.customer),
    site: ref(doc.site),
    job: doc.job ? { id: doc.job.id, num: doc.job.num, myId: doc.job.myId } : null,
    description: doc.description ?? '',
    paymentDate: doc.type === 'invoice' ? (doc.paymentDate ?? '') : '',
    customFieldValues: (doc.customFieldValues ?? []).map((c) => ({ id: c.id ?? null, label: c.label, value: c.value })),
    lines: doc.lines.map(lineFromApi),
  };
}

/**
 * Form values → the send body. `id` updates that document; without it a new one is created (with `status`, draft by
 * default). `removedCustomLabels` are pairs the user deleted: sent blank so the API's merge clears them.
 */
export function toSendBody(
  kind: EditableKind,
  v: DocumentFormValues,
  opts: { id?: number; status?: string; removedCustom?: readonly CustomValue[] } = {},
): Record<string, unknown> {
  const custom = [
    ...v.customFieldValues
      .filter((c) => c.label.trim() || c.id !== null)
      .map((c) => ({ ...(c.id !== null ? { id: c.id } : {}), label: c.label.trim(), value: c.value })),
    ...(opts.removedCustom ?? []).map((c) => ({ ...(c.id !== null ? { id: c.id } : {}), label: c.label, value: '' })),
  ];
  const body: Record<string, unknown> = {
    ...(opts.id !== undefined ? { id: opts.id } : { status: opts.status ?? 'draft' }),
    customer: v.customer ? { id: v.customer.id } : null,
    site: v.site ? { id: v.site.id } : null,
    job: v.job ? { id: v.job.id } : null,
    description: v.description.trim(),
    customFieldValues: custom,
    action: 'replace',
    lines: v.lines.map(lineToApi),
  };
  if (kind === 'invoice') body.paymentDate = v.paymentDate || null;
  return body;
}

/** "Convert to invoice": the invoice/send body of a new draft invoice with the quotation's customer, site, job and lines. */
export function invoiceFromQuotation(q: Quotation): Record<string, unknown> {
  const lines = q.lines.map((l) => Object.fromEntries(LINE_FIELDS.map((f) => [f, l[f]])));
  return {
    status: 'draft',
    customer: { id: q.customer.id },
    site: q.site ? { id: q.site.id } : null,
    job: q.job ? { id: q.job.id } : null,
    description: q.description?.trim() ? q.description : `From quotation ${q.reference ?? `#${q.num}`}`,
    customFieldValues: q.customFieldValues.map((c) => ({
      ...(c.id !== null ? { id: c.id } : {}),
      label: c.label,
      value: c.value,
    })),
    action: 'replace',
    lines,
  };
}

export interface JobForInvoice {
  id: string;
  num: number;
  myId: string | null;
  description: string | null;
  customer: { id: number; name?: string | null; myId?: string | null };
  site: { id: number; name?: string | null; myId?: string | null } | null;
  type?: { name?: string | null } | null;
  parts: readonly JobPart[];
}

/**
 * "Create invoice from job": customer, site and job from the job, one line per part used, at catalogue prices with the
 * part's tax. Parts are matched by id, then by reference; a part no longer in the catalogue is reported, not guessed.
 */
export function formFromJob(
  job: JobForInvoice,
  catalogue: readonly Part[],
  fallbackTaxRate: string,
): { values: DocumentFormValues; missing: string[] } {
  const byId = new Map(catalogue.map((p) => [p.id, p]));
  const byRef = new Map(catalogue.filter((p) => p.reference).map((p) => [p.reference!.toLowerCase(), p]));
  const lines: EditorLine[] = [];
  const missing: string[] = [];
  for (const jp of job.parts) {
    const part =
      (jp.id !== null ? byId.get(jp.id) : undefined) ??
      (jp.reference ? byRef.get(jp.reference.toLowerCase()) : undefined);
    if (!part) {
      missing.push(jp.reference ?? `part #${jp.id ?? '?'}`);
      continue;
    }
    lines.push(lineFromPart(part, fallbackTaxRate, String(jp.quantity)));
  }
  const name = (r: { id: number; name?: string | null; myId?: string | null }) => ({
    id: r.id,
    name: r.name ?? `#${r.id}`,
    myId: r.myId ?? null,
  });
  return {
    values: {
      customer: name(job.customer),
      site: job.site ? name(job.site) : null,
      job: { id: job.id, num: job.num, myId: job.myId },
      description:
        `Job #${job.num}${job.type?.name ? ` – ${job.type.name}` : ''}${job.description ? `: ${job.description}` : ''}`.slice(
          0,
          4000,
        ),
      paymentDate: '',
      customFieldValues: [],
      lines,
    },
    missing,
  };
}

/** Where an API refusal points in the form: "lines[2].partReference" → that line's field; otherwise a top field. */
export function formPathOfApiField(apiField: string | undefined): string | null {
  if (!apiField) return null;
  const m = /^lines\[(\d+)\]\.(\w+)$/i.exec(apiField.trim());
  if (m) {
    const f = LINE_FIELDS.find((x) => x.toLowerCase() === m[2]!.toLowerCase());
    return f ? `lines.${m[1]}.${f}` : `lines.${m[1]}.description`;
  }
  const top = ['customer', 'site', 'job', 'description', 'paymentDate', 'customFieldValues', 'lines'].find(
    (x) => x.toLowerCase() === apiField.trim().toLowerCase(),
  );
  return top ?? null;
}

/**
 * Edit conflicts of the invoice and quotation editor (lib/records/edit-conflict.ts): what this save would set that
 * someone else saved since the editor opened. The three versions are compared in one shape (the send body's), and the
 * lines as one field read as text ("2 × Anode rod @ 35.00; 1 × Labour @ 90.00"): the editor replaces them all.
 */
export function documentConflicts(
  kind: EditableKind,
  mine: DocumentFormValues,
  opened: Invoice | Quotation,
  latest: Invoice | Quotation,
): EditConflict[] {
  const shape = (v: DocumentFormValues) => {
    const b = toSendBody(kind, v, { id: opened.id });
    delete b.action;
    return {
      ...b,
      customer: v.customer,
      site: v.site,
      job: v.job ? { id: v.job.id, name: `Job #${v.job.num}` } : null,
      lines: (b.lines as Record<string, string>[])
        .map((l) => `${l.quantity} × ${l.description || l.partReference}${l.unitPrice ? ` @ ${l.unitPrice}` : ''}`)
        .join('; '),
    };
  };
  return editConflicts(shape(mine), shape(formFromDocument(opened)), shape(formFromDocument(latest)));
}
