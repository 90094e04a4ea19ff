'use client';

import { useQuery } from '@tanstack/react-query';
import { Gauge } from 'lucide-react';
import { fetchJson } from '@/lib/ui/fetch-json';
import { Badge } from '@/components/ui/badge';
import { quotaLevel, quotaText } from '@/lib/ui/quota';
import type { StatusResponse } from './status-types';

export const statusQueryKey = ['status'] as const;

const LEVEL_CLASS = { ok: '', unknown: '', low: 'font-semibold text-amber-800', out: 'font-semibold text-red-700' } as const;

/**
 * The connected Synchroteam account (the sandbox or the live domain) and the API budget every user of this dashboard
 * shares. Polls /api/status every 30 s (a local read of the gateway's counters: it costs no API call).
 */
export function ConnectionIndicator({ initial, variant = 'header' }: { initial: StatusResponse; variant?: 'header' | 'panel' }) {
  const { data } = useQuery({
    queryKey: statusQueryKey,
    queryFn: ({ signal }) => fetchJson<StatusResponse>('/api/status', { signal }),
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
    staleTime: 25_000,
    initialData: initial,
    initialDataUpdatedAt: initial.at,
    retry: false,
  });
  const connection = data?.connection ?? initial.connection;
  const q = data?.quota ?? null;
  const text = q ? quotaText(q) : null;
  return (
    <div className={variant === 'panel' ? 'flex flex-wrap items-center gap-2 text-xs' : 'flex items-center gap-2 text-xs'}>
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
    </div>
  );
}
