'use client';

/**
 * Saving what the dispatcher does on the board: warnings first (lib/scheduling/conflicts.ts), then an optimistic
 * update of the board's cached data, the API call through the proxy, and a rollback with a plain message when the API
 * refuses. Jobs this board changed are remembered for a minute so live refresh does not announce them as someone
 * else's move.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { toast } from 'sonner';
import { boardActions, boardKeys } from '@/lib/queries/board';
import type { BoardData, BoardJob, BoardPreferences } from '@/lib/scheduling/board-types';
import { changedMeanwhile, checkPlacement, type PlacementWarning } from '@/lib/scheduling/conflicts';
import { mergeChanges } from '@/lib/scheduling/board-merge';
import { formatApiDateTime, parseApiDate, minutePart, datePart } from '@/lib/synchroteam/dates';
import type { Job } from '@/lib/synchroteam/schemas/job';
import { explainError } from '@/lib/ui/api-errors';
import { nextStatus } from '@/lib/synchroteam/job-status';

export interface PlacementRequest {
  job: BoardJob;
  technicianId: number;
  otherTechnicianIds: number[];
  /** "YYYY-MM-DD HH:mm" wall clock */
  start: string;
  end: string;
  /**
   * Puts a dragged or resized event back where it was. FullCalendar keeps showing its own drop while the move is
   * checked and saved (the board's data then agrees with it, so nothing is redrawn); a move that is called off must
   * undo it. (A refused save needs no call: the rollback of the data redraws the event.)
   */
  revert?: () => void;
}

export interface PendingPlacement {
  request: PlacementRequest;
  warnings: PlacementWarning[];
}

/** A drop is checked against a details read at most this old (the drag's own prefetch, usually). */
const DETAILS_FRESH_MS = 15_000;

/** The board's picture of the job is part of the key: after this board moves it, the next drop reads again. */
const detailsKey = (job: BoardJob) =>
  [job.id, job.dateModified, job.status, job.technicianId, job.start, job.end].join('@');

const wall = (t: string | null | undefined) => (t ? formatApiDateTime(parseApiDate(t)) : null);

export function prefsOf(j: Pick<Job, 'preferences'>): BoardPreferences | null {
  const p = j.preferences;
  if (!p) return null;
  return {
    date: p.date != null ? datePart(p.date) : null,
    dateTime: wall(p.dateTime),
    isPool: p.isPool,
    windowId: p.schedulingWindow?.id ?? null,
    teamId: p.team?.id ?? null,
    userId: p.user?.id ?? null,
  };
}

function message(e: unknown): string {
  const x = explainError(e);
  return x.message || x.title;
}

export function useBoardActions(from: string, to: string) {
  const qc = useQueryClient();
  const key = boardKeys.window(from, to);
  const [pending, setPending] = useState<PendingPlacement | null>(null);
  const mine = useRef(new Map<string, number>());

  const data = () => qc.getQueryData<BoardData>(key);
  const apply = useCallback(
    (jobs: BoardJob[]) => {
      qc.setQueryData<BoardData>(key, (d) => (d ? mergeChanges(d, jobs).data : d));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [qc, from, to],
  );
  const markMine = (id: string) => mine.current.set(id, Date.now());
  const isMine = useCallback((id: string) => {
    const t = mine.current.get(id);
    return t !== undefined && Date.now() - t < 60_000;
  }, []);

  /**
   * The job's details, read when a drag starts (prefetchPreferences) so that by the drop they are usually there:
   * preferences are only in job/details, and they say whether someone else moved the job meanwhile (the read is the
   * server's mirror, no API call). Kept per picture of the job for DETAILS_FRESH_MS: a drop checks against a recent read.
   */
  const detailReads = useRef(new Map<string, { at: number; read: Promise<Job | undefined> }>());
  const readDetails = useCallback((job: BoardJob) => {
    const k = detailsKey(job);
    const hit = detailReads.current.get(k);
    if (hit && Date.now() - hit.at < DETAILS_FRESH_MS) return hit.read;
    const read = boardActions.details(job.id).then(
      (full) => full,
      () => {
        detailReads.current.delete(k); // a failed read is tried again next time
        return undefined;
      },
    );
    detailReads.current.set(k, { at: Date.now(), read });
    return read;
  }, []);
  const prefetchPreferences = useCallback((job: BoardJob) => void readDetails(job), [readDetails]);
  /** The "someone else changed this job since the board showed it" warning, from its details. */
  const movedIn = (shown: BoardJob, full: Job) =>
    changedMeanwhile(
      shown,
      {
        status: full.status,
        technicianId: full.technician?.id ?? null,
        start: full.scheduledStart ?? null,
        end: full.scheduledEnd ?? null,
      },
      (id) => data()?.technicians.find((t) => t.id === id)?.name,
    );
  const movedMeanwhile = useCallback(
    async (job: BoardJob) => {
      const full = await readDetails(job);
      return full ? movedIn(job, full) : null;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [readDetails, from, to],
  );
  const withPreferences = useCallback(
    async (job: BoardJob): Promise<BoardJob> => {
      if (job.preferences !== undefined) return job;
      const full = await readDetails(job);
      return full === undefined ? job : { ...job, preferences: prefsOf(full) };
    },
    [readDetails],
  );

  const warningsFor = useCallback(
    (r: PlacementRequest): PlacementWarning[] => {
      const d = data();
      const tech = d?.technicians.find((t) => t.id === r.technicianId);
      if (!d || !tech) return [];
      return checkPlacement(
        { job: r.job, technician: tech, start: r.start, end: r.end },
        { jobs: d.jobs, activities: d.activities, teams: d.teams, windows: d.windows, technicians: d.technicians },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [qc, from, to],
  );

  const commit = useCallback(
    async (r: PlacementRequest) => {
      performance.mark('board:save-start');
      const before = r.job;
      const optimistic: BoardJob = {
        ...before,
        status: nextStatus(before.status, 'schedule') ?? before.status,
        technicianId: r.technicianId,
        otherTechnicianIds: r.otherTechnicianIds,
        start: minutePart(r.start),
        end: minutePart(r.end),
      };
      markMine(before.id);
      apply([optimistic]);
      try {
        const [answer] = await boardActions.schedule({
          id: before.id,
          start: r.start,
          end: r.end,
          technicianId: r.technicianId,
          otherTechnicianIds: r.otherTechnicianIds,
        });
        performance.mark('board:answered');
        if (answer) {
          apply([
            {
              ...optimistic,
              status: answer.status,
              start: wall(answer.scheduledStart),
              end: wall(answer.scheduledEnd),
              technicianId: answer.technician?.id ?? r.technicianId,
            },
          ]);
        }
        // Saved and on screen: after the frame that draws the answer (npm run bench:board reads the measure).
        requestAnimationFrame(() =>
          setTimeout(() => {
            performance.mark('board:saved');
            performance.measure('board:drag-to-saved', 'board:drop', 'board:saved');
          }, 0),
        );
        toast.success(`Job #${before.num} scheduled ${optimistic.start!.slice(5)}`, { duration: 2500 });
      } catch (e) {
        apply([before]);
        toast.error(`Job #${before.num} was not moved: ${message(e)}`);
      }
    },
    [apply],
  );

  /** Checks warnings; saves at once when there are none, else asks (the pending placement opens the dialog). */
  const requestPlacement = useCallback(
    async (r: PlacementRequest, opts: { confirmed?: boolean } = {}) => {
      const full = await readDetails(r.job);
      // Used up by this drop: the next drag reads again (someone may change the job between two tries).
      detailReads.current.delete(detailsKey(r.job));
      const job = r.job.preferences !== undefined || !full ? r.job : { ...r.job, preferences: prefsOf(full) };
      const req = { ...r, job };
      if (opts.confirmed) return commit(req);
      const moved = full ? movedIn(r.job, full) : null;
      const warnings = [...(moved ? [moved] : []), ...warningsFor(req)];
      if (warnings.length) setPending({ request: req, warnings });
      else await commit(req);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [commit, warningsFor, readDetails],
  );

  const simple = useCallback(
    async (job: BoardJob, action: 'unschedule' | 'confirm' | 'cancel') => {
      const optimistic: BoardJob =
        action === 'unschedule'
          ? { ...job, status: 'created', technicianId: null, otherTechnicianIds: [], start: null, end: null }
          : { ...job, status: action === 'confirm' ? 'synchronized' : 'cancelled' };
      markMine(job.id);
      apply([optimistic]);
      try {
        await boardActions[action](job.id);
        const done = { unschedule: 'unscheduled', confirm: 'confirmed', cancel: 'cancelled' }[action];
        toast.success(`Job #${job.num} ${done}`, { duration: 2500 });
      } catch (e) {
        apply([job]);
        toast.error(`Job #${job.num} was not ${action === 'cancel' ? 'cancelled' : action + 'ed'}: ${message(e)}`);
      }
    },
    [apply],
  );

  return {
    pending,
    clearPending: () => setPending(null),
    requestPlacement,
    warningsFor,
    withPreferences,
    movedMeanwhile,
    prefetchPreferences,
    unschedule: (j: BoardJob) => simple(j, 'unschedule'),
    confirm: (j: BoardJob) => simple(j, 'confirm'),
    cancel: (j: BoardJob) => simple(j, 'cancel'),
    isMine,
    apply,
  };
}
