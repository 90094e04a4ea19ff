'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Combobox } from '@/components/ui/combobox';
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

type Found = { id: number; name: string; myId: string | null; address?: unknown };

export interface RecordPickerProps {
  kind: RecordKind;
  value: RecordRefValue;
  /** The choice, and the whole record as the list sent it (address, contact…) for defaults. */
  onChange: (v: RecordRefValue, record?: Record<string, unknown>) => void;
  /** Extra list filters (sites of one customer). */
  filter?: Query;
  /** Inactive records too (a filter may look for them; a new document may not pick them). */
  includeInactive?: boolean;
  /** Tie to a visible `<label htmlFor={id}>`; else give `label`. */
  id?: string;
  label?: string;
  clearLabel?: string;
  placeholder?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  disabled?: boolean;
  onBlur?: () => void;
}

/** A customer, site or piece of equipment by name: the UI kit's Combobox over `<kind>/list?name=` (a page of 8). */
export function RecordPicker({ kind, value, onChange, filter, includeInactive, ...rest }: RecordPickerProps) {
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  const query: Query = {
    page: 1,
    pageSize: 8,
    sort: 'name',
    sortOrder: 'ascending',
    ...(includeInactive ? {} : { active: true }),
    ...filter,
    ...(term ? { name: term } : {}),
  };
  const { data, isFetching, isError } = useQuery({
    ...(QUERIES[kind] as typeof QUERIES.customers).list(query),
    enabled: open,
  });
  const options = (data?.data ?? []) as Found[];

  return (
    <Combobox
      id={rest.id}
      label={rest.label}
      clearLabel={rest.clearLabel}
      placeholder={rest.placeholder}
      invalid={rest['aria-invalid']}
      describedBy={rest['aria-describedby']}
      disabled={rest.disabled}
      onBlur={rest.onBlur}
      options={options}
      getKey={(o) => o.id}
      getText={(o) => o.name}
      renderOption={(o) => (
        <>
          <span className="font-medium">{o.name}</span>
          {o.myId ? <span className="ml-2 text-xs text-slate-500">{o.myId}</span> : null}
          {typeof o.address === 'string' && o.address && (
            <span className="block truncate text-xs text-slate-500">{o.address}</span>
          )}
        </>
      )}
      onSelect={(o) => onChange({ id: o.id, name: o.name, myId: o.myId }, o as unknown as Record<string, unknown>)}
      selectedText={value?.name ?? ''}
      onClear={() => onChange(null)}
      onSearchChange={setTerm}
      debounceMs={SEARCH_DEBOUNCE_MS}
      onOpenChange={setOpen}
      loading={isFetching}
      error={isError}
    />
  );
}
