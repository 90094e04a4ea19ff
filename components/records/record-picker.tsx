'use client';

import { useQuery } from '@tanstack/react-query';
import { ChevronsUpDown, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { controlClasses } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';
import type { Query } from '@/lib/synchroteam/client';
import type { RecordRefValue } from '@/lib/records/record-form';
import type { RecordKind } from '@/lib/records/record-kind';
import { recordQueries } from '@/lib/records/record-queries';
import { SEARCH_DEBOUNCE_MS } from './search-box';

const QUERIES = {
  customers: recordQueries('customers'),
  sites: recordQueries('sites'),
  equipment: recordQueries('equipment'),
};

export interface RecordPickerProps {
  kind: RecordKind;
  value: RecordRefValue;
  onChange: (v: RecordRefValue) => void;
  /** Extra list filters (sites of one customer). */
  filter?: Query;
  id?: string;
  placeholder?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  disabled?: boolean;
  onBlur?: () => void;
}

/**
 * Type-ahead picker over a record list (ARIA 1.2 combobox + listbox): typing searches the API by name after a short
 * pause; arrows move, Enter picks, Esc closes; the clear button empties the choice.
 */
export function RecordPicker({ kind, value, onChange, filter, id, placeholder, disabled, onBlur, ...aria }: RecordPickerProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const listId = `${inputId}-list`;
  const [text, setText] = useState(value?.name ?? '');
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A new value from outside (a chosen option, a reset form) shows its name: adjusted during render, not in an effect.
  const valueKey = `${value?.id ?? ''}|${value?.name ?? ''}`;
  const [shownKey, setShownKey] = useState(valueKey);
  if (shownKey !== valueKey) {
    setShownKey(valueKey);
    setText(value?.name ?? '');
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const query: Query = { page: 1, pageSize: 8, sort: 'name', sortOrder: 'ascending', active: true, ...filter, ...(term ? { name: term } : {}) };
  const { data, isFetching, error } = useQuery({ ...(QUERIES[kind] as typeof QUERIES.customers).list(query), enabled: open });
  const options = data?.data ?? [];

  const pick = (o: { id: number; name: string; myId: string | null } | null) => {
    onChange(o ? { id: o.id, name: o.name, myId: o.myId } : null);
    setText(o?.name ?? '');
    setOpen(false);
  };

  return (
    <div className="relative">
      <input
        id={inputId}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${options[active].id}` : undefined}
        autoComplete="off"
        disabled={disabled}
        value={text}
        placeholder={placeholder ?? 'Type to search…'}
        className={cn(controlClasses, 'h-10 pr-16')}
        {...aria}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          clearTimeout(timer.current);
          const v = e.target.value.trim();
          timer.current = setTimeout(() => setTerm(v), SEARCH_DEBOUNCE_MS);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            if (!open) setOpen(true);
            else setActive((a) => Math.min(a + 1, Math.max(0, options.length - 1)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter' && open) {
            e.preventDefault();
            if (options[active]) pick(options[active]);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
            setText(value?.name ?? '');
          }
        }}
        onBlur={() => {
          // Let a click on an option land first.
          setTimeout(() => {
            setOpen(false);
            setText(value?.name ?? '');
            onBlur?.();
          }, 150);
        }}
      />
      <div className="absolute inset-y-0 right-1 flex items-center gap-0.5">
        {value && !disabled && (
          <button type="button" className="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900" onClick={() => pick(null)}>
            <X className="size-4" aria-hidden="true" />
            <span className="sr-only">Clear {value.name}</span>
          </button>
        )}
        <ChevronsUpDown className="mr-1.5 size-4 text-slate-400" aria-hidden="true" />
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Matches"
        hidden={!open}
        className="absolute z-40 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
      >
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${listId}-${o.id}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(o)}
            onMouseEnter={() => setActive(i)}
            className={cn('cursor-pointer px-3 py-2', i === active && 'bg-blue-50 text-blue-900')}
          >
            <span className="font-medium">{o.name}</span>
            {o.myId ? <span className="ml-2 text-xs text-slate-500">{o.myId}</span> : null}
          </li>
        ))}
        {open && !options.length && (
          <li role="presentation" className="px-3 py-2 text-slate-600">
            {error ? 'Could not search: try again.' : isFetching ? 'Searching…' : 'No match.'}
          </li>
        )}
      </ul>
    </div>
  );
}
