'use client';

/**
 * The board's search, wired to the board: which jobs the lanes show for the typed text (board-search.ts rules, so an
 * address filters too), the found job's highlight (`hl` in the URL, so a link can carry it to another week), and the
 * jump to it: its lane page, its day in the one-day views, scrolled into view and focused. Kept out of
 * dispatch-board.tsx so that the board only calls this hook and draws what it returns.
 */
import type { EventInput } from '@fullcalendar/core';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { dayLabel, matchesJobQuery, parseJobQuery, whereabouts, type Whereabouts } from '@/lib/scheduling/board-search';
import type { BoardData, BoardJob, BoardTechnician } from '@/lib/scheduling/board-types';
import type { PlacementWarning } from '@/lib/scheduling/conflicts';
import { lanePageName, lanePages, visibleTechnicians } from '@/lib/scheduling/lanes';
import { jobVisible, STATUS_COLORS, toJobEvent, type BoardFilters } from './board-events';
import type { FinderContext, FoundJob } from './board-search';
import type { useBoardUrlState } from './board-url-state';
import { timeOfDay } from '@/lib/synchroteam/dates';

type UrlState = ReturnType<typeof useBoardUrlState>[0];
type SetUrl = ReturnType<typeof useBoardUrlState>[1];

export interface BoardSearchInput {
  data: BoardData | undefined;
  url: UrlState;
  setUrl: SetUrl;
  filters: BoardFilters;
  /** The lane pages under the current lane filters, the one shown and its technicians' ids. */
  pages: BoardTechnician[][];
  pageIndex: number;
  lanes: ReadonlySet<string>;
  from: string;
  to: string;
  /** The day shown (one-day views) or a day of the week shown. */
  date: string;
  /** The view shown: the URL's, else the person's remembered one (use-board-settings). */
  view: NonNullable<UrlState['view']>;
}

/** The highlighted job's event: FullCalendar draws it outlined (board-search.css); one new object, one event redrawn. */
function highlighted(j: BoardJob, warnings?: readonly PlacementWarning[]): EventInput {
  const e = toJobEvent(j, warnings);
  return { ...e, classNames: [...((e.classNames as string[]) ?? []), 'job-hl'] };
}

/** Where a found job is, in words (the result list and the screen reader's announcement). */
export function whereText(f: FoundJob, pageName: (page: number) => string): string {
  const w = f.where;
  const time = f.job.start ? ` ${timeOfDay(f.job.start)}` : '';
  switch (w.kind) {
    case 'board':
      return `${dayLabel(w.day)}${time} · ${w.page === null ? 'a team outside the lane filter' : pageName(w.page)}`;
    case 'week':
      return `Another week: ${dayLabel(w.day)}${time}`;
    case 'pool':
      return 'Unscheduled, in the pool';
    case 'closed': {
      const status = STATUS_COLORS[w.status].label;
      if (w.status === 'cancelled' || !f.job.start) return status;
      if (f.job.technicianId === null) return `${status} without a technician`;
      return `${status} ${dayLabel(f.job.start)}`;
    }
  }
}

export function useBoardSearch({
  data,
  url,
  setUrl,
  filters,
  pages,
  pageIndex,
  lanes,
  from,
  to,
  date,
  view,
}: BoardSearchInput) {
  const hl = url.hl;
  const query = useMemo(() => parseJobQuery(url.q), [url.q]);
  const technicians = data?.technicians;
  const teams = data?.teams;
  // Every lane, whatever the team filter: a found job of a filtered-out team clears the filter to show it.
  const allPages = useMemo(
    () =>
      technicians && teams ? lanePages(visibleTechnicians({ technicians, teams }, { team: null, tech: null })) : [],
    [technicians, teams],
  );
  const pageOf = useCallback(
    (id: number) => {
      const i = pages.findIndex((p) => p.some((t) => t.id === id));
      return i >= 0 ? i : null;
    },
    [pages],
  );
  const pageName = useCallback(
    (i: number) => `Teams ${lanePageName(pages[i] ?? [])} (${i + 1}/${pages.length})`,
    [pages],
  );
  const oneDay = view === 'day' || view === 'tech';

  const onGo = useCallback(
    ({ job, where }: { job: BoardJob; where: Whereabouts }) => {
      if (where.kind === 'pool') return void setUrl({ pq: String(job.num), hl: job.id });
      if (where.kind !== 'board') return;
      const page = where.page ?? allPages.findIndex((p) => p.some((t) => t.id === job.technicianId));
      void setUrl({
        hl: job.id,
        page: Math.max(0, page) + 1,
        ...(where.page === null ? { team: null, tech: null } : {}),
        ...(oneDay && where.day !== date ? { date: where.day } : {}),
      });
    },
    [setUrl, allPages, oneDay, date],
  );

  const ctx: FinderContext = useMemo(
    () => ({
      data,
      from,
      to,
      pageOf,
      pageName,
      // Another week: the board there, searching for the job, which it then finds and highlights.
      hrefFor: (j: BoardJob, day: string) =>
        `/dispatch?${new URLSearchParams({ view, date: day, q: String(j.num), hl: j.id })}`,
      onGo,
    }),
    [data, from, to, pageOf, pageName, view, onGo],
  );

  // The text filters the lanes like the result list does; the highlighted job shows whatever the filters say.
  const plain = useMemo(() => ({ ...filters, q: '' }), [filters]);
  const showJob = useCallback(
    (j: BoardJob) =>
      j.id === hl
        ? [j.technicianId, ...j.otherTechnicianIds].some((id) => id !== null && lanes.has(String(id)))
        : jobVisible(j, plain, lanes) && matchesJobQuery(j, query),
    [hl, lanes, plain, query],
  );
  const toEvent = useCallback(
    (j: BoardJob, warnings?: readonly PlacementWarning[]) =>
      j.id === hl ? highlighted(j, warnings) : toJobEvent(j, warnings),
    [hl],
  );

  // A highlighted job found on another lane page than the one shown (a link from another week, a reload): go there,
  // once per job and window, so that paging away afterwards is not undone.
  const placed = useRef<string | null>(null);
  const hlJob = hl && data ? (data.jobs.find((j) => j.id === hl) ?? data.pool.find((j) => j.id === hl)) : undefined;
  useEffect(() => {
    const key = `${hl}@${from}`;
    if (!hl) placed.current = null;
    if (!hlJob || placed.current === key || hlJob.technicianId === null || hlJob.status === 'created') return;
    placed.current = key;
    const i = pageOf(hlJob.technicianId);
    if (i !== null && i !== pageIndex) void setUrl({ page: i + 1 });
  }, [hlJob, hl, from, pageOf, pageIndex, setUrl]);

  // Scroll the highlighted job into view and focus it (Enter then opens it), once it is drawn: FullCalendar draws after
  // React commits, and the pool after its data, so look for it for a moment. Once per search: paging back to it later
  // must not take focus from where the dispatcher is.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    const key = `${hl}@${from}`;
    if (!hl) focused.current = null;
    if (!hl || !hlJob || focused.current === key) return;
    let frame = 0;
    let tries = 0;
    const look = () => {
      const el =
        hlJob.status === 'created'
          ? document.querySelector<HTMLElement>(`[data-pool-job="${CSS.escape(hl)}"] button`)
          : document.querySelector<HTMLElement>('.fc-event.job-hl');
      if (el) {
        focused.current = key;
        el.scrollIntoView({ block: 'center', inline: 'center' });
        el.focus({ preventScroll: true });
      } else if (++tries < 150) frame = requestAnimationFrame(look);
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [hl, hlJob, from, pageIndex, date, view]);

  // The text matches nothing on this lane page but jobs on others (the board's first complaint: "No events to display"
  // with no word why): say where, with a way there, for as long as the search stands, not only while its list is open.
  const elsewhere = useMemo(() => {
    if (!query || hl || !data) return null;
    let first: BoardJob | null = null;
    let count = 0;
    for (const j of data.jobs) {
      if (j.technicianId === null || !matchesJobQuery(j, query)) continue;
      if (jobVisible(j, plain, lanes)) return null;
      if (jobVisible(j, plain, new Set([String(j.technicianId)]))) {
        count++;
        first ??= j;
      }
    }
    return first ? { count, found: { job: first, where: whereabouts(first, { from, to }, pageOf) } } : null;
  }, [query, hl, data, plain, lanes, from, to, pageOf]);

  const clear = useCallback(() => void setUrl({ hl: null }), [setUrl]);
  const announcement = hlJob
    ? `Job #${hlJob.num} ${hlJob.customer.name ?? ''} highlighted: ${whereText({ job: hlJob, where: whereabouts(hlJob, { from, to }, pageOf) }, pageName)}`
    : elsewhere
      ? `No job matching “${url.q.trim()}” on this lane page. ${elsewhere.count === 1 ? `#${elsewhere.found.job.num} is` : `${elsewhere.count} are, #${elsewhere.found.job.num}`} on ${whereText(elsewhere.found, pageName)}.`
      : '';

  return {
    ctx,
    showJob,
    toEvent,
    highlight: hlJob ?? null,
    elsewhere: elsewhere?.found ?? null,
    announcement,
    clear,
    onGo,
  };
}
