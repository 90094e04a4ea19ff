'use client';

/**
 * Type-ahead picker for a customer, site or piece of equipment (ARIA 1.2 combobox: the input owns a listbox; arrows
 * move, Enter picks, Esc closes). Searches `<resource>/list?name=` (the API's wildcard search) 200 ms after typing
 * stops; `narrow` adds filters such as customer_id so sites and equipment are narrowed to the chosen customer.
 * Built here because the records area's picker had not landed when the jobs pages needed one.
 */
import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { controlClasses } from '@/components/ui/input';
import { api } from '@/lib/queries/client';
import { jobKeys } from '@/lib/queries/job-keys';
import type { RecordKind } from '@/lib/records/record-kind';
import type { Query } from '@/lib/synchroteam/client';
import { useDebounced } from '@/lib/ui/use-debounced';

export interface PickedRecord {
  id: number;
  name: string;
  /** The full record as the list answered it (address, contact, customer…), for defaults. */
  record?: Record<string, unknown>;
}

type Found = { id: number; name: string } & Record<string, unknown>;

function client(kind: RecordKind) {
  const c = kind === 'customers' ? api.customers : kind === 'sites' ? api.sites : api.equipment;
  return {
    details: (id: number, signal: AbortSignal) => c.details({ id }, { signal }) as Promise<Found>,
    list: (q: Query, signal: AbortSignal) => c.list(q, { signal }).then((p) => p.data as Found[]),
  };
}

export interface RecordComboboxProps {
  kind: RecordKind;
  label: string;
  value: number | null;
  onChange: (picked: PickedRecord | null) => void;
  narrow?: Query;
  error?: string;
  hint?: string;
  disabled?: boolean;
  placeholder?: string;
}

export function RecordCombobox({ kind, label, value, onChange, narrow, error, hint, disabled, placeholder }: RecordComboboxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const term = useDebounced(text.trim(), 200);
  const narrowKey = JSON.stringify(narrow ?? {});

  // The chosen record's name when only its id is known (e.g. from the URL).
  const chosen = useQuery({
    queryKey: jobKeys.lookup(`${kind}-name`, value),
    queryFn: ({ signal }) => client(kind).details(value!, signal),
    enabled: value !== null,
    staleTime: 10 * 60_000,
  });

  const results = useQuery({
    queryKey: jobKeys.lookup(`${kind}-search`, `${term}|${narrowKey}`),
    queryFn: ({ signal }) => client(kind).list({ ...(narrow ?? {}), ...(term ? { name: term } : {}), pageSize: 10 }, signal),
    enabled: open && !disabled,
    staleTime: 60_000,
  });
  const options = results.data ?? [];

  function pick(o: Found) {
    onChange({ id: o.id, name: o.name, record: o });
    setText('');
    setOpen(false);
  }

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const chosenName = value === null ? '' : chosen.data?.name ?? (chosen.isError ? `#${value}` : 'Loading…');

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {value !== null ? (
        <div className={cn(controlClasses, 'flex h-10 items-center justify-between gap-2', disabled && 'bg-slate-100')} aria-invalid={!!error}>
          <span className="truncate" id={id} tabIndex={-1}>
            {chosenName}
          </span>
          {!disabled && (
            <button
              type="button"
              className="rounded p-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
              onClick={() => {
                onChange(null);
                setTimeout(() => inputRef.current?.focus(), 0);
              }}
              aria-label={`Clear ${label.toLowerCase()} ${chosenName}`}
            >
              <X className="size-4" aria-hidden="true" />
            </button>
          )}
        </div>
      ) : (
        <div className="relative">
          <input
            ref={inputRef}
            id={id}
            type="text"
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && options[active] ? `${id}-opt-${options[active].id}` : undefined}
            aria-invalid={!!error}
            aria-describedby={describedBy}
            autoComplete="off"
            disabled={disabled}
            placeholder={placeholder ?? 'Type to search'}
            className={cn(controlClasses, 'h-10')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setOpen(true);
                setActive((a) => Math.min(a + 1, Math.max(0, options.length - 1)));
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                setActive((a) => Math.max(a - 1, 0));
              } else if (e.key === 'Enter' && open && options[active]) {
                e.preventDefault();
                pick(options[active]);
              } else if (e.key === 'Escape') {
                setOpen(false);
              }
            }}
          />
          {open && (
            <ul
              id={listId}
              role="listbox"
              aria-label={`${label} results`}
              className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
            >
              {results.isPending && <li className="px-3 py-2 text-slate-500">Searching…</li>}
              {results.isError && <li className="px-3 py-2 text-red-700">Search failed. Type again to retry.</li>}
              {results.isSuccess && options.length === 0 && <li className="px-3 py-2 text-slate-500">No match</li>}
              {options.map((o, i) => (
                <li
                  key={o.id}
                  id={`${id}-opt-${o.id}`}
                  role="option"
                  aria-selected={i === active}
                  className={cn('cursor-pointer px-3 py-2', i === active ? 'bg-slate-100' : 'hover:bg-slate-50')}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(o)}
                >
                  <span className="block truncate">{o.name}</span>
                  {typeof (o as { address?: unknown }).address === 'string' && (
                    <span className="block truncate text-xs text-slate-500">{(o as unknown as { address: string }).address}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
