'use client';

import { X } from 'lucide-react';
import { useState } from 'react';
import { Controller, get, useFormContext, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import { editConflicts, type EditConflict } from '@/lib/records/edit-conflict';
import type { ConflictChoice } from './edit-conflict-dialog';
import Link from 'next/link';
import { Button, buttonClasses } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { MiniMapPicker } from '@/components/map/mini-map-picker';
import type { MapTiles } from '@/components/map/mini-map';
import type { CustomFieldDef } from '@/lib/synchroteam/schemas/customer';
import { cfKey, sortDefs } from '@/lib/records/custom-fields';
import { formErrorFor } from '@/lib/records/form-errors';
import { isEmptyEdit } from '@/lib/records/record-form';

/** The error message at a form path ("custom.cf12", "position.latitude"). */
function useErrorAt(name: string): string | undefined {
  const { formState } = useFormContext();
  return (get(formState.errors, name) as { message?: string } | undefined)?.message;
}

export function TextField({
  name,
  label,
  type = 'text',
  hint,
  autoComplete,
  inputMode,
  className,
  required,
}: {
  name: string;
  label: string;
  type?: string;
  hint?: string;
  autoComplete?: string;
  className?: string;
  required?: boolean;
  inputMode?: React.HTMLAttributes<HTMLInputElement>['inputMode'];
}) {
  const { register } = useFormContext();
  const error = useErrorAt(name);
  return (
    <Field label={required ? `${label} (required)` : label} error={error} hint={hint} className={className}>
      {(p) => <Input {...p} type={type} autoComplete={autoComplete} inputMode={inputMode} {...register(name)} />}
    </Field>
  );
}

export function FormSection({
  title,
  children,
  description,
}: {
  title: string;
  children: React.ReactNode;
  description?: string;
}) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-base font-semibold text-slate-900">{title}</legend>
      {description && <p className="mb-3 text-sm text-slate-600">{description}</p>}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

export function AddressFields() {
  return (
    <FormSection title="Address" description="Leave the position to the address lookup, or set it by hand below.">
      <TextField name="addressStreet" label="Street" autoComplete="address-line1" className="sm:col-span-2" />
      <TextField
        name="addressComplement"
        label="Address complement"
        autoComplete="address-line2"
        className="sm:col-span-2"
      />
      <TextField name="addressCity" label="City" autoComplete="address-level2" />
      <TextField name="addressProvince" label="State / province" autoComplete="address-level1" />
      <TextField name="addressZIP" label="ZIP / postal code" autoComplete="postal-code" />
      <TextField name="addressCountry" label="Country" autoComplete="country-name" />
    </FormSection>
  );
}

export function ContactFields({ children }: { children?: React.ReactNode }) {
  return (
    <FormSection title="Contact">
      <TextField name="contactFirstName" label="First name" autoComplete="off" />
      <TextField name="contactLastName" label="Last name" autoComplete="off" />
      <TextField name="contactPhone" label="Phone" type="tel" autoComplete="off" />
      <TextField name="contactMobile" label="Mobile" type="tel" autoComplete="off" />
      <TextField name="contactEmail" label="Email" type="email" autoComplete="off" />
      <TextField name="contactFax" label="Fax" type="tel" autoComplete="off" />
      {children}
    </FormSection>
  );
}

/** Tags as chips: Enter or comma adds, the × (or Backspace in an empty box) removes. */
export function TagsField({ name = 'tags' }: { name?: string }) {
  const { control } = useFormContext();
  const [text, setText] = useState('');
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const tags = (field.value as string[]) ?? [];
        const add = () => {
          const parts = text
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean);
          if (parts.length) field.onChange([...new Set([...tags, ...parts])]);
          setText('');
        };
        return (
          <Field label="Tags" hint="Press Enter or comma to add a tag." className="sm:col-span-2">
            {(p) => (
              <div className="flex flex-wrap items-center gap-1.5 rounded-md border border-slate-300 bg-white p-1.5">
                {tags.map((t) => (
                  <span
                    key={t}
                    className="inline-flex items-center gap-1 rounded-full bg-blue-50 py-0.5 pr-1 pl-2 text-xs font-medium text-blue-800 ring-1 ring-blue-300 ring-inset"
                  >
                    {t}
                    <button
                      type="button"
                      className="rounded-full p-0.5 hover:bg-blue-100"
                      onClick={() => field.onChange(tags.filter((x) => x !== t))}
                    >
                      <X className="size-3" aria-hidden="true" />
                      <span className="sr-only">Remove tag {t}</span>
                    </button>
                  </span>
                ))}
                <input
                  {...p}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  onBlur={() => {
                    add();
                    field.onBlur();
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ',') {
                      e.preventDefault();
                      add();
                    } else if (e.key === 'Backspace' && !text && tags.length) field.onChange(tags.slice(0, -1));
                  }}
                  className="h-7 min-w-32 flex-1 border-0 px-1 text-sm outline-none focus-visible:outline-none"
                />
              </div>
            )}
          </Field>
        );
      }}
    />
  );
}

function CustomFieldControl({ def }: { def: CustomFieldDef }) {
  const { register, control } = useFormContext();
  const name = `custom.${cfKey(def.id)}`;
  const error = useErrorAt(name);
  const label = `${def.label}${def.mandatory ? ' (required)' : ''}`;
  if (def.type === 'checkbox') {
    return (
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <div className="space-y-1 self-end">
            <label className="flex h-10 items-center gap-2 text-sm font-medium text-slate-800">
              <input
                type="checkbox"
                className="size-4"
                checked={field.value === '1'}
                onChange={(e) => field.onChange(e.target.checked ? '1' : '0')}
                onBlur={field.onBlur}
                ref={field.ref}
                aria-invalid={!!error}
              />
              {label}
            </label>
            {error && <p className="text-sm text-red-700">{error}</p>}
          </div>
        )}
      />
    );
  }
  return (
    <Field
      label={label}
      error={error}
      hint={def.type === 'date' ? undefined : def.private ? 'Private: not shown to the customer.' : undefined}
    >
      {(p) =>
        def.type === 'select' ? (
          <Select {...p} {...register(name)}>
            <option value="">—</option>
            {(def.values ?? []).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </Select>
        ) : def.type === 'autocomplete' ? (
          <>
            <Input {...p} list={`${p.id}-options`} autoComplete="off" {...register(name)} />
            <datalist id={`${p.id}-options`}>
              {(def.values ?? []).map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          </>
        ) : (
          <Input
            {...p}
            type={def.type === 'date' ? 'date' : def.type === 'email' ? 'email' : def.type === 'phone' ? 'tel' : 'text'}
            inputMode={def.type === 'number' ? 'decimal' : undefined}
            {...register(name)}
          />
        )
      }
    </Field>
  );
}

export function CustomFieldsFields({ defs }: { defs: readonly CustomFieldDef[] }) {
  if (!defs.length) return null;
  return (
    <FormSection title="Custom fields">
      {sortDefs(defs).map((d) => (
        <CustomFieldControl key={d.id} def={d} />
      ))}
    </FormSection>
  );
}

/** Position: by default the API geocodes the address; "set by hand" offers latitude/longitude and a map to click. */
export function PositionFields({ tiles }: { tiles: MapTiles }) {
  const { register, watch, setValue } = useFormContext();
  const manual = watch('position.manual') as boolean;
  const lat = watch('position.latitude') as string;
  const lng = watch('position.longitude') as string;
  return (
    <FormSection title="Position">
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" className="size-4" {...register('position.manual')} />
        Set the position by hand (otherwise it is found from the address)
      </label>
      {manual ? (
        <>
          <TextField name="position.latitude" label="Latitude" inputMode="decimal" />
          <TextField name="position.longitude" label="Longitude" inputMode="decimal" />
          <div className="sm:col-span-2">
            <p className="mb-1 text-xs text-slate-600">Or click the map to place the position.</p>
            <MiniMapPicker
              latitude={lat}
              longitude={lng}
              tiles={tiles}
              onPick={(a, b) => {
                setValue('position.latitude', a, { shouldDirty: true, shouldValidate: true });
                setValue('position.longitude', b, { shouldDirty: true, shouldValidate: true });
              }}
            />
          </div>
        </>
      ) : (
        <p className="text-sm text-slate-600 sm:col-span-2">
          {lat && lng
            ? `Current position ${lat}, ${lng}. It is updated when the address changes.`
            : 'No position yet: it is looked up from the address when you save.'}
        </p>
      )}
    </FormSection>
  );
}

/** Root error type of a save that timed out and may have been done (see applyServerError). */
export const MAY_HAVE_SAVED = 'may-have-saved';

/**
 * The form-wide error. `checkHref`: where the record can be seen (its page, or the list for a new one); offered in a
 * new tab when a save may have been done, so what was typed here stays.
 */
export function FormErrorBanner({ checkHref }: { checkHref?: string } = {}) {
  const { formState } = useFormContext();
  const root = formState.errors.root;
  const message = root?.message;
  if (!message) return null;
  const unsure = root?.type === MAY_HAVE_SAVED;
  return (
    <div
      role="alert"
      className={`rounded-lg border p-3 text-sm ${unsure ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-red-200 bg-red-50 text-red-900'}`}
    >
      <p className="font-medium">{unsure ? 'May have been saved' : 'Not saved'}</p>
      <p>{message}</p>
      {unsure && checkHref && (
        <p className="mt-2">
          <a href={checkHref} target="_blank" rel="noopener" className="font-medium underline">
            Check the record (opens in a new tab)
          </a>
          <span>: if your change is there, it was saved; otherwise save again.</span>
        </p>
      )}
    </div>
  );
}

/** Puts a failed save where it belongs: next to the field the API named (focused), else at the top of the form. */
export function applyServerError<T extends FieldValues>(
  form: UseFormReturn<T>,
  err: unknown,
  fields: readonly string[],
  customDefs: readonly CustomFieldDef[],
) {
  const t = formErrorFor(err, { fields, customDefs });
  if (t.mayHaveSaved) {
    form.setError('root', { type: MAY_HAVE_SAVED, message: t.message });
    toast.warning('May have been saved: check the record before saving again');
  } else if (t.field) {
    form.setError(t.field as Path<T>, { type: 'server', message: t.message }, { shouldFocus: true });
    toast.error('Not saved: see the highlighted field');
  } else {
    form.setError('root', { type: 'server', message: t.message });
    toast.error(`Not saved: ${t.message}`);
  }
}

/**
 * The save every record form makes (customers, sites, equipment): an edit that changes nothing goes back without a
 * call; a new record's My ID is checked first (the API accepts a duplicate silently); then the save and the record's
 * page, or the refusal next to the field the API named.
 */
export async function saveRecord<T extends FieldValues, B extends Record<string, unknown>>(o: {
  form: UseFormReturn<T>;
  body: B;
  original?: { id: number; dateModified?: string | null };
  /** "Customer", "Site", "Equipment" */
  noun: string;
  /** "/customers" */
  path: string;
  holderOfMyId: (myId: string) => Promise<{ name: string } | null>;
  save: (body: B) => Promise<{ id: number; name: string }>;
  fields: readonly string[];
  defs: readonly CustomFieldDef[];
  go: (href: string) => void;
  /**
   * Edit conflicts (lib/records/edit-conflict.ts): `latest` reads the record again (not into the form's cache);
   * `askConflict` shows what someone else changed meanwhile and returns the person's choice; `reload` shows `latest`.
   * Without them the save goes ahead as before.
   */
  conflicts?: {
    latest: (id: number) => Promise<Record<string, unknown> & { dateModified?: string | null }>;
    ask: (c: EditConflict[]) => Promise<ConflictChoice>;
    reload: (latest: Record<string, unknown>) => void;
  };
}): Promise<void> {
  const { form, body, original, noun } = o;
  if (original && isEmptyEdit(body)) {
    toast('Nothing changed');
    o.go(`${o.path}/${original.id}`);
    return;
  }
  if (original && o.conflicts) {
    // A failed read is no reason to refuse the save: it goes ahead as it did before conflicts were checked.
    const latest = await o.conflicts.latest(original.id).catch(() => null);
    if (latest) {
      const found = editConflicts(body, original as unknown as Record<string, unknown>, latest);
      if (found.length) {
        const choice = await o.conflicts.ask(found);
        if (choice === 'cancel') return;
        if (choice === 'reload') {
          o.conflicts.reload(latest);
          return;
        }
      }
    }
  }
  if (!original && typeof body.myId === 'string') {
    const holder = await o.holderOfMyId(body.myId).catch(() => null);
    if (holder) {
      const message = `Another ${noun.toLowerCase()} (“${holder.name}”) already uses My ID ${body.myId}`;
      form.setError('myId' as Path<T>, { type: 'server', message }, { shouldFocus: true });
      return;
    }
  }
  return o.save(body).then(
    (saved) => {
      toast.success(original ? `${noun} saved` : `${noun} “${saved.name}” created`);
      o.go(`${o.path}/${saved.id}`);
    },
    (err) => applyServerError(form, err, o.fields, o.defs),
  );
}

export function FormActions({
  busy,
  cancelHref,
  submitLabel,
}: {
  busy: boolean;
  cancelHref: string;
  submitLabel: string;
}) {
  return (
    <div className="sticky bottom-0 -mx-4 flex justify-end gap-2 border-t border-slate-200 bg-white/95 px-4 py-3 sm:mx-0 sm:rounded-lg sm:border">
      <Link href={cancelHref} className={buttonClasses('secondary')}>
        Cancel
      </Link>
      <Button type="submit" busy={busy} busyLabel="Saving…">
        {submitLabel}
      </Button>
    </div>
  );
}
