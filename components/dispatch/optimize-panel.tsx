'use client';

/**
 * The board's "Optimize" panel: a day and a team, the objective in words, progress while the server computes, then
 * the proposal: the summary (jobs placed, left and why, travel before/after per technician), every proposed move with
 * a box to keep or drop it (kept moves show on the board as dashed ghost cards), a pin for a scheduled job that must
 * stay where it is (the proposal is computed again), and Apply, whose results come in job by job.
 * Non-modal on purpose: the board beside it shows the proposal.
 */
import { Pin, Sparkles, X } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { IdSelect } from '@/components/ui/select';
import { OBJECTIVE_TEXT, type Proposal, type ProposalMove } from '@/lib/optimize/proposal';
import type { BoardTeam } from '@/lib/scheduling/board-types';
import type { Optimizer } from './use-optimizer';
import { timeOfDay } from '@/lib/synchroteam/dates';

const LEFT_LABELS: Record<string, string> = {
  'no-skilled-technician': 'No skilled technician',
  'preferred-technician-unavailable': 'Preferred technician not free',
  'preferred-team-unavailable': 'Preferred team not free',
  'window-impossible': 'Window impossible',
  'no-time': 'No free time',
  'too-long': 'Longer than any free time',
  'preferred-date': 'Prefers another day',
  'other-team': 'Another team’s job',
};

const km = (n: number) => `${n.toFixed(1)} km`;
const hours = (min: number) => `${Math.floor(min / 60)} h ${String(Math.round(min % 60)).padStart(2, '0')}`;
const hhmm = (wall: string) => timeOfDay(wall);

export interface OptimizePanelProps {
  teams: readonly BoardTeam[];
  defaultDate: string;
  defaultTeam: number | null;
  optimizer: Optimizer;
  onShowDay: (date: string) => void;
  onClose: () => void;
}

export function OptimizePanel({
  teams,
  defaultDate,
  defaultTeam,
  optimizer: o,
  onShowDay,
  onClose,
}: OptimizePanelProps) {
  const [date, setDate] = useState(defaultDate);
  const [team, setTeam] = useState<number | null>(defaultTeam);
  const [keepScheduled, setKeepScheduled] = useState(false);
  const titleId = useId();
  const run = o.run;
  const proposal = run?.proposal ?? null;
  const kept = proposal ? proposal.moves.filter((m) => !o.dropped.has(m.jobId)) : [];

  const compute = (pin: string[]) => {
    onShowDay(date);
    void o.start(date, team, pin, keepScheduled);
  };

  return (
    <section
      aria-labelledby={titleId}
      className="max-h-[55vh] overflow-y-auto border-b border-slate-200 bg-slate-50 px-3 py-3 text-sm"
    >
      <div className="flex items-start gap-2">
        <h2 id={titleId} className="flex items-center gap-1.5 text-base font-semibold">
          <Sparkles className="size-4 text-brand" aria-hidden="true" /> Optimize the schedule
        </h2>
        <Button variant="ghost" size="sm" className="ml-auto" onClick={onClose} aria-label="Close the optimizer">
          <X className="size-4" aria-hidden="true" />
        </Button>
      </div>
      <p className="mt-1 max-w-3xl text-xs text-slate-600">{OBJECTIVE_TEXT}</p>
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          compute(o.pinned);
        }}
      >
        <label className="flex flex-col gap-0.5 text-xs font-medium text-slate-700">
          Day
          <Input
            type="date"
            required
            className="h-8! w-40!"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            disabled={o.busy}
          />
        </label>
        <label className="flex flex-col gap-0.5 text-xs font-medium text-slate-700">
          Team
          <IdSelect
            className="h-8! w-44! py-1"
            value={team}
            options={teams}
            none="All teams"
            onValue={setTeam}
            disabled={o.busy}
          />
        </label>
        <label className="flex h-8 items-center gap-1.5 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={keepScheduled}
            onChange={(e) => setKeepScheduled(e.target.checked)}
            disabled={o.busy}
          />
          Only place pool jobs (scheduled jobs stay)
        </label>
        <Button type="submit" size="sm" busy={o.starting} busyLabel="Starting…" disabled={o.busy}>
          {proposal ? 'Compute again' : 'Compute a proposal'}
        </Button>
        {o.pinned.length > 0 && (
          <span className="text-xs text-slate-600">
            {o.pinned.length} pinned job{o.pinned.length > 1 ? 's' : ''} stay where they are.
          </span>
        )}
      </form>

      {o.error && (
        <p role="alert" className="mt-2 rounded border border-red-200 bg-red-50 px-2 py-1 text-red-900">
          {o.error}
        </p>
      )}

      {run?.state === 'running' && (
        <div className="mt-3 flex flex-wrap items-center gap-3" role="status">
          <progress className="h-2 w-48" max={1} value={run.progress.fraction} aria-label="Optimizer progress" />
          <span>{run.progress.stage}…</span>
          <Button variant="secondary" size="sm" onClick={() => void o.cancel()}>
            Cancel
          </Button>
        </div>
      )}
      {(run?.state === 'failed' || run?.state === 'cancelled') && (
        <p role="status" className="mt-2 text-slate-700">
          {run.message}
        </p>
      )}

      {proposal && run && (run.state === 'done' || run.state === 'applying' || run.state === 'applied') && (
        <ProposalView
          proposal={proposal}
          optimizer={o}
          keptCount={kept.length}
          onPin={(id) => compute([...o.pinned, id])}
        />
      )}
    </section>
  );
}

function ProposalView({
  proposal: p,
  optimizer: o,
  keptCount,
  onPin,
}: {
  proposal: Proposal;
  optimizer: Optimizer;
  keptCount: number;
  onPin: (jobId: string) => void;
}) {
  const run = o.run!;
  const editable = run.state === 'done';
  const results = new Map((run.apply?.results ?? []).map((r) => [r.jobId, r]));
  return (
    <div className="mt-3 space-y-3">
      <div role="status" className="flex flex-wrap gap-x-6 gap-y-1">
        <span>
          <strong>{p.totals.placed}</strong> job{p.totals.placed === 1 ? '' : 's'} placed
        </span>
        <span>
          <strong>{p.totals.retimed}</strong> re-timed
        </span>
        <span>
          <strong>{p.totals.left}</strong> left
        </span>
        <span>
          Travel {km(p.totals.kmBefore)} → <strong>{km(p.totals.kmAfter)}</strong> ({hours(p.totals.travelMinBefore)} →{' '}
          {hours(p.totals.travelMinAfter)})
        </span>
        {!p.complete && <span className="text-amber-800">Best found within the time limit.</span>}
      </div>

      {editable && p.moves.length > 0 && (
        <Button onClick={() => void o.apply()} disabled={keptCount === 0}>
          Apply {keptCount} move{keptCount === 1 ? '' : 's'}
        </Button>
      )}
      {run.apply && (
        <p role="status">
          {run.state === 'applying'
            ? `Applying… ${run.apply.done} of ${run.apply.total}`
            : `Applied ${run.apply.results.filter((r) => r.ok).length} of ${run.apply.total}${run.apply.results.some((r) => !r.ok) ? '; the list says why for the others.' : '.'}`}
        </p>
      )}

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        {p.moves.length > 0 ? (
          <fieldset>
            <legend className="font-semibold">
              Proposed moves ({keptCount} of {p.moves.length} kept)
            </legend>
            {editable && (
              <div className="mt-1 flex gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => o.setAll(true)}
                  disabled={keptCount === p.moves.length}
                >
                  Keep all
                </Button>
                <Button variant="secondary" size="sm" onClick={() => o.setAll(false)} disabled={keptCount === 0}>
                  Drop all
                </Button>
              </div>
            )}
            <ul className="mt-1 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
              {p.moves.map((m) => (
                <MoveRow
                  key={m.jobId}
                  move={m}
                  kept={!o.dropped.has(m.jobId)}
                  editable={editable}
                  onToggle={() => o.toggle(m.jobId)}
                  onPin={() => onPin(m.jobId)}
                  result={results.get(m.jobId)}
                />
              ))}
            </ul>
          </fieldset>
        ) : (
          <p>No move would improve this day.</p>
        )}
        <div className="space-y-3">
          {p.left.length > 0 && (
            <div>
              <h3 className="font-semibold">Left unplaced ({p.left.length})</h3>
              <ul className="mt-1 space-y-0.5">
                {p.left.map((l) => (
                  <li key={l.jobId}>
                    Job #{l.num}
                    {l.customerName ? ` · ${l.customerName}` : ''} —{' '}
                    <span className="font-medium">{LEFT_LABELS[l.reason] ?? l.reason}</span>: {l.detail}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="overflow-x-auto">
            <table className="min-w-full border-collapse bg-white text-left text-xs">
              <caption className="py-1 text-left text-sm font-semibold">Per technician, before → after</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-2 py-1">
                    Technician
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    Jobs
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    Work
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    Travel
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    Travel time
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {p.technicians.map((t) => (
                  <tr key={t.id}>
                    <th scope="row" className="px-2 py-1 font-medium">
                      {t.name}
                    </th>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {t.before.jobs} → {t.after.jobs}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {hours(t.before.workMin)} → {hours(t.after.workMin)}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {km(t.before.travelKm)} → {km(t.after.travelKm)}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {hours(t.before.travelMin)} → {hours(t.after.travelMin)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

function MoveRow({
  move: m,
  kept,
  editable,
  onToggle,
  onPin,
  result,
}: {
  move: ProposalMove;
  kept: boolean;
  editable: boolean;
  onToggle: () => void;
  onPin: () => void;
  result?: { ok: boolean; message: string | null };
}) {
  const id = useId();
  const what =
    m.kind === 'place'
      ? `→ ${m.technicianName}, ${hhmm(m.start)}–${hhmm(m.end)}`
      : `${m.technicianName}: ${hhmm(m.from!.start)} → ${hhmm(m.start)}–${hhmm(m.end)}`;
  return (
    <li className="flex flex-wrap items-center gap-2 px-2 py-1.5" data-testid="proposed-move">
      <input id={id} type="checkbox" className="size-4" checked={kept} disabled={!editable} onChange={onToggle} />
      <label htmlFor={id} className="min-w-0 flex-1">
        <span className="font-medium">Job #{m.num}</span>
        {m.customerName ? ` · ${m.customerName}` : ''} · {m.kind === 'place' ? 'schedule' : 'move'} {what}
        {m.priority === 'high' && <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-900">high</span>}
      </label>
      {editable && m.kind === 'retime' && (
        <Button
          variant="ghost"
          size="sm"
          onClick={onPin}
          aria-label={`Pin job #${m.num} where it is and compute again`}
        >
          <Pin className="size-3.5" aria-hidden="true" /> Pin
        </Button>
      )}
      {result && (
        <span className={result.ok ? 'text-green-800' : 'text-red-800'}>
          {result.ok ? '✓ Applied' : `Not applied: ${result.message}`}
        </span>
      )}
    </li>
  );
}
