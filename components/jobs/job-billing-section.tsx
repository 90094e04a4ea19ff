'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { jobBillingQuery } from '@/lib/queries/job-queries';
import { formatMoney } from '@/lib/synchroteam/money';
import { JobSection, Muted } from './job-section';

/** Invoices and quotations made for this job (managers and admins). */
export function JobBillingSection({ id, num }: { id: string; num: number }) {
  const q = useQuery(jobBillingQuery(num));
  const docs = [
    ...(q.data?.invoices ?? []).map((d) => ({ ...d, href: `/invoices/${d.id}`, kind: 'Invoice' })),
    ...(q.data?.quotations ?? []).map((d) => ({ ...d, href: `/quotations/${d.id}`, kind: 'Quotation' })),
  ];
  return (
    <JobSection title="Invoices and quotations">
      {q.isPending ? (
        <Muted>Loading…</Muted>
      ) : q.isError ? (
        <Muted>Could not load the job’s invoices and quotations.</Muted>
      ) : docs.length === 0 ? (
        <Muted>None for this job.</Muted>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {docs.map((d) => (
            <li key={`${d.kind}-${d.id}`} className="flex flex-wrap items-center gap-2 py-2">
              <Link href={d.href} className="font-medium text-brand underline-offset-2 hover:underline">
                {d.kind} #{d.num}
              </Link>
              <Badge>{d.status}</Badge>
              <span className="ml-auto tabular-nums">{formatMoney(d.total)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 flex flex-wrap gap-3 text-sm">
        <Link
          href={`/invoices/new?job=${encodeURIComponent(id)}`}
          className="font-medium text-brand underline-offset-2 hover:underline"
        >
          Create invoice from this job
        </Link>
        <Link
          href={`/quotations/new?job=${encodeURIComponent(id)}`}
          className="font-medium text-brand underline-offset-2 hover:underline"
        >
          Create quotation
        </Link>
      </p>
    </JobSection>
  );
}
