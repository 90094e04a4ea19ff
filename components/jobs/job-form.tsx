'use client';

/**
 * Create / edit a job (react-hook-form + the zod schema of lib/jobs/job-form.ts). Picking a site or customer fills
 * address and contact (editable); picking a job type fills priority, skills, report template and the length of
 * "schedule now". A refused save keeps every value typed, puts the API's message beside the field it names, and
 * repeats it at the top.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, controlClasses } from '@/components/ui/input';
import { IdSelect, Select } from '@/components/ui/select';
import {
  EMPTY_JOB_FORM,
  ZJobFormValues,
  addMinutesInput,
  contactDefaults,
  formFieldOf,
  jobSendBody,
  jobToFormValues,
  jobTypeDefaults,
  type JobFormValues,
} from '@/lib/jobs/job-form';
import { api } from '@/lib/queries/client';
import {
  jobCustomFieldsQuery,
  jobTypesQuery,
  reportTemplatesQuery,
  schedulingWindowsQuery,
  teamsQuery,
  usersQuery,
} from '@/lib/queries/job-lookups';
import { useSaveJobMutation } from '@/lib/queries/job-edits';
import { datePart, utcDay } from '@/lib/synchroteam/dates';
import type { Job } from '@/lib/synchroteam/schemas/job';
import { editConflicts } from '@/lib/records/edit-conflict';
import { explainError } from '@/lib/ui/api-errors';
import { useConflictPrompt } from '@/components/records/edit-conflict-dialog';
import { CustomFieldInput } from './job-custom-fields-section';
import { JobFormReport } from './job-form-report';
import { sortedUsers, userName } from './job-people';
import { TechnicianCombobox, userPerson } from './technician-combobox';
import { RecordCombobox } from './record-combobox';
import { TechnicianPicker } from './technician-picker';

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white px-4 pb-4 pt-2">
      <legend className="px-1 text-base font-semibold text-slate-900">{title}</legend>
      <div className="space-y-3">{children}</div>
    </fieldset>
  );
}

const idOrNull = (v: string) => (v ? Number(v) : null);

export function JobForm({
  job,
  initial,
  timeZone,
}: {
  job?: Job;
  initial?: { customer?: number; site?: number; equipment?: number };
  timeZone: string;
}) {
  const router = useRouter();
  const save = useSaveJobMutation();
  const types = useQuery(jobTypesQuery());
  const templates = useQuery(reportTemplatesQuery());
  const windows = useQuery(schedulingWindowsQuery());
  const teams = useQuery(teamsQuery());
  const users = useQuery(usersQuery());
  const cfDefs = useQuery(jobCustomFieldsQuery());
  const [formError, setFormError] = useState<string | null>(null);
  // The save timed out and may have been done: the banner offers the job page (or the list) in a new tab to check.
  const [mayHaveSaved, setMayHaveSaved] = useState(false);
  const [duration, setDuration] = useState(60);
  const creating = !job;
  // The job as it was when the form opened (a refetch meanwhile does not move it): edit conflicts compare with it.
  const [opened, setOpened] = useState(job);
  const conflictPrompt = useConflictPrompt('Job');
  // Kept outside react-hook-form: their keys (custom field ids, "iteration/block/item") would be read as field paths.
  const [customFields, setCustomFields] = useState<Record<string, string>>(() =>
    job ? jobToFormValues(job).customFields : {},
  );
  const [report, setReport] = useState<Record<string, string>>({});

  const form = useForm<JobFormValues>({
    resolver: zodResolver(ZJobFormValues),
    defaultValues: job
      ? jobToFormValues(job)
      : {
          ...EMPTY_JOB_FORM,
          customerId: initial?.customer ?? null,
          siteId: initial?.site ?? null,
          equipmentId: initial?.equipment ?? null,
        },
  });
  const { register, control, watch, setValue, handleSubmit, formState, setError, getValues } = form;
  const errors = formState.errors;
  const customerId = watch('customerId');
  const siteId = watch('siteId');
  const templateId = watch('templateId');
  const scheduleNow = watch('scheduleNow');
  const start = watch('start');

  // Arriving from a customer's or site's page: fill address and contact once from those records.
  useEffect(() => {
    if (!creating || !initial?.customer) return;
    let live = true;
    void (async () => {
      const [c, s] = await Promise.all([
        api.customers.details({ id: initial.customer! }).catch(() => null),
        initial.site ? api.sites.details({ id: initial.site }).catch(() => null) : null,
      ]);
      if (!live || getValues('address')) return;
      for (const [k, v] of Object.entries(contactDefaults(s, c))) setValue(k as FieldPath<JobFormValues>, v);
    })();
    return () => {
      live = false;
    };
  }, [creating, initial?.customer, initial?.site, getValues, setValue]);

  function applyDefaults(rec: Record<string, unknown> | undefined, fallback?: Record<string, unknown> | null) {
    if (!rec) return;
    for (const [k, v] of Object.entries(contactDefaults(rec as never, fallback as never)))
      setValue(k as FieldPath<JobFormValues>, v, { shouldDirty: true });
  }

  function onType(id: number | null) {
    setValue('typeId', id);
    const t = types.data?.find((x) => x.id === id);
    if (!t) return;
    const d = jobTypeDefaults(t);
    setValue('priority', d.priority);
    setValue('skills', d.skills);
    if (d.templateId) setValue('templateId', d.templateId);
    setDuration(d.durationMinutes);
    if (getValues('start')) setValue('end', addMinutesInput(getValues('start'), d.durationMinutes));
  }

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    // job/send upserts on myId: on creation a reference another job already has would silently change that job.
    if (creating && values.myId.trim()) {
      const taken = await api.jobs.list({ myId: values.myId.trim(), show: 'all', pageSize: 1 }).catch(() => null);
      if (taken && taken.recordsTotal > 0) {
        setError(
          'myId',
          { type: 'server', message: `Job #${taken.data[0]?.num} already uses this reference.` },
          { shouldFocus: true },
        );
        return;
      }
    }
    const body = jobSendBody({ ...values, customFields, report }, opened);
    if (opened) {
      // Someone else saved this job since the form opened? A failed read is no reason to refuse the save.
      const latest = await api.jobs.details({ id: opened.id }).catch(() => null);
      const found = latest
        ? editConflicts(
            named(body),
            opened as unknown as Record<string, unknown>,
            latest as unknown as Record<string, unknown>,
          )
        : [];
      if (latest && found.length) {
        const choice = await conflictPrompt.ask(found);
        if (choice === 'cancel') return;
        if (choice === 'reload') {
          setOpened(latest);
          form.reset(jobToFormValues(latest));
          setCustomFields(jobToFormValues(latest).customFields);
          toast('Reloaded: the form now shows the job as saved by the other person');
          return;
        }
      }
    }
    save.mutate(body, {
      onSuccess: (saved) => {
        toast.success(creating ? `Job #${saved.num} created` : `Job #${saved.num} saved`);
        router.push(`/jobs/${encodeURIComponent(saved.id)}`);
      },
      onError: (err) => {
        const e = explainError(err, { write: true });
        const field = formFieldOf((err as { field?: string }).field);
        if (field) setError(field, { type: 'server', message: e.message }, { shouldFocus: true });
        setMayHaveSaved(e.action === 'check');
        setFormError(e.action === 'none' ? `Not saved: ${e.message}` : e.message);
      },
    });
  });

  const err = (k: keyof JobFormValues) => errors[k]?.message as string | undefined;

  /** The save's references with the names the form knows, for the conflict dialog ("Preferences: team: North"). */
  function named(body: Record<string, unknown>): Record<string, unknown> {
    const name = <T extends { id: number }>(ref: unknown, list: T[] | undefined, label: (x: T) => string) => {
      const id = (ref as { id?: number } | null)?.id;
      const hit = id === undefined ? undefined : list?.find((x) => x.id === id);
      return hit ? { id, name: label(hit) } : ref;
    };
    const out = { ...body };
    if (out.type) out.type = name(out.type, types.data, (t) => t.name);
    if (out.reportTemplate) out.reportTemplate = name(out.reportTemplate, templates.data, (t) => t.name);
    const prefs = body.preferences as Record<string, unknown> | undefined;
    if (prefs) {
      out.preferences = {
        ...prefs,
        team: name(prefs.team, teams.data, (t) => t.name),
        user: name(prefs.user, users.data, userName),
        schedulingWindow: name(prefs.schedulingWindow, windows.data, (w) => w.name),
      };
    }
    return out;
  }

  return (
    <>
      {conflictPrompt.dialog}
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        className="space-y-5"
        aria-label={creating ? 'New job' : `Edit job ${job.num}`}
      >
        {formError && (
          <div
            role="alert"
            className={`rounded-md border px-4 py-3 text-sm ${mayHaveSaved ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-red-200 bg-red-50 text-red-900'}`}
          >
            {formError}
            {mayHaveSaved && (
              <p className="mt-2">
                <a
                  href={creating ? '/jobs' : `/jobs/${encodeURIComponent(job.id)}`}
                  target="_blank"
                  rel="noopener"
                  className="font-medium underline"
                >
                  Check the job (opens in a new tab)
                </a>
                : if your change is there, it was saved; otherwise save again.
              </p>
            )}
          </div>
        )}

        <Card title="Customer and place">
          <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
            <Controller
              control={control}
              name="customerId"
              render={({ field }) => (
                <RecordCombobox
                  kind="customers"
                  label="Customer"
                  value={field.value ?? null}
                  error={err('customerId')}
                  onChange={(p) => {
                    field.onChange(p?.id ?? null);
                    setValue('siteId', null);
                    setValue('equipmentId', null);
                    if (p?.record) applyDefaults(p.record);
                  }}
                />
              )}
            />
            <Controller
              control={control}
              name="siteId"
              render={({ field }) => (
                <RecordCombobox
                  kind="sites"
                  label="Site"
                  value={field.value ?? null}
                  disabled={!customerId}
                  hint={customerId ? 'Sites of this customer' : 'Choose the customer first'}
                  narrow={customerId ? { customer_id: customerId } : undefined}
                  error={err('siteId')}
                  onChange={(p) => {
                    field.onChange(p?.id ?? null);
                    setValue('equipmentId', null);
                    if (p?.record) applyDefaults(p.record);
                  }}
                />
              )}
            />
            <Controller
              control={control}
              name="equipmentId"
              render={({ field }) => (
                <RecordCombobox
                  kind="equipment"
                  label="Equipment"
                  value={field.value ?? null}
                  disabled={!customerId}
                  narrow={siteId ? { site_id: siteId } : customerId ? { customer_id: customerId } : undefined}
                  error={err('equipmentId')}
                  onChange={(p) => field.onChange(p?.id ?? null)}
                />
              )}
            />
          </div>
        </Card>

        <Card title="The job">
          <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
            <Field label="Job type" error={err('typeId')}>
              {(p) => <IdSelect {...p} value={watch('typeId')} options={types.data} none="No type" onValue={onType} />}
            </Field>
            <Field label="Priority" error={err('priority')}>
              {(p) => (
                <Select {...p} {...register('priority')}>
                  <option value="low">Low</option>
                  <option value="medium">Medium</option>
                  <option value="high">High</option>
                </Select>
              )}
            </Field>
            <Field label="Report template" error={err('templateId')}>
              {(p) => (
                <IdSelect
                  {...p}
                  value={templateId}
                  options={templates.data}
                  none="No report"
                  onValue={(id) => setValue('templateId', id)}
                />
              )}
            </Field>
          </div>
          <Field label="Description" error={err('description')}>
            {(p) => <textarea {...p} {...register('description')} rows={3} className={controlClasses} />}
          </Field>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
            <Field label="Skills" hint="Separated by commas" error={err('skills')}>
              {(p) => <Input {...p} {...register('skills')} />}
            </Field>
            <Field label="Your reference (myId)" error={err('myId')}>
              {(p) => <Input {...p} {...register('myId')} />}
            </Field>
          </div>
        </Card>

        <Card title="Address and contact">
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
            <Field
              label="Address"
              hint="Filled from the site or customer; edit if the job is elsewhere"
              error={err('address')}
            >
              {(p) => <Input {...p} {...register('address')} />}
            </Field>
            <Field label="Address complement" error={err('addressComplement')}>
              {(p) => <Input {...p} {...register('addressComplement')} />}
            </Field>
            <Field label="Contact first name" error={err('contactFirstName')}>
              {(p) => <Input {...p} {...register('contactFirstName')} />}
            </Field>
            <Field label="Contact last name" error={err('contactLastName')}>
              {(p) => <Input {...p} {...register('contactLastName')} />}
            </Field>
            <Field label="Contact phone" error={err('contactPhone')}>
              {(p) => <Input {...p} type="tel" {...register('contactPhone')} />}
            </Field>
            <Field label="Contact mobile" error={err('contactMobile')}>
              {(p) => <Input {...p} type="tel" {...register('contactMobile')} />}
            </Field>
            <Field label="Contact email" error={err('contactEmail')}>
              {(p) => <Input {...p} type="email" {...register('contactEmail')} />}
            </Field>
          </div>
        </Card>

        {(cfDefs.data ?? []).length > 0 && (
          <Card title="Custom fields">
            <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
              {[...(cfDefs.data ?? [])]
                .sort((a, b) => a.order - b.order)
                .map((d) => (
                  <CustomFieldInput
                    key={d.id}
                    def={d}
                    value={customFields[String(d.id)] ?? ''}
                    onChange={(v) => setCustomFields((c) => ({ ...c, [String(d.id)]: v }))}
                  />
                ))}
            </div>
          </Card>
        )}

        <Card title="Scheduling preferences">
          <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
            <Field label="Preferred date" error={err('prefDate')}>
              {(p) => <Input {...p} type="date" {...register('prefDate')} />}
            </Field>
            <Field label="Meeting time" error={err('prefDateTime')}>
              {(p) => <Input {...p} type="datetime-local" {...register('prefDateTime')} />}
            </Field>
            <Field label="Scheduling window" error={err('prefWindowId')}>
              {(p) => (
                <Select
                  {...p}
                  value={watch('prefWindowId') ?? ''}
                  onChange={(e) => setValue('prefWindowId', idOrNull(e.target.value))}
                >
                  <option value="">Any time</option>
                  {(windows.data ?? []).map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name} ({w.startTime}–{w.endTime})
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Preferred team" error={err('prefTeamId')}>
              {(p) => (
                <IdSelect
                  {...p}
                  value={watch('prefTeamId')}
                  options={teams.data}
                  none="Any team"
                  onValue={(id) => setValue('prefTeamId', id)}
                />
              )}
            </Field>
            <Field label="Preferred technician" error={err('prefUserId')}>
              {(p) => (
                <TechnicianCombobox
                  {...p}
                  people={sortedUsers(users.data ?? []).filter((u) => u.profile === 'technician')}
                  {...userPerson}
                  value={watch('prefUserId') ?? null}
                  onChange={(id) => setValue('prefUserId', id)}
                  placeholder="Anyone"
                  clearNoun="preferred technician"
                />
              )}
            </Field>
            <div className="flex flex-col justify-end gap-1 text-sm">
              <label className="flex items-center gap-2">
                <input type="checkbox" {...register('isPool')} /> Put in the job pool
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" {...register('isDraft')} /> Schedule as draft
              </label>
            </div>
          </div>
        </Card>

        {creating && templateId && (
          <Card title="Initial report values">
            <JobFormReport templateId={templateId} values={report} onChange={setReport} />
          </Card>
        )}

        {creating && (
          <Card title="Schedule now">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...register('scheduleNow')} /> Schedule this job now (technician and time)
            </label>
            {scheduleNow && (
              <div className="space-y-3">
                <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
                  <Field label="Start" error={err('start')}>
                    {(p) => (
                      <Input
                        {...p}
                        type="datetime-local"
                        value={start}
                        onChange={(e) => {
                          setValue('start', e.target.value);
                          if (e.target.value) setValue('end', addMinutesInput(e.target.value, duration));
                        }}
                      />
                    )}
                  </Field>
                  <Field label="End" error={err('end')} hint="From the job type's duration; change if needed">
                    {(p) => <Input {...p} type="datetime-local" {...register('end')} />}
                  </Field>
                </div>
                <TechnicianPicker
                  users={users.data ?? []}
                  value={watch('technicianId') ?? null}
                  onChange={(id) => setValue('technicianId', id, { shouldValidate: formState.isSubmitted })}
                  day={datePart(start || '') || utcDay(Date.now())}
                  start={start ? `${start.replace('T', ' ')}:00` : null}
                  end={watch('end') ? `${watch('end').replace('T', ' ')}:00` : null}
                  error={err('technicianId')}
                />
              </div>
            )}
          </Card>
        )}

        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={save.isPending} busyLabel="Saving…">
            {creating ? 'Create job' : 'Save changes'}
          </Button>
          <Button variant="secondary" onClick={() => router.back()}>
            Cancel
          </Button>
          <span className="self-center text-xs text-slate-500">Times in {timeZone}</span>
        </div>
      </form>
    </>
  );
}
