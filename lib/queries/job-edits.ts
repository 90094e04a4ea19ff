/**
 * Changes to the job itself: the job form's save, its custom field values, and the parts used on it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Job } from '@/lib/synchroteam/schemas/job';
import { api, nestedBody } from './client';
import { invalidateJob, jobKeys } from './job-keys';

export function useSaveJobMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.jobs.send(body as Partial<Job>),
    onSuccess: (job) => {
      qc.setQueryData(jobKeys.detail(job.id), job);
      return invalidateJob(qc, job.id);
    },
  });
}

/** Custom field values only (job/send with a partial payload keeps everything else). */
export function useSaveCustomFieldsMutation(jobId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (values: { id: number; value: string }[]) =>
      api.jobs.send({ id: jobId, customFieldValues: values } as Partial<Job>),
    onSuccess: (job) => qc.setQueryData(jobKeys.detail(job.id), job),
  });
}

export function useAddPartMutation(jobId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { partId: number; quantity: number; serialNumbers: string[] }) =>
      api.jobs.sendParts(
        nestedBody({
          id: jobId,
          parts: [
            { id: p.partId, quantity: p.quantity, serialNumbers: p.serialNumbers.length ? p.serialNumbers : null },
          ],
        }),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.detail(jobId) }),
  });
}
