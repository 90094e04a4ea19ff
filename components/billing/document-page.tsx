'use client';

/**
 * One invoice, quotation or credit note: title, status (and overdue flag), the actions, then the editor — or the
 * read-only sheet for credit notes and cancelled documents. A cancelled invoice shows the credit notes issued for it.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { daysOverdue, overdueLabel } from '@/lib/billing/overdue';
import { isReadOnly } from '@/lib/billing/statuses';
import { creditNoteQueries, creditNotesForInvoice } from '@/lib/queries/creditnotes';
import { billingQueries, type DocKind } from '@/lib/queries/invoices';
import { formatMoney } from '@/lib/synchroteam/money';
import type { Invoice } from '@/lib/synchroteam/schemas/invoice';
import type { Quotation } from '@/lib/synchroteam/schemas/quotation';
import { BillingStatusBadge } from './billing-status-badge';
import { DocumentActions } from './document-actions';
import { DocumentEditor, KIND_PATH } from './document-editor';
import { DocumentSheet, documentTitle, type AnyDocument } from './document-sheet';

const QUERIES = {
  invoice: billingQueries('invoice'),
  quotation: billingQueries('quotation'),
  creditnote: creditNoteQueries,
};
const LIST_LABEL = { invoice: 'Invoices', quotation: 'Quotations', creditnote: 'Credit notes' } as const;

export function DocumentPage({ kind, id, today }: { kind: DocKind; id: number; today: string }) {
  const q = useQuery(QUERIES[kind].detail(id) as ReturnType<typeof creditNoteQueries.detail>);
  const [dirty, setDirty] = useState(false);
  const doc = q.data as AnyDocument | undefined;

  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!doc)
    return (
      <div className="space-y-4" aria-busy="true">
        <Skeleton className="h-9 w-72" />
        <Skeleton className="h-28 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );

  const readOnly = isReadOnly(kind, doc.status);
  const overdue = doc.type === 'invoice' ? daysOverdue(doc, today) : 0;
  return (
    <>
      <nav aria-label="Breadcrumb" className="no-print mb-2 text-sm">
        <Link href={KIND_PATH[kind]} className="text-brand underline-offset-2 hover:underline">
          {LIST_LABEL[kind]}
        </Link>
      </nav>
      <PageHeader
        title={documentTitle(doc)}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <BillingStatusBadge status={doc.status} />
            {overdue > 0 && <Badge tone="red">{overdueLabel(overdue)}</Badge>}
            <span>
              {doc.customer.name} · total {formatMoney(doc.total)} · changed {doc.dateChanged}
            </span>
          </span>
        }
      />
      {doc.type !== 'creditnote' && <DocumentActions doc={doc} dirty={dirty} />}
      {doc.type === 'invoice' && doc.status === 'cancelled' && <CreditNotesOf invoice={doc} />}
      {readOnly ? (
        <DocumentSheet doc={doc} />
      ) : (
        // Keyed by document and status (a status change reloads clean values; actions wait while the editor is dirty).
        // Not by its change stamp: someone else's save must not wipe what is typed here (the editor checks it on save).
        <DocumentEditor
          key={`${doc.id}-${doc.status}`}
          kind={doc.type as 'invoice' | 'quotation'}
          doc={doc as Invoice | Quotation}
          onDirtyChange={setDirty}
        />
      )}
    </>
  );
}

function CreditNotesOf({ invoice }: { invoice: Invoice }) {
  const q = useQuery(creditNotesForInvoice(invoice.id, invoice.customer.id));
  if (!q.data?.length) return null;
  return (
    <div role="status" className="mb-5 rounded-md border border-blue-200 bg-blue-50 p-3 text-sm text-blue-900">
      {q.data.map((n) => (
        <p key={n.id}>
          Credit note{' '}
          <Link href={`/credit-notes/${n.id}`} className="font-medium underline underline-offset-2">
            #{n.num}
          </Link>{' '}
          issued for this invoice ({formatMoney(n.total)}).
        </p>
      ))}
    </div>
  );
}
