/**
 * Titles of the console's pages. The root layout's template adds the company ("Jobs · Windy City Mechanical"); detail
 * pages name their record ("Job #123", "Customer Acme Plumbing") when the account mirror holds it. A title never
 * reads the API: a tab's name is not worth a call from the budget every user shares, so a record the mirror does not
 * hold (mirror off, still importing, a job older than its horizon) gets the generic title ("Job"); the page itself
 * still shows the record.
 */
import 'server-only';
import type { Metadata } from 'next';
import { can, type Area } from '@/lib/permissions';
import { getSessionUser } from './auth/session';
import { getMirror } from './upstream';
import type { ResourceName } from './mirror/resources';

export type TitledRecord = 'job' | 'customer' | 'site' | 'equipment' | 'invoice' | 'quotation' | 'creditnote';

const RESOURCE: Record<TitledRecord, ResourceName> = {
  job: 'jobs',
  customer: 'customers',
  site: 'sites',
  equipment: 'equipment',
  invoice: 'invoices',
  quotation: 'quotations',
  creditnote: 'creditNotes',
};

const LABEL: Record<TitledRecord, string> = {
  job: 'Job',
  customer: 'Customer',
  site: 'Site',
  equipment: 'Equipment',
  invoice: 'Invoice',
  quotation: 'Quotation',
  creditnote: 'Credit note',
};

/** The area whose role may see the record (lib/permissions.ts PAGE_AREAS). */
const AREA: Record<TitledRecord, Area> = {
  job: 'jobs',
  customer: 'customers',
  site: 'sites',
  equipment: 'equipment',
  invoice: 'billing',
  quotation: 'billing',
  creditnote: 'billing',
};

/** Numbered records read "Job #123"; named ones "Customer Acme Plumbing". */
const NUMBERED = new Set<TitledRecord>(['job', 'invoice', 'quotation', 'creditnote']);

/** The label the mirror holds for a record, or null (no API call; a failing mirror read just means no label). */
function heldLabel(kind: TitledRecord, id: string): string | null {
  try {
    return getMirror()?.store.labelOf(RESOURCE[kind], id) ?? null;
  } catch (e) {
    console.error('[page-title] mirror read failed', e);
    return null;
  }
}

/** "Job #123", "Customer Acme Plumbing", or the generic "Job" when the record is not held. Pure given the label. */
export function recordName(kind: TitledRecord, label: string | null): string {
  const clean = label?.replace(/\s+/g, ' ').trim();
  if (!clean) return LABEL[kind];
  return NUMBERED.has(kind) ? `${LABEL[kind]} #${clean}` : `${LABEL[kind]} ${clean}`;
}

/**
 * Metadata for a detail page: `format` turns the record's name into the page's title ("Edit job #123"). Used as
 * `export const generateMetadata = recordMetadata('job')`.
 */
export function recordMetadata(kind: TitledRecord, format: (name: string) => string = (n) => n) {
  return async ({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> => {
    const id = decodeURIComponent((await params).id);
    // The title is rendered beside the page's own checks: it names a record only for someone allowed to see it.
    const user = await getSessionUser();
    const allowed = !!user && can(user.role, AREA[kind]);
    return { title: format(recordName(kind, allowed ? heldLabel(kind, id) : null)) };
  };
}

/** "Job #123" → "Edit job #123". */
export const editOf = (name: string) => `Edit ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
/** "Invoice #12" → "Invoice #12 — print". */
export const printOf = (name: string) => `${name} — print`;
