'use client';

/**
 * The catalogue type-ahead of a line's part reference: the UI kit's Combobox in free-text mode, filtering the active
 * catalogue in the browser (it is read once, see lib/queries/parts.ts). The text itself stays a free reference, so a
 * reference the catalogue does not know reaches the API, which names it in its refusal.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Combobox } from '@/components/ui/combobox';
import { partsCatalogueQuery, searchParts } from '@/lib/queries/parts';
import { formatMoney, parseDecimal } from '@/lib/synchroteam/money';
import type { Part } from '@/lib/synchroteam/schemas/part';

export interface PartComboboxProps {
  value: string;
  onText: (text: string) => void;
  onPick: (part: Part) => void;
  label: string;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
  className?: string;
  /** Clears the text after a pick (the "add from catalogue" box). */
  clearOnPick?: boolean;
}

export function PartCombobox({
  value,
  onText,
  onPick,
  label,
  placeholder,
  invalid,
  describedBy,
  className,
  clearOnPick,
}: PartComboboxProps) {
  const [open, setOpen] = useState(false);
  const catalogue = useQuery({ ...partsCatalogueQuery(), enabled: open });
  const options = useMemo(() => searchParts(catalogue.data ?? [], value), [catalogue.data, value]);
  return (
    <Combobox
      label={label}
      listLabel={`${label}: catalogue matches`}
      placeholder={placeholder ?? 'Search catalogue…'}
      invalid={invalid}
      describedBy={describedBy}
      className={className}
      inputClassName="h-9 min-w-0"
      listClassName="w-80"
      inputValue={value}
      onInputValueChange={onText}
      clearOnSelect={clearOnPick}
      onOpenChange={setOpen}
      options={options}
      getKey={(p) => p.id}
      getText={(p) => p.reference ?? p.name}
      onSelect={onPick}
      renderOption={(p) => (
        <>
          <span className="flex items-baseline justify-between gap-3">
            <span className="font-medium">{p.name}</span>
            <span className="tabular-nums text-slate-700">{formatMoney(parseDecimal(p.price)?.toNumber() ?? 0)}</span>
          </span>
          <span className="block text-xs text-slate-500">
            {p.reference ?? 'no reference'}
            {p.tax ? ` · ${p.tax.name} ${p.tax.rate}%` : ''}
          </span>
        </>
      )}
      loading={catalogue.isPending}
      error={catalogue.isError}
      loadingText="Loading the catalogue…"
      errorText="Could not load the catalogue."
      emptyText="No part matches."
    />
  );
}
