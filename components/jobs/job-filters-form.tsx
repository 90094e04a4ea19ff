'use client';

/**
 * Every filter job/list offers, applied as soon as a control changes (the URL is the state; no "Apply" step). On small
 * screens the panel folds into a disclosure that says how many filters are on.
 */
import { useQuery } from '@tanstack/react-query';
import { SlidersHorizontal } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { IdSelect, Select } from '@/components/ui/select';
import {
  JOB_SHOWS,
  JOB_SORTS,
  JOB_SORT_LABELS,
  PAGE_SIZES,
  activeFilterCount,
  type JobFilters,
} from '@/lib/jobs/job-filters';
import { STATUS_LABELS } from '@/lib/jobs/job-actions';
import { jobTypesQuery, reportTemplatesQuery, teamsQuery, usersQuery } from '@/lib/queries/job-lookups';
import { JOB_STATUSES } from '@/lib/synchroteam/job-status';
import { RecordCombobox } from './record-combobox';
import { sortedUsers, userName } from './job-people';
import { TechnicianCombobox, userPerson } from './technician-combobox';

const SHOW_LABELS = { active: 'Active jobs', deleted: 'Deleted jobs', all: 'Active and deleted' } as const;

function Labeled({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = `jf-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

export function JobFiltersForm({
  filters,
  onChange,
  onClear,
}: {
  filters: JobFilters;
  onChange: (c: Partial<JobFilters>) => void;
  onClear: () => void;
}) {
  const users = useQuery(usersQuery());
  const teams = useQuery(teamsQuery());
  const types = useQuery(jobTypesQuery());
  const templates = useQuery(reportTemplatesQuery());
  const count = activeFilterCount(filters);
  const [open, setOpen] = useState(false);

  return (
    <div className="mb-4 rounded-lg border border-slate-200 bg-white">
      {/* Phones: the panel folds behind a toggle; from md up it is always shown. */}
      <button
        type="button"
        className="flex w-full items-center gap-2 px-4 py-3 text-left text-sm font-medium text-slate-800 md:hidden"
        aria-expanded={open}
        aria-controls="job-filters"
        onClick={() => setOpen((o) => !o)}
      >
        <SlidersHorizontal className="size-4" aria-hidden="true" />
        {open ? 'Hide filters' : 'Show filters'}
        {count ? ` (${count} on)` : ''}
      </button>
      <h2 className="hidden items-center gap-2 px-4 pt-3 text-sm font-medium text-slate-800 md:flex">
        <SlidersHorizontal className="size-4" aria-hidden="true" />
        Filters{count ? ` (${count} on)` : ''}
      </h2>
      <div
        id="job-filters"
        className={`space-y-4 border-t border-slate-100 px-4 py-4 md:mt-3 md:block ${open ? 'block' : 'hidden'}`}
      >
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Status</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {JOB_STATUSES.map((s) => {
              const on = filters.status.includes(s);
              return (
                <label
                  key={s}
                  className={`inline-flex cursor-pointer items-center gap-1.5 rounded-full border px-3 py-1 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 ${
                    on ? 'border-brand bg-brand/10 font-medium text-slate-900' : 'border-slate-300 text-slate-700'
                  }`}
                >
                  <input
                    type="checkbox"
                    className="size-3.5 accent-[var(--color-brand,#0f766e)]"
                    checked={on}
                    onChange={() =>
                      onChange({ status: on ? filters.status.filter((x) => x !== s) : [...filters.status, s] })
                    }
                  />
                  {STATUS_LABELS[s]}
                </label>
              );
            })}
          </div>
        </fieldset>

        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Labeled label="From">
            {(id) => (
              <Input id={id} type="date" value={filters.from} onChange={(e) => onChange({ from: e.target.value })} />
            )}
          </Labeled>
          <Labeled label="To">
            {(id) => (
              <Input id={id} type="date" value={filters.to} onChange={(e) => onChange({ to: e.target.value })} />
            )}
          </Labeled>
          <Labeled label="Technician">
            {(id) => (
              <TechnicianCombobox
                id={id}
                people={sortedUsers(users.data ?? [])}
                {...userPerson}
                value={filters.tech ?? null}
                onChange={(tech) => onChange({ tech })}
                placeholder="Any technician"
                renderOption={(u) => (
                  <>
                    {userName(u)}
                    {u.profile !== 'technician' && <span className="text-slate-600"> ({u.profile})</span>}
                  </>
                )}
              />
            )}
          </Labeled>
          <Labeled label="Technician's team">
            {(id) => (
              <IdSelect
                id={id}
                value={filters.team}
                options={teams.data}
                none="Any team"
                onValue={(team) => onChange({ team })}
              />
            )}
          </Labeled>
          <Labeled label="Preferred team">
            {(id) => (
              <IdSelect
                id={id}
                value={filters.teamPref}
                options={teams.data}
                none="Any preference"
                onValue={(teamPref) => onChange({ teamPref })}
              />
            )}
          </Labeled>
          <RecordCombobox
            kind="customers"
            label="Customer"
            value={filters.customer}
            onChange={(p) => onChange({ customer: p?.id ?? null, site: null, equipment: null })}
          />
          <RecordCombobox
            kind="sites"
            label="Site"
            value={filters.site}
            narrow={filters.customer ? { customer_id: filters.customer } : undefined}
            onChange={(p) => onChange({ site: p?.id ?? null, equipment: null })}
          />
          <RecordCombobox
            kind="equipment"
            label="Equipment"
            value={filters.equipment}
            narrow={
              filters.site
                ? { site_id: filters.site }
                : filters.customer
                  ? { customer_id: filters.customer }
                  : undefined
            }
            onChange={(p) => onChange({ equipment: p?.id ?? null })}
          />
          <Labeled label="Job type">
            {(id) => (
              <IdSelect
                id={id}
                value={filters.type}
                options={types.data}
                none="Any type"
                onValue={(type) => onChange({ type })}
              />
            )}
          </Labeled>
          <Labeled label="Report template">
            {(id) => (
              <IdSelect
                id={id}
                value={filters.template}
                options={templates.data}
                none="Any template"
                onValue={(template) => onChange({ template })}
              />
            )}
          </Labeled>
          <Labeled label="Photos">
            {(id) => (
              <Select
                id={id}
                value={filters.photos ?? ''}
                onChange={(e) => onChange({ photos: (e.target.value || null) as JobFilters['photos'] })}
              >
                <option value="">With or without</option>
                <option value="yes">With photos</option>
                <option value="no">Without photos</option>
              </Select>
            )}
          </Labeled>
          <Labeled label="Show">
            {(id) => (
              <Select
                id={id}
                value={filters.show}
                onChange={(e) => onChange({ show: e.target.value as JobFilters['show'] })}
              >
                {JOB_SHOWS.map((s) => (
                  <option key={s} value={s}>
                    {SHOW_LABELS[s]}
                  </option>
                ))}
              </Select>
            )}
          </Labeled>
        </div>

        <div className="flex flex-wrap items-end gap-3 border-t border-slate-100 pt-4">
          <Labeled label="Sort by">
            {(id) => (
              <Select
                id={id}
                value={filters.sort}
                onChange={(e) => onChange({ sort: e.target.value as JobFilters['sort'] })}
                className="w-48"
              >
                {JOB_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {JOB_SORT_LABELS[s]}
                  </option>
                ))}
              </Select>
            )}
          </Labeled>
          <Labeled label="Order">
            {(id) => (
              <Select
                id={id}
                value={filters.order}
                onChange={(e) => onChange({ order: e.target.value as 'asc' | 'desc' })}
                className="w-40"
              >
                <option value="desc">Descending</option>
                <option value="asc">Ascending</option>
              </Select>
            )}
          </Labeled>
          <Labeled label="Per page">
            {(id) => (
              <Select
                id={id}
                value={filters.size}
                onChange={(e) => onChange({ size: Number(e.target.value) })}
                className="w-24"
              >
                {PAGE_SIZES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            )}
          </Labeled>
          {count > 0 && (
            <Button variant="ghost" onClick={onClear} className="ml-auto">
              Clear filters
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
