'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Field } from '@/components/ui/field';
import { ActiveBadge, dash, Tags } from '@/components/records/record-bits';
import type { FirstPage } from '@/lib/records/list-params';
import { RecordList } from '@/components/records/record-list';
import { RecordPicker } from '@/components/records/record-picker';
import type { RecordColumn } from '@/components/records/records-table';
import { CustomerFilter } from '@/components/sites/sites-list';
import { equipmentQueries } from '@/lib/queries/equipment';
import { siteQueries } from '@/lib/queries/sites';
import type { Equipment } from '@/lib/synchroteam/schemas/equipment';

const columns: RecordColumn<Equipment>[] = [
  {
    key: 'name',
    header: 'Name',
    sort: 'name',
    cell: (e) => (
      <Link href={`/equipment/${e.id}`} className="font-medium text-blue-800 hover:underline">
        {e.name}
      </Link>
    ),
  },
  { key: 'myId', header: 'My ID', sort: 'myId', cell: (e) => dash(e.myId), className: 'whitespace-nowrap' },
  {
    key: 'customer',
    header: 'Customer',
    cell: (e) => (
      <Link href={`/customers/${e.customer.id}`} className="hover:underline">
        {e.customer.name ?? `#${e.customer.id}`}
      </Link>
    ),
    wide: true,
  },
  {
    key: 'site',
    header: 'Site',
    cell: (e) =>
      e.site ? (
        <Link href={`/sites/${e.site.id}`} className="hover:underline">
          {e.site.name ?? `#${e.site.id}`}
        </Link>
      ) : (
        '—'
      ),
    wide: true,
  },
  { key: 'tags', header: 'Tags', cell: (e) => <Tags tags={e.tags} />, wide: true },
  { key: 'active', header: 'Status', cell: (e) => <ActiveBadge active={e.active} /> },
];

function SiteFilter({
  id,
  customer,
  onChange,
}: {
  id: number | null;
  customer: number | null;
  onChange: (id: number | null) => void;
}) {
  const { data } = useQuery({ ...siteQueries.detail(id ?? 0), enabled: !!id });
  return (
    <Field label="Site" className="w-full sm:w-64">
      {(p) => (
        <RecordPicker
          {...p}
          kind="sites"
          placeholder="Any site"
          filter={customer ? { customer_id: customer } : undefined}
          value={id ? { id, name: data?.name ?? `#${id}` } : null}
          onChange={(v) => onChange(v?.id ?? null)}
        />
      )}
    </Field>
  );
}

export function EquipmentList({ canEdit, initial }: { canEdit: boolean; initial?: FirstPage }) {
  return (
    <RecordList
      kind="equipment"
      queries={equipmentQueries}
      title="Equipment"
      noun={{ one: 'equipment', many: 'equipment' }}
      basePath="/equipment"
      columns={columns}
      canEdit={canEdit}
      initial={initial}
      canSetActive={canEdit}
      filters={([state, setState]) => (
        <>
          <CustomerFilter
            id={state.customer}
            onChange={(c) => void setState({ customer: c, site: null, page: null })}
          />
          <SiteFilter
            id={state.site}
            customer={state.customer}
            onChange={(s) => void setState({ site: s, page: null })}
          />
        </>
      )}
      newQuery={(s) => (s.site ? `?site=${s.site}` : s.customer ? `?customer=${s.customer}` : '')}
    />
  );
}
