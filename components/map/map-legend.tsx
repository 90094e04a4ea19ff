/** What the colours and shapes mean. */
import type { JobStatus } from '@/lib/synchroteam/job-status';
import { STATE_LABELS, type TechnicianState } from '@/lib/geo/technician-state';
import { STATE_COLORS, STATUS_COLORS, STATUS_LABELS } from './map-colors';

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
const STATES: TechnicianState[] = ['on-job', 'between-jobs', 'idle', 'no-position'];

export function MapLegend() {
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-sm font-medium text-slate-800">Legend</summary>
      <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div>
          <p className="font-semibold text-slate-700">Jobs (number; colour = status)</p>
          <ul className="mt-1 space-y-0.5">
            {STATUSES.map((s) => (
              <li key={s} className="flex items-center gap-1.5">
                <span
                  className="inline-block h-3 w-5 rounded-full"
                  style={{ background: STATUS_COLORS[s] }}
                  aria-hidden="true"
                />
                {STATUS_LABELS[s]}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <p className="font-semibold text-slate-700">Technicians (initials; fill = team, ring = state)</p>
          <ul className="mt-1 space-y-0.5">
            {STATES.map((s) => (
              <li key={s} className="flex items-center gap-1.5">
                <span
                  className="inline-block size-3 rounded-full bg-slate-500"
                  style={{ boxShadow: `0 0 0 2px ${STATE_COLORS[s]}` }}
                  aria-hidden="true"
                />
                {STATE_LABELS[s]}
              </li>
            ))}
          </ul>
        </div>
        <div className="space-y-1">
          <p className="flex items-center gap-1.5">
            <span
              className="inline-block size-3 rounded-full border border-dashed border-slate-700 bg-white"
              aria-hidden="true"
            />
            White, dashed, labelled “stale”: position older than 30 min
          </p>
          <p className="flex items-center gap-1.5">
            <span className="inline-block size-2.5 rotate-45 border-2 border-slate-600 bg-white" aria-hidden="true" />
            Start location (layer)
          </p>
          <p className="flex items-center gap-1.5">
            <span
              className="inline-block size-2.5 border-2 border-white bg-violet-600 ring-1 ring-slate-500"
              aria-hidden="true"
            />
            Site ·
            <span
              className="inline-block size-2.5 rounded-full border-2 border-white bg-cyan-700 ring-1 ring-slate-500"
              aria-hidden="true"
            />
            Customer (layers)
          </p>
          <p className="flex items-center gap-1.5">
            <span className="inline-block w-5 border-t-2 border-dashed border-slate-900" aria-hidden="true" />
            Route ahead of the selected technician
          </p>
          <p className="flex items-center gap-1.5">
            <span className="inline-block size-4 rounded-full bg-green-300/80 text-center" aria-hidden="true" />
            Cluster of jobs (click to zoom)
          </p>
        </div>
      </div>
    </details>
  );
}
