'use client';

/**
 * The job a document belongs to: the UI kit's Combobox over the chosen customer's jobs (the 50 newest, job/list by
 * customer_id), narrowed in the browser as the user types a number, type, status or date (lib/word-filter). Without
 * a customer there is nothing to choose from; the current job stays listed even when it is not among them.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Combobox } from '@/components/ui/combobox';
import type { JobRefValue } from '@/lib/billing/document-form';
import { api } from '@/lib/queries/client';
import { datePart } from '@/lib/synchroteam/dates';
import { filterByWords } from '@/lib/word-filter';

interface JobOption {
  id: string;
  num: number;
  myId: string | null;
  label: string;
}

export function JobPicker({
  customerId,
  value,
  onChange,
  id,
  invalid,
  describedBy,
}: {
  customerId: number | null;
  value: JobRefValue | null;
  onChange: (v: JobRefValue | null) => void;
  id: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const [term, setTerm] = useState('');
  const jobs = useQuery({
    queryKey: ['jobs', 'lookup', 'customer-jobs', customerId],
    queryFn: ({ signal }) =>
      api.jobs
        .list({ customer_id: customerId!, pageSize: 50, sort: 'num', sortOrder: 'descending' }, { signal })
        .then((p) => p.data),
    enabled: customerId !== null,
    staleTime: 60_000,
  });
  const options: JobOption[] = (jobs.data ?? []).map((j) => ({
    id: j.id,
    num: j.num,
    myId: j.myId,
    label: `#${j.num}${j.type?.name ? ` · ${j.type.name}` : ''} · ${j.status}${j.scheduledStart ? ` · ${datePart(j.scheduledStart)}` : ''}`,
  }));
  if (value && !options.some((o) => o.id === value.id))
    options.unshift({
      id: value.id,
      num: value.num ?? 0,
      myId: value.myId ?? null,
      label: value.num ? `#${value.num}` : value.id,
    });
  const chosen = value ? options.find((o) => o.id === value.id) : undefined;

  return (
    <Combobox
      id={id}
      listLabel="Jobs of this customer"
      invalid={invalid}
      describedBy={describedBy}
      disabled={customerId === null}
      placeholder={customerId === null ? 'Choose a customer first' : "Search this customer's jobs…"}
      options={filterByWords(options, term, (o) => [o.label, o.myId])}
      getKey={(o) => o.id}
      getText={(o) => o.label}
      onSelect={(o) => onChange({ id: o.id, num: o.num, myId: o.myId })}
      selectedText={chosen?.label ?? ''}
      onClear={() => onChange(null)}
      clearLabel={`Clear job ${chosen?.label ?? ''}`}
      // The list is local: it follows every keystroke.
      onSearchChange={setTerm}
      debounceMs={0}
      loading={customerId !== null && jobs.isPending}
      error={jobs.isError}
      loadingText="Loading jobs…"
      emptyText="No job of this customer matches."
      errorText="The customer's jobs could not be read."
    />
  );
}
