'use client';

/**
 * CSV export of every job the filters select: walks job/list 100 at a time (the API's largest page), one page after
 * another with background priority, so the gateway serves a dispatcher's clicks first and the shared per-minute
 * budget is never burst. Before starting it checks the day's quota (GET /api/status, no upstream call) and refuses an
 * export that would eat into what the rest of the team needs today. Progress is shown and announced; Cancel stops
 * between pages. The browser builds the file: a server route would spend exactly the same requests.
 */
import { Download } from 'lucide-react';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { StatusResponse } from '@/components/layout/status-types';
import { jobCsvFileName, jobsToCsv } from '@/lib/jobs/job-csv';
import { downloadCsv } from '@/lib/csv';
import { jobListQuery, type JobFilters } from '@/lib/jobs/job-filters';
import { iteratePages, MAX_PAGE_SIZE } from '@/lib/synchroteam/paginate';
import type { JobListItem } from '@/lib/synchroteam/schemas/job';
import { accountToday } from '@/lib/scheduling/wall-clock';
import { explainError } from '@/lib/ui/api-errors';
import { formatCount } from '@/lib/ui/format';
import { api, fetchJson } from '@/lib/queries/client';

/** Requests left in the day's quota that an export must not touch (the board and the map need them). */
const DAILY_RESERVE = 1_000;

type State =
  | { phase: 'idle' }
  | { phase: 'running'; loaded: number; total: number; page: number; pages: number }
  | { phase: 'done'; count: number; fileName: string; ms: number; requests: number }
  | { phase: 'refused'; message: string }
  | { phase: 'failed'; message: string };

export function JobsCsvExport({
  filters,
  total,
  timeZone,
  disabled,
}: {
  filters: JobFilters;
  total: number;
  timeZone: string;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const pages = Math.max(1, Math.ceil(total / MAX_PAGE_SIZE));

  async function run() {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setState({ phase: 'running', loaded: 0, total, page: 0, pages });
    try {
      const status = await fetchJson<StatusResponse>('/api/status', { signal: ctrl.signal }).catch(() => null);
      const left = status?.quota?.quotaRemaining;
      if (status?.quota?.quotaLimit && typeof left === 'number' && pages > left - DAILY_RESERVE) {
        setState({
          phase: 'refused',
          message: `This export needs ${formatCount(pages)} requests and only ${formatCount(left)} are left in today’s API quota, which the whole team shares. Narrow the filters (a shorter date range, one status) and try again.`,
        });
        return;
      }
      const started = performance.now();
      const all: JobListItem[] = [];
      let requests = 0;
      for await (const page of iteratePages(
        (q) => api.jobs.list(q, { signal: ctrl.signal, priority: 'background' }),
        { ...jobListQuery(filters, { paged: false }), otherTechnicians: true },
        {
          signal: ctrl.signal,
          onProgress: (p) =>
            setState({
              phase: 'running',
              loaded: p.loaded,
              total: p.total,
              page: p.page,
              pages: Math.max(1, Math.ceil(p.total / MAX_PAGE_SIZE)),
            }),
        },
      )) {
        requests++;
        all.push(...page.data);
      }
      const fileName = jobCsvFileName(accountToday(timeZone), filters.status);
      downloadCsv(jobsToCsv(all, timeZone), fileName);
      setState({ phase: 'done', count: all.length, fileName, ms: Math.round(performance.now() - started), requests });
    } catch (e) {
      if (ctrl.signal.aborted) setState({ phase: 'idle' });
      else setState({ phase: 'failed', message: explainError(e).message });
    } finally {
      abort.current = null;
    }
  }

  function close() {
    abort.current?.abort();
    setOpen(false);
    setState({ phase: 'idle' });
  }

  const pct = state.phase === 'running' && state.total ? Math.round((state.loaded / state.total) * 100) : 0;

  return (
    <>
      <Button variant="secondary" size="sm" disabled={disabled} onClick={() => setOpen(true)}>
        <Download className="size-4" aria-hidden="true" />
        Export CSV
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title="Export jobs to CSV"
        description={`All ${formatCount(total)} jobs the current filters select, every page, in one file. Times are ${timeZone} wall clock.`}
        footer={
          state.phase === 'running' ? (
            <Button variant="secondary" onClick={() => abort.current?.abort()}>
              Cancel export
            </Button>
          ) : (
            <>
              <Button variant="secondary" onClick={close}>
                Close
              </Button>
              {state.phase !== 'done' && state.phase !== 'refused' && (
                <Button onClick={() => void run()}>{state.phase === 'failed' ? 'Try again' : 'Start export'}</Button>
              )}
            </>
          )
        }
      >
        {state.phase === 'idle' && (
          <p className="text-sm text-slate-700">
            This reads {formatCount(pages)} page{pages === 1 ? '' : 's'} of 100 jobs ({formatCount(pages)} API request
            {pages === 1 ? '' : 's'}), after everyone’s interactive requests.
          </p>
        )}
        {state.phase === 'running' && (
          <div>
            <progress className="h-2 w-full" max={state.total || 1} value={state.loaded} aria-label="Export progress" />
            <p className="mt-2 text-sm text-slate-700" role="status">
              Page {state.page} of {formatCount(state.pages)} — {formatCount(state.loaded)} of{' '}
              {formatCount(state.total)} jobs ({pct}%)
            </p>
          </div>
        )}
        {state.phase === 'done' && (
          <p className="text-sm text-green-800" role="status">
            Exported {formatCount(state.count)} jobs to {state.fileName} ({formatCount(state.requests)} requests,{' '}
            {(state.ms / 1000).toFixed(1)} s).
          </p>
        )}
        {(state.phase === 'refused' || state.phase === 'failed') && (
          <p className="text-sm text-red-800" role="alert">
            {state.message}
          </p>
        )}
      </Dialog>
    </>
  );
}
