'use client';

/**
 * The keyboard path for every drag action: pick technician, date, start time and length (a pool job, a move, a
 * reassignment, a new end). Warnings are shown live as the fields change, and the button says so.
 */
import { AlertTriangle } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { boardPerson, TechnicianCombobox } from '@/components/jobs/technician-combobox';
import type { BoardData, BoardJob } from '@/lib/scheduling/board-types';
import { endFor, jobMinutes } from '@/lib/scheduling/job-length';
import type { PlacementRequest } from './use-board-actions';
import type { PlacementWarning } from '@/lib/scheduling/conflicts';
import { minutePart, datePart, timeOfDay } from '@/lib/synchroteam/dates';

export interface ScheduleDialogProps {
  job: BoardJob | null;
  data: BoardData;
  defaultDate: string;
  onClose: () => void;
  warningsFor: (r: PlacementRequest) => PlacementWarning[];
  withPreferences: (j: BoardJob) => Promise<BoardJob>;
  /** Someone else changed the job since the board drew it (a warning saying where it is now), or null. */
  movedMeanwhile: (j: BoardJob) => Promise<PlacementWarning | null>;
  onSave: (r: PlacementRequest) => Promise<void>;
}

export function ScheduleDialog(props: ScheduleDialogProps) {
  // Keyed by job so the fields start from that job's values each time the dialog opens.
  return props.job ? <ScheduleDialogOpen key={props.job.id} {...props} job={props.job} /> : null;
}

function ScheduleDialogOpen({
  job,
  data,
  defaultDate,
  onClose,
  warningsFor,
  withPreferences,
  movedMeanwhile,
  onSave,
}: ScheduleDialogProps & { job: BoardJob }) {
  const [full, setFull] = useState<BoardJob>(job);
  const [moved, setMoved] = useState<PlacementWarning | null>(null);
  const [tech, setTech] = useState(job.technicianId ? String(job.technicianId) : '');
  const [date, setDate] = useState(job.start != null ? datePart(job.start) : (job.preferences?.date ?? defaultDate));
  const [time, setTime] = useState(job.start != null ? timeOfDay(job.start) : '09:00');
  const [minutes, setMinutes] = useState(String(jobMinutes(job, data.jobTypes)));
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    // Preferences (for the warnings) are only in job/details.
    void withPreferences(job).then((j) => live && setFull(j));
    void movedMeanwhile(job).then((w) => live && setMoved(w));
    return () => {
      live = false;
    };
  }, [job, withPreferences, movedMeanwhile]);

  // Team by team, as the lanes read; the team and skills are shown in each option.
  const techs = useMemo(
    () =>
      [...data.technicians].sort(
        (a, b) => (a.teams[0] ?? 'No team').localeCompare(b.teams[0] ?? 'No team') || a.name.localeCompare(b.name),
      ),
    [data],
  );

  const mins = Number(minutes);
  const valid =
    !!full &&
    !!tech &&
    /^\d{4}-\d{2}-\d{2}$/.test(date) &&
    /^\d{2}:\d{2}$/.test(time) &&
    Number.isInteger(mins) &&
    mins > 0;
  const request: PlacementRequest | null = valid
    ? {
        job: full,
        technicianId: Number(tech),
        // Reassigning the lead keeps the helpers (minus the new lead, who cannot be both).
        otherTechnicianIds: full.otherTechnicianIds.filter((id) => id !== Number(tech)),
        start: `${date} ${time}`,
        end: endFor(`${date} ${time}`, mins),
      }
    : null;
  const warnings = [...(moved ? [moved] : []), ...(request ? warningsFor(request) : [])];

  return (
    <Dialog
      open={!!job}
      onClose={onClose}
      title={job ? `Schedule job #${job.num}` : 'Schedule job'}
      description={job ? `${job.customer.name ?? ''}${job.type?.name ? ` · ${job.type.name}` : ''}` : undefined}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!request}
            busy={busy}
            busyLabel="Saving…"
            onClick={async () => {
              if (!request) return;
              setBusy(true);
              try {
                await onSave(request);
                onClose();
              } finally {
                setBusy(false);
              }
            }}
          >
            {warnings.length ? 'Schedule anyway' : 'Schedule'}
          </Button>
        </>
      }
    >
      <form className="grid grid-cols-2 gap-3" onSubmit={(e) => e.preventDefault()}>
        <Field label="Technician" className="col-span-2">
          {(p) => (
            <TechnicianCombobox
              {...p}
              people={techs}
              {...boardPerson}
              value={tech ? Number(tech) : null}
              onChange={(id) => setTech(id === null ? '' : String(id))}
              placeholder="Choose a technician…"
              renderOption={(t) => (
                <>
                  <span className="font-medium">{t.name}</span>{' '}
                  <span className="text-slate-600">
                    — {t.teams[0] ?? 'No team'}
                    {t.skills.length ? ` · ${t.skills.join(', ')}` : ''}
                  </span>
                </>
              )}
            />
          )}
        </Field>
        <Field label="Date">
          {(p) => <Input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label="Start time">
          {(p) => <Input {...p} type="time" step={900} value={time} onChange={(e) => setTime(e.target.value)} />}
        </Field>
        <Field label="Length (minutes)" hint={request ? `Ends ${minutePart(request.end)}` : undefined}>
          {(p) => (
            <Input {...p} type="number" min={5} step={5} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          )}
        </Field>
      </form>
      {warnings.length > 0 && (
        <ul className="mt-4 space-y-2 rounded-md bg-amber-50 p-3" aria-label="Warnings" aria-live="polite">
          {warnings.map((w, i) => (
            <li key={i} className="flex gap-2 text-sm text-amber-900">
              <AlertTriangle className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden="true" />
              <span>{w.message}</span>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
