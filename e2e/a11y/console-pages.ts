/**
 * The console's pages as the app/ tree defines them, so the axe sweep visits every page there is: a page added
 * tomorrow is in the sweep without anyone editing it, and a new dynamic segment fails the sweep until it is given a
 * record to show (FILLERS below).
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, sandboxApi, type RoleName } from '../fixtures';
import { tokenAt } from '../track/track-fixtures';

/** Who opens a page: a signed-in role, or nobody (public pages). */
export type Visitor = RoleName | 'anonymous';

export interface ConsolePage {
  /** The route as the app/ tree spells it, route groups removed: "/jobs/[id]/edit". */
  route: string;
  /** True for pages under app/(public). */
  isPublic: boolean;
}

/** Records the sweep shows on dynamic pages (found in the seeded sandbox or created by the sweep). */
export interface SweepRecords {
  jobId: string;
  customerId: number;
  siteId: number;
  equipmentId: number;
  invoiceId: number;
  quotationId: number;
  creditNoteId: number;
  trackToken: string;
}

const APP = fileURLToPath(new URL('../../app', import.meta.url));

export function consolePages(dir = APP): ConsolePage[] {
  const out: ConsolePage[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    // api/ holds route handlers only; private folders (_x) are not routes.
    if (e.isDirectory() && e.name !== 'api' && !e.name.startsWith('_')) out.push(...consolePages(path));
    else if (e.isFile() && /^page\.(tsx|ts|jsx|js)$/.test(e.name)) {
      const segs = relative(APP, dir).split(sep).filter(Boolean);
      out.push({
        route: '/' + segs.filter((s) => !/^\(.*\)$/.test(s)).join('/'),
        isPublic: segs[0] === '(public)',
      });
    }
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * Addresses for routes with a dynamic segment, or with a query they need to show their content. A dynamic route
 * missing here fails the sweep (urlsFor), so it cannot be skipped by accident.
 */
const FILLERS: Record<string, (r: SweepRecords) => string> = {
  '/jobs/[id]': (r) => `/jobs/${r.jobId}`,
  '/jobs/[id]/edit': (r) => `/jobs/${r.jobId}/edit`,
  '/customers/[id]': (r) => `/customers/${r.customerId}`,
  '/customers/[id]/edit': (r) => `/customers/${r.customerId}/edit`,
  '/sites/[id]': (r) => `/sites/${r.siteId}`,
  '/sites/[id]/edit': (r) => `/sites/${r.siteId}/edit`,
  '/equipment/[id]': (r) => `/equipment/${r.equipmentId}`,
  '/equipment/[id]/edit': (r) => `/equipment/${r.equipmentId}/edit`,
  '/invoices/[id]': (r) => `/invoices/${r.invoiceId}`,
  '/invoices/[id]/print': (r) => `/invoices/${r.invoiceId}/print`,
  '/quotations/[id]': (r) => `/quotations/${r.quotationId}`,
  '/quotations/[id]/print': (r) => `/quotations/${r.quotationId}/print`,
  '/credit-notes/[id]': (r) => `/credit-notes/${r.creditNoteId}`,
  '/credit-notes/[id]/print': (r) => `/credit-notes/${r.creditNoteId}/print`,
  '/track/[token]': (r) => `/track/${r.trackToken}`,
  // Static routes whose content needs a query: a drill-down names its figure; "not allowed" names an area.
  '/reports/drill': () => '/reports/drill?kpi=jobsCompleted&period=this-month',
  '/forbidden': () => '/forbidden?area=billing',
};

/** The address to open for a page, or an error naming the route that needs a filler. */
export function urlFor(p: ConsolePage, r: SweepRecords): string {
  const fill = FILLERS[p.route];
  if (fill) return fill(r);
  if (p.route.includes('['))
    throw new Error(`The axe sweep has no record for ${p.route}: add it to FILLERS in e2e/a11y/console-pages.ts`);
  return p.route;
}

/**
 * Who opens a page: managers see every console page but the admin's; "not allowed" is seen by a dispatcher sent
 * away from billing; public pages are seen signed out.
 */
export function visitorFor(p: ConsolePage): Visitor {
  if (p.route === '/forbidden') return 'dispatcher';
  if (p.isPublic) return 'anonymous';
  if (p.route === '/admin' || p.route.startsWith('/admin/')) return 'admin';
  return 'manager';
}

async function first<T = any>(path: string, query: Record<string, string | number> = {}): Promise<T> {
  const r = await sandboxApi<{ data: T[] }>('GET', path, undefined, { pageSize: 1, ...query });
  expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
  expect(r.body.data.length, `the seeded sandbox has no record for ${path}`).toBeGreaterThan(0);
  return r.body.data[0];
}

let records: Promise<SweepRecords> | undefined;
/** Seeded records for the detail pages (a completed job, so the job page shows its report). */
export function seededRecords(): Promise<SweepRecords> {
  records ??= (async () => {
    // The richest of the first completed jobs (most parts, then most content): the page at its widest and longest.
    // The first one alone varies with the day the suite runs, and a job with a parts table once widened the phone page.
    const completed = await sandboxApi<{ data: { id: string; customer: { id: number }; parts?: unknown[] }[] }>(
      'GET',
      'job/list',
      undefined,
      { status: 'completed', pageSize: 100 },
    );
    expect(completed.status).toBe(200);
    const weight = (j: { parts?: unknown[] }) => (j.parts?.length ?? 0) * 1e6 + JSON.stringify(j).length;
    const job = [...completed.body.data].sort((a, b) => weight(b) - weight(a))[0];
    expect(job, 'the seeded sandbox has no completed job').toBeDefined();
    return {
      jobId: job.id,
      customerId: job.customer.id,
      siteId: (await first('site/list')).id,
      equipmentId: (await first('equipment/list')).id,
      invoiceId: (await first('invoice/list')).id,
      quotationId: (await first('quotation/list')).id,
      creditNoteId: (await first('creditnote/list')).id,
      trackToken: tokenAt(job.id, Date.now()),
    };
  })();
  return records;
}
