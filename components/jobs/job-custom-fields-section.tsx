'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { jobCustomFieldsQuery } from '@/lib/queries/job-lookups';
import { useSaveCustomFieldsMutation } from '@/lib/queries/job-edits';
import type { CustomFieldDef } from '@/lib/synchroteam/schemas/customer';
import type { Job } from '@/lib/synchroteam/schemas/job';
import { explainError } from '@/lib/ui/api-errors';
import { Fact, JobSection, Muted } from './job-section';

/** One input per definition type; checkboxes store "1"/"0" as the API does. */
export function CustomFieldInput({
  def,
  value,
  onChange,
  error,
}: {
  def: CustomFieldDef;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const label = `${def.label}${def.mandatory ? ' (required)' : ''}`;
  if (def.type === 'checkbox') {
    return (
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={value === '1' || value === 'true'}
          onChange={(e) => onChange(e.target.checked ? '1' : '0')}
        />
        {label}
      </label>
    );
  }
  const field = (
    <Field label={label} error={error}>
      {(p) =>
        def.type === 'select' && def.values?.length ? (
          <Select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">—</option>
            {def.values.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </Select>
        ) : (
          <Input
            {...p}
            type={
              def.type === 'date'
                ? 'date'
                : def.type === 'number'
                  ? 'number'
                  : def.type === 'email'
                    ? 'email'
                    : def.type === 'phone'
                      ? 'tel'
                      : 'text'
            }
            step={def.type === 'number' ? 'any' : undefined}
            value={value}
            list={def.type === 'autocomplete' && def.values?.length ? `cf-${def.id}` : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
  return (
    <>
      {field}
      {def.type === 'autocomplete' && def.values?.length ? (
        <datalist id={`cf-${def.id}`}>
          {def.values.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      ) : null}
    </>
  );
}

/** Custom field values, editable in place (job/send with only customFieldValues: the rest of the job is untouched). */
export function JobCustomFieldsSection({ job, canEdit }: { job: Job; canEdit: boolean }) {
  const defs = useQuery(jobCustomFieldsQuery());
  const [draft, setDraft] = useState<Record<number, string> | null>(null);
  const [error, setError] = useState<{ msg: string; field?: string } | null>(null);
  const save = useSaveCustomFieldsMutation(job.id);
  const valueOf = (id: number) => job.customFieldValues.find((v) => v.id === id)?.value ?? '';
  const list = [...(defs.data ?? [])].sort((a, b) => a.order - b.order);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    save.mutate(
      Object.entries(draft).map(([id, value]) => ({ id: Number(id), value })),
      {
        onSuccess: () => {
          toast.success('Custom fields saved');
          setDraft(null);
        },
        onError: (err) => setError({ msg: explainError(err).message, field: (err as { field?: string }).field }),
      },
    );
  }

  return (
    <JobSection
      title="Custom fields"
      actions={
        canEdit && !draft && list.length > 0 ? (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setDraft(Object.fromEntries(list.map((d) => [d.id, valueOf(d.id)])))}
          >
            Edit
          </Button>
        ) : undefined
      }
    >
      {defs.isPending ? (
        <Muted>Loading…</Muted>
      ) : list.length === 0 && job.customFieldValues.length === 0 ? (
        <Muted>No custom fields are defined for jobs.</Muted>
      ) : draft ? (
        <form onSubmit={submit} className="space-y-3" aria-label="Edit custom fields">
          {list.map((d) => (
            <CustomFieldInput
              key={d.id}
              def={d}
              value={draft[d.id] ?? ''}
              onChange={(v) => setDraft({ ...draft, [d.id]: v })}
            />
          ))}
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error.msg}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" size="sm" busy={save.isPending} busyLabel="Saving…">
              Save
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setDraft(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <dl>
          {(list.length
            ? list.map((d) => ({ id: d.id, label: d.label, type: d.type }))
            : job.customFieldValues.map((v) => ({ id: v.id, label: v.label, type: 'text' }))
          ).map((d) => {
            const v = valueOf(d.id);
            return (
              <Fact key={d.id} label={d.label}>
                {d.type === 'checkbox' ? (v === '1' || v === 'true' ? 'Yes' : 'No') : v || '—'}
              </Fact>
            );
          })}
        </dl>
      )}
    </JobSection>
  );
}
