'use client';

/**
 * The list of invoices, quotations or credit notes: every API filter and sort in the URL (nuqs), one list request per
 * page (kept on screen while the next loads), the sums of everything the filter selects, and overdue invoices flagged.
 */
import { useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight, Receipt } from 'lucide-react';
import Link from 'next/link';
import { parseAsInteger, parseAsString, useQueryStates } from 'nuqs';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import {
  PAGE_SIZES,
  clearedFilters,
  filterQuery,
  listQuery,
  normalizeFilters,
  pageCount,
  withFilters,
  activeFilterCount,
  type BillingFilters,
} from '@/lib/billing/list-filters';
import { daysOverdue, overdueLabel } from '@/lib/billing/overdue';
import type { BillingKind } from '@/lib/billing/statuses';
import { billingQueries } from '@/lib/queries/invoices';
import { formatMoney } from '@/lib/synchroteam/money';
import { formatCount } from '@/lib/ui/format';
import { BillingFiltersForm } from './billing-filters';
import { BillingStatusBadge } from './billing-status-badge';
import { KIND_PATH } from './document-editor';
import type { AnyDocument } from './document-sheet';
import { datePart } from '@/lib/synchroteam/dates';

const parsers = {
  status: parseAsString,
  customer: parseAsInteger,
  site: parseAsInteger,
  job: parseAsInteger,
  changed: parseAsString,
  created: parseAsString,
  paid: parseAsString,
  sort: parseAsString,
  order: parseAsString,
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(25),
};

const QUERIES = {
  invoice: billingQueries('invoice'),
  quotation: billingQueries('quotation'),
  creditnote: billingQueries('creditnote'),
};
const NOUN = {
  invoice: ['invoice', 'invoices'],
  quotation: ['quotation', 'quotations'],
  creditnote: ['credit note', 'credit notes'],
} as const;

export function BillingList({ kind, timeZone, today }: { kind: BillingKind; timeZone: string; today: string }) {
  const [raw, setRaw] = useQueryStates(parsers, { history: 'push', shallow: true });
  const filters = normalizeFilters(kind, raw as Partial<BillingFilters>);
  // One shape for the three kinds (rows are read as AnyDocument below).
  const queries = QUERIES[kind] as unknown as typeof QUERIES.creditnote;
  const list = useQuery(queries.list(listQuery(kind, filters, timeZone)));
  const totals = useQuery(queries.totals(filterQuery(kind, filters, timeZone)));
  const set = (change: Partial<BillingFilters>) => void setRaw(withFilters(filters, change) as never);
  const clear = () => void setRaw(clearedFilters() as never);
  const rows = (list.data?.data ?? []) as AnyDocument[];
  const total = list.data?.recordsTotal ?? 0;
  const pages = pageCount(total, filters.size);
  const [one, many] = NOUN[kind];
  const filtered = activeFilterCount(filters) > 0;

  return (
    <>
      <BillingFiltersForm kind={kind} filters={filters} onChange={set} onClear={clear} />

      <section
        aria-label={`Totals of the ${filtered ? 'filtered ' : ''}${many}`}
        className="mb-3 grid gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-4"
      >
        <Stat label={filtered ? 'Matching' : 'All'} value={totals.data ? formatCount(totals.data.count) : '…'} />
        <Stat label="Subtotal" value={totals.data ? formatMoney(totals.data.subtotal) : '…'} testId="filter-subtotal" />
        <Stat label="Tax" value={totals.data ? formatMoney(totals.data.taxAmt) : '…'} />
        <Stat label="Total" value={totals.data ? formatMoney(totals.data.total) : '…'} strong testId="filter-total" />
        {totals.data?.partial && (
          <p className="text-xs text-slate-600 sm:col-span-4">
            Sums of the first {formatCount(totals.data.counted)} {many}; narrow the filters for an exact figure.
          </p>
        )}
        {totals.isError && <p className="text-xs text-red-700 sm:col-span-4">Could not add up the totals.</p>}
      </section>

      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {list.isPending
          ? `Loading ${many}…`
          : list.isError
            ? ''
            : `${formatCount(total)} ${total === 1 ? one : many}${list.isFetching ? ' — updating…' : ''}`}
      </p>

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
          icon={<Receipt className="size-8" />}
          title={
            filtered
              ? `No ${many} match these filters`
              : filters.page > 1
                ? `No ${many} on this page`
                : `No ${many} yet`
          }
          action={
            filtered ? (
              <Button variant="secondary" size="sm" onClick={clear}>
                Clear filters
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Table
          caption={`${many[0]!.toUpperCase()}${many.slice(1)}`}
          captionHidden
          className={list.isFetching ? 'opacity-70 transition-opacity' : undefined}
        >
          <THead>
            <Tr>
              <Th>Number</Th>
              <Th>Status</Th>
              <Th className="hidden sm:table-cell">Customer</Th>
              <Th className="hidden lg:table-cell">Site</Th>
              <Th className="hidden md:table-cell">Job</Th>
              <Th className="hidden xl:table-cell">Created</Th>
              <Th className="hidden xl:table-cell">Changed</Th>
              <Th className="hidden text-right sm:table-cell">Total</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((d) => {
              const late = d.type === 'invoice' ? daysOverdue(d, today) : 0;
              return (
                <Tr key={d.id} className={late ? 'bg-red-50/60 hover:bg-red-50' : 'hover:bg-slate-50'}>
                  <Td className="whitespace-nowrap">
                    <Link
                      href={`${KIND_PATH[kind]}/${d.id}`}
                      className="font-medium text-brand underline-offset-2 hover:underline"
                    >
                      {d.num ? `#${d.num}` : 'Draft'}
                    </Link>
                    {d.reference && <span className="block text-xs text-slate-500">{d.reference}</span>}
                    {/* Phones: the row's who and how much without scrolling sideways. */}
                    <span className="block max-w-48 truncate text-xs text-slate-700 sm:hidden">
                      {d.customer.name} · {formatMoney(d.total)}
                    </span>
                  </Td>
                  <Td>
                    <span className="flex flex-wrap gap-1">
                      <BillingStatusBadge status={d.status} />
                      {late > 0 && (
                        <Badge tone="red" className="whitespace-nowrap">
                          {overdueLabel(late)}
                        </Badge>
                      )}
                    </span>
                  </Td>
                  <Td className="hidden max-w-56 truncate sm:table-cell">{d.customer.name ?? '—'}</Td>
                  <Td className="hidden max-w-48 truncate lg:table-cell">{d.site?.name ?? '—'}</Td>
                  <Td className="hidden md:table-cell">{d.job ? `#${d.job.num ?? d.job.id}` : '—'}</Td>
                  <Td className="hidden whitespace-nowrap tabular-nums xl:table-cell">{datePart(d.dateCreated)}</Td>
                  <Td className="hidden whitespace-nowrap tabular-nums xl:table-cell">{d.dateChanged}</Td>
                  <Td className="hidden whitespace-nowrap text-right font-medium tabular-nums sm:table-cell">
                    {formatMoney(d.total)}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}

      {list.isSuccess && total > 0 && (
        <nav
          aria-label="Pages"
          className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700"
        >
          <label className="flex items-center gap-2">
            <span>Per page</span>
            <Select
              className="h-8 w-20 py-0"
              value={filters.size}
              onChange={(e) => set({ size: Number(e.target.value) })}
            >
              {PAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </label>
          <div className="flex items-center gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={filters.page <= 1}
              onClick={() => set({ page: filters.page - 1 })}
            >
              <ChevronLeft className="size-4" aria-hidden="true" />
              Previous
            </Button>
            <span className="tabular-nums">
              Page {Math.min(filters.page, pages)} of {pages}
            </span>
            <Button
              size="sm"
              variant="secondary"
              disabled={filters.page >= pages}
              onClick={() => set({ page: filters.page + 1 })}
            >
              Next
              <ChevronRight className="size-4" aria-hidden="true" />
            </Button>
          </div>
        </nav>
      )}
    </>
  );
}

function Stat({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <div>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className={strong ? 'text-lg font-semibold tabular-nums' : 'tabular-nums'} data-testid={testId}>
        {value}
      </p>
    </div>
  );
}
