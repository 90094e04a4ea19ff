/**
 * A job's life-cycle actions (schedule, unschedule, confirm, cancel, delete, start, complete, validate) through the
 * /api/st proxy, so each is role-checked and audited like any other write.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, nestedBody } from './client';
import { invalidateJob, jobKeys } from './job-keys';

export type LifecycleRequest =
  | {
      action: 'schedule';
      id: string;
      technicianId: number;
      otherTechnicianIds: number[];
      start: string;
      end: string | null;
    }
  | { action: 'unschedule' | 'confirm' | 'cancel' | 'delete'; id: string }
  | { action: 'start'; id: string; start: string | null }
  | { action: 'complete'; id: string; start: string | null; end: string }
  | { action: 'validate'; id: string; validateBy: { id?: number; login?: string } };

/** Runs one life-cycle action; the API's refusal (a 400 in its own words) surfaces as the ApiError's message. */
export function runLifecycle(r: LifecycleRequest): Promise<unknown> {
  switch (r.action) {
    case 'schedule':
      return api.jobs.schedule(
        nestedBody({
          id: r.id,
          technician: { id: r.technicianId },
          otherTechnicians: r.otherTechnicianIds.map((id) => ({ id })),
          scheduledStart: r.start,
          ...(r.end ? { scheduledEnd: r.end } : {}),
        }),
      );
    case 'unschedule':
      return api.jobs.unschedule({ id: r.id });
    case 'confirm':
      return api.jobs.confirm({ id: r.id });
    case 'cancel':
      return api.jobs.cancel({ id: r.id });
    case 'delete':
      return api.jobs.delete({ id: r.id });
    case 'start':
      return api.jobs.start({ id: r.id, ...(r.start ? { actualStart: r.start } : {}) });
    case 'complete':
      return api.jobs.complete({ id: r.id, ...(r.start ? { actualStart: r.start } : {}), actualEnd: r.end });
    case 'validate':
      return api.jobs.validate(nestedBody({ id: r.id, validateBy: r.validateBy }));
  }
}

export function useLifecycleMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: runLifecycle,
    onSettled: (_d, _e, r) => {
      if (r.action !== 'delete') return invalidateJob(qc, r.id);
      // A deleted job answers 404: drop it rather than refetch it under the user's feet; lists refresh.
      qc.removeQueries({ queryKey: jobKeys.detail(r.id), type: 'inactive' });
      void qc.invalidateQueries({ queryKey: ['board'] });
      return qc.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'jobs' && q.queryKey[1] !== 'lookup' && q.queryKey[1] !== 'detail',
      });
    },
  });
}
