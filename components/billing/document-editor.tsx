'use client';

/**
 * The one editor of invoices and quotations: customer (required), site and job, description, payment date (invoices),
 * custom values, and the lines with live totals from money.ts. Saving sends the whole document with action
 * "replace" (the API then holds exactly the lines on screen). A refused save leaves every field and line as typed;
 * the API's message goes beside the field it names ("lines[2].partReference" → that cell) or at the top.
 * Leaving with unsaved changes asks first.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { Plus, Save, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { toast } from 'sonner';
import { useConflictPrompt } from '@/components/records/edit-conflict-dialog';
import { RecordPicker } from '@/components/records/record-picker';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, controlClasses } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';
import {
  ZDocumentForm,
  documentConflicts,
  emptyForm,
  formFromDocument,
  formPathOfApiField,
  toSendBody,
  type CustomValue,
  type DocumentFormValues,
  type EditableKind,
} from '@/lib/billing/document-form';
import { defaultTaxRate } from '@/lib/billing/line-items';
import { api } from '@/lib/queries/client';
import { useSaveDocument } from '@/lib/queries/invoices';
import { taxesQuery } from '@/lib/queries/taxes';
import { fieldMessage, unknownRecordError } from '@/lib/records/form-errors';
import { isApiError } from '@/lib/synchroteam/errors';
import type { Invoice } from '@/lib/synchroteam/schemas/invoice';
import type { Quotation } from '@/lib/synchroteam/schemas/quotation';
import { explainError } from '@/lib/ui/api-errors';
import { JobPicker } from './job-picker';
import { LineItemsEditor } from './line-items-editor';
import { TotalsBox } from './totals-box';
import { useUnsavedGuard } from './use-unsaved-guard';

export const KIND_PATH = { invoice: '/invoices', quotation: '/quotations', creditnote: '/credit-notes' } as const;
export const KIND_LABEL = { invoice: 'Invoice', quotation: 'Quotation', creditnote: 'Credit note' } as const;

export interface DocumentEditorProps {
  kind: EditableKind;
  /** The stored document; null when creating. */
  doc: Invoice | Quotation | null;
  /** Prefilled values for a new document (from a job). */
  initial?: DocumentFormValues;
  /** Shown above the form (e.g. parts of the job no longer in the catalogue). */
  notice?: React.ReactNode;
  /** Disables editing while another action (status change…) runs. */
  busy?: boolean;
  onDirtyChange?: (dirty: boolean) => void;
}

export function DocumentEditor({ kind, doc, initial, notice, busy, onDirtyChange }: DocumentEditorProps) {
  const router = useRouter();
  const taxes = useQuery(taxesQuery());
  const fallbackTax = defaultTaxRate(taxes.data ?? []);
  const save = useSaveDocument(kind);
  const [formError, setFormError] = useState<string | null>(null);
  const [removedCustom, setRemovedCustom] = useState<CustomValue[]>([]);

  const form = useForm<DocumentFormValues>({
    resolver: zodResolver(ZDocumentForm) as never,
    defaultValues: doc ? formFromDocument(doc) : (initial ?? emptyForm()),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { control, register, handleSubmit, setValue, setError, reset, formState } = form;
  const lineArray = useFieldArray({ control, name: 'lines' });
  // keyName: the values carry their own `id` (the API's), which the default key name would shadow.
  const customArray = useFieldArray({ control, name: 'customFieldValues', keyName: 'fieldKey' });
  const lines = useWatch({ control, name: 'lines' }) ?? [];
  const customer = useWatch({ control, name: 'customer' });
  const dirty = formState.isDirty;
  useUnsavedGuard(dirty);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  // The document as the editor last loaded it (a save or a clean reload moves it): edit conflicts compare with it.
  const opened = useRef(doc);
  const conflictPrompt = useConflictPrompt(KIND_LABEL[kind]);
  // Someone else's save arrives with a refetch: shown at once when nothing is typed here, else kept for the save's check.
  useEffect(() => {
    if (!doc || !opened.current || doc.dateChanged === opened.current.dateChanged || dirty) return;
    opened.current = doc;
    reset(formFromDocument(doc));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc?.dateChanged]);

  const submit = async (values: DocumentFormValues) => {
    setFormError(null);
    const was = opened.current;
    if (was) {
      // A failed read is no reason to refuse the save.
      const latest = (await api[kind === 'invoice' ? 'invoices' : 'quotations']
        .details({ id: was.id })
        .catch(() => null)) as Invoice | Quotation | null;
      const found = latest ? documentConflicts(kind, values, was, latest) : [];
      if (latest && found.length) {
        const choice = await conflictPrompt.ask(found);
        if (choice === 'cancel') return;
        if (choice === 'reload') {
          opened.current = latest;
          reset(formFromDocument(latest));
          setRemovedCustom([]);
          toast(`Reloaded: the editor now shows the ${KIND_LABEL[kind].toLowerCase()} as saved by the other person`);
          return;
        }
      }
    }
    const body = toSendBody(kind, values, { id: doc?.id, removedCustom });
    save.mutate(body, {
      onSuccess: (saved) => {
        opened.current = saved as Invoice | Quotation;
        reset(formFromDocument(saved as Invoice | Quotation));
        setRemovedCustom([]);
        toast.success(`${KIND_LABEL[kind]} ${saved.num ? `#${saved.num}` : ''} saved`.replace('  ', ' '));
        if (!doc) router.replace(`${KIND_PATH[kind]}/${saved.id}`);
      },
      onError: (err) => {
        const gone = isApiError(err) && err.status === 400 ? unknownRecordError(err.detail) : null;
        const path = isApiError(err) && err.status === 400 ? formPathOfApiField(err.field ?? gone?.field) : null;
        if (path && gone) {
          setError(path as never, { type: 'server', message: gone.message }, { shouldFocus: true });
          setFormError(`Not saved: ${gone.message} Your changes are still here.`);
        } else if (path && isApiError(err)) {
          setError(path as never, { type: 'server', message: fieldMessage(err.detail) }, { shouldFocus: true });
          setFormError(`Not saved: ${err.detail}. Your changes are still here.`);
        } else {
          const e = explainError(err);
          setFormError(`Not saved — ${e.title}: ${e.message}`);
        }
      },
    });
  };

  const errors = formState.errors;
  const readOnlyBusy = busy || save.isPending;

  return (
    <>
      {conflictPrompt.dialog}
      <form
        onSubmit={(e) => void handleSubmit(submit)(e)}
        noValidate
        aria-label={`${KIND_LABEL[kind]} editor`}
        className="space-y-6"
      >
        {notice}
        {formError && (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
            {formError}
          </div>
        )}

        <fieldset
          disabled={readOnlyBusy}
          className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
        >
          <legend className="sr-only">Document</legend>
          <Controller
            control={control}
            name="customer"
            render={({ field }) => (
              <Field label="Customer (required)" error={errors.customer?.message}>
                {(p) => (
                  <RecordPicker
                    kind="customers"
                    id={p.id}
                    aria-invalid={p['aria-invalid']}
                    aria-describedby={p['aria-describedby']}
                    value={field.value}
                    onChange={(v) => {
                      field.onChange(v);
                      if (v?.id !== customer?.id) {
                        setValue('site', null, { shouldDirty: true });
                        setValue('job', null, { shouldDirty: true });
                      }
                    }}
                    onBlur={field.onBlur}
                    placeholder="Search customers…"
                  />
                )}
              </Field>
            )}
          />
          <Controller
            control={control}
            name="site"
            render={({ field }) => (
              <Field label="Site" error={errors.site?.message} hint={customer ? undefined : 'Choose a customer first'}>
                {(p) => (
                  <RecordPicker
                    kind="sites"
                    id={p.id}
                    aria-invalid={p['aria-invalid']}
                    aria-describedby={p['aria-describedby']}
                    value={field.value}
                    onChange={field.onChange}
                    filter={customer ? { customer_id: customer.id } : undefined}
                    disabled={!customer}
                    placeholder="Search this customer's sites…"
                  />
                )}
              </Field>
            )}
          />
          <Controller
            control={control}
            name="job"
            render={({ field }) => (
              <Field label="Job" error={errors.job?.message}>
                {(p) => (
                  <JobPicker
                    id={p.id}
                    invalid={p['aria-invalid']}
                    describedBy={p['aria-describedby']}
                    customerId={customer?.id ?? null}
                    value={field.value}
                    onChange={field.onChange}
                  />
                )}
              </Field>
            )}
          />
          {kind === 'invoice' ? (
            <Field label="Payment date" error={errors.paymentDate?.message} hint="Agreed or actual payment day">
              {(p) => <Input type="date" {...p} {...register('paymentDate')} />}
            </Field>
          ) : (
            <div aria-hidden="true" className="hidden lg:block" />
          )}
          <Field label="Description" error={errors.description?.message} className="sm:col-span-2 lg:col-span-4">
            {(p) => <textarea rows={2} className={cn(controlClasses)} {...p} {...register('description')} />}
          </Field>
        </fieldset>

        <fieldset disabled={readOnlyBusy} className="min-w-0">
          <legend className="sr-only">Lines</legend>
          <LineItemsEditor
            control={control}
            register={register}
            setValue={setValue}
            array={lineArray}
            lines={lines}
            errors={errors}
            taxes={taxes.data ?? []}
            fallbackTaxRate={fallbackTax}
          />
        </fieldset>

        <div className="flex flex-col gap-6 lg:flex-row lg:items-start">
          <fieldset
            disabled={readOnlyBusy}
            className="min-w-0 flex-1 space-y-2 rounded-lg border border-slate-200 bg-white p-4"
          >
            <legend className="px-1 text-sm font-semibold text-slate-900">Custom values</legend>
            {customArray.fields.length === 0 && <p className="text-sm text-slate-600">None.</p>}
            {customArray.fields.map((f, i) => (
              <div key={f.fieldKey} className="flex flex-wrap items-center gap-2">
                {/* A stored value keeps its label (the API merges by id, then label). */}
                <div className="w-40">
                  <input
                    aria-label={`Custom value ${i + 1} label`}
                    placeholder="Label"
                    className={cn(controlClasses, 'h-9')}
                    readOnly={f.id !== null}
                    {...register(`customFieldValues.${i}.label`)}
                  />
                </div>
                <input
                  aria-label={`Custom value ${i + 1}`}
                  placeholder="Value"
                  className={cn(controlClasses, 'h-9 min-w-0 flex-1')}
                  {...register(`customFieldValues.${i}.value`)}
                />
                <button
                  type="button"
                  aria-label={`Remove custom value ${i + 1}`}
                  className="rounded p-1.5 text-slate-600 hover:bg-red-50 hover:text-red-700"
                  onClick={() => {
                    const cur = form.getValues(`customFieldValues.${i}`);
                    if (
                      doc?.customFieldValues.some((c) => (cur.id !== null && c.id === cur.id) || c.label === cur.label)
                    )
                      setRemovedCustom((r) => [...r, cur]);
                    customArray.remove(i);
                  }}
                >
                  <X className="size-4" aria-hidden="true" />
                </button>
              </div>
            ))}
            <Button size="sm" variant="ghost" onClick={() => customArray.append({ id: null, label: '', value: '' })}>
              <Plus className="size-4" aria-hidden="true" />
              Add custom value
            </Button>
          </fieldset>
          <TotalsBox lines={lines} />
        </div>

        <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
          <p className="mr-auto text-sm text-slate-600" aria-live="polite">
            {save.isPending ? 'Saving…' : dirty ? 'Unsaved changes' : doc ? 'All changes saved' : ''}
          </p>
          {doc && dirty && (
            <Button
              variant="secondary"
              onClick={() => {
                reset();
                setRemovedCustom([]);
                setFormError(null);
              }}
            >
              Discard changes
            </Button>
          )}
          <Button type="submit" busy={save.isPending} busyLabel="Saving…" disabled={busy}>
            <Save className="size-4" aria-hidden="true" />
            {doc ? 'Save changes' : `Create ${KIND_LABEL[kind].toLowerCase()}`}
          </Button>
        </div>
      </form>
    </>
  );
}
