'use client';
/** Day, filters (team, status, technician search), layers, fit to data and the refresh indicator. */
import { Crosshair } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '@/lib/synchroteam/job-status';
import type { BoardTeam } from '@/lib/scheduling/board-types';
import { updatedLabel } from '@/lib/geo/staleness';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { IdSelect } from '@/components/ui/select';
import { STATUS_COLORS, STATUS_LABELS } from './map-colors';
import type { Layer } from './map-url-state';

const STATUSES: JobStatus[] = [
  'created',
  'scheduled',
  'synchronized',
  'started',
  'paused',
  'completed',
  'validated',
  'cancelled',
];
const LAYER_LABELS: Record<Layer, string> = {
  technicians: 'Technicians',
  jobs: 'Jobs of the day',
  unscheduled: 'Unscheduled jobs',
  homes: 'Start locations',
  sites: 'Sites',
  customers: 'Customers',
};

export interface MapToolbarProps {
  date: string;
  onDate: (d: string) => void;
  teams: readonly BoardTeam[];
  team: number | null;
  onTeam: (t: number | null) => void;
  status: readonly string[];
  onStatus: (s: string[]) => void;
  q: string;
  onQ: (q: string) => void;
  layers: readonly Layer[];
  onLayers: (l: Layer[]) => void;
  onFit: () => void;
  positionsAt: number | null;
  fetching: boolean;
}

export function MapToolbar(p: MapToolbarProps) {
  const [q, setQ] = useState(p.q);
  // The URL may change the search (back button): adopt it (React's "adjust state on prop change" pattern).
  const [urlQ, setUrlQ] = useState(p.q);
  if (urlQ !== p.q) {
    setUrlQ(p.q);
    setQ(p.q);
  }
  // Typing filters after a short pause so 300 markers are not redrawn on every keystroke.
  const onQ = useRef(p.onQ);
  useEffect(() => {
    onQ.current = p.onQ;
  });
  useEffect(() => {
    if (q === p.q) return;
    const t = setTimeout(() => onQ.current(q), 200);
    return () => clearTimeout(t);
  }, [q, p.q]);

  const toggle = <T extends string>(list: readonly T[], v: T) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
  return (
    <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
      <label className="text-sm">
        <span className="block text-slate-700">Day</span>
        <Input
          type="date"
          value={p.date}
          onChange={(e) => e.target.value && p.onDate(e.target.value)}
          className="h-9 w-40"
        />
      </label>
      <label className="text-sm">
        <span className="block text-slate-700">Team</span>
        <IdSelect value={p.team} options={p.teams} none="All teams" onValue={p.onTeam} className="h-9 w-40" />
      </label>
      <label className="text-sm">
        <span className="block text-slate-700">Technician</span>
        <Input
          type="search"
          placeholder="Search by name"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="h-9 w-44"
        />
      </label>
      <details className="relative text-sm">
        <summary className="flex h-9 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3">
          Status{p.status.length ? ` (${p.status.length})` : ': all'}
        </summary>
        <fieldset className="absolute z-[1100] mt-1 w-52 space-y-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          <legend className="sr-only">Job statuses shown</legend>
          {STATUSES.map((s) => (
            <label key={s} className="flex items-center gap-2">
              <input type="checkbox" checked={p.status.includes(s)} onChange={() => p.onStatus(toggle(p.status, s))} />
              <span
                className="inline-block h-2.5 w-4 rounded-full"
                style={{ background: STATUS_COLORS[s] }}
                aria-hidden="true"
              />
              {STATUS_LABELS[s]}
            </label>
          ))}
          {p.status.length > 0 && (
            <Button variant="ghost" size="sm" onClick={() => p.onStatus([])}>
              Show every status
            </Button>
          )}
        </fieldset>
      </details>
      <details className="relative text-sm">
        <summary className="flex h-9 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3">
          Layers
        </summary>
        <fieldset className="absolute z-[1100] mt-1 w-52 space-y-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          <legend className="sr-only">Layers shown</legend>
          {(Object.keys(LAYER_LABELS) as Layer[]).map((l) => (
            <label key={l} className="flex items-center gap-2">
              <input type="checkbox" checked={p.layers.includes(l)} onChange={() => p.onLayers(toggle(p.layers, l))} />
              {LAYER_LABELS[l]}
            </label>
          ))}
        </fieldset>
      </details>
      <Button variant="secondary" size="sm" className="h-9" onClick={p.onFit}>
        <Crosshair className="size-4" aria-hidden="true" /> Fit to data
      </Button>
      <UpdatedAgo at={p.positionsAt} fetching={p.fetching} />
    </div>
  );
}

function UpdatedAgo({ at, fetching }: { at: number | null; fetching: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <p className="ml-auto text-xs text-slate-600" aria-live="off" data-testid="map-updated">
      {fetching ? 'loading…' : at ? `Positions ${updatedLabel(at, now)} · refresh every 30 s` : ''}
    </p>
  );
}
