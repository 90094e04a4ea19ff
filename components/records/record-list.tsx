'use client';

import { useQuery } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { toast } from 'sonner';
import { PageHeader } from '@/components/layout/page-header';
import { Button, buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Select } from '@/components/ui/select';
import { nextSort, toListQuery, type FirstPage, type RecordSort } from '@/lib/records/list-params';
import type { RecordKind, RecordTypes } from '@/lib/records/record-kind';
import { recordQueries } from '@/lib/records/record-queries';
import { explainError } from '@/lib/ui/api-errors';
import { useListUrlState } from './list-url-state';
import type { Page } from '@/lib/synchroteam/schemas/common';
import { Pager } from './pager';
import { RecordsTable, type RecordColumn } from './records-table';
import { SearchBox } from './search-box';

export interface RecordListProps<K extends RecordKind> {
  kind: K;
  queries: ReturnType<typeof recordQueries<K>>;
  title: string;
  description?: string;
  noun: { one: string; many: string };
  basePath: string;
  columns: RecordColumn<RecordTypes[K]>[];
  canEdit: boolean;
  canSetActive: boolean;
  /** Extra filter controls (sites by customer, equipment by customer or site). */
  filters?: (state: ReturnType<typeof useListUrlState>) => React.ReactNode;
  /** Query string for the "New" link (e.g. the customer filter carried into the form). */
  newQuery?: (state: ReturnType<typeof useListUrlState>[0]) => string;
  /** The first page as the server fetched it with the HTML (used while the URL still asks for that page). */
  initial?: FirstPage;
}

/**
 * The list page the three record lists share: search as you type, active/inactive, parent filters, sortable columns,
 * pages with the API's recordsTotal, and bulk activate/deactivate. All of it lives in the URL.
 */
export function RecordList<K extends RecordKind>(props: RecordListProps<K>) {
  const { queries, title, description, noun, basePath, columns, canEdit, canSetActive, filters, newQuery, initial } =
    props;
  const url = useListUrlState();
  const [state, setState] = url;
  const apiQuery = useMemo(() => toListQuery(state), [state]);
  const [initialAt] = useState(() => Date.now());
  const fromServer =
    initial && JSON.stringify(initial.query) === JSON.stringify(apiQuery)
      ? (initial.page as Page<RecordTypes[K]>)
      : undefined;
  const { data, isPending, isFetching, isPlaceholderData, error, refetch } = useQuery({
    ...queries.list(apiQuery),
    initialData: fromServer,
    initialDataUpdatedAt: initialAt,
  });
  const setActive = queries.useSetActive();

  // A selection belongs to the view it was made in: a new page, filter or search starts with nothing selected.
  const viewKey = JSON.stringify(apiQuery);
  const [selection, setSelection] = useState<{ view: string; ids: Set<number> }>({ view: viewKey, ids: new Set() });
  const selected = selection.view === viewKey ? selection.ids : new Set<number>();
  const setSelected = (ids: Set<number>) => setSelection({ view: viewKey, ids });

  const onSelect = (ids: number[], on: boolean) => {
    const n = new Set(selected);
    for (const id of ids) {
      if (on) n.add(id);
      else n.delete(id);
    }
    setSelected(n);
  };

  const bulk = (active: boolean) => {
    const ids = [...selected];
    setActive.mutate(
      { ids, active },
      {
        onSuccess: ({ done, failed }) => {
          setSelected(new Set());
          const verb = active ? 'activated' : 'deactivated';
          if (failed.length === 0) toast.success(`${done} ${done === 1 ? noun.one : noun.many} ${verb}`);
          else toast.error(`${done} ${verb}, ${failed.length} failed: ${explainError(failed[0]!.error).message}`);
        },
      },
    );
  };

  const rows = data?.data;
  const total = data?.recordsTotal ?? 0;
  const showingInactive = state.active === 'inactive';

  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          canEdit ? (
            <Link href={`${basePath}/new${newQuery?.(state) ?? ''}`} className={buttonClasses('primary')}>
              <Plus className="size-4" aria-hidden="true" />
              New {noun.one}
            </Link>
          ) : undefined
        }
      />

      <div role="search" className="mb-3 flex flex-wrap items-end gap-3">
        <SearchBox
          value={state.q}
          label={`Search ${noun.many} by name`}
          placeholder={`Search ${noun.many} by name…`}
          onSearch={(q) => void setState({ q: q || null, page: null }, { history: 'replace' })}
        />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <span>Status</span>
          <Select
            className="w-32"
            value={state.active}
            onChange={(e) => void setState({ active: e.target.value === 'inactive' ? 'inactive' : null, page: null })}
          >
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </Select>
        </label>
        {filters?.(url)}
      </div>

      <div className="mb-2 flex min-h-10 flex-wrap items-center gap-3" aria-live="polite">
        {selected.size > 0 && canSetActive ? (
          <div className="flex flex-wrap items-center gap-2 rounded-md bg-blue-50 px-3 py-1.5 text-sm text-blue-900">
            <span>{selected.size} selected</span>
            <Button
              size="sm"
              variant="secondary"
              busy={setActive.isPending}
              busyLabel="Working…"
              onClick={() => bulk(showingInactive)}
            >
              {showingInactive ? 'Activate selected' : 'Deactivate selected'}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            {data
              ? `${total.toLocaleString('en-US')} ${showingInactive ? 'inactive ' : ''}${total === 1 ? noun.one : noun.many}`
              : '\u00a0'}
            {isFetching && data ? <span className="ml-2 text-slate-500">Updating…</span> : null}
          </p>
        )}
      </div>

      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <RecordsTable
            caption={`${title}${state.q ? ` matching “${state.q}”` : ''}`}
            columns={columns}
            rows={rows}
            loading={isPending}
            updating={isPlaceholderData && isFetching}
            sort={{ sort: state.sort, dir: state.dir }}
            onSort={(c: RecordSort) => {
              const n = nextSort({ sort: state.sort, dir: state.dir }, c);
              void setState({
                sort: n.sort === 'name' ? null : n.sort,
                dir: n.dir === 'asc' ? null : n.dir,
                page: null,
              });
            }}
            selectable={canSetActive}
            selected={selected}
            onSelect={onSelect}
            empty={
              <EmptyState
                title={
                  state.q
                    ? `No ${showingInactive ? 'inactive ' : ''}${noun.many} match “${state.q}”`
                    : `No ${showingInactive ? 'inactive ' : ''}${noun.many}`
                }
                action={
                  state.q ? (
                    <Button variant="secondary" onClick={() => void setState({ q: null, page: null })}>
                      Clear search
                    </Button>
                  ) : undefined
                }
              />
            }
          />
          {error && data ? <ErrorState compact className="mt-3" error={error} onRetry={() => void refetch()} /> : null}
          <Pager
            page={state.page}
            size={state.size}
            shown={rows?.length ?? 0}
            total={total}
            onPage={(p) => void setState({ page: p === 1 ? null : p })}
            onSize={(s) => void setState({ size: s === 25 ? null : s, page: null })}
          />
        </>
      )}
    </>
  );
}
