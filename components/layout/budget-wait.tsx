'use client';

/**
 * "Waiting for the Synchroteam API budget (about N s)" instead of a silent spinner, on every console page.
 *
 * Design (why not something else): a request the server's gateway holds behind the spent minute budget has not
 * answered yet, so nothing in its own response can say so in time (a header arrives with the data, after the wait),
 * and streaming a progress answer from every route would change every route. The gateway already knows when its queue
 * resumes (`waitingUntil` in GET /api/status, a local read that costs no API call). So the browser asks it, and only
 * while something a person waits for has been pending for more than a second: a react-query read or write of the
 * page, or a server-rendered page still loading (loading.tsx mounts <PendingPageMarker/>). One notice for the whole
 * console, in the shell: every list and page gets it without touching each of them, and two spinners on one page
 * never say it twice. It is a live region that is always in the page, so screen readers hear it when it appears.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Hourglass } from 'lucide-react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { budgetWaitSeconds, budgetWaitText } from '@/lib/ui/budget-wait';
import { fetchJson } from '@/lib/queries/client';
import { statusQueryKey } from './connection-indicator';
import type { StatusResponse } from './status-types';

/** A request pending this long may be waiting for the budget: from then on the status is asked. */
export const PENDING_MS = 1000;
const POLL_MS = 2000;

// Server-rendered pages loading (loading.tsx): react-query does not see those requests.
let pagesLoading = 0;
const pageListeners = new Set<() => void>();
function onPagesLoading(l: () => void) {
  pageListeners.add(l);
  return () => void pageListeners.delete(l);
}

/** Mounted by a loading screen: the page it stands for counts as pending while it shows. */
export function PendingPageMarker() {
  useEffect(() => {
    pagesLoading++;
    pageListeners.forEach((l) => l());
    return () => {
      pagesLoading--;
      pageListeners.forEach((l) => l());
    };
  }, []);
  return null;
}

/** True once something a person waits for has been pending for PENDING_MS, until nothing is. */
function usePendingLong(): boolean {
  const qc = useQueryClient();
  const [long, setLong] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending = false;
    const check = () => {
      // The status poll itself is not what the person waits for.
      const now =
        qc.isFetching({ predicate: (q) => q.queryKey[0] !== statusQueryKey[0] }) + qc.isMutating() + pagesLoading > 0;
      if (now === pending) return;
      pending = now;
      clearTimeout(timer);
      timer = setTimeout(() => setLong(now), now ? PENDING_MS : 0);
    };
    const stops = [qc.getQueryCache().subscribe(check), qc.getMutationCache().subscribe(check), onPagesLoading(check)];
    check();
    return () => {
      stops.forEach((s) => s());
      clearTimeout(timer);
    };
  }, [qc]);
  return long;
}

/** Seconds the budget still holds requests back, while `active`; null when it does not. */
function useBudgetWait(active: boolean): number | null {
  const status = useQuery({
    queryKey: statusQueryKey,
    queryFn: ({ signal }) => fetchJson<StatusResponse>('/api/status', { signal }),
    enabled: active,
    refetchInterval: active ? POLL_MS : false,
    staleTime: POLL_MS / 2,
    retry: false,
  });
  // Counted down between two answers.
  const now = useSyncExternalStore(active ? subscribeSecond : subscribeNever, readSecond, () => 0);
  if (!active || !status.data) return null;
  return budgetWaitSeconds(status.data.quota, status.data.at, status.dataUpdatedAt, now);
}

// A clock that ticks each second while someone listens (a snapshot must not change between two reads of a render).
let second = Date.now();
const readSecond = () => second;
function subscribeSecond(l: () => void) {
  second = Date.now();
  const t = setInterval(() => {
    second = Date.now();
    l();
  }, 1000);
  return () => clearInterval(t);
}
const subscribeNever = () => () => undefined;

export function BudgetWaitNotice() {
  const seconds = useBudgetWait(usePendingLong());
  return (
    // Over the page, at the foot of the window, where it hides no heading or filter: appearing moves nothing.
    <div role="status" className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-3">
      {seconds !== null && (
        <p className="flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 shadow-md">
          <Hourglass className="size-4 shrink-0" aria-hidden="true" />
          <span>
            {budgetWaitText(seconds)}. <span className="text-amber-900">Everyone using this dashboard shares it.</span>
          </span>
        </p>
      )}
    </div>
  );
}
