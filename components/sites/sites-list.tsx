'use client';

import Link from 'next/link';
import { Field } from '@/components/ui/field';
import { ActiveBadge, contactName, dash, Tags } from '@/components/records/record-bits';
import type { FirstPage } from '@/lib/records/list-params';
import { RecordList } from '@/components/records/record-list';
import { RecordPicker } from '@/components/records/record-picker';
import type { RecordColumn } from '@/components/records/records-table';
import { siteQueries } from '@/lib/queries/sites';
import { useQuery } from '@tanstack/react-query';
import { customerQueries } from '@/lib/queries/customers';
import type { Site } from '@/lib/synchroteam/schemas/site';

const columns: RecordColumn<Site>[] = [
  {
    key: 'name',
    header: 'Name',
    sort: 'name',
    cell: (s) => (
      <Link href={`/sites/${s.id}`} className="font-medium text-blue-800 hover:underline">
        {s.name}
      </Link>
    ),
  },
  { key: 'myId', header: 'My ID', sort: 'myId', cell: (s) => dash(s.myId), className: 'whitespace-nowrap' },
  {
    key: 'customer',
    header: 'Customer',
    cell: (s) => (
      <Link href={`/customers/${s.customer.id}`} className="hover:underline">
        {s.customer.name ?? `#${s.customer.id}`}
      </Link>
    ),
  },
  { key: 'city', header: 'City', cell: (s) => dash(s.addressCity), wide: true },
  { key: 'contact', header: 'Contact', cell: (s) => dash(contactName(s)), wide: true },
  {
    key: 'phone',
    header: 'Phone',
    cell: (s) => dash(s.contactPhone || s.contactMobile),
    wide: true,
    className: 'whitespace-nowrap',
  },
  { key: 'tags', header: 'Tags', cell: (s) => <Tags tags={s.tags} />, wide: true },
  { key: 'active', header: 'Status', cell: (s) => <ActiveBadge active={s.active} /> },
];

/** The customer filter: a type-ahead picker whose choice lives in the URL (?customer=id). */
export function CustomerFilter({ id, onChange }: { id: number | null; onChange: (id: number | null) => void }) {
  const { data } = useQuery({ ...customerQueries.detail(id ?? 0), enabled: !!id });
  return (
    <Field label="Customer" className="w-full sm:w-64">
      {(p) => (
        <RecordPicker
          {...p}
          kind="customers"
          placeholder="Any customer"
          value={id ? { id, name: data?.name ?? `#${id}` } : null}
          onChange={(v) => onChange(v?.id ?? null)}
        />
      )}
    </Field>
  );
}

export function SitesList({ canEdit, initial }: { canEdit: boolean; initial?: FirstPage }) {
  return (
    <RecordList
      kind="sites"
      queries={siteQueries}
      title="Sites"
      noun={{ one: 'site', many: 'sites' }}
      basePath="/sites"
      columns={columns}
      canEdit={canEdit}
      initial={initial}
      canSetActive={canEdit}
      filters={([state, setState]) => (
        <CustomerFilter id={state.customer} onChange={(c) => void setState({ customer: c, page: null })} />
      )}
      newQuery={(s) => (s.customer ? `?customer=${s.customer}` : '')}
    />
  );
}
