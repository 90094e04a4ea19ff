'use client';

/**
 * The job a document belongs to: a select over the chosen customer's jobs (newest first, job/list by customer_id).
 * Without a customer there is nothing to choose from; the current job stays listed even when it is not on that page.
 */
import { useQuery } from '@tanstack/react-query';
import { Select } from '@/components/ui/select';
import type { JobRefValue } from '@/lib/billing/document-form';
import { api } from '@/lib/queries/client';
import { datePart } from '@/lib/synchroteam/dates';

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
  const jobs = useQuery({
    queryKey: ['jobs', 'lookup', 'customer-jobs', customerId],
    queryFn: ({ signal }) =>
      api.jobs
        .list({ customer_id: customerId!, pageSize: 50, sort: 'num', sortOrder: 'descending' }, { signal })
        .then((p) => p.data),
    enabled: customerId !== null,
    staleTime: 60_000,
  });
  const options = (jobs.data ?? []).map((j) => ({
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

  return (
    <Select
      id={id}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      disabled={customerId === null}
      value={value?.id ?? ''}
      onChange={(e) => {
        const o = options.find((x) => x.id === e.target.value);
        onChange(o ? { id: o.id, num: o.num, myId: o.myId } : null);
      }}
    >
      <option value="">
        {customerId === null ? 'Choose a customer first' : jobs.isPending ? 'Loading jobs…' : 'No job'}
      </option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}
