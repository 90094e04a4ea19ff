'use client';

import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/components/ui/cn';
import type { RecordSort, SortDir } from '@/lib/records/list-params';

export interface RecordColumn<T> {
  key: string;
  header: string;
  /** The API sort this column offers (name, myId, dateCreated, dateModified). */
  sort?: RecordSort;
  cell: (row: T) => React.ReactNode;
  /** Columns a phone can do without. */
  wide?: boolean;
  className?: string;
}

interface Props<T extends { id: number; name: string }> {
  caption: string;
  columns: RecordColumn<T>[];
  rows: T[] | undefined;
  /** First load: skeleton rows. */
  loading: boolean;
  /** A new page/search is on its way while the previous rows stay. */
  updating: boolean;
  sort: { sort: RecordSort; dir: SortDir };
  onSort: (column: RecordSort) => void;
  selectable: boolean;
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], on: boolean) => void;
  empty: React.ReactNode;
  skeletonRows?: number;
}

/**
 * The list table the three record lists share: sortable headers (buttons, aria-sort), a selection column for bulk
 * actions, skeleton rows on first load and the previous rows (dimmed, aria-busy) while the next answer comes.
 */
export function RecordsTable<T extends { id: number; name: string }>({
  caption,
  columns,
  rows,
  loading,
  updating,
  sort,
  onSort,
  selectable,
  selected,
  onSelect,
  empty,
  skeletonRows = 8,
}: Props<T>) {
  const ids = rows?.map((r) => r.id) ?? [];
  const allOn = ids.length > 0 && ids.every((id) => selected.has(id));
  const someOn = !allOn && ids.some((id) => selected.has(id));
  const colCount = columns.length + (selectable ? 1 : 0);

  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-left text-sm" aria-busy={loading || updating}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            {selectable && (
              <th scope="col" className="w-10 px-3 py-2.5">
                <input
                  type="checkbox"
                  className="size-4 align-middle"
                  checked={allOn}
                  ref={(el) => {
                    if (el) el.indeterminate = someOn;
                  }}
                  disabled={!ids.length}
                  onChange={(e) => onSelect(ids, e.target.checked)}
                  aria-label="Select all on this page"
                />
              </th>
            )}
            {columns.map((c) => {
              const active = c.sort && sort.sort === c.sort;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  className={cn(
                    'px-4 py-2.5 font-semibold whitespace-nowrap',
                    c.wide && 'hidden md:table-cell',
                    c.className,
                  )}
                >
                  {c.sort ? (
                    <button
                      type="button"
                      onClick={() => onSort(c.sort!)}
                      className="-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:text-slate-900"
                    >
                      {c.header}
                      {active ? (
                        sort.dir === 'asc' ? (
                          <ArrowUp className="size-3.5" aria-hidden="true" />
                        ) : (
                          <ArrowDown className="size-3.5" aria-hidden="true" />
                        )
                      ) : (
                        <ArrowUpDown className="size-3.5 opacity-40" aria-hidden="true" />
                      )}
                      <span className="sr-only">
                        {active ? `, sorted ${sort.dir === 'asc' ? 'ascending' : 'descending'}` : ', sort'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className={cn('divide-y divide-slate-100 transition-opacity', updating && 'opacity-60')}>
          {loading &&
            Array.from({ length: skeletonRows }, (_, i) => (
              <tr key={i} className="h-12">
                {selectable && <td className="px-3" />}
                {columns.map((c) => (
                  <td key={c.key} className={cn('px-4 py-2.5', c.wide && 'hidden md:table-cell')}>
                    <Skeleton className="h-4 w-24" />
                  </td>
                ))}
              </tr>
            ))}
          {!loading && rows?.length === 0 && (
            <tr>
              <td colSpan={colCount} className="p-4">
                {empty}
              </td>
            </tr>
          )}
          {!loading &&
            rows?.map((row) => (
              <tr
                key={row.id}
                className={cn('h-12 align-middle hover:bg-slate-50', selected.has(row.id) && 'bg-blue-50/60')}
              >
                {selectable && (
                  <td className="px-3">
                    <input
                      type="checkbox"
                      className="size-4 align-middle"
                      checked={selected.has(row.id)}
                      onChange={(e) => onSelect([row.id], e.target.checked)}
                      aria-label={`Select ${row.name}`}
                    />
                  </td>
                )}
                {columns.map((c) => (
                  <td key={c.key} className={cn('px-4 py-2.5', c.wide && 'hidden md:table-cell', c.className)}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
