'use client';

/**
 * The confirmation of one life-cycle action: the inputs it needs (times, technician, validator), a "what will change"
 * table built from the job and those inputs (lib/jobs/job-actions.ts), and the API's refusal in plain words when it
 * says no. Nothing is sent until the dispatcher confirms.
 */
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { defaultCompleteEnd, describeAction, isDestructive, type PageAction } from '@/lib/jobs/job-actions';
import { addMinutesInput, toApiDateTime, toInputDateTime } from '@/lib/jobs/job-form';
import { usersQuery } from '@/lib/queries/job-lookups';
import { type LifecycleRequest, useLifecycleMutation } from '@/lib/queries/job-lifecycle';
import { epochToLocal, minutesBetween, parseApiDate, datePart, toDateTimeInput } from '@/lib/synchroteam/dates';
import type { Job } from '@/lib/synchroteam/schemas/job';
import { explainError } from '@/lib/ui/api-errors';
import { sortedUsers, userName } from './job-people';
import { TechnicianPicker } from './technician-picker';

export interface AccountInfo {
  name: string;
  synchroteamLogin: string | null;
}

const nowInput = (tz: string) => toDateTimeInput(epochToLocal(Date.now(), tz));
const show = (v: string) => v.replace('T', ' ');

function plannedMinutes(job: Job): number {
  const s = parseApiDate(job.scheduledStart);
  const e = parseApiDate(job.scheduledEnd);
  return s && e ? Math.max(15, minutesBetween(s, e)) : 60;
}

export function JobActionDialog({
  job,
  action,
  onClose,
  timeZone,
  account,
}: {
  job: Job;
  action: PageAction;
  onClose: () => void;
  timeZone: string;
  account: AccountInfo;
}) {
  const router = useRouter();
  const users = useQuery(usersQuery());
  const run = useLifecycleMutation();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  // Schedule inputs: the current schedule, else tomorrow-ish from now, with the job's planned length.
  const initialStart =
    toInputDateTime(job.scheduledStart) || toInputDateTime(job.preferences.dateTime) || nowInput(timeZone);
  const [techId, setTechId] = useState<number | null>(job.technician?.id ?? job.preferences.user?.id ?? null);
  const [others, setOthers] = useState<number[]>(job.otherTechnicians.map((o) => o.id));
  const [start, setStart] = useState(
    action === 'complete'
      ? toInputDateTime(job.actualStart) || toInputDateTime(job.scheduledStart)
      : action === 'start'
        ? ''
        : initialStart,
  );
  const [end, setEnd] = useState(() =>
    action === 'complete'
      ? defaultCompleteEnd(Date.now(), timeZone, start)
      : toInputDateTime(job.scheduledEnd) || addMinutesInput(initialStart, plannedMinutes(job)),
  );

  // Validation: the signed-in account's mapped Synchroteam user, else one chosen here.
  const mapped = account.synchroteamLogin
    ? users.data?.find((u) => u.login.toLowerCase() === account.synchroteamLogin!.toLowerCase())
    : undefined;
  const [validatorId, setValidatorId] = useState<number | null>(null);
  const validator = validatorId !== null ? users.data?.find((u) => u.id === validatorId) : mapped;

  const userById = (id: number | null) => (id === null ? undefined : users.data?.find((u) => u.id === id));
  const desc = describeAction(action, job, {
    technicianName: action === 'schedule' ? (userById(techId) ? userName(userById(techId)!) : null) : undefined,
    otherTechnicianNames:
      action === 'schedule' ? others.map((id) => (userById(id) ? userName(userById(id)!) : `#${id}`)) : undefined,
    start: start ? show(start) : null,
    end: end ? show(end) : null,
    validatorName: validator ? userName(validator) : null,
  });

  function request(): LifecycleRequest | null {
    const errs: Record<string, string> = {};
    let r: LifecycleRequest | null = null;
    switch (action) {
      case 'schedule':
        if (!techId) errs.technician = 'Choose a technician';
        if (!toApiDateTime(start)) errs.start = 'Enter the start';
        if (end && toApiDateTime(start) && end <= start) errs.end = 'The end must be after the start';
        if (techId && toApiDateTime(start)) {
          r = {
            action,
            id: job.id,
            technicianId: techId,
            otherTechnicianIds: others.filter((o) => o !== techId),
            start: toApiDateTime(start)!,
            end: toApiDateTime(end),
          };
        }
        break;
      case 'start':
        r = { action, id: job.id, start: toApiDateTime(start) };
        break;
      case 'complete':
        if (!toApiDateTime(end)) errs.end = 'Enter when the work ended';
        if (!job.actualStart && !toApiDateTime(start)) errs.start = 'Enter when the work started';
        if (start && end && end <= start) errs.end = 'The end must be after the start';
        if (!Object.keys(errs).length)
          r = { action, id: job.id, start: toApiDateTime(start), end: toApiDateTime(end)! };
        break;
      case 'validate':
        if (!validator) errs.validator = 'Choose who validates the job';
        else r = { action, id: job.id, validateBy: { id: validator.id } };
        break;
      default:
        r = { action, id: job.id };
    }
    setFieldErrors(errs);
    return Object.keys(errs).length ? null : r;
  }

  async function confirm() {
    setError(null);
    const r = request();
    if (!r) return;
    try {
      // mutateAsync: the page may re-render without this dialog (a deleted job) before per-call callbacks would run.
      await run.mutateAsync(r);
      toast.success(`${desc.confirmLabel}: done for job #${job.num}`);
      if (action === 'delete') router.push('/jobs');
      onClose();
    } catch (err) {
      const e = explainError(err);
      setError(e.action === 'none' ? `Synchroteam refused this: ${e.message}` : e.message);
    }
  }

  const day = datePart(start || nowInput(timeZone));
  return (
    <Dialog
      open
      onClose={onClose}
      title={desc.title}
      description={desc.summary}
      className="max-w-xl"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Go back
          </Button>
          <Button
            variant={isDestructive(action) ? 'danger' : 'primary'}
            busy={run.isPending}
            busyLabel="Working…"
            onClick={() => void confirm()}
          >
            {desc.confirmLabel}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        {action === 'schedule' && (
          <>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <Field label="Start" error={fieldErrors.start}>
                {(p) => (
                  <Input
                    {...p}
                    type="datetime-local"
                    value={start}
                    onChange={(e) => {
                      const minutes =
                        start && end ? minutesBetween(`${show(start)}:00`, `${show(end)}:00`) : plannedMinutes(job);
                      setStart(e.target.value);
                      if (e.target.value) setEnd(addMinutesInput(e.target.value, Math.max(15, minutes)));
                    }}
                  />
                )}
              </Field>
              <Field label="End" error={fieldErrors.end}>
                {(p) => <Input {...p} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />}
              </Field>
            </div>
            <TechnicianPicker
              users={users.data ?? []}
              value={techId}
              onChange={setTechId}
              day={day}
              start={start ? `${show(start)}:00` : null}
              end={end ? `${show(end)}:00` : null}
              excludeJobId={job.id}
              error={fieldErrors.technician}
            />
            <details className="text-sm">
              <summary className="cursor-pointer font-medium text-slate-800">
                Other technicians ({others.length})
              </summary>
              <fieldset className="mt-2 grid max-h-40 gap-1 overflow-auto sm:grid-cols-2">
                <legend className="sr-only">Other technicians</legend>
                {sortedUsers(users.data ?? [])
                  .filter((u) => u.profile === 'technician' && u.id !== techId)
                  .map((u) => (
                    <label key={u.id} className="flex items-center gap-2">
                      <input
                        type="checkbox"
                        checked={others.includes(u.id)}
                        onChange={(e) =>
                          setOthers(e.target.checked ? [...others, u.id] : others.filter((o) => o !== u.id))
                        }
                      />
                      {userName(u)}
                    </label>
                  ))}
              </fieldset>
            </details>
          </>
        )}
        {action === 'start' && (
          <Field label="Actual start (leave empty for now)" error={fieldErrors.start}>
            {(p) => <Input {...p} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />}
          </Field>
        )}
        {action === 'complete' && (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field
              label="Actual start"
              error={fieldErrors.start}
              hint={job.actualStart ? 'Recorded when work started' : undefined}
            >
              {(p) => <Input {...p} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />}
            </Field>
            <Field label="Actual end" error={fieldErrors.end}>
              {(p) => <Input {...p} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />}
            </Field>
          </div>
        )}
        {action === 'validate' && (
          <Field
            label="Validated by"
            error={fieldErrors.validator}
            hint={
              mapped && validatorId === null
                ? `Your account is linked to the Synchroteam user ${userName(mapped)}.`
                : account.synchroteamLogin && !mapped && users.isSuccess
                  ? `Your linked Synchroteam login “${account.synchroteamLogin}” was not found: choose the user.`
                  : 'Your account is not linked to a Synchroteam user: choose who validates.'
            }
          >
            {(p) => (
              <Select
                {...p}
                value={validator?.id ?? ''}
                onChange={(e) => setValidatorId(e.target.value ? Number(e.target.value) : null)}
              >
                <option value="">Choose a Synchroteam user</option>
                {sortedUsers(users.data ?? [])
                  .filter((u) => u.profile !== 'technician')
                  .concat(sortedUsers(users.data ?? []).filter((u) => u.profile === 'technician'))
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {userName(u)} ({u.profile})
                    </option>
                  ))}
              </Select>
            )}
          </Field>
        )}

        <div>
          <h3 className="text-sm font-semibold text-slate-800">What will change</h3>
          {desc.changes.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">Nothing visible changes.</p>
          ) : (
            <table className="mt-1 w-full text-left text-sm">
              <caption className="sr-only">Changes</caption>
              <thead className="text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Field
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Now
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    After
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {desc.changes.map((c) => (
                  <tr key={c.label}>
                    <th scope="row" className="py-1 pr-2 font-normal text-slate-700">
                      {c.label}
                    </th>
                    <td className="py-1 pr-2 text-slate-600 line-through decoration-slate-400">{c.before}</td>
                    <td className="py-1 font-medium text-slate-900">{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {desc.notes.length > 0 && (
            <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
              {desc.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </div>
        {error && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
