'use client';
/**
 * The live map page: technicians at their last GPS position, the day's jobs (clustered), filters, legend, the side
 * list synchronised with the view, and the selection panels (a technician's day and route; a job's ranked
 * candidates with Assign). Data: /api/map snapshot, then 30 s deltas (use-map-live.ts). State in the URL.
 */
import dynamic from 'next/dynamic';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { LatLng } from '@/lib/geo/distance';
import { applyJobs } from '@/lib/geo/map-merge';
import type { MapJob, MapSnapshot, MapTechnician } from '@/lib/geo/map-types';
import { lastSeenLabel } from '@/lib/geo/staleness';
import { initials, routeAhead, STATE_LABELS, technicianDay } from '@/lib/geo/technician-state';
import { rankCandidates, type Candidate } from '@/lib/dispatch-ranking/rank-candidates';
import { jobRankingDetailsQuery, mapActions, mapKeys, mapSnapshotQuery, placesQuery } from '@/lib/queries/map';
import { accountToday } from '@/lib/scheduling/wall-clock';
import { explainError } from '@/lib/ui/api-errors';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import type { ViewBounds } from './map-canvas';
import type { Handlers, TechMarker } from './map-layers';
import { teamColor } from './map-colors';
import { JobPanel } from './job-panel';
import { MapLegend } from './map-legend';
import { MapSideList, type SideTech } from './map-side-list';
import { MapToolbar } from './map-toolbar';
import { useMapUrlState, type Layer } from './map-url-state';
import { TechnicianPanel } from './technician-panel';
import { useMapLive } from './use-map-live';
import { timeOfDay, minutePart } from '@/lib/synchroteam/dates';

const MapCanvas = dynamic(() => import('./map-canvas'), {
  ssr: false,
  loading: () => <div className="grid h-full place-items-center bg-slate-100 text-sm text-slate-600">Loading map…</div>,
});

export interface LiveMapProps {
  tileUrl: string;
  attribution: string;
  timeZone: string;
}

const inside = (b: ViewBounds | null, lat: number, lng: number) =>
  !b || (lat >= b.south && lat <= b.north && lng >= b.west && lng <= b.east);

export function LiveMap({ tileUrl, attribution, timeZone }: LiveMapProps) {
  const [url, setUrl] = useMapUrlState();
  const date = url.date ?? accountToday(timeZone);
  const q = useQuery(mapSnapshotQuery(date));
  useMapLive(date, q.isSuccess);
  const snap = q.data;

  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const [view, setView] = useState<ViewBounds | null>(null);
  const [focus, setFocus] = useState<{ key: number; point: LatLng; jobId?: string } | null>(null);
  const [fitKey, setFitKey] = useState(0);
  const focusKey = useRef(0);

  const layers = new Set<Layer>(url.layers);
  const techLayer = layers.has('technicians');
  const homesLayer = layers.has('homes');
  const sites = useQuery({ ...placesQuery('sites'), enabled: layers.has('sites') });
  const customers = useQuery({ ...placesQuery('customers'), enabled: layers.has('customers') });
  const teamName = snap && url.team !== null ? (snap.teams.find((t) => t.id === url.team)?.name ?? null) : null;
  const needle = url.q.trim().toLowerCase();

  // ── derived data ──────────────────────────────────────────────────────────────────────────────────────────────
  const techViews = useMemo<SideTech[]>(() => {
    if (!snap) return [];
    const byTech = new Map<number, MapJob[]>();
    for (const j of snap.jobs) {
      for (const id of [j.technicianId, ...j.otherTechnicianIds]) {
        if (id === null) continue;
        (byTech.get(id) ?? byTech.set(id, []).get(id)!).push(j);
      }
    }
    return snap.technicians.map((t) => ({
      tech: t,
      day: technicianDay(t, byTech.get(t.id) ?? [], snap.now),
      color: teamColor(t.teams[0], snap.teams),
    }));
  }, [snap]);

  const shownTechs = useMemo(
    () =>
      techViews.filter(
        ({ tech }) =>
          (!teamName || tech.teams.some((x) => x.toLowerCase() === teamName.toLowerCase())) &&
          (!needle || tech.name.toLowerCase().includes(needle) || tech.login.toLowerCase().includes(needle)),
      ),
    [techViews, teamName, needle],
  );
  const techFilterOn = !!teamName || !!needle;
  const shownTechIds = useMemo(() => new Set(shownTechs.map((t) => t.tech.id)), [shownTechs]);

  const showJobs = layers.has('jobs');
  const showUnscheduled = layers.has('unscheduled');
  const statusKey = url.status.join(',');
  const shownJobs = useMemo(() => {
    if (!snap) return [];
    const statuses = new Set(statusKey ? statusKey.split(',') : []);
    const pick = (j: MapJob) =>
      (!statuses.size || statuses.has(j.status)) &&
      (!techFilterOn ||
        (j.technicianId !== null &&
          (shownTechIds.has(j.technicianId) || j.otherTechnicianIds.some((id) => shownTechIds.has(id)))));
    return [...(showJobs ? snap.jobs.filter(pick) : []), ...(showUnscheduled ? snap.unscheduled.filter(pick) : [])];
  }, [snap, statusKey, techFilterOn, shownTechIds, showJobs, showUnscheduled]);

  const placedJobs = useMemo(() => shownJobs.filter((j) => j.lat !== null && j.lng !== null), [shownJobs]);
  const unplacedJobs = useMemo(() => shownJobs.filter((j) => j.lat === null || j.lng === null), [shownJobs]);

  const selectedTech = useMemo(
    () => (url.tech !== null ? (techViews.find((t) => t.tech.id === url.tech) ?? null) : null),
    [techViews, url.tech],
  );
  const selectedJob =
    snap && url.job
      ? (snap.jobs.find((j) => j.id === url.job) ?? snap.unscheduled.find((j) => j.id === url.job) ?? null)
      : null;

  const techMarkers = useMemo<TechMarker[]>(() => {
    if (!snap) return [];
    const list = techLayer ? shownTechs : selectedTech ? [selectedTech] : [];
    return list
      .filter(({ tech }) => tech.last)
      .map(({ tech, day, color }) => ({
        id: tech.id,
        name: tech.name,
        initials: initials(tech.name),
        teamColor: color,
        state: day.state,
        freshness: day.freshness,
        lat: tech.last!.lat,
        lng: tech.last!.lng,
        selected: url.tech === tech.id,
        title: `Technician ${tech.name}: ${STATE_LABELS[day.state]}${day.freshness === 'stale' ? ', stale position' : ''}, seen ${lastSeenLabel(tech.last!.at, snap.now)}`,
      }));
  }, [snap, shownTechs, url.tech, techLayer, selectedTech]);

  const homes = useMemo(
    () =>
      homesLayer
        ? shownTechs
            .filter((t) => t.tech.home)
            .map(({ tech }) => ({ id: tech.id, name: tech.name, lat: tech.home!.lat, lng: tech.home!.lng }))
        : null,
    [shownTechs, homesLayer],
  );

  // Selected technician: the route from their position through what is left of their day.
  const route = useMemo(
    () => (selectedTech ? routeAhead(selectedTech.tech.last, selectedTech.day) : null),
    [selectedTech],
  );

  // Selected job: ranked candidates (preferences and skills read once from job/details: list rows may lack either).
  const details = useQuery({ ...jobRankingDetailsQuery(url.job ?? ''), enabled: !!selectedJob });
  const ranking = useMemo(() => {
    if (!snap || !selectedJob) return null;
    return rankCandidates({
      job: details.data ? { ...selectedJob, skills: details.data.skills } : selectedJob,
      preferences: details.data?.preferences ?? null,
      technicians: snap.technicians,
      jobs: snap.jobs,
      activities: snap.activities,
      teams: snap.teams,
      jobTypes: snap.jobTypes,
      date,
      nowWall: snap.now,
      at: url.at ? `${date} ${url.at}` : null,
    });
  }, [snap, selectedJob, details.data, date, url.at]);
  const candidateLines = useMemo(
    () =>
      ranking && selectedJob?.lat != null
        ? ranking.candidates
            .slice(0, 3)
            .map((c) => ({ from: c.origin.point, to: { lat: selectedJob.lat!, lng: selectedJob.lng! } }))
        : [],
    [ranking, selectedJob],
  );

  // Fit to the data when a day is first shown (and on demand).
  const fittedFor = useRef<string | null>(null);
  useEffect(() => {
    if (snap && fittedFor.current !== snap.date) {
      fittedFor.current = snap.date;
      setFitKey((k) => k + 1);
    }
  }, [snap]);
  const fitPoints = useMemo(
    () => [
      ...techMarkers.filter((t) => t.freshness === 'fresh').map((t) => ({ lat: t.lat, lng: t.lng })),
      ...placedJobs.map((j) => ({ lat: j.lat!, lng: j.lng! })),
    ],
    [techMarkers, placedJobs],
  );

  // ── actions ───────────────────────────────────────────────────────────────────────────────────────────────────
  const selectTech = useCallback(
    (t: MapTechnician, focusIt = false) => {
      void setUrl({ tech: t.id, job: null, at: null });
      if (focusIt && t.last) setFocus({ key: ++focusKey.current, point: { lat: t.last.lat, lng: t.last.lng } });
    },
    [setUrl],
  );
  const selectJob = useCallback(
    (j: MapJob, focusIt = false) => {
      void setUrl({ job: j.id, tech: null });
      if (focusIt && j.lat !== null && j.lng !== null)
        setFocus({ key: ++focusKey.current, point: { lat: j.lat, lng: j.lng }, jobId: j.id });
    },
    [setUrl],
  );

  const handlers = useMemo<Handlers>(
    () => ({
      onSelect: (kind, id) =>
        void setUrl(kind === 'tech' ? { tech: Number(id), job: null, at: null } : { job: id, tech: null }),
      onHover: setHoverKey,
    }),
    [setUrl],
  );

  const qc = useQueryClient();
  const [assigning, setAssigning] = useState<number | null>(null);
  const assign = useMutation({
    mutationFn: (c: Candidate) =>
      mapActions.assign({
        jobId: selectedJob!.id,
        technicianId: c.technician.id,
        start: c.slot.start,
        end: c.slot.end,
      }),
    onMutate: (c) => setAssigning(c.technician.id),
    onSuccess: (answer, c) => {
      const a = answer[0];
      const job = selectedJob!;
      const key = mapKeys.day(date);
      const cur = qc.getQueryData<MapSnapshot>(key);
      if (cur && a) {
        qc.setQueryData<MapSnapshot>(
          key,
          applyJobs(cur, [
            {
              ...job,
              status: a.status,
              technicianId: a.technician?.id ?? c.technician.id,
              start: a.scheduledStart != null ? minutePart(a.scheduledStart) : null,
              end: a.scheduledEnd != null ? minutePart(a.scheduledEnd) : null,
            },
          ]),
        );
      }
      toast.success(
        `Job #${job.num} assigned to ${c.technician.name}, ${timeOfDay(c.slot.start)}–${timeOfDay(c.slot.end)}`,
      );
    },
    onError: (e) => {
      const x = explainError(e);
      toast.error(`${x.title}: ${x.message}`);
    },
    onSettled: () => setAssigning(null),
  });

  // ── render ────────────────────────────────────────────────────────────────────────────────────────────────────
  const sideTechs = useMemo(
    () => shownTechs.filter((t) => t.tech.last && inside(view, t.tech.last.lat, t.tech.last.lng)),
    [shownTechs, view],
  );
  const sideJobs = useMemo(() => placedJobs.filter((j) => inside(view, j.lat!, j.lng!)), [placedJobs, view]);
  const unplacedTechs = useMemo(() => shownTechs.filter((t) => !t.tech.last), [shownTechs]);
  const techName = (id: number | null) =>
    id === null ? null : (snap?.technicians.find((t) => t.id === id)?.name ?? `#${id}`);

  return (
    <div className="-mx-4 -my-5 flex flex-col sm:-mx-6 lg:-mx-8 lg:h-[calc(100vh-61px)]">
      <div className="shrink-0 space-y-2 border-b border-slate-200 bg-white px-4 py-2 sm:px-6">
        <MapToolbar
          date={date}
          onDate={(d) => void setUrl({ date: d, job: null, at: null })}
          teams={snap?.teams ?? []}
          team={url.team}
          onTeam={(t) => void setUrl({ team: t })}
          status={url.status}
          onStatus={(s) => void setUrl({ status: s.length ? s : null })}
          q={url.q}
          onQ={(v) => void setUrl({ q: v || null })}
          layers={url.layers}
          onLayers={(l) => void setUrl({ layers: l })}
          onFit={() => setFitKey((k) => k + 1)}
          positionsAt={snap?.positionsAt ?? null}
          fetching={q.isFetching && !snap}
        />
        <MapLegend />
      </div>
      <div className="flex flex-col lg:min-h-0 lg:flex-1 lg:flex-row">
        <div className="relative h-[60vh] min-h-[360px] lg:h-auto lg:min-h-0 lg:flex-1" data-testid="map-area">
          {q.isError && !snap ? (
            <div className="p-4">
              <ErrorState error={q.error} onRetry={() => void q.refetch()} />
            </div>
          ) : (
            <MapCanvas
              tileUrl={tileUrl}
              attribution={attribution}
              techs={techMarkers}
              jobs={placedJobs}
              homes={homes}
              sites={layers.has('sites') ? (sites.data?.places ?? null) : null}
              customers={layers.has('customers') ? (customers.data?.places ?? null) : null}
              selectedJobId={url.job}
              hoverKey={hoverKey}
              route={route?.points ?? null}
              candidateLines={candidateLines}
              fit={{ key: fitKey, points: fitPoints }}
              focus={focus}
              handlers={handlers}
              onView={(b) => setView(b)}
            />
          )}
        </div>
        <aside
          aria-label="Map details"
          className="w-full shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-3 lg:w-[26rem]"
        >
          {!snap ? (
            <div className="space-y-2" aria-busy="true">
              <Skeleton className="h-5 w-40" />
              <Skeleton className="h-4 w-full" />
              <Skeleton className="h-4 w-3/4" />
            </div>
          ) : selectedTech ? (
            <TechnicianPanel
              tech={selectedTech.tech}
              day={selectedTech.day}
              nowWall={snap.now}
              routeKm={route?.km ?? 0}
              routeStops={route?.stops ?? 0}
              onClose={() => void setUrl({ tech: null })}
              onFocusJob={(j) => selectJob(j, true)}
            />
          ) : selectedJob && ranking ? (
            <JobPanel
              job={selectedJob}
              ranking={ranking}
              technicianName={techName(selectedJob.technicianId)}
              at={url.at}
              onAt={(v) => void setUrl({ at: v })}
              onAssign={(c) => assign.mutate(c)}
              assigning={assigning}
              onClose={() => void setUrl({ job: null, at: null })}
              onHover={setHoverKey}
              onFocusTech={(id) => {
                const t = snap.technicians.find((x) => x.id === id);
                if (t) selectTech(t, true);
              }}
              preferencesLoading={details.isLoading}
            />
          ) : (
            <MapSideList
              techs={sideTechs}
              unplaced={unplacedTechs}
              jobs={sideJobs}
              jobsTotal={placedJobs.length}
              noPosition={unplacedJobs}
              nowWall={snap.now}
              hoverKey={hoverKey}
              onHover={setHoverKey}
              onSelectTech={(t) => selectTech(t, true)}
              onSelectJob={(j) => selectJob(j, true)}
            />
          )}
        </aside>
      </div>
    </div>
  );
}
