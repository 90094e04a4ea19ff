'use client';

/**
 * Finding a job from the board: the toolbar's "Search jobs" box with its result list, and the pool's "where is it"
 * when its own search finds nothing there. The board's own window (every lane page and day, and the pool) is searched
 * at once in the browser; the rest of the account through /api/board/search (the mirror: no API call) once typing
 * pauses. Each result says where the job is and leads there: a job of this board is a button (jump to its lane page
 * and day, highlight it: use-board-search.ts), the pool a button too, another week or a closed job a real link (the
 * board on that week, the job page), so it opens in a new tab as well.
 *
 * The list is a group of buttons and links rather than an ARIA listbox, because links must stay links: from the box,
 * Down moves into the list, Up/Down/Home/End move within it, Escape comes back; Enter in the box takes the first result.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Input } from '@/components/ui/input';
import { boardSearchQuery } from '@/lib/queries/board';
import { parseJobQuery, rankJobs, whereabouts, type Whereabouts } from '@/lib/scheduling/board-search';
import type { BoardData, BoardJob } from '@/lib/scheduling/board-types';
import { useDebounced } from '@/lib/ui/use-debounced';
import { whereText } from './use-board-search';
import './board-search.css';

export interface FoundJob {
  job: BoardJob;
  where: Whereabouts;
}

export interface FinderContext {
  data: BoardData | undefined;
  from: string;
  to: string;
  /** The lane page (0-based) showing a technician under the current filters, or null. */
  pageOf: (technicianId: number) => number | null;
  pageName: (page: number) => string;
  /** The board on another week, searching for and highlighting `job`. */
  hrefFor: (job: BoardJob, day: string) => string;
  /** Shows a job of this board or of the pool. */
  onGo: (found: FoundJob) => void;
}

const MAX_RESULTS = 8;

/** The jobs matching `q`: the board's own copy where it has one (current to the second), the server's elsewhere. */
function useJobFinder(q: string, ctx: FinderContext) {
  const query = useMemo(() => parseJobQuery(q), [q]);
  const term = useDebounced(q.trim(), 250);
  const remote = useQuery({ ...boardSearchQuery(term), enabled: parseJobQuery(term) !== null });
  const { data, from, to, pageOf } = ctx;
  const results = useMemo((): FoundJob[] => {
    if (!query) return [];
    const local = data ? rankJobs([...data.jobs, ...data.pool], query, MAX_RESULTS) : [];
    const byId = new Map<string, BoardJob>((remote.data?.jobs ?? []).map((j) => [j.id, j]));
    for (const j of local) byId.set(j.id, j);
    // Ranked again: an answer for an older text may still be shown while the new one is read.
    return rankJobs(byId.values(), query, MAX_RESULTS).map((job) => ({
      job,
      where: whereabouts(job, { from, to }, pageOf),
    }));
  }, [query, data, remote.data, from, to, pageOf]);
  const searching = query !== null && (term !== q.trim() || remote.isFetching);
  return { query, results, searching, partial: !!remote.data?.partial, failed: remote.isError };
}

function summary(f: ReturnType<typeof useJobFinder>, q: string): string {
  if (!f.query) return '';
  const onBoard = f.results.filter((r) => r.where.kind === 'board').length;
  if (!f.results.length)
    return f.searching
      ? 'Searching…'
      : f.failed
        ? 'The search beyond this board failed; only this board was searched.'
        : `No job matches “${q.trim()}”.`;
  const n = f.results.length;
  const count = `${n}${n === MAX_RESULTS ? '+' : ''} job${n === 1 ? '' : 's'} found`;
  if (!onBoard) return `Not on this board. ${count} elsewhere${f.searching ? ', still searching' : ''}.`;
  return `${count}${onBoard < n ? `, ${onBoard} on this board` : ''}${f.searching ? ', still searching' : ''}.`;
}

/** Moves focus among a list's items with the arrow keys, Home and End; Escape hands focus back. */
function onListKeys(e: KeyboardEvent<HTMLElement>, onEscape: () => void) {
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-finder-item]')];
  const i = items.indexOf(document.activeElement as HTMLElement);
  const to =
    e.key === 'ArrowDown'
      ? i + 1
      : e.key === 'ArrowUp'
        ? i - 1
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? items.length - 1
            : null;
  if (e.key === 'Escape') {
    e.preventDefault();
    onEscape();
  } else if (to !== null) {
    e.preventDefault();
    if (to < 0) onEscape();
    else items[Math.min(to, items.length - 1)]?.focus();
  }
}

const ITEM =
  'block w-full px-3 py-2 text-left text-sm hover:bg-slate-50 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-slate-900';

/** The results, each leading to where its job is. */
function FinderList({
  results,
  ctx,
  onDone,
  onEscape,
}: {
  results: FoundJob[];
  ctx: FinderContext;
  onDone: () => void;
  onEscape: () => void;
}) {
  return (
    <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto" onKeyDown={(e) => onListKeys(e, onEscape)}>
      {results.map((f) => {
        const { job, where } = f;
        const label = (
          <>
            <span className="font-medium">#{job.num}</span>{' '}
            <span className="text-slate-800">{job.customer.name ?? job.site?.name ?? ''}</span>
            <span className="block truncate text-xs text-slate-600">
              {whereText(f, ctx.pageName)}
              {job.address ? ` · ${job.address}` : ''}
            </span>
            <span className="block text-xs font-medium text-sky-800">{ACTION[where.kind]}</span>
          </>
        );
        return (
          <li key={job.id}>
            {where.kind === 'board' || where.kind === 'pool' ? (
              <button
                type="button"
                data-finder-item
                className={ITEM}
                onClick={() => {
                  onDone();
                  ctx.onGo(f);
                }}
              >
                {label}
              </button>
            ) : (
              <Link
                data-finder-item
                className={ITEM}
                href={where.kind === 'week' ? ctx.hrefFor(job, where.day) : `/jobs/${encodeURIComponent(job.id)}`}
                onClick={onDone}
              >
                {label}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}

const ACTION: Record<Whereabouts['kind'], string> = {
  board: 'Show on the board',
  pool: 'Show in the pool',
  week: 'Open the board on that week',
  closed: 'Open the job page',
};

/** The toolbar's search box: filters the lanes as it did, and lists where each matching job is. */
export function BoardSearch({
  value,
  onChange,
  ctx,
}: {
  value: string;
  onChange: (q: string) => void;
  ctx: FinderContext;
}) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const panelId = useId();
  const hintId = useId();
  const f = useJobFinder(value, ctx);
  const text = summary(f, value);
  const show = open && f.query !== null;
  const back = () => input.current?.focus();

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const first = box.current?.querySelector<HTMLElement>('[data-finder-item]');
    if (e.key === 'ArrowDown' && first) {
      e.preventDefault();
      setOpen(true);
      first.focus();
    } else if (e.key === 'Enter' && first) {
      e.preventDefault();
      first.click();
    } else if (e.key === 'Escape' && show) {
      e.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div
      ref={box}
      className="relative"
      onFocus={() => setOpen(true)}
      onBlur={(e) => {
        if (!box.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <Input
        ref={input}
        type="search"
        aria-label="Search jobs"
        aria-controls={panelId}
        aria-describedby={hintId}
        placeholder="Job #, name, address"
        autoComplete="off"
        className="h-8! w-52!"
        value={value}
        onChange={(e) => {
          setOpen(true);
          onChange(e.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="sr-only">
        Searches every lane page, the pool and other weeks. Down arrow moves to the results, Enter shows the first.
      </span>
      {/* Over the board, not in the flow: opening it moves nothing. */}
      <div
        id={panelId}
        hidden={!show}
        className="absolute top-full right-0 z-30 mt-1 w-96 max-w-[calc(100vw-1.5rem)] rounded-md border border-slate-200 bg-white shadow-lg"
      >
        <p className="border-b border-slate-100 px-3 py-2 text-xs text-slate-600">
          {text}
          {f.partial && f.results.length > 0 ? ' Only the best matches are listed: type more to narrow.' : ''}
        </p>
        {show && <FinderList results={f.results} ctx={ctx} onDone={() => setOpen(false)} onEscape={back} />}
      </div>
      <p role="status" className="sr-only">
        {show ? text : ''}
      </p>
    </div>
  );
}

/** In the pool's empty list: where the job searched for is instead (the board, another week, closed). */
export function PoolWhere({ q, ctx }: { q: string; ctx: FinderContext }) {
  const f = useJobFinder(q, ctx);
  const elsewhere = f.results.filter((r) => r.where.kind !== 'pool');
  return (
    <div>
      <p className="px-4 pt-4 pb-2 text-sm text-slate-600" role="status">
        No unscheduled job matches.
        {elsewhere.length ? ' Found elsewhere:' : f.searching ? ' Searching the rest of the account…' : ''}
      </p>
      {elsewhere.length > 0 && (
        <FinderList results={elsewhere} ctx={ctx} onDone={() => undefined} onEscape={() => undefined} />
      )}
    </div>
  );
}
