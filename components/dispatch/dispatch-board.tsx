'use client';

/**
 * The dispatch board: toolbar (URL state), unscheduled pool, FullCalendar lanes by team, quick view, schedule and
 * warning dialogs, live refresh. Data: one /api/board answer per week (day and technician views use the same week).
 */
import type { DatesSetArg, EventDropArg } from '@fullcalendar/core';
import type { DropArg, EventResizeDoneArg } from '@fullcalendar/interaction';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { boardQuery } from '@/lib/queries/board';
import type { BoardJob } from '@/lib/scheduling/board-types';
import { endFor, jobMinutes } from '@/lib/scheduling/job-length';
import type { PoolFilter } from '@/lib/scheduling/unscheduled-pool';
import { accountToday, addDays, calendarToApi, weekStart } from '@/lib/scheduling/wall-clock';
import { epochToLocal } from '@/lib/synchroteam/dates';
import { isSchedulable } from '@/lib/synchroteam/job-status';
import { lanePageName, lanePages, visibleTechnicians } from '@/lib/scheduling/lanes';
import { laneWarnings } from '@/lib/scheduling/lane-warnings';
import { toActivityEvents, toGhostEvents, toResources, toWindowEvents } from './board-events';
import { OptimizePanel } from './optimize-panel';
import { useOptimizer } from './use-optimizer';
import { BoardSearch, PoolWhere } from './board-search';
import { BoardToolbar, type ToolbarState } from './board-toolbar';
import { lanesOf } from './board-url-params';
import { useBoardUrlState } from './board-url-state';
import { JobPool } from './job-pool';
import { JobQuickView } from './job-quick-view';
import { ScheduleDialog } from './schedule-dialog';
import { TechnicianDayList } from './technician-day-list';
import { useBoardActions } from './use-board-actions';
import { useBoardSettings } from './use-board-settings';
import { useBoardLive } from './use-board-live';
import { useBoardSearch } from './use-board-search';
import { useWholeBoard } from './use-whole-board';
import { WarningDialog } from './warning-dialog';

/**
 * FullCalendar's code (a few hundred kB, only this page needs it) is fetched when this module runs, beside the board's
 * data, and drawn as soon as both are there. Not next/dynamic: its Suspense boundary reveals the calendar up to 300 ms
 * late (React throttles Suspense reveals), and it would only start the fetch once the data had arrived.
 */
type Calendar = typeof import('./board-calendar').BoardCalendar;
let loadedCalendar: Calendar | null = null;
const calendarLoad: Promise<Calendar> | null =
  typeof window === 'undefined' ? null : import('./board-calendar').then((m) => (loadedCalendar = m.BoardCalendar));

function useBoardCalendar(): Calendar | null {
  const [calendar, setCalendar] = useState<Calendar | null>(() => loadedCalendar);
  useEffect(() => {
    let live = true;
    if (!calendar) void calendarLoad?.then((c) => live && setCalendar(() => c));
    return () => {
      live = false;
    };
  }, [calendar]);
  return calendar;
}

export interface DispatchBoardProps {
  licenseKey: string;
  timeZone: string;
  /** The signed-in account: whose board settings (density, default view) apply. */
  accountId: number;
}

export function DispatchBoard({ licenseKey, timeZone, accountId }: DispatchBoardProps) {
  const [url, setUrl] = useBoardUrlState();
  const [settings, saveSettings] = useBoardSettings(accountId);
  // A view named in the address wins (a shared link shows what it shows); else the one this person last chose.
  const view = url.view ?? settings.view ?? 'week';
  const today = accountToday(timeZone);
  const date = url.date && /^\d{4}-\d{2}-\d{2}$/.test(url.date) ? url.date : today;
  const from = weekStart(date);
  const to = addDays(from, 7);
  // The lane page shapes only the first read of a window (a cold window answers with this page first).
  const q = useQuery(boardQuery(from, to, lanesOf(url)));
  const BoardCalendar = useBoardCalendar();
  const data = q.data;
  const actions = useBoardActions(from, to);
  useBoardLive(from, to, !!data, actions.isMine);
  const whole = useWholeBoard(from, to, !!data?.partial, actions.isMine);

  const [quick, setQuick] = useState<string | null>(null);
  // The pool shows ages against the account's wall clock; a minute's precision is enough.
  const [nowWall, setNowWall] = useState(() => epochToLocal(Date.now(), timeZone));
  useEffect(() => {
    const t = setInterval(() => setNowWall(epochToLocal(Date.now(), timeZone)), 60_000);
    return () => clearInterval(t);
  }, [timeZone]);
  const [scheduling, setScheduling] = useState<BoardJob | null>(null);
  const [optimizing, setOptimizing] = useState(false);
  const optimizer = useOptimizer();

  const filters = useMemo(
    () => ({ team: url.team, tech: url.tech, status: url.status, type: url.type, priority: url.priority, q: url.q }),
    [url.team, url.tech, url.status, url.type, url.priority, url.q],
  );
  // Keyed on the parts that lanes depend on, not on `data`: a saved move must not hand FullCalendar new resources
  // (it would redraw every lane).
  const technicians = data?.technicians;
  const teams = data?.teams;
  const pages = useMemo(
    () => (technicians && teams ? lanePages(visibleTechnicians({ technicians, teams }, filters)) : []),
    [technicians, teams, filters],
  );
  const pageIndex = Math.min(Math.max(1, url.page), Math.max(1, pages.length)) - 1;
  const techs = useMemo(() => pages[pageIndex] ?? [], [pages, pageIndex]);
  const lanes = useMemo(() => new Set(techs.map((t) => String(t.id))), [techs]);
  const resources = useMemo(() => toResources(techs), [techs]);
  const search = useBoardSearch({ data, url, setUrl, filters, pages, pageIndex, lanes, from, to, date, view });
  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(from, i)), [from]);
  // Event objects keep their identity while their source does (toJobEvent caches per job), so BoardCalendar can tell
  // the few events a save changed from the rest.
  const activities = data?.activities;
  const windows = data?.windows;
  const activityEvents = useMemo(
    () => (activities && technicians && teams ? toActivityEvents(activities, { technicians, teams }, lanes) : []),
    [activities, technicians, teams, lanes],
  );
  const windowEvents = useMemo(
    () => (windows && url.windows ? toWindowEvents({ windows }, days) : []),
    [windows, url.windows, days],
  );
  // The optimizer's proposal, while it is being looked at: its kept moves as ghost cards.
  const proposal =
    optimizing && (optimizer.run?.state === 'done' || optimizer.run?.state === 'applying')
      ? optimizer.run.proposal
      : null;
  const dropped = optimizer.dropped;
  const ghostEvents = useMemo(
    () =>
      proposal
        ? toGhostEvents(
            proposal.moves.filter((m) => !dropped.has(m.jobId)),
            lanes,
          )
        : [],
    [proposal, dropped, lanes],
  );
  const jobs = data?.jobs;
  const jobTypes = data?.jobTypes;
  const { showJob, toEvent } = search;
  const events = useMemo(() => {
    if (!jobs || !activities || !teams || !windows || !technicians) return [];
    const shown = jobs.filter(showJob);
    // Warnings for the cards on screen only: checking a large week's every job would cost each save ~100 ms.
    const warnings = laneWarnings(shown, { jobs, activities, teams, windows, technicians });
    return [...shown.map((j) => toEvent(j, warnings.get(j.id))), ...activityEvents, ...windowEvents, ...ghostEvents];
  }, [jobs, activities, teams, windows, technicians, showJob, toEvent, activityEvents, windowEvents, ghostEvents]);

  const jobById = useCallback(
    (id: string) => data?.jobs.find((j) => j.id === id) ?? data?.pool.find((j) => j.id === id),
    [data],
  );

  // FullCalendar redraws when a handler changes identity: the handlers read the latest state through a ref.
  const latest = useRef({ jobById, actions, data, url, setUrl });
  useEffect(() => {
    latest.current = { jobById, actions, data, url, setUrl };
  });

  const onEventDrop = useCallback((arg: EventDropArg) => {
    const { jobById, actions, data } = latest.current;
    performance.mark('board:drop');
    const job = jobById(arg.event.id);
    if (!job || !isSchedulable(job.status) || !arg.event.start) return arg.revert();
    const start = calendarToApi(arg.event.start);
    const end = arg.event.end ? calendarToApi(arg.event.end) : endFor(start, jobMinutes(job, data!.jobTypes));
    let technicianId = job.technicianId!;
    let others = job.otherTechnicianIds;
    if (arg.newResource && arg.oldResource) {
      const from = Number(arg.oldResource.id);
      const to = Number(arg.newResource.id);
      if (from === technicianId) technicianId = to;
      else others = others.map((id) => (id === from ? to : id));
      others = others.filter((id) => id !== technicianId);
    }
    void actions.requestPlacement({ job, technicianId, otherTechnicianIds: others, start, end, revert: arg.revert });
  }, []);

  const onEventResize = useCallback((arg: EventResizeDoneArg) => {
    const { jobById, actions } = latest.current;
    performance.mark('board:drop');
    const job = jobById(arg.event.id);
    if (!job || !isSchedulable(job.status) || !arg.event.start || !arg.event.end) return arg.revert();
    void actions.requestPlacement({
      job,
      technicianId: job.technicianId!,
      otherTechnicianIds: job.otherTechnicianIds,
      start: calendarToApi(arg.event.start),
      end: calendarToApi(arg.event.end),
      revert: arg.revert,
    });
  }, []);

  const onDrop = useCallback((arg: DropArg) => {
    const { jobById, actions, data, url } = latest.current;
    performance.mark('board:drop');
    const id = arg.draggedEl.getAttribute('data-pool-job');
    const job = id ? jobById(id) : undefined;
    const tech = arg.resource ? Number(arg.resource.id) : url.tech;
    if (!job || !tech) return;
    const start = calendarToApi(arg.date);
    void actions.requestPlacement({
      job,
      technicianId: tech,
      otherTechnicianIds: job.otherTechnicianIds.filter((x) => x !== tech),
      start,
      end: endFor(start, jobMinutes(job, data!.jobTypes)),
    });
  }, []);

  // The save needs the job's preferences (job/details): start reading them when the drag starts, not at the drop.
  const onDragStart = useCallback((jobId: string) => {
    const { jobById, actions } = latest.current;
    const job = jobById(jobId);
    if (job) actions.prefetchPreferences(job);
  }, []);

  // The pool is memoized: hand it stable props so that a save on the board (new `jobs`) does not redraw it.
  const pool = data?.pool;
  const poolData = useMemo(
    () => (pool && jobTypes && teams && technicians ? { pool, jobTypes, teams, technicians } : null),
    [pool, jobTypes, teams, technicians],
  );
  const poolFilter = useMemo(
    () => ({
      q: url.pq,
      priority: url.pprio,
      typeId: url.ptype,
      skill: url.pskill,
      prefDate: url.pdate,
      prefTeamId: url.pteam,
      prefUserId: url.ptech,
      poolOnly: url.ppool,
    }),
    [url.pq, url.pprio, url.ptype, url.pskill, url.pdate, url.pteam, url.ptech, url.ppool],
  );
  const onPoolFilter = useCallback((f: Partial<PoolFilter>) => {
    const { setUrl } = latest.current;
    void setUrl({
      ...('q' in f ? { pq: f.q ?? '' } : {}),
      ...('priority' in f ? { pprio: f.priority ?? null } : {}),
      ...('typeId' in f ? { ptype: f.typeId ?? null } : {}),
      ...('skill' in f ? { pskill: f.skill ?? null } : {}),
      ...('prefDate' in f ? { pdate: f.prefDate ?? null } : {}),
      ...('prefTeamId' in f ? { pteam: f.prefTeamId ?? null } : {}),
      ...('prefUserId' in f ? { ptech: f.prefUserId ?? null } : {}),
      ...('poolOnly' in f ? { ppool: !!f.poolOnly } : {}),
    });
  }, []);
  const onOpenPoolJob = useCallback((j: BoardJob) => setQuick(j.id), []);

  const onDatesSet = useCallback((_: DatesSetArg) => undefined, []);
  const onEventClick = useCallback((id: string) => setQuick(id), []);

  const step = (dir: -1 | 1) => setUrl({ date: addDays(date, dir * (view === 'day' || view === 'tech' ? 1 : 7)) });
  const title =
    view === 'day' || view === 'tech'
      ? new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', {
          timeZone: 'UTC',
          weekday: 'long',
          month: 'long',
          day: 'numeric',
          year: 'numeric',
        })
      : `Week of ${new Date(`${from}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' })}`;
  const toolbarState: ToolbarState = { ...filters, view, date, windows: url.windows, density: settings.density };
  const onToolbar = ({ density, ...p }: Partial<ToolbarState>) => {
    if (density) saveSettings({ density });
    // The view chosen last is the one the board opens in next time (a new visit, another tab).
    if (p.view) saveSettings({ view: p.view });
    if (Object.keys(p).length) void setUrl({ ...p, ...('team' in p || 'tech' in p ? { page: 1 } : {}) });
  };
  const pending = actions.pending;
  const quickJob = quick ? (jobById(quick) ?? null) : null;

  return (
    // From md up the board fills the window and its parts scroll inside it. On a phone the toolbar alone takes most
    // of the window, so the page scrolls instead: the pool and the calendar get heights of their own, one under the
    // other, and the calendar's week scrolls sideways inside its box.
    <div className="flex flex-col md:h-[calc(100vh-7.5rem)] md:min-h-[480px]">
      <BoardToolbar
        state={toolbarState}
        data={data}
        title={title}
        onChange={onToolbar}
        onStep={step}
        lanePage={{ index: pageIndex, count: pages.length, label: lanePageName(techs) }}
        onLanePage={(i) => void setUrl({ page: i + 1 })}
        onToday={() => void setUrl({ date: null })}
        search={<BoardSearch value={url.q} onChange={(q) => void setUrl({ q, hl: null })} ctx={search.ctx} />}
        optimizing={optimizing}
        onOptimize={() => setOptimizing((o) => !o)}
      />
      {optimizing && data && (
        <OptimizePanel
          teams={data.teams}
          defaultDate={date < today ? today : date}
          defaultTeam={url.team}
          optimizer={optimizer}
          onShowDay={(d) => void setUrl({ date: d })}
          onClose={() => {
            if (optimizer.busy && optimizer.run?.state === 'running') void optimizer.cancel();
            setOptimizing(false);
          }}
        />
      )}
      {data && (
        <TechnicianDayList
          data={data}
          filters={filters}
          day={date}
          technicianId={url.tech}
          density={settings.density}
          onTechnician={(tech) => onToolbar({ tech })}
          onDay={(d) => void setUrl({ date: d })}
          onOpen={onOpenPoolJob}
          onMove={setScheduling}
          onUnschedule={actions.unschedule}
        />
      )}
      {/* Phones: the pool stacks above the schedule; from md up they sit side by side. */}
      <div className="flex min-h-0 flex-1 flex-col md:flex-row">
        {data && (
          <JobPool
            data={poolData!}
            nowWall={nowWall}
            filter={poolFilter}
            onFilter={onPoolFilter}
            onSchedule={setScheduling}
            onOpen={onOpenPoolJob}
            highlightId={url.hl}
            emptyNote={url.pq ? <PoolWhere q={url.pq} ctx={search.ctx} /> : undefined}
          />
        )}
        <section
          aria-label="Schedule"
          className="relative h-[75svh] min-h-[420px] min-w-0 bg-white md:h-auto md:min-h-0 md:flex-1"
          data-board-ready={data ? 'true' : undefined}
        >
          {(q.isPending || (data && !BoardCalendar)) && <Skeleton className="h-full w-full" />}
          {data?.partial && (
            <div
              role="status"
              className="absolute right-3 bottom-3 z-10 flex items-center gap-2 rounded border border-slate-200 bg-white/95 px-2 py-1 text-xs text-slate-600 shadow-sm"
            >
              {whole.failed ? (
                <>
                  Other teams’ jobs could not be read.
                  <Button variant="secondary" size="sm" onClick={whole.retry}>
                    Try again
                  </Button>
                </>
              ) : (
                'Loading the other teams’ jobs…'
              )}
            </div>
          )}
          {/* Always in the page, so that screen readers hear the found job when it appears. */}
          <div
            role="status"
            className={
              search.announcement
                ? 'absolute bottom-3 left-3 z-10 flex max-w-[70%] items-center gap-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950 shadow-sm'
                : 'sr-only'
            }
          >
            {search.announcement}
            {search.highlight && (
              <Button variant="secondary" size="sm" onClick={search.clear}>
                Clear
              </Button>
            )}
            {search.elsewhere && (
              <Button variant="secondary" size="sm" onClick={() => search.onGo(search.elsewhere!)}>
                Show #{search.elsewhere.job.num}
              </Button>
            )}
          </div>
          {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
          {data && BoardCalendar && (
            // The calendar module loads once; its component keeps one identity from then on (no remounts).
            // eslint-disable-next-line react-hooks/static-components
            <BoardCalendar
              licenseKey={licenseKey}
              timeZone={timeZone}
              view={view}
              date={date}
              resources={resources}
              events={events}
              onEventDrop={onEventDrop}
              onEventResize={onEventResize}
              onDrop={onDrop}
              onDragStart={onDragStart}
              onEventClick={onEventClick}
              onDatesSet={onDatesSet}
              density={settings.density}
            />
          )}
        </section>
      </div>
      {data && (
        <>
          <JobQuickView
            job={quickJob}
            data={data}
            onClose={() => setQuick(null)}
            onMove={(j) => setScheduling(j)}
            onUnschedule={actions.unschedule}
            onConfirm={actions.confirm}
            onCancel={actions.cancel}
          />
          <ScheduleDialog
            job={scheduling}
            data={data}
            defaultDate={date}
            onClose={() => setScheduling(null)}
            warningsFor={actions.warningsFor}
            withPreferences={actions.withPreferences}
            movedMeanwhile={actions.movedMeanwhile}
            onSave={(r) => {
              performance.mark('board:drop');
              // Lanes are paged by team: show the page holding the technician the job went to.
              const to = pages.findIndex((pg) => pg.some((t) => t.id === r.technicianId));
              if (to >= 0 && to !== pageIndex) void setUrl({ page: to + 1 });
              return actions.requestPlacement(r, { confirmed: true });
            }}
          />
          <WarningDialog
            pending={pending}
            technicianName={data.technicians.find((t) => t.id === pending?.request.technicianId)?.name ?? ''}
            onCancel={() => {
              pending?.request.revert?.();
              actions.clearPending();
            }}
            onProceed={() => {
              const r = pending!.request;
              actions.clearPending();
              performance.mark('board:drop');
              void actions.requestPlacement(r, { confirmed: true });
            }}
          />
        </>
      )}
    </div>
  );
}
