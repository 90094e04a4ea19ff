'use client';
/**
 * The selected job: what it is, then every technician ranked as a candidate with the reasons (distance and from
 * where, free slot, skills, load, team) or excluded with why not. Assign schedules the job (job/schedule through the
 * proxy) for the candidate at their slot: the next free one, or the time chosen above the list.
 */
import Link from 'next/link';
import { X } from 'lucide-react';
import { useState } from 'react';
import type { MapJob } from '@/lib/geo/map-types';
import type { Candidate, Ranking } from '@/lib/dispatch-ranking/rank-candidates';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';
import { STATUS_COLORS, STATUS_LABELS } from './map-colors';
import { timeOfDay } from '@/lib/synchroteam/dates';

export interface JobPanelProps {
  job: MapJob;
  ranking: Ranking;
  technicianName: string | null;
  at: string | null;
  onAt: (v: string | null) => void;
  onAssign: (c: Candidate) => void;
  assigning: number | null;
  onClose: () => void;
  onHover: (key: string | null) => void;
  onFocusTech: (id: number) => void;
  preferencesLoading: boolean;
}

const TONE = { good: 'text-green-800', neutral: 'text-slate-700', bad: 'text-red-800' } as const;
const MARK = { good: '✓', neutral: '•', bad: '!' } as const;
const SHOWN = 8;

export function JobPanel(p: JobPanelProps) {
  const { job, ranking } = p;
  const [all, setAll] = useState(false);
  const list = all ? ranking.candidates : ranking.candidates.slice(0, SHOWN);
  return (
    <section aria-labelledby="job-panel-title" className="space-y-3">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id="job-panel-title" className="text-base font-semibold text-slate-900">
            Job #{job.num} <span className="font-normal text-slate-600">· {job.customer.name}</span>
          </h2>
          <p className="text-sm text-slate-600">
            <span
              className="mr-1 inline-block size-2.5 rounded-full"
              style={{ background: STATUS_COLORS[job.status] }}
              aria-hidden="true"
            />
            {STATUS_LABELS[job.status]}
            {job.start ? ` · ${timeOfDay(job.start)}${job.end != null ? `–${timeOfDay(job.end)}` : ''}` : ''}
            {p.technicianName ? ` · ${p.technicianName}` : ''}
          </p>
          <p className="truncate text-sm text-slate-600">
            {job.address ?? 'No address'}
            {job.skills.length ? ` · needs ${job.skills.join(', ')}` : ''}
          </p>
          <Link href={`/jobs/${encodeURIComponent(job.id)}`} className="text-sm text-blue-700 underline">
            Open job #{job.num}
          </Link>
        </div>
        <Button variant="ghost" size="sm" onClick={p.onClose} aria-label="Close job details">
          <X className="size-4" aria-hidden="true" />
        </Button>
      </div>

      <div className="flex items-end gap-2">
        <label className="text-sm">
          <span className="block text-slate-700">Start at (optional)</span>
          <Input
            type="time"
            step={900}
            value={p.at ?? ''}
            onChange={(e) => p.onAt(e.target.value || null)}
            className="h-9 w-32"
          />
        </label>
        {p.at && (
          <Button variant="ghost" size="sm" onClick={() => p.onAt(null)}>
            Use next free slot
          </Button>
        )}
      </div>

      <div>
        <h3 className="text-sm font-semibold text-slate-800">
          Candidates ({ranking.candidates.length})
          {p.preferencesLoading && <span className="ml-2 font-normal text-slate-500">reading preferences…</span>}
        </h3>
        <p className="mb-2 text-xs text-slate-500">
          Ranked by straight-line distance, then waiting, load and team preference ({ranking.minutes} min job).
        </p>
        {ranking.candidates.length === 0 ? (
          <p className="text-sm text-slate-600">
            No technician can take this job{p.at ? ' at that time' : ' on this day'}; see why below.
          </p>
        ) : (
          <ol aria-label="Candidate technicians" className="space-y-2">
            {list.map((c, i) => (
              <li
                key={c.technician.id}
                aria-label={`${i + 1}. ${c.technician.name}`}
                className={cn(
                  'rounded-md border px-2 py-1.5 text-sm',
                  i === 0 ? 'border-green-600 bg-green-50/50' : 'border-slate-200',
                )}
                onMouseEnter={() => p.onHover(`t:${c.technician.id}`)}
                onMouseLeave={() => p.onHover(null)}
              >
                <div className="flex items-center gap-2">
                  <span className="w-5 text-right font-semibold text-slate-500">{i + 1}.</span>
                  <button
                    type="button"
                    className="min-w-0 flex-1 truncate text-left font-medium text-slate-900 underline-offset-2 hover:underline"
                    onClick={() => p.onFocusTech(c.technician.id)}
                  >
                    {c.technician.name}
                  </button>
                  <Button
                    size="sm"
                    onClick={() => p.onAssign(c)}
                    busy={p.assigning === c.technician.id}
                    busyLabel="Assigning…"
                    disabled={p.assigning !== null}
                    aria-label={`Assign job #${job.num} to ${c.technician.name} at ${timeOfDay(c.slot.start)}`}
                  >
                    Assign {timeOfDay(c.slot.start)}
                  </Button>
                </div>
                <ul className="mt-1 space-y-0.5 pl-7">
                  {c.reasons.map((r, k) => (
                    <li key={k} className={TONE[r.tone]}>
                      <span aria-hidden="true" className="mr-1 inline-block w-3">
                        {MARK[r.tone]}
                      </span>
                      {r.text}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
        {ranking.candidates.length > SHOWN && (
          <Button variant="ghost" size="sm" className="mt-1" onClick={() => setAll((v) => !v)}>
            {all ? 'Show fewer' : `Show all ${ranking.candidates.length}`}
          </Button>
        )}
      </div>

      {ranking.excluded.length > 0 && (
        <details className="rounded-md border border-slate-200 px-2 py-1 text-sm">
          <summary className="cursor-pointer font-semibold text-slate-800">
            Why not the others ({ranking.excluded.length})
          </summary>
          <ul aria-label="Excluded technicians" className="mt-1 space-y-1">
            {ranking.excluded.map((e) => (
              <li key={e.technician.id}>
                <span className="font-medium">{e.technician.name}</span>:{' '}
                <span className="text-slate-700">{e.whyNot.join(' ')}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
