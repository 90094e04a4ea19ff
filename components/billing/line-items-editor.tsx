'use client';

/**
 * The lines of the invoice/quotation editor: one row per line (part type-ahead, description, quantity, unit price,
 * discount, tax rate, live subTotal/tax/total), row buttons to move up/down, duplicate and remove (keyboard-first: no
 * drag and drop), and "add" controls under the table. The rows are react-hook-form's field array of the editor.
 */
import { ArrowDown, ArrowUp, Copy, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import {
  Controller,
  type Control,
  type FieldErrors,
  type UseFieldArrayReturn,
  type UseFormRegister,
  type UseFormSetValue,
} from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { controlClasses } from '@/components/ui/input';
import type { DocumentFormValues } from '@/lib/billing/document-form';
import { applyPart, blankLine, editorLineTotals, lineFromPart, type EditorLine } from '@/lib/billing/line-items';
import { formatMoney, parseDecimal } from '@/lib/synchroteam/money';
import type { Part } from '@/lib/synchroteam/schemas/part';
import type { Tax } from '@/lib/synchroteam/schemas/tax';
import { PartCombobox } from './part-combobox';

export interface LineItemsEditorProps {
  control: Control<DocumentFormValues>;
  register: UseFormRegister<DocumentFormValues>;
  setValue: UseFormSetValue<DocumentFormValues>;
  array: UseFieldArrayReturn<DocumentFormValues, 'lines'>;
  lines: EditorLine[];
  errors: FieldErrors<DocumentFormValues>;
  taxes: Tax[];
  fallbackTaxRate: string;
}

const cell = cn(controlClasses, 'h-9 min-w-0 px-2');
const num = cn(cell, 'text-right tabular-nums');

/** Tax choices: the account's rates, plus the line's own rate when it is not one of them (kept, never changed silently). */
function taxOptions(taxes: Tax[], current: string) {
  const opts = taxes.filter((t) => !t.deleted).map((t) => ({ value: t.rate, label: `${t.rate}% · ${t.name}` }));
  const cur = parseDecimal(current);
  if (cur && !opts.some((o) => parseDecimal(o.value)!.equals(cur)))
    opts.push({ value: current, label: `${cur.toFixed(2)}%` });
  return opts;
}

export function LineItemsEditor({
  control,
  register,
  setValue,
  array,
  lines,
  errors,
  taxes,
  fallbackTaxRate,
}: LineItemsEditorProps) {
  const { fields, move, remove, insert, append } = array;
  const lineErrors = errors.lines;
  const fill = (i: number, l: EditorLine) => {
    for (const [k, v] of Object.entries(l))
      setValue(`lines.${i}.${k as keyof EditorLine}`, v, { shouldDirty: true, shouldValidate: false });
  };

  return (
    <section aria-labelledby="lines-heading" className="space-y-3">
      <h2 id="lines-heading" className="text-lg font-semibold text-slate-900">
        Line items
      </h2>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[940px] table-fixed border-collapse text-left text-sm">
          <caption className="sr-only">Line items: {fields.length}</caption>
          <colgroup>
            <col className="w-8" />
            <col className="w-32" />
            <col />
            <col className="w-[4.5rem]" />
            <col className="w-28" />
            <col className="w-[4.5rem]" />
            <col className="w-36" />
            <col className="w-40" />
            <col className="w-[7.5rem]" />
          </colgroup>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-2">
                #
              </th>
              <th scope="col" className="px-2 py-2">
                Part
              </th>
              <th scope="col" className="px-2 py-2">
                Description
              </th>
              <th scope="col" className="px-2 py-2 text-right">
                Qty
              </th>
              <th scope="col" className="px-2 py-2 text-right">
                Unit price
              </th>
              <th scope="col" className="px-2 py-2 text-right">
                Disc. %
              </th>
              <th scope="col" className="px-2 py-2">
                Tax rate
              </th>
              <th scope="col" className="px-2 py-2 text-right">
                Amount
              </th>
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">Line actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {fields.map((f, i) => {
              const n = i + 1;
              const e = lineErrors?.[i];
              const line = lines[i] ?? blankLine();
              const t = editorLineTotals(line);
              const msgs = (
                ['partReference', 'description', 'quantity', 'unitPrice', 'discountPercent', 'taxRate'] as const
              )
                .map((k) => e?.[k]?.message)
                .filter(Boolean);
              const errId = msgs.length ? `line-${f.id}-errors` : undefined;
              return (
                <tr key={f.id} className="align-top" data-testid="line-row">
                  <td className="px-2 py-2 pt-4 text-slate-500 tabular-nums">{n}</td>
                  <td className="px-2 py-2">
                    <Controller
                      control={control}
                      name={`lines.${i}.partReference`}
                      render={({ field }) => (
                        <PartCombobox
                          label={`Part, line ${n}`}
                          value={field.value}
                          onText={field.onChange}
                          onPick={(p) =>
                            fill(i, applyPart({ ...line, partReference: field.value }, p, fallbackTaxRate))
                          }
                          invalid={!!e?.partReference}
                          describedBy={errId}
                          placeholder="Reference…"
                        />
                      )}
                    />
                  </td>
                  <td className="px-2 py-2">
                    <input
                      aria-label={`Description, line ${n}`}
                      aria-invalid={!!e?.description || undefined}
                      aria-describedby={errId}
                      className={cell}
                      {...register(`lines.${i}.description`)}
                    />
                    {errId && (
                      <p id={errId} className="mt-1 text-xs text-red-700">
                        {msgs.join(' · ')}
                      </p>
                    )}
                  </td>
                  <td className="px-2 py-2">
                    <input
                      aria-label={`Quantity, line ${n}`}
                      inputMode="decimal"
                      aria-invalid={!!e?.quantity || undefined}
                      aria-describedby={errId}
                      className={num}
                      {...register(`lines.${i}.quantity`)}
                    />
                  </td>
                  <td className="px-2 py-2">
                    <input
                      aria-label={`Unit price, line ${n}`}
                      inputMode="decimal"
                      aria-invalid={!!e?.unitPrice || undefined}
                      aria-describedby={errId}
                      className={num}
                      {...register(`lines.${i}.unitPrice`)}
                    />
                  </td>
                  <td className="px-2 py-2">
                    <input
                      aria-label={`Discount percent, line ${n}`}
                      inputMode="decimal"
                      aria-invalid={!!e?.discountPercent || undefined}
                      aria-describedby={errId}
                      className={num}
                      {...register(`lines.${i}.discountPercent`)}
                    />
                  </td>
                  <td className="px-2 py-2">
                    <select
                      aria-label={`Tax rate, line ${n}`}
                      aria-invalid={!!e?.taxRate || undefined}
                      className={cell}
                      {...register(`lines.${i}.taxRate`)}
                    >
                      {taxOptions(taxes, line.taxRate).map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="px-2 py-2 text-right tabular-nums">
                    <span className="block pt-1.5 font-medium" data-testid="line-total">
                      {formatMoney(t.total)}
                    </span>
                    <span className="block whitespace-nowrap text-xs text-slate-500">
                      <span data-testid="line-subtotal">{formatMoney(t.subTotal)}</span> +{' '}
                      <span data-testid="line-tax">{formatMoney(t.taxAmt)}</span> tax
                    </span>
                  </td>
                  <td className="px-2 py-2">
                    <div className="flex justify-end">
                      <IconButton label={`Move line ${n} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                        <ArrowUp className="size-4" aria-hidden="true" />
                      </IconButton>
                      <IconButton
                        label={`Move line ${n} down`}
                        disabled={i === fields.length - 1}
                        onClick={() => move(i, i + 1)}
                      >
                        <ArrowDown className="size-4" aria-hidden="true" />
                      </IconButton>
                      <IconButton label={`Duplicate line ${n}`} onClick={() => insert(i + 1, { ...line })}>
                        <Copy className="size-4" aria-hidden="true" />
                      </IconButton>
                      <IconButton label={`Remove line ${n}`} onClick={() => remove(i)} danger>
                        <Trash2 className="size-4" aria-hidden="true" />
                      </IconButton>
                    </div>
                  </td>
                </tr>
              );
            })}
            {fields.length === 0 && (
              <tr>
                <td colSpan={9} className="px-4 py-6 text-center text-slate-600">
                  No lines yet: add a part from the catalogue or a free line.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {typeof lineErrors?.message === 'string' || lineErrors?.root?.message ? (
        <p className="text-sm text-red-700" role="alert">
          {lineErrors?.message ?? lineErrors?.root?.message}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {/* Focus stays in the catalogue box, so several parts can be added in a row. */}
        <AddFromCatalogue onPick={(p) => append(lineFromPart(p, fallbackTaxRate), { shouldFocus: false })} />
        <Button variant="secondary" size="sm" onClick={() => append(blankLine(fallbackTaxRate))}>
          <Plus className="size-4" aria-hidden="true" />
          Add free line
        </Button>
      </div>
    </section>
  );
}

function IconButton({
  label,
  onClick,
  disabled,
  danger,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className={cn(
        'rounded p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:opacity-40',
        danger && 'hover:bg-red-50 hover:text-red-700',
      )}
    >
      {children}
    </button>
  );
}

function AddFromCatalogue({ onPick }: { onPick: (p: Part) => void }) {
  const [text, setText] = useState('');
  return (
    <PartCombobox
      label="Add a part from the catalogue"
      placeholder="Add from catalogue…"
      value={text}
      onText={setText}
      onPick={onPick}
      clearOnPick
      className="w-72"
    />
  );
}
