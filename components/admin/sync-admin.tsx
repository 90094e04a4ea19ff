'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RefreshCw } from 'lucide-react';
import { useState } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { explainError } from '@/lib/ui/api-errors';
import { fetchJson } from '@/lib/queries/client';
import { formatCount, formatInstant } from '@/lib/ui/format';
import { formatLag, formatProgress, formatSyncCalls, formatUtc, resyncCallEstimate } from '@/lib/ui/mirror-status';
import type { MirrorResourceStatus, SyncResponse } from './sync-types';

export const syncKey = ['admin', 'sync'] as const;

/** A time in the account's zone, with UTC in the title. */
function When({ ms, timeZone }: { ms: number | null; timeZone: string }) {
  if (ms === null) return <span className="text-slate-500">—</span>;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatUtc(ms)}>
      {formatInstant(ms, timeZone)}
    </time>
  );
}

/**
 * The account mirror seen by an admin: per resource whether its first copy is read, how many records it holds, where
 * its change cursor stands and how fresh it is, the last error; the day's sync calls against sync's allowance; and a
 * Resync per resource. Refreshes every 5 s (a local read of the mirror's cursors: no API call).
 */
export function SyncAdmin({ timeZone }: { timeZone: string }) {
  const qc = useQueryClient();
  const sync = useQuery({
    queryKey: syncKey,
    queryFn: ({ signal }) => fetchJson<SyncResponse>('/api/admin/sync', { signal }),
    refetchInterval: 5000,
    refetchIntervalInBackground: false,
  });
  const [confirm, setConfirm] = useState<MirrorResourceStatus | null>(null);
  const resync = useMutation({
    mutationFn: (resource: string) =>
      fetchJson<{ resource: string; row: MirrorResourceStatus | null }>('/api/admin/sync/resync', {
        method: 'POST',
        json: { resource },
      }),
    onSuccess: ({ row }) => {
      setConfirm(null);
      if (row)
        qc.setQueryData<SyncResponse>(syncKey, (old) =>
          old?.mirror === 'on'
            ? { ...old, resources: old.resources.map((r) => (r.resource === row.resource ? row : r)) }
            : old,
        );
      void qc.invalidateQueries({ queryKey: syncKey });
    },
  });

  const header = (
    <PageHeader
      title="Sync"
      description={`The account mirror: the dashboard's copy of the Synchroteam account. Times in ${timeZone}.`}
    />
  );
  const data = sync.data;
  if (!data) {
    return (
      <>
        {header}
        {sync.isError ? (
          <ErrorState error={sync.error} onRetry={() => sync.refetch()} />
        ) : (
          <Skeleton className="h-64" />
        )}
      </>
    );
  }
  if (data.mirror === 'off') {
    return (
      <>
        {header}
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-700">
          The account mirror is off on this server (MIRROR=off): every screen reads the Synchroteam API live, and there
          is nothing to sync.
        </p>
      </>
    );
  }
  const { status, resources, quotaLimit } = data;
  const ready = resources.filter((r) => r.ready).length;
  return (
    <>
      {header}
      <section aria-label="Overview" className="mb-5 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-medium text-slate-600">Backfill</h2>
          <p className="mt-1 text-lg font-semibold text-slate-900">
            {status.state === 'ready' ? 'Ready' : `Importing the account: ${status.percent} %`}
          </p>
          <p className="text-sm text-slate-600">
            {ready} of {resources.length} resources ready · jobs {status.jobsPercent} %
          </p>
          {status.state === 'importing' && (
            <progress className="mt-2 h-2 w-full" max={100} value={status.percent} aria-label="Backfill progress">
              {status.percent} %
            </progress>
          )}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-medium text-slate-600">Sync calls (UTC day)</h2>
          <p className="mt-1 text-sm text-slate-900" data-testid="sync-calls">
            {formatSyncCalls(status, quotaLimit)}
          </p>
          <p className="text-sm text-slate-600">
            Jobs as of <When ms={status.asOf} timeZone={timeZone} />
          </p>
        </div>
      </section>
      {sync.isError && <ErrorState compact className="mb-3" error={sync.error} onRetry={() => sync.refetch()} />}
      <Table caption="Mirrored resources" captionHidden>
        <THead>
          <Tr>
            <Th>Resource</Th>
            <Th>State</Th>
            <Th className="text-right">Records</Th>
            <Th>Backfill</Th>
            <Th>Changes since</Th>
            <Th>Last read</Th>
            <Th className="text-right">Calls today</Th>
            <Th>Last error</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </Tr>
        </THead>
        <TBody>
          {resources.map((r) => (
            <Tr key={r.resource}>
              <Th scope="row" className="text-left font-medium whitespace-nowrap text-slate-900">
                {r.label}
              </Th>
              <Td>{r.ready ? <Badge tone="green">Ready</Badge> : <Badge tone="amber">Importing</Badge>}</Td>
              <Td className="text-right tabular-nums">{formatCount(r.records)}</Td>
              <Td className="whitespace-nowrap tabular-nums">
                {r.ready ? 'done' : formatProgress(r.backfillRecords, r.backfillTotal)}
              </Td>
              <Td className="whitespace-nowrap tabular-nums">
                <When ms={r.cursorMs} timeZone={timeZone} />
              </Td>
              <Td className="whitespace-nowrap">
                {r.syncedAt === null ? (
                  <span className="text-slate-500">never</span>
                ) : (
                  <span title={formatUtc(r.syncedAt)}>{formatLag(r.lagMs)}</span>
                )}
              </Td>
              <Td className="text-right tabular-nums">{formatCount(r.callsToday)}</Td>
              <Td className="max-w-72">
                {r.lastError ? (
                  <span className="text-red-800">
                    {r.lastError}
                    {r.lastErrorAt !== null && (
                      <span className="block text-xs text-slate-600">
                        <When ms={r.lastErrorAt} timeZone={timeZone} />
                      </span>
                    )}
                  </span>
                ) : (
                  <span className="text-slate-500">none</span>
                )}
              </Td>
              <Td className="text-right">
                <Button variant="secondary" size="sm" onClick={() => setConfirm(r)} aria-label={`Resync ${r.label}`}>
                  <RefreshCw className="size-4" aria-hidden="true" />
                  <span className="hidden lg:inline">Resync</span>
                </Button>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Dialog
        open={confirm !== null}
        onClose={() => {
          setConfirm(null);
          resync.reset();
        }}
        title={confirm ? `Resync ${confirm.label}?` : 'Resync'}
        description={
          confirm &&
          `This reads every ${confirm.label.toLowerCase()} record again: about ${formatCount(resyncCallEstimate(confirm.records))} API ${
            resyncCallEstimate(confirm.records) === 1 ? 'call' : 'calls'
          } from sync's allowance. Screens keep showing the current copy meanwhile.`
        }
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirm(null)} disabled={resync.isPending}>
              Cancel
            </Button>
            <Button onClick={() => confirm && resync.mutate(confirm.resource)} disabled={resync.isPending}>
              {resync.isPending ? 'Starting…' : 'Resync'}
            </Button>
          </>
        }
      >
        {resync.isError && (
          <p role="alert" className="text-sm text-red-800">
            {explainError(resync.error).message}
          </p>
        )}
      </Dialog>
    </>
  );
}
