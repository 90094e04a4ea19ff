'use client';
/** The selected technician: state, last seen, current and next job, the day's jobs in order and the route ahead. */
import Link from 'next/link';
import { X } from 'lucide-react';
import { formatKm } from '@/lib/geo/distance';
import type { MapJob, MapTechnician } from '@/lib/geo/map-types';
import { lastSeenLabel } from '@/lib/geo/staleness';
import { STATE_LABELS, type TechnicianDay } from '@/lib/geo/technician-state';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { STATUS_COLORS, STATUS_LABELS } from './map-colors';
import { timeOfDay } from '@/lib/synchroteam/dates';

export interface TechnicianPanelProps {
  tech: MapTechnician;
  day: TechnicianDay;
  nowWall: string;
  routeKm: number;
  routeStops: number;
  onClose: () => void;
  onFocusJob: (j: MapJob) => void;
}

const hhmm = (w: string | null) => (w ? timeOfDay(w) : '—');

export function TechnicianPanel({
  tech,
  day,
  nowWall,
  routeKm,
  routeStops,
  onClose,
  onFocusJob,
}: TechnicianPanelProps) {
  const stale = day.freshness === 'stale';
  return (
    <section aria-labelledby="tech-panel-title" className="space-y-3">
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 id="tech-panel-title" className="text-base font-semibold text-slate-900">
            {tech.name}
          </h2>
          <p className="text-sm text-slate-600">
            {tech.teams.join(', ') || 'No team'} · {tech.skills.join(', ') || 'no skills listed'}
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={onClose} aria-label="Close technician details">
          <X className="size-4" aria-hidden="true" />
        </Button>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">State</dt>
        <dd>
          <Badge
            tone={
              day.state === 'no-position'
                ? 'neutral'
                : day.state === 'on-job'
                  ? 'amber'
                  : day.state === 'idle'
                    ? 'green'
                    : 'blue'
            }
          >
            {STATE_LABELS[day.state]}
          </Badge>
          {day.state === 'no-position' && (
            <span className="ml-2 text-slate-600">schedule: {STATE_LABELS[day.work].toLowerCase()}</span>
          )}
        </dd>
        <dt className="text-slate-500">Last seen</dt>
        <dd>
          {tech.last ? lastSeenLabel(tech.last.at, nowWall) : 'never (no GPS position)'}
          {stale && (
            <Badge tone="red" className="ml-2">
              stale
            </Badge>
          )}
        </dd>
        <dt className="text-slate-500">Current job</dt>
        <dd>{day.current ? <JobLink j={day.current} /> : 'none'}</dd>
        <dt className="text-slate-500">Next job</dt>
        <dd>
          {day.next ? (
            <>
              <JobLink j={day.next} /> at {hhmm(day.next.start)}
            </>
          ) : (
            'none'
          )}
        </dd>
        <dt className="text-slate-500">Route ahead</dt>
        <dd>
          {routeStops
            ? `${formatKm(routeKm)} straight-line through ${routeStops} job${routeStops === 1 ? '' : 's'}`
            : 'nothing left today'}
        </dd>
      </dl>
      <div>
        <h3 className="mb-1 text-sm font-semibold text-slate-800">Jobs of the day ({day.jobs.length})</h3>
        {day.jobs.length === 0 ? (
          <p className="text-sm text-slate-600">No jobs on this day.</p>
        ) : (
          <ol className="space-y-1">
            {day.jobs.map((j, i) => (
              <li key={j.id} className="flex items-center gap-2 rounded-md border border-slate-200 px-2 py-1 text-sm">
                <span className="w-5 text-right text-slate-500">{i + 1}.</span>
                <span
                  className="size-2.5 shrink-0 rounded-full"
                  style={{ background: STATUS_COLORS[j.status] }}
                  aria-hidden="true"
                />
                <span className="tabular-nums">
                  {hhmm(j.start)}–{hhmm(j.end)}
                </span>
                <span className="min-w-0 flex-1 truncate">
                  <JobLink j={j} /> {j.customer.name}
                </span>
                <span className="text-xs text-slate-500">{STATUS_LABELS[j.status]}</span>
                {j.lat !== null && (
                  <button
                    type="button"
                    className="rounded px-1 text-xs text-blue-700 underline"
                    onClick={() => onFocusJob(j)}
                  >
                    Show<span className="sr-only"> job #{j.num} on the map</span>
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function JobLink({ j }: { j: MapJob }) {
  return (
    <Link href={`/jobs/${encodeURIComponent(j.id)}`} className="font-medium text-blue-700 underline">
      #{j.num}
    </Link>
  );
}
