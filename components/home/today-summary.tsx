'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AlarmClock, CalendarDays, ClipboardList, Inbox, MapPin, Truck, UserRound } from 'lucide-react';
import { useRef } from 'react';
import { fetchJson } from '@/lib/queries/client';
import { errorStatus } from '@/lib/ui/api-errors';
import { formatCount } from '@/lib/ui/format';
import { JOB_STATUSES, type JobStatus } from '@/lib/synchroteam/job-status';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { statusQueryKey } from '@/components/layout/connection-indicator';
import type { HomeSummary } from './summary-types';

export const homeKeys = { summary: ['home', 'summary'] as const };

const STATUS_LABEL: Record<JobStatus, string> = {
  created: 'Unscheduled',
  scheduled: 'Scheduled',
  synchronized: 'Confirmed',
  started: 'In progress',
  paused: 'Paused',
  completed: 'Completed',
  validated: 'Validated',
  cancelled: 'Cancelled',
};
const STATUS_TONE: Record<JobStatus, BadgeTone> = {
  created: 'neutral',
  scheduled: 'blue',
  synchronized: 'violet',
  started: 'amber',
  paused: 'amber',
  completed: 'green',
  validated: 'green',
  cancelled: 'red',
};
const BAR: Record<JobStatus, string> = {
  created: 'bg-slate-400',
  scheduled: 'bg-blue-500',
  synchronized: 'bg-violet-500',
  started: 'bg-amber-500',
  paused: 'bg-amber-300',
  completed: 'bg-green-600',
  validated: 'bg-green-800',
  cancelled: 'bg-red-500',
};

function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  // A calendar date, not an instant: format it in UTC so the browser's zone cannot shift the day.
  return new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}

function Stat({
  label,
  value,
  icon,
  note,
  tone,
}: {
  label: string;
  value: string;
  icon: React.ReactNode;
  note?: string;
  tone?: 'warn';
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="flex items-center gap-2 text-sm text-slate-600">
        <span aria-hidden="true" className="text-slate-400">
          {icon}
        </span>
        {label}
      </dt>
      <dd
        className={
          tone === 'warn'
            ? 'mt-1 text-3xl font-semibold tabular-nums text-amber-700'
            : 'mt-1 text-3xl font-semibold tabular-nums text-slate-900'
        }
      >
        {value}
      </dd>
      {note && <dd className="mt-0.5 text-xs text-slate-500">{note}</dd>}
    </div>
  );
}

function SummarySkeleton() {
  return (
    <div role="status" aria-label="Loading today's summary">
      <Skeleton className="mb-4 h-5 w-72" />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-[106px]" />
        ))}
      </div>
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Skeleton className="h-72" />
        <Skeleton className="h-72" />
      </div>
    </div>
  );
}

/** Today at a glance: one call to /api/home/summary, refreshed every minute while the page is visible. */
export function TodaySummary() {
  const hasData = useRef(false);
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: homeKeys.summary,
    queryFn: ({ signal }) =>
      fetchJson<HomeSummary>(`/api/home/summary${hasData.current ? '?background=1' : ''}`, { signal }).then((s) => {
        hasData.current = true;
        // The summary just spent API budget: let the header's quota indicator show it now (a local read).
        void qc.invalidateQueries({ queryKey: statusQueryKey });
        return s;
      }),
    // The server caches 30 s for everyone; a minute here keeps the API budget for the dispatch board.
    refetchInterval: 60_000,
    staleTime: 30_000,
    // Busy API: try again after the wait it announced (a few times), else the usual rule.
    retry: (count, err) => (errorStatus(err) === 429 ? count < 3 : count < 1 && (errorStatus(err) ?? 500) >= 500),
    retryDelay: (_n, err) => Math.min(60_000, ((err as { retryAfter?: number }).retryAfter ?? 5) * 1000),
  });

  if (q.isPending) return <SummarySkeleton />;
  if (q.isError && !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const s = q.data;
  const late = s.lateToStart;
  const max = Math.max(1, ...JOB_STATUSES.map((st) => s.jobsToday.byStatus[st]));

  return (
    <div>
      <p className="mb-4 flex flex-wrap items-center gap-x-2 text-sm text-slate-600">
        <CalendarDays className="size-4" aria-hidden="true" />
        <span className="font-medium text-slate-900">{dayLabel(s.date)}</span>
        <span>
          · as of {s.asOf.slice(11)} ({s.timeZone})
        </span>
        {q.isError && <span className="text-amber-800">· could not refresh, showing the last figures</span>}
      </p>
      {s.truncated && (
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Today has more jobs than this summary reads: counts are at least the figures shown.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Jobs today" value={formatCount(s.jobsToday.total)} icon={<ClipboardList className="size-4" />} />
        <Stat
          label="Unscheduled"
          value={formatCount(s.unscheduled)}
          icon={<Inbox className="size-4" />}
          note="Waiting for a date and technician"
        />
        <Stat
          label="Late to start"
          value={formatCount(late)}
          icon={<AlarmClock className="size-4" />}
          note="Start time passed, not started"
          tone={late > 0 ? 'warn' : undefined}
        />
        <Stat
          label="Technicians active"
          value={formatCount(s.technicians.active.length)}
          icon={<Truck className="size-4" />}
          note={`of ${formatCount(s.technicians.total)} technicians`}
        />
      </dl>

      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <section aria-labelledby="by-status" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="by-status" className="font-semibold text-slate-900">
            Today&apos;s jobs by status
          </h2>
          {s.jobsToday.total === 0 ? (
            <EmptyState className="mt-3 border-none" title="No jobs today" icon={<ClipboardList className="size-8" />}>
              Nothing is planned, ongoing or completed today.
            </EmptyState>
          ) : (
            <ul className="mt-3 space-y-2">
              {JOB_STATUSES.map((st) => {
                const n = s.jobsToday.byStatus[st];
                return (
                  <li key={st} className="grid grid-cols-[8.5rem_1fr_3rem] items-center gap-3 text-sm">
                    <Badge tone={STATUS_TONE[st]} className="justify-self-start">
                      {STATUS_LABEL[st]}
                    </Badge>
                    <span aria-hidden="true" className="h-2.5 rounded-full bg-slate-100">
                      <span
                        className={`block h-2.5 rounded-full ${BAR[st]}`}
                        style={{ width: `${(n / max) * 100}%` }}
                      />
                    </span>
                    <span className="text-right font-medium tabular-nums">{formatCount(n)}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section aria-labelledby="active-techs" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="active-techs" className="font-semibold text-slate-900">
            Technicians active now
          </h2>
          <p className="text-xs text-slate-500">On a started job, or seen by GPS in the last 30 minutes</p>
          {s.technicians.active.length === 0 ? (
            <EmptyState
              className="mt-3 border-none"
              title="Nobody active right now"
              icon={<UserRound className="size-8" />}
            />
          ) : (
            // A long list scrolls: keyboard users reach it as one tab stop (it holds no links of its own).
            <ul
              className="mt-3 max-h-80 divide-y divide-slate-100 overflow-y-auto focus-visible:outline-2 focus-visible:outline-brand"
              tabIndex={0}
              aria-labelledby="active-techs"
            >
              {s.technicians.active.map((t) => (
                <li key={t.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <span className="flex min-w-0 items-center gap-2">
                    <UserRound className="size-4 shrink-0 text-slate-400" aria-hidden="true" />
                    <span className="truncate font-medium">{t.name}</span>
                  </span>
                  <span className="flex shrink-0 items-center gap-2 text-xs text-slate-600">
                    {t.startedJobNum !== null && <Badge tone="amber">On job #{t.startedJobNum}</Badge>}
                    {t.lastSeen && (
                      <span className="flex items-center gap-1">
                        <MapPin className="size-3.5" aria-hidden="true" />
                        seen {t.lastSeen.slice(11)}
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
