'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { api } from '@/lib/queries/client';
import type { RecordLink } from '@/lib/queries/attachments';
import { linkFilter } from '@/lib/queries/attachments';
import { equipmentQueries } from '@/lib/queries/equipment';
import { siteQueries } from '@/lib/queries/sites';
import { PanelMessage, Section } from './detail-layout';
import { ActiveBadge } from './record-bits';

function Loading() {
  return (
    <div className="space-y-2" aria-label="Loading">
      <Skeleton className="h-4 w-2/3" />
      <Skeleton className="h-4 w-1/2" />
    </div>
  );
}

/** Sites or equipment of a customer/site (active and inactive), linking to their pages and to "add one". */
export function ChildRecordsPanel({
  kind,
  link,
  title,
  addHref,
}: {
  kind: 'sites' | 'equipment';
  link: RecordLink;
  title: string;
  addHref?: string;
}) {
  // Only id, name, myId and active are read: the two lists look alike here.
  const q = (kind === 'sites' ? siteQueries : equipmentQueries) as typeof siteQueries;
  const filter = linkFilter(link);
  const active = useQuery(q.list({ ...filter, page: 1, pageSize: 50, sort: 'name', active: true }));
  const inactive = useQuery(q.list({ ...filter, page: 1, pageSize: 50, sort: 'name', active: false }));
  const rows = [...(active.data?.data ?? []), ...(inactive.data?.data ?? [])];
  const total = (active.data?.recordsTotal ?? 0) + (inactive.data?.recordsTotal ?? 0);
  const base = kind === 'sites' ? '/sites' : '/equipment';
  return (
    <Section
      title={title}
      id={`${kind}-panel`}
      action={
        addHref ? (
          <Link href={addHref} className="rounded px-2 py-1 text-sm font-medium text-blue-800 hover:bg-slate-100">
            + Add {kind === 'sites' ? 'site' : 'equipment'}
          </Link>
        ) : undefined
      }
    >
      {active.isPending ? (
        <Loading />
      ) : active.error ? (
        <ErrorState compact error={active.error} onRetry={() => void active.refetch()} />
      ) : !rows.length ? (
        <PanelMessage>None yet.</PanelMessage>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {rows.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-2 py-2">
              <Link href={`${base}/${r.id}`} className="min-w-0 truncate text-blue-800 hover:underline">
                {r.name}
              </Link>
              <span className="flex shrink-0 items-center gap-2">
                {r.myId && <span className="text-xs text-slate-500">{r.myId}</span>}
                {!r.active && <ActiveBadge active={false} />}
              </span>
            </li>
          ))}
          {total > rows.length && (
            <li className="py-2 text-xs text-slate-500">
              Showing {rows.length} of {total}
            </li>
          )}
        </ul>
      )}
    </Section>
  );
}

const STATUS_TONE: Record<string, 'neutral' | 'green' | 'amber' | 'red' | 'blue' | 'violet'> = {
  created: 'neutral',
  scheduled: 'blue',
  synchronized: 'blue',
  started: 'amber',
  paused: 'amber',
  completed: 'green',
  validated: 'green',
  cancelled: 'red',
};

/** The record's most recent jobs (newest scheduled first). */
export function JobsPanel({ link, title = 'Recent jobs' }: { link: RecordLink; title?: string }) {
  const query = { ...linkFilter(link), page: 1, pageSize: 10, sort: 'scheduledStart', sortOrder: 'descending' };
  const { data, isPending, error, refetch } = useQuery({
    queryKey: ['jobs', 'forRecord', query],
    queryFn: ({ signal }) => api.jobs.list(query, { signal }),
  });
  return (
    <Section title={title} id="jobs-panel">
      {isPending ? (
        <Loading />
      ) : error ? (
        <ErrorState compact error={error} onRetry={() => void refetch()} />
      ) : !data.data.length ? (
        <PanelMessage>No jobs yet.</PanelMessage>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {data.data.map((j) => (
            <li key={j.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <Link
                href={`/jobs/${encodeURIComponent(j.id)}`}
                className="font-medium text-blue-800 tabular-nums hover:underline"
              >
                #{j.num}
              </Link>
              <Badge tone={STATUS_TONE[j.status] ?? 'neutral'}>{j.status}</Badge>
              <span className="min-w-0 flex-1 truncate text-slate-700">{j.description || j.type?.name || 'Job'}</span>
              <span className="text-xs whitespace-nowrap text-slate-600">{j.scheduledStart ?? 'Not scheduled'}</span>
            </li>
          ))}
          {data.recordsTotal > data.data.length && (
            <li className="py-2 text-xs text-slate-500">
              {data.data.length} of {data.recordsTotal} jobs
            </li>
          )}
        </ul>
      )}
    </Section>
  );
}

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Invoices and quotations of a customer (managers and admins: the API's money endpoints). */
export function BillingPanel({ customerId }: { customerId: number }) {
  const q = { customer_id: customerId, page: 1, pageSize: 5, sort: 'num', sortOrder: 'descending' };
  const inv = useQuery({
    queryKey: ['invoices', 'forCustomer', q],
    queryFn: ({ signal }) => api.invoices.list(q, { signal }),
  });
  const quo = useQuery({
    queryKey: ['quotations', 'forCustomer', q],
    queryFn: ({ signal }) => api.quotations.list(q, { signal }),
  });
  const block = (label: string, r: typeof inv | typeof quo) => (
    <div>
      <h3 className="mb-1 text-sm font-medium text-slate-700">{label}</h3>
      {r.isPending ? (
        <Loading />
      ) : r.error ? (
        <ErrorState compact error={r.error} onRetry={() => void r.refetch()} />
      ) : !r.data.data.length ? (
        <PanelMessage>None.</PanelMessage>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {r.data.data.map((d) => (
            <li key={d.id} className="flex items-center gap-3 py-1.5">
              <span className="tabular-nums">#{d.num}</span>
              <Badge>{String((d as { status?: unknown }).status ?? '')}</Badge>
              <span className="ml-auto tabular-nums">{money(d.total)}</span>
            </li>
          ))}
          {r.data.recordsTotal > r.data.data.length && (
            <li className="py-1.5 text-xs text-slate-500">
              {r.data.data.length} of {r.data.recordsTotal}
            </li>
          )}
        </ul>
      )}
    </div>
  );
  return (
    <Section title="Invoices and quotations" id="billing-panel">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {block('Invoices', inv)}
        {block('Quotations', quo)}
      </div>
    </Section>
  );
}
