'use client';

/**
 * The job form's and the job filters' customer, site or equipment picker: the records picker with its own label,
 * hint and error, holding only the chosen id (the URL and the form keep ids); the name is read once by id.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { RecordPicker } from '@/components/records/record-picker';
import { Field } from '@/components/ui/field';
import type { RecordKind } from '@/lib/records/record-kind';
import { recordQueries } from '@/lib/records/record-queries';
import type { Query } from '@/lib/synchroteam/client';

export interface PickedRecord {
  id: number;
  name: string;
  /** The full record as the list answered it (address, contact, customer…), for defaults. */
  record?: Record<string, unknown>;
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

export function RecordCombobox({
  kind,
  label,
  value,
  onChange,
  narrow,
  error,
  hint,
  disabled,
  placeholder,
}: RecordComboboxProps) {
  const queries = recordQueries(kind);
  const qc = useQueryClient();
  // The chosen record's name when only its id is known (e.g. from the URL).
  const chosen = useQuery({ ...queries.detail(value ?? 0), enabled: value !== null, staleTime: 10 * 60_000 });
  const name =
    value === null ? '' : ((chosen.data as { name?: string } | undefined)?.name ?? (chosen.isError ? `#${value}` : ''));

  return (
    <Field label={label} error={error} hint={hint}>
      {(p) => (
        <RecordPicker
          {...p}
          kind={kind}
          includeInactive
          filter={narrow}
          disabled={disabled}
          placeholder={value !== null && !name ? 'Loading…' : (placeholder ?? 'Type to search')}
          value={value === null ? null : { id: value, name }}
          clearLabel={`Clear ${label.toLowerCase()} ${name}`}
          onChange={(v, record) => {
            // The list sent the whole record: the name needs no second read.
            if (v && record) qc.setQueryData(queries.detail(v.id).queryKey, record as never);
            onChange(v ? { id: v.id, name: v.name, record } : null);
          }}
        />
      )}
    </Field>
  );
}
