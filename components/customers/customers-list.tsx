'use client';

import Link from 'next/link';
import { ActiveBadge, contactName, dash, Tags } from '@/components/records/record-bits';
import type { FirstPage } from '@/lib/records/list-params';
import { RecordList } from '@/components/records/record-list';
import type { RecordColumn } from '@/components/records/records-table';
import { customerQueries } from '@/lib/queries/customers';
import type { Customer } from '@/lib/synchroteam/schemas/customer';

const columns: RecordColumn<Customer>[] = [
  {
    key: 'name',
    header: 'Name',
    sort: 'name',
    cell: (c) => (
      <Link href={`/customers/${c.id}`} className="font-medium text-blue-800 hover:underline">
        {c.name}
      </Link>
    ),
  },
  { key: 'myId', header: 'My ID', sort: 'myId', cell: (c) => dash(c.myId), className: 'whitespace-nowrap' },
  { key: 'city', header: 'City', cell: (c) => dash(c.addressCity), wide: true },
  { key: 'contact', header: 'Contact', cell: (c) => dash(contactName(c)), wide: true },
  {
    key: 'phone',
    header: 'Phone',
    cell: (c) => {
      const p = c.contactPhone || c.contactMobile;
      return p ? (
        <a href={`tel:${p}`} className="whitespace-nowrap hover:underline">
          {p}
        </a>
      ) : (
        '—'
      );
    },
    wide: true,
  },
  { key: 'tags', header: 'Tags', cell: (c) => <Tags tags={c.tags} />, wide: true },
  { key: 'active', header: 'Status', cell: (c) => <ActiveBadge active={c.active} /> },
];

export function CustomersList({ canEdit, initial }: { canEdit: boolean; initial?: FirstPage }) {
  return (
    <RecordList
      kind="customers"
      queries={customerQueries}
      title="Customers"
      noun={{ one: 'customer', many: 'customers' }}
      basePath="/customers"
      columns={columns}
      canEdit={canEdit}
      initial={initial}
      canSetActive={canEdit}
    />
  );
}
