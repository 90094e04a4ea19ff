'use client';

import { useQuery } from '@tanstack/react-query';
import { DatabaseZap, Gauge } from 'lucide-react';
import { fetchJson } from '@/lib/queries/client';
import { Badge } from '@/components/ui/badge';
import { formatClock, formatSyncCalls, formatUtc } from '@/lib/ui/mirror-status';
import { quotaLevel, quotaText } from '@/lib/ui/quota';
import type { MirrorStatus, StatusResponse } from './status-types';

export const statusQueryKey = ['status'] as const;

const LEVEL_CLASS = {
  ok: '',
  unknown: '',
  low: 'font-semibold text-amber-800',
  out: 'font-semibold text-red-700',
} as const;

/**
 * The connected Synchroteam account (the sandbox or the live domain) and the API budget every user of this dashboard
 * shares. Polls /api/status every 30 s (a local read of the gateway's counters: it costs no API call).
 */
export function ConnectionIndicator({
  initial,
  variant = 'header',
}: {
  initial: StatusResponse;
  variant?: 'header' | 'panel';
}) {
  const { data } = useQuery({
    queryKey: statusQueryKey,
    queryFn: ({ signal }) => fetchJson<StatusResponse>('/api/status', { signal }),
    // Faster while the mirror imports, so its progress moves; both are local reads.
    refetchInterval: (query) => (query.state.data?.mirror?.state === 'importing' ? 5000 : 30_000),
    refetchIntervalInBackground: false,
    staleTime: 4000,
    initialData: initial,
    initialDataUpdatedAt: initial.at,
    retry: false,
  });
  const connection = data?.connection ?? initial.connection;
  const q = data?.quota ?? null;
  const text = q ? quotaText(q) : null;
  return (
    <div
      className={variant === 'panel' ? 'flex flex-wrap items-center gap-2 text-xs' : 'flex items-center gap-2 text-xs'}
    >
      {connection.mode === 'sandbox' ? (
        <Badge tone="amber" className="shrink-0">
          <span title="Connected to the built-in Synchroteam sandbox, not a real account">Sandbox</span>
        </Badge>
      ) : (
        <Badge tone="neutral" className="shrink-0">
          <span className="sr-only">Connected to </span>
          {connection.domain}.synchroteam.com
        </Badge>
      )}
      <div
        className={
          variant === 'panel'
            ? 'flex flex-wrap items-center gap-1.5 rounded-full bg-slate-100 px-2 py-0.5 text-slate-700'
            : 'hidden items-center gap-1.5 rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 sm:flex'
        }
        title="Synchroteam API requests left, shared by every user of this dashboard"
      >
        <Gauge className="size-3.5" aria-hidden="true" />
        <span className="sr-only">API quota:</span>
        {text ? (
          <>
            <span className={LEVEL_CLASS[quotaLevel(q!.remaining, q!.limit)]}>{text.minute}</span>
            <span aria-hidden="true">·</span>
            <span className={LEVEL_CLASS[quotaLevel(q!.quotaRemaining, q!.quotaLimit)]}>{text.day}</span>
            {q && q.queued > 0 && (
              <>
                <span aria-hidden="true">·</span>
                <span>{q.queued} waiting</span>
              </>
            )}
          </>
        ) : (
          <span>not known yet</span>
        )}
      </div>
      {data?.mirror && (
        <MirrorPill
          m={data.mirror}
          quotaLimit={q?.quotaLimit ?? null}
          timeZone={data.connection.timeZone}
          variant={variant}
        />
      )}
    </div>
  );
}

/**
 * The account mirror: "Importing the account: 62 %" while its first copy is read, then "as of 14:03:12" (when job
 * changes were last read). Below sm the words go to screen readers only, so the 390 px header keeps one short pill.
 */
function MirrorPill({
  m,
  quotaLimit,
  timeZone,
  variant,
}: {
  m: MirrorStatus;
  quotaLimit: number | null;
  timeZone: string;
  variant: 'header' | 'panel';
}) {
  const calls = formatSyncCalls(m, quotaLimit);
  const words = variant === 'panel' ? '' : 'sr-only sm:not-sr-only';
  const importing = m.state === 'importing';
  const title = importing
    ? `The dashboard is reading its copy of the Synchroteam account: ${m.percent} % overall, jobs ${m.jobsPercent} %. What is not there yet is read live. Sync: ${calls}`
    : `The dashboard's copy of the account${m.asOf ? ` was last brought up to date at ${formatUtc(m.asOf)}` : ''}. Sync: ${calls}`;
  return (
    <div
      className={
        importing
          ? 'flex shrink-0 items-center gap-1.5 rounded-full bg-amber-50 px-2 py-0.5 text-amber-900 ring-1 ring-amber-300 ring-inset'
          : 'flex shrink-0 items-center gap-1.5 rounded-full bg-slate-100 px-2 py-0.5 text-slate-700'
      }
      title={title}
      data-testid="mirror-status"
    >
      <DatabaseZap className="size-3.5" aria-hidden="true" />
      {importing ? (
        <span>
          <span className={words}>Importing the account: </span>
          <span className="tabular-nums">{m.percent} %</span>
        </span>
      ) : m.asOf ? (
        <span>
          <span className={words}>as of </span>
          {/* The account's wall clock, like every time the console shows (server and browser render the same text). */}
          <time className="tabular-nums" dateTime={new Date(m.asOf).toISOString()}>
            {formatClock(m.asOf, timeZone)}
          </time>
        </span>
      ) : (
        <span>not synced yet</span>
      )}
      <span className="sr-only">. Sync: {calls}</span>
    </div>
  );
}
