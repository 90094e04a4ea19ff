'use client';

/**
 * The billing lists' filters (every filter the API offers), applied as soon as a control changes: the URL is the
 * state. Customer and site are kept by id in the URL; their names are read back for the pickers.
 */
import { useQuery } from '@tanstack/react-query';
import { SlidersHorizontal } from 'lucide-react';
import { RecordPicker } from '@/components/records/record-picker';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { SORT_LABELS, activeFilterCount, sortsFor, type BillingFilters } from '@/lib/billing/list-filters';
import { FILTER_STATUSES, statusLabel, type BillingKind } from '@/lib/billing/statuses';
import { customerQueries } from '@/lib/queries/customers';
import { siteQueries } from '@/lib/queries/sites';

function Labeled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

export function BillingFiltersForm({
  kind,
  filters,
  onChange,
  onClear,
}: {
  kind: BillingKind;
  filters: BillingFilters;
  onChange: (c: Partial<BillingFilters>) => void;
  onClear: () => void;
}) {
  const customer = useQuery({
    ...customerQueries.detail(filters.customer ?? 0),
    enabled: filters.customer !== null,
    staleTime: 10 * 60_000,
  });
  const site = useQuery({
    ...siteQueries.detail(filters.site ?? 0),
    enabled: filters.site !== null,
    staleTime: 10 * 60_000,
  });
  const count = activeFilterCount(filters);
  const p = `bf-${kind}`;
  const customerValue = filters.customer
    ? { id: filters.customer, name: customer.data?.name ?? `#${filters.customer}` }
    : null;
  const siteValue = filters.site ? { id: filters.site, name: site.data?.name ?? `#${filters.site}` } : null;

  return (
    <details className="mb-4 rounded-lg border border-slate-200 bg-white" open>
      <summary className="flex cursor-pointer items-center gap-2 px-4 py-3 text-sm font-medium text-slate-800">
        <SlidersHorizontal className="size-4" aria-hidden="true" />
        Filters{count ? ` (${count} on)` : ''}
      </summary>
      <div className="grid gap-4 border-t border-slate-100 px-4 py-4 sm:grid-cols-2 lg:grid-cols-4">
        <Labeled id={`${p}-status`} label="Status">
          <Select
            id={`${p}-status`}
            value={filters.status ?? ''}
            onChange={(e) => onChange({ status: e.target.value || null })}
          >
            <option value="">Any status</option>
            {FILTER_STATUSES[kind].map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </Select>
        </Labeled>
        <Labeled id={`${p}-customer`} label="Customer">
          <RecordPicker
            kind="customers"
            id={`${p}-customer`}
            value={customerValue}
            onChange={(v) => onChange({ customer: v?.id ?? null, site: null })}
            placeholder="Any customer"
          />
        </Labeled>
        <Labeled id={`${p}-site`} label="Site">
          <RecordPicker
            kind="sites"
            id={`${p}-site`}
            value={siteValue}
            onChange={(v) => onChange({ site: v?.id ?? null })}
            filter={filters.customer ? { customer_id: filters.customer } : undefined}
            placeholder="Any site"
          />
        </Labeled>
        <Labeled id={`${p}-job`} label="Job number">
          <Input
            id={`${p}-job`}
            inputMode="numeric"
            defaultValue={filters.job ?? ''}
            key={filters.job ?? 'none'}
            placeholder="e.g. 1042"
            onBlur={(e) =>
              onChange({ job: /^\d+$/.test(e.target.value.trim()) ? Number(e.target.value.trim()) : null })
            }
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            }}
          />
        </Labeled>
        <Labeled id={`${p}-changed`} label="Changed since">
          <Input
            id={`${p}-changed`}
            type="date"
            value={filters.changed ?? ''}
            onChange={(e) => onChange({ changed: e.target.value || null })}
          />
        </Labeled>
        <Labeled id={`${p}-created`} label="Created since">
          <Input
            id={`${p}-created`}
            type="date"
            value={filters.created ?? ''}
            onChange={(e) => onChange({ created: e.target.value || null })}
          />
        </Labeled>
        {kind === 'invoice' && (
          <Labeled id={`${p}-paid`} label="Paid since">
            <Input
              id={`${p}-paid`}
              type="date"
              value={filters.paid ?? ''}
              onChange={(e) => onChange({ paid: e.target.value || null })}
            />
          </Labeled>
        )}
        <div className="flex items-end gap-2">
          <Labeled id={`${p}-sort`} label="Sort by">
            <Select
              id={`${p}-sort`}
              value={filters.sort ?? ''}
              onChange={(e) => onChange({ sort: (e.target.value || null) as BillingFilters['sort'] })}
            >
              <option value="">Default ({kind === 'invoice' ? 'number' : 'last change'})</option>
              {sortsFor(kind).map((s) => (
                <option key={s} value={s}>
                  {SORT_LABELS[s]}
                </option>
              ))}
            </Select>
          </Labeled>
          <Labeled id={`${p}-order`} label="Order">
            <Select
              id={`${p}-order`}
              value={filters.order ?? 'desc'}
              onChange={(e) => onChange({ order: e.target.value === 'asc' ? 'asc' : null })}
            >
              <option value="desc">Descending</option>
              <option value="asc">Ascending</option>
            </Select>
          </Labeled>
        </div>
        {count > 0 && (
          <div className="flex items-end">
            <Button variant="ghost" size="sm" onClick={onClear}>
              Clear filters
            </Button>
          </div>
        )}
      </div>
    </details>
  );
}
