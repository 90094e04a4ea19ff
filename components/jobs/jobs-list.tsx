'use client';

/**
 * The jobs list: filters and sort in the URL (nuqs), one job/list request per page (kept on screen while the next
 * loads, so the table does not jump), pagination, and the CSV export of everything the filters select.
 */
import { useQuery } from '@tanstack/react-query';
import { ClipboardList } from 'lucide-react';
import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import {
  JOB_SORT_LABELS,
  activeFilterCount,
  clearedFilters,
  jobFilterParsers,
  jobListQuery as toApiQuery,
  normalizeJobFilters,
  pageCount,
  withFilters,
  type JobFilters,
} from '@/lib/jobs/job-filters';
import { jobListQuery } from '@/lib/queries/job-queries';
import { formatCount } from '@/lib/ui/format';
import { JobFiltersForm } from './job-filters-form';
import { JobStatusBadge } from './job-status-badge';
import { JobsCsvExport } from './jobs-csv-export';
import { minutePart } from '@/lib/synchroteam/dates';

const when = (s: string | null) => (s ? minutePart(s) : '—');

export function JobsList({ timeZone }: { timeZone: string }) {
  const [raw, setRaw] = useQueryStates(jobFilterParsers, { history: 'replace', shallow: true });
  const filters = normalizeJobFilters(raw as JobFilters);
  const query = toApiQuery(filters);
  const list = useQuery(jobListQuery(query));
  const set = (change: Partial<JobFilters>) => void setRaw(withFilters(filters, change));
  const total = list.data?.recordsTotal ?? 0;
  const pages = pageCount(total, filters.size);
  const rows = list.data?.data ?? [];
  const filtered = activeFilterCount(filters) > 0;

  return (
    <>
      <JobFiltersForm filters={filters} onChange={set} onClear={() => void setRaw(clearedFilters(filters))} />

      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700" aria-live="polite">
          {list.isPending
            ? 'Loading jobs…'
            : list.isError
              ? ''
              : `${formatCount(total)} job${total === 1 ? '' : 's'}, sorted by ${JOB_SORT_LABELS[filters.sort].toLowerCase()} (${
                  filters.order === 'asc' ? 'ascending' : 'descending'
                })${list.isFetching ? ' — updating…' : ''}`}
        </p>
        <JobsCsvExport filters={filters} total={total} timeZone={timeZone} disabled={!list.isSuccess || total === 0} />
      </div>

      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <div className="space-y-2" aria-hidden="true">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-11 w-full" />
          ))}
        </div>
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<ClipboardList className="size-8" />}
          title={filtered ? 'No jobs match these filters' : filters.page > 1 ? 'No jobs on this page' : 'No jobs yet'}
          action={
            filtered ? (
              <Button variant="secondary" size="sm" onClick={() => void setRaw(clearedFilters(filters))}>
                Clear filters
              </Button>
            ) : filters.page > 1 ? (
              <Button variant="secondary" size="sm" onClick={() => set({ page: 1 })}>
                First page
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Table caption="Jobs" captionHidden className={list.isFetching ? 'opacity-70 transition-opacity' : undefined}>
          <THead>
            <Tr>
              <Th>Job</Th>
              <Th>Status</Th>
              <Th>Customer</Th>
              <Th className="hidden md:table-cell">Type</Th>
              <Th>Technician</Th>
              <Th>Scheduled</Th>
              <Th className="hidden xl:table-cell">City</Th>
              <Th className="hidden lg:table-cell">Priority</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((j) => (
              <Tr key={j.id} className="hover:bg-slate-50">
                <Td className="whitespace-nowrap">
                  <Link
                    href={`/jobs/${encodeURIComponent(j.id)}`}
                    className="font-medium text-brand underline-offset-2 hover:underline"
                  >
                    #{j.num}
                  </Link>
                  {j.description && (
                    <span className="block max-w-64 truncate text-xs text-slate-600">{j.description}</span>
                  )}
                </Td>
                <Td>
                  <JobStatusBadge status={j.status} deleted={!!j.dateDeleted} />
                </Td>
                <Td className="max-w-48 truncate">{j.customer?.name ?? '—'}</Td>
                <Td className="hidden whitespace-nowrap md:table-cell">{j.type?.name ?? '—'}</Td>
                <Td className="whitespace-nowrap">
                  {j.technician?.name ?? <span className="text-slate-500">Unassigned</span>}
                </Td>
                <Td className="whitespace-nowrap tabular-nums">{when(j.scheduledStart)}</Td>
                <Td className="hidden xl:table-cell">{j.addressCity ?? '—'}</Td>
                <Td className="hidden capitalize lg:table-cell">{j.priority}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}

      {list.isSuccess && total > 0 && (
        <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="text-slate-700">
            Page {filters.page} of {formatCount(pages)}
          </span>
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" disabled={filters.page <= 1} onClick={() => set({ page: 1 })}>
              First
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={filters.page <= 1}
              onClick={() => set({ page: filters.page - 1 })}
            >
              Previous
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={filters.page >= pages}
              onClick={() => set({ page: filters.page + 1 })}
            >
              Next
            </Button>
            <Button variant="secondary" size="sm" disabled={filters.page >= pages} onClick={() => set({ page: pages })}>
              Last
            </Button>
          </div>
        </nav>
      )}
    </>
  );
}
