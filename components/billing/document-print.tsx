'use client';

/**
 * The printable page of a document: company header, document title and reference, customer, lines and totals on a
 * white sheet. The print stylesheet hides the console's chrome (header, navigation, this page's buttons), lets the
 * page size follow the printer (A4 or Letter) with fixed margins, and keeps line rows and totals from splitting.
 */
import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, Printer } from 'lucide-react';
import Link from 'next/link';
import { Button, buttonClasses } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { customerQueries } from '@/lib/queries/customers';
import { billingQueries, type DocKind } from '@/lib/queries/invoices';
import { KIND_PATH } from './document-editor';
import { DocumentSheet, documentTitle, type AnyDocument } from './document-sheet';
import { datePart } from '@/lib/synchroteam/dates';

const QUERIES = {
  invoice: billingQueries('invoice'),
  quotation: billingQueries('quotation'),
  creditnote: billingQueries('creditnote'),
};

const PRINT_CSS = `
@page { size: auto; margin: 14mm 12mm; }
@media print {
  html, body { background: #fff !important; }
  body header:not(.print-header), #console-nav, .skip-link, [data-sonner-toaster] { display: none !important; }
  #main { padding: 0 !important; }
  .print-sheet { box-shadow: none !important; border: 0 !important; padding: 0 !important; max-width: none !important; }
  .break-inside-avoid { break-inside: avoid; }
  a { color: inherit !important; text-decoration: none !important; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

export function DocumentPrint({ kind, id, company }: { kind: DocKind; id: number; company: string }) {
  const q = useQuery((QUERIES[kind] as unknown as typeof QUERIES.creditnote).detail(id));
  const doc = q.data as AnyDocument | undefined;
  // The customer's postal address for the "billed to" block (the document carries only the customer's name).
  const customer = useQuery({
    ...customerQueries.detail(doc?.customer.id ?? 0),
    enabled: !!doc,
    staleTime: 10 * 60_000,
  });
  const address = customer.data
    ? [
        customer.data.addressStreet,
        customer.data.addressComplement,
        [customer.data.addressCity, [customer.data.addressProvince, customer.data.addressZIP].filter(Boolean).join(' ')]
          .filter(Boolean)
          .join(', '),
        customer.data.addressCountry,
      ]
        .filter((x) => x && String(x).trim())
        .join(', ') || customer.data.address
    : null;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex flex-wrap items-center gap-2">
        <Link href={`${KIND_PATH[kind]}/${id}`} className={buttonClasses('secondary', 'sm')}>
          <ArrowLeft className="size-4" aria-hidden="true" />
          Back to the document
        </Link>
        <Button size="sm" onClick={() => window.print()} disabled={!doc}>
          <Printer className="size-4" aria-hidden="true" />
          Print or save as PDF
        </Button>
      </div>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !doc ? (
        <Skeleton className="h-[600px] w-full max-w-[210mm]" />
      ) : (
        <article
          className="print-sheet mx-auto max-w-[210mm] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-sm sm:p-10 print:p-10"
          aria-label={documentTitle(doc)}
        >
          <header className="print-header mb-8 flex items-start justify-between gap-6 border-b-4 border-brand pb-4">
            <div className="min-w-0">
              <p className="text-xl font-bold">{company}</p>
            </div>
            <div className="min-w-0 text-right">
              <h1 className="text-2xl font-semibold">{documentTitle(doc)}</h1>
              {/* References are often one long word ("1313_Invoice_28_10_2026"): break it rather than widen a phone's page. */}
              {doc.reference && <p className="text-sm wrap-anywhere text-slate-600">{doc.reference}</p>}
              <p className="text-sm text-slate-600">Date {datePart(doc.dateCreated)}</p>
            </div>
          </header>
          <section className="mb-6 text-sm" aria-label="Billed to">
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
              {kind === 'quotation' ? 'Prepared for' : 'Billed to'}
            </p>
            <p className="text-base font-semibold">{doc.customer.name}</p>
            {address && <p className="text-slate-700">{address}</p>}
            {doc.site?.name && <p>Site: {doc.site.name}</p>}
          </section>
          <DocumentSheet doc={doc} links={false} print />
        </article>
      )}
    </>
  );
}
