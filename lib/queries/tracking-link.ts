/**
 * A job's customer tracking links (app/api/jobs/[id]/tracking-link): make a new one, or revoke every one made so far.
 * Nothing is cached: each link is made when asked for, and the revocation is the server's.
 */
import { useMutation } from '@tanstack/react-query';
import type { RevokeAnswer, TrackingLinkAnswer } from '@/lib/track/share-link';
import { fetchJson } from './client';

const path = (jobId: string) => `/api/jobs/${encodeURIComponent(jobId)}/tracking-link`;

export function useTrackingLinkMutations(jobId: string, jobNum: number) {
  return {
    create: useMutation({ mutationFn: () => fetchJson<TrackingLinkAnswer>(path(jobId), { method: 'POST' }) }),
    // The number keys the job's access code, which revoking changes too.
    revoke: useMutation({
      mutationFn: () => fetchJson<RevokeAnswer>(`${path(jobId)}?num=${jobNum}`, { method: 'DELETE' }),
    }),
  };
}
