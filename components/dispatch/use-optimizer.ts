'use client';

/**
 * One optimizer run from the board: start it (day, team, pinned jobs), poll its progress every half second, cancel it,
 * keep or drop single proposed moves, apply the kept ones and follow their results. The run lives on the server
 * (app/api/optimize); this holds what the dispatcher chose. Applied moves reach the board through its live changes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RunView } from '@/lib/optimize/run-types';
import { fetchJson } from '@/lib/queries/client';
import { explainError } from '@/lib/ui/api-errors';

const POLL_MS = 500;

export function useOptimizer() {
  const [run, setRun] = useState<RunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const [pinned, setPinned] = useState<string[]>([]);
  const [starting, setStarting] = useState(false);

  const busy = run?.state === 'running' || run?.state === 'applying';
  const runId = run?.id;
  useEffect(() => {
    if (!busy || !runId) return;
    const t = setInterval(() => {
      fetchJson<{ run: RunView }>(`/api/optimize/${runId}`)
        .then(({ run: r }) => setRun(r))
        .catch((e) => setError(explainError(e).message));
    }, POLL_MS);
    return () => clearInterval(t);
  }, [busy, runId]);

  const start = useCallback(async (date: string, teamId: number | null, pin: string[], keepScheduled: boolean) => {
    setStarting(true);
    setError(null);
    setDropped(new Set());
    setPinned(pin);
    try {
      const { run: r } = await fetchJson<{ run: RunView }>('/api/optimize', {
        method: 'POST',
        json: { date, teamId, pinned: pin, keepScheduled },
      });
      setRun(r);
    } catch (e) {
      const x = explainError(e);
      setError(`${x.title}: ${x.message}`);
    } finally {
      setStarting(false);
    }
  }, []);

  const cancel = useCallback(async () => {
    if (!runId) return;
    try {
      const { run: r } = await fetchJson<{ run: RunView }>(`/api/optimize/${runId}`, { method: 'DELETE' });
      setRun(r);
    } catch (e) {
      setError(explainError(e).message);
    }
  }, [runId]);

  const apply = useCallback(async () => {
    if (!run?.proposal) return;
    const jobIds = run.proposal.moves.filter((m) => !dropped.has(m.jobId)).map((m) => m.jobId);
    setError(null);
    try {
      const { run: r } = await fetchJson<{ run: RunView }>(`/api/optimize/${run.id}/apply`, {
        method: 'POST',
        json: { jobIds },
      });
      setRun(r);
    } catch (e) {
      const x = explainError(e, { write: true });
      setError(`${x.title}: ${x.message}`);
    }
  }, [run, dropped]);

  /** Keep every proposed move, or drop them all (to keep a few). */
  const setAll = useCallback(
    (keep: boolean) => {
      setDropped(keep || !run?.proposal ? new Set() : new Set(run.proposal.moves.map((m) => m.jobId)));
    },
    [run],
  );

  const toggle = useCallback((jobId: string) => {
    setDropped((d) => {
      const n = new Set(d);
      if (n.has(jobId)) n.delete(jobId);
      else n.add(jobId);
      return n;
    });
  }, []);

  const reset = useCallback(() => {
    setRun(null);
    setError(null);
    setDropped(new Set());
    setPinned([]);
  }, []);

  return { run, error, dropped, pinned, starting, busy, start, cancel, apply, toggle, setAll, reset };
}

export type Optimizer = ReturnType<typeof useOptimizer>;
