'use client';

/**
 * The catalogue type-ahead of a line's part reference (ARIA 1.2 combobox): typing filters the active catalogue in the
 * browser (it is read once, see lib/queries/parts.ts); arrows move, Enter picks, Esc closes. The text itself stays a
 * free reference, so a reference the catalogue does not know reaches the API, which names it in its refusal.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { controlClasses } from '@/components/ui/input';
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

export function PartCombobox({ value, onText, onPick, label, placeholder, invalid, describedBy, className, clearOnPick }: PartComboboxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const catalogue = useQuery({ ...partsCatalogueQuery(), enabled: open });
  const options = useMemo(() => (open ? searchParts(catalogue.data ?? [], value) : []), [open, catalogue.data, value]);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(closeTimer.current), []);

  const pick = (p: Part) => {
    onPick(p);
    if (clearOnPick) onText('');
    setOpen(false);
  };

  return (
    <div className={cn('relative', className)}>
      <input
        id={id}
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-activedescendant={open && options[active] ? `${listId}-${options[active].id}` : undefined}
        autoComplete="off"
        value={value}
        placeholder={placeholder ?? 'Search catalogue…'}
        className={cn(controlClasses, 'h-9 min-w-0')}
        onChange={(e) => {
          clearTimeout(closeTimer.current);
          onText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => {
          // A blur just before (focus moved away and back) must not close the list that is opening now.
          clearTimeout(closeTimer.current);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            if (!open) setOpen(true);
            else setActive((a) => Math.min(a + 1, Math.max(0, options.length - 1)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter' && open && options[active]) {
            e.preventDefault();
            pick(options[active]);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
        onBlur={() => {
          // Let a click on an option land first.
          closeTimer.current = setTimeout(() => setOpen(false), 150);
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label}: catalogue matches`}
        hidden={!open}
        className="absolute z-40 mt-1 max-h-72 w-80 max-w-[80vw] overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
      >
        {options.map((p, i) => (
          <li
            key={p.id}
            id={`${listId}-${p.id}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(p)}
            onMouseEnter={() => setActive(i)}
            className={cn('cursor-pointer px-3 py-2', i === active && 'bg-blue-50 text-blue-900')}
          >
            <span className="flex items-baseline justify-between gap-3">
              <span className="font-medium">{p.name}</span>
              <span className="tabular-nums text-slate-700">{formatMoney(parseDecimal(p.price)?.toNumber() ?? 0)}</span>
            </span>
            <span className="block text-xs text-slate-500">
              {p.reference ?? 'no reference'}
              {p.tax ? ` · ${p.tax.name} ${p.tax.rate}%` : ''}
            </span>
          </li>
        ))}
        {open && !options.length && (
          <li role="presentation" className="px-3 py-2 text-slate-600">
            {catalogue.isError ? 'Could not load the catalogue.' : catalogue.isPending ? 'Loading the catalogue…' : 'No part matches.'}
          </li>
        )}
      </ul>
    </div>
  );
}
