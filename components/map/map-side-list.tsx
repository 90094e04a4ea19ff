'use client';
/**
 * The list beside the map, synchronised with it: what is inside the current view (technicians, then jobs), hovering an
 * entry highlights its marker and a marker's hover highlights the entry, a click selects and focuses. Long lists are
 * capped (no virtualiser is installed): zoom in or filter to see the rest. Jobs without a position are listed aside
 * with their address, since the map cannot show them.
 */
import type { MapJob } from '@/lib/geo/map-types';
import { lastSeenLabel } from '@/lib/geo/staleness';
import { STATE_LABELS, type TechnicianDay } from '@/lib/geo/technician-state';
import type { MapTechnician } from '@/lib/geo/map-types';
import { cn } from '@/components/ui/cn';
import { STATE_COLORS, STATUS_COLORS, STATUS_LABELS } from './map-colors';
import { timeOfDay } from '@/lib/synchroteam/dates';

const CAP = 150;

export interface SideTech {
  tech: MapTechnician;
  day: TechnicianDay;
  color: string;
}

export interface MapSideListProps {
  techs: readonly SideTech[];
  /** Technicians without any position (never tracked). */
  unplaced: readonly SideTech[];
  jobs: readonly MapJob[];
  jobsTotal: number;
  noPosition: readonly MapJob[];
  nowWall: string;
  hoverKey: string | null;
  onHover: (key: string | null) => void;
  onSelectTech: (t: MapTechnician) => void;
  onSelectJob: (j: MapJob) => void;
}

const row =
  'flex w-full items-center gap-2 rounded-md px-2 py-1 text-left text-sm hover:bg-slate-100 focus-visible:bg-slate-100';

export function MapSideList(p: MapSideListProps) {
  return (
    <div className="space-y-3">
      <section aria-labelledby="side-techs">
        <h2 id="side-techs" className="px-2 text-sm font-semibold text-slate-800">
          Technicians in view ({p.techs.length})
        </h2>
        {p.techs.length === 0 && <p className="px-2 text-sm text-slate-600">None in this part of the map.</p>}
        <ul>
          {p.techs.slice(0, CAP).map(({ tech, day, color }) => (
            <li key={tech.id}>
              <button
                type="button"
                className={cn(row, p.hoverKey === `t:${tech.id}` && 'bg-slate-100 ring-1 ring-slate-400')}
                onMouseEnter={() => p.onHover(`t:${tech.id}`)}
                onMouseLeave={() => p.onHover(null)}
                onFocus={() => p.onHover(`t:${tech.id}`)}
                onBlur={() => p.onHover(null)}
                onClick={() => p.onSelectTech(tech)}
              >
                <span
                  className={cn(
                    'size-3 shrink-0 rounded-full',
                    day.freshness !== 'fresh' && 'border border-dashed border-slate-700',
                  )}
                  style={{
                    background: day.freshness !== 'fresh' ? '#fff' : color,
                    boxShadow: `0 0 0 2px ${STATE_COLORS[day.state]}`,
                  }}
                  aria-hidden="true"
                />
                <span className="min-w-0 flex-1 truncate">{tech.name}</span>
                <span className="shrink-0 text-xs text-slate-600">
                  {STATE_LABELS[day.state]} · {lastSeenLabel(tech.last?.at, p.nowWall)}
                  {day.freshness === 'stale' && (
                    <span className="ml-1 rounded bg-slate-700 px-1 text-white">stale</span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {p.techs.length > CAP && (
          <p className="px-2 text-xs text-slate-500">{p.techs.length - CAP} more: zoom in or filter.</p>
        )}
      </section>

      <section aria-labelledby="side-jobs">
        <h2 id="side-jobs" className="px-2 text-sm font-semibold text-slate-800">
          Jobs in view ({p.jobs.length} of {p.jobsTotal})
        </h2>
        {p.jobs.length === 0 && <p className="px-2 text-sm text-slate-600">No jobs in this part of the map.</p>}
        <ul>
          {p.jobs.slice(0, CAP).map((j) => (
            <li key={j.id}>
              <button
                type="button"
                className={cn(row, p.hoverKey === `j:${j.id}` && 'bg-slate-100 ring-1 ring-slate-400')}
                onMouseEnter={() => p.onHover(`j:${j.id}`)}
                onMouseLeave={() => p.onHover(null)}
                onClick={() => p.onSelectJob(j)}
              >
                <span
                  className="size-3 shrink-0 rounded-full"
                  style={{ background: STATUS_COLORS[j.status] }}
                  aria-hidden="true"
                />
                <span className="shrink-0 font-medium tabular-nums">#{j.num}</span>
                <span className="min-w-0 flex-1 truncate">{j.customer.name}</span>
                <span className="shrink-0 text-xs text-slate-600">
                  {j.start ? timeOfDay(j.start) : STATUS_LABELS[j.status]}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {p.jobs.length > CAP && (
          <p className="px-2 text-xs text-slate-500">{p.jobs.length - CAP} more: zoom in or filter.</p>
        )}
      </section>

      {(p.noPosition.length > 0 || p.unplaced.length > 0) && (
        <section aria-labelledby="side-noposition">
          <h2 id="side-noposition" className="px-2 text-sm font-semibold text-slate-800">
            Not on the map
          </h2>
          <ul>
            {p.unplaced.map(({ tech }) => (
              <li key={`t${tech.id}`}>
                <button type="button" className={row} onClick={() => p.onSelectTech(tech)}>
                  <span className="min-w-0 flex-1 truncate">{tech.name}</span>
                  <span className="text-xs text-slate-600">no GPS position</span>
                </button>
              </li>
            ))}
            {p.noPosition.slice(0, CAP).map((j) => (
              <li key={j.id}>
                <button type="button" className={row} onClick={() => p.onSelectJob(j)}>
                  <span className="shrink-0 font-medium">#{j.num}</span>
                  <span className="min-w-0 flex-1 truncate">{j.address ?? 'no address'}</span>
                  <span className="text-xs text-slate-600">no position</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
