'use client';

/**
 * A new invoice or quotation: blank, or — with ?job=<id> — prefilled from the job (customer, site, job, one line per
 * part used at catalogue prices). The editor opens only once the job, the catalogue and the tax rates are in, so the
 * prefilled lines never change under the user's hands.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { formFromJob, type EditableKind } from '@/lib/billing/document-form';
import { defaultTaxRate } from '@/lib/billing/line-items';
import { api } from '@/lib/queries/client';
import { partsCatalogueQuery } from '@/lib/queries/parts';
import { taxesQuery } from '@/lib/queries/taxes';
import { DocumentEditor, KIND_LABEL, KIND_PATH } from './document-editor';

export function NewDocument({ kind, jobId }: { kind: EditableKind; jobId: string | null }) {
  const title = `New ${KIND_LABEL[kind].toLowerCase()}`;
  const crumbs = (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link href={KIND_PATH[kind]} className="text-brand underline-offset-2 hover:underline">
        {kind === 'invoice' ? 'Invoices' : 'Quotations'}
      </Link>
    </nav>
  );
  if (!jobId)
    return (
      <>
        {crumbs}
        <PageHeader title={title} description="Choose the customer, then add lines from the catalogue or free lines." />
        <DocumentEditor kind={kind} doc={null} />
      </>
    );
  return (
    <>
      {crumbs}
      <FromJob kind={kind} jobId={jobId} title={title} />
    </>
  );
}

function FromJob({ kind, jobId, title }: { kind: EditableKind; jobId: string; title: string }) {
  const job = useQuery({
    queryKey: ['jobs', 'detail', jobId],
    queryFn: ({ signal }) => api.jobs.details({ id: jobId }, { signal }),
    staleTime: 15_000,
  });
  const catalogue = useQuery(partsCatalogueQuery());
  const taxes = useQuery(taxesQuery());
  const error = job.error ?? catalogue.error ?? taxes.error;
  if (error)
    return (
      <ErrorState
        error={error}
        onRetry={() => void Promise.all([job.refetch(), catalogue.refetch(), taxes.refetch()])}
      />
    );
  if (!job.data || !catalogue.data || !taxes.data)
    return (
      <div className="space-y-4" aria-busy="true">
        <PageHeader title={title} description="Reading the job and its parts…" />
        <Skeleton className="h-28 w-full" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  const { values, missing } = formFromJob(job.data, catalogue.data, defaultTaxRate(taxes.data));
  return (
    <>
      <PageHeader
        title={title}
        description={
          <>
            From job{' '}
            <Link
              className="text-brand underline-offset-2 hover:underline"
              href={`/jobs/${encodeURIComponent(job.data.id)}`}
            >
              #{job.data.num}
            </Link>
            : {values.lines.length} part line{values.lines.length === 1 ? '' : 's'} at catalogue prices. Review, then
            create.
          </>
        }
      />
      <DocumentEditor
        kind={kind}
        doc={null}
        initial={values}
        notice={
          missing.length ? (
            <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              Not in the catalogue any more, so not added: {missing.join(', ')}.
            </p>
          ) : null
        }
      />
    </>
  );
}
