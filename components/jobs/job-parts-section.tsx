'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Combobox } from '@/components/ui/combobox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { defaultDepotStockQuery, partsCatalogueQuery } from '@/lib/queries/job-lookups';
import { useAddPartMutation } from '@/lib/queries/job-edits';
import { searchParts } from '@/lib/queries/parts';
import { formatMoney } from '@/lib/synchroteam/money';
import type { Job } from '@/lib/synchroteam/schemas/job';
import type { Part } from '@/lib/synchroteam/schemas/part';
import { explainError } from '@/lib/ui/api-errors';
import { JobSection, Muted } from './job-section';

/** Parts used, and adding one through job/parts/send with a catalogue type-ahead (price; stock for managers). */
export function JobPartsSection({ job, canAdd, canSeeStock }: { job: Job; canAdd: boolean; canSeeStock: boolean }) {
  const [adding, setAdding] = useState(false);
  const catalogue = useQuery({ ...partsCatalogueQuery(), enabled: adding || job.parts.length > 0 });
  const byId = new Map((catalogue.data ?? []).map((p) => [p.id, p]));
  return (
    <JobSection
      title="Parts used"
      actions={
        canAdd && !adding ? (
          <Button size="sm" variant="secondary" onClick={() => setAdding(true)}>
            Add part
          </Button>
        ) : undefined
      }
    >
      {job.parts.length === 0 ? (
        <Muted>No parts recorded.</Muted>
      ) : (
        <Table caption="Parts used on this job" captionHidden>
          <THead>
            <Tr>
              <Th>Part</Th>
              <Th className="text-right">Quantity</Th>
              <Th>Serial numbers</Th>
            </Tr>
          </THead>
          <TBody>
            {job.parts.map((p, i) => (
              <Tr key={`${p.id}-${i}`}>
                <Td>
                  {(p.id !== null && byId.get(p.id)?.name) || p.reference || `#${p.id}`}
                  {p.reference && <span className="block text-xs text-slate-500">{p.reference}</span>}
                </Td>
                <Td className="text-right tabular-nums">{p.quantity}</Td>
                <Td className="text-xs">{p.serialNumbers?.join(', ') || '—'}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {adding && (
        <AddPartForm
          jobId={job.id}
          parts={catalogue.data ?? []}
          loading={catalogue.isPending}
          canSeeStock={canSeeStock}
          onDone={() => setAdding(false)}
        />
      )}
    </JobSection>
  );
}

function AddPartForm({
  jobId,
  parts,
  loading,
  canSeeStock,
  onDone,
}: {
  jobId: string;
  parts: Part[];
  loading: boolean;
  canSeeStock: boolean;
  onDone: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Part | null>(null);
  const [qty, setQty] = useState('1');
  const [serials, setSerials] = useState('');
  const [error, setError] = useState<string | null>(null);
  const stock = useQuery({ ...defaultDepotStockQuery(), enabled: canSeeStock });
  const add = useAddPartMutation(jobId);
  const matches = useMemo(() => searchParts(parts, text), [parts, text]);
  const stockOf = (p: Part) =>
    !canSeeStock
      ? null
      : stock.data
        ? `${stock.data.stock.get(p.id) ?? 0} in stock${stock.data.depot ? ` (${stock.data.depot})` : ''}`
        : 'stock…';

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const quantity = Number(qty);
    if (!picked) return setError('Choose a part from the catalogue.');
    if (!(quantity > 0)) return setError('Enter a quantity above 0.');
    add.mutate(
      { partId: picked.id, quantity, serialNumbers: serials.split(/[,\s]+/).filter(Boolean) },
      {
        onSuccess: () => {
          toast.success(`Added ${quantity} × ${picked.name}`);
          onDone();
        },
        onError: (err) => setError(explainError(err).message),
      },
    );
  }

  return (
    <form
      onSubmit={submit}
      className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      aria-label="Add a part"
    >
      <Field label="Part">
        {(p) => (
          <Combobox
            id={p.id}
            describedBy={p['aria-describedby']}
            listLabel="Catalogue"
            placeholder={loading ? 'Loading the catalogue…' : 'Name or reference'}
            options={matches}
            getKey={(o) => o.id}
            getText={(o) => `${o.name} · ${formatMoney(Number(o.price))}`}
            renderOption={(o) => (
              <span className="flex justify-between gap-2">
                <span className="truncate">
                  {o.name}
                  {o.reference && <span className="text-slate-500"> · {o.reference}</span>}
                </span>
                <span className="shrink-0 tabular-nums text-slate-700">
                  {formatMoney(Number(o.price))}
                  {stockOf(o) && <span className="text-slate-500"> · {stockOf(o)}</span>}
                </span>
              </span>
            )}
            onSelect={setPicked}
            selectedText={picked ? `${picked.name} · ${formatMoney(Number(picked.price))}` : ''}
            onClear={() => setPicked(null)}
            onSearchChange={setText}
            debounceMs={0}
            loading={loading}
            loadingText="Loading the catalogue…"
            emptyText="No part matches"
          />
        )}
      </Field>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-qty`} className="block text-sm font-medium text-slate-800">
            Quantity
          </label>
          <Input
            id={`${id}-qty`}
            type="number"
            min="0.01"
            step="any"
            value={qty}
            onChange={(e) => setQty(e.target.value)}
          />
        </div>
        {picked?.isSerializable && (
          <div className="space-y-1">
            <label htmlFor={`${id}-sn`} className="block text-sm font-medium text-slate-800">
              Serial numbers
            </label>
            <Input
              id={`${id}-sn`}
              value={serials}
              onChange={(e) => setSerials(e.target.value)}
              placeholder="Separated by commas"
            />
          </div>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" busy={add.isPending} busyLabel="Adding…">
          Add to job
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
