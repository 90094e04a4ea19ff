/**
 * The job page's "Customer tracking link" (roles that may see jobs):
 *   POST   /api/jobs/<id>/tracking-link — mints a new link for the job → the URL, its expiry and a mailto: link.
 *   DELETE /api/jobs/<id>/tracking-link?num=<job number> — revokes every link of the job issued so far ("Revoke
 *          links") and changes its access code (the number keys the code: lib/track/access-code.ts).
 * Both are audited. The token itself never goes into the audit log: it is a credential for the customer's page.
 */
import { z } from 'zod';
import { jsonError } from '@/lib/server/auth/route-guard';
import { route } from '@/lib/server/http/route';
import { upstreamError } from '@/lib/server/upstream-error';
import { isApiError } from '@/lib/synchroteam/errors';
import { isJobId, labelInstant, mintTrackingLink } from '@/lib/server/track/link';
import { revokeJobLinks } from '@/lib/server/track/revocations';
import { rotateAccessCode } from '@/lib/server/track/access-codes';
import { parseJobNumber } from '@/lib/track/input';
import { getJob } from '@/lib/server/track/upstream';
import { getEnv } from '@/lib/server/env';
import type { RevokeAnswer } from '@/lib/track/share-link';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Like the job page: the segment as the client encoded it (job ids are UUID-like, so this is a no-op for them). */
function jobIdOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const ZParams = z.object({ id: z.string().transform(jobIdOf).refine(isJobId, 'is not a job id') });
const ZRevokeQuery = z.object({
  num: z
    .string()
    .default('')
    .transform((v) => parseJobNumber(v))
    .refine((n) => n !== null, "must be the job's number")
    .transform((n) => n!),
});

export const POST = route({ area: 'jobs', params: ZParams, audit: 'tracking-link/create' }, async (ctx) => {
  const { id } = ctx.params;
  ctx.recordKeys = `id=${id.slice(0, 60)}`;
  let job;
  try {
    job = await getJob(id, 'interactive', { fresh: true });
  } catch (e) {
    const status = isApiError(e) ? e.status : 502;
    ctx.audit({ status, outcome: 'error', detail: (e as Error)?.message, notSent: true });
    return upstreamError(e, 'tracking-link route');
  }
  if (!job || job.dateDeleted) {
    const message = job
      ? 'This job is deleted: its customer cannot track it.'
      : 'This job is gone: it may have been deleted.';
    ctx.audit({ status: job ? 409 : 404, outcome: 'refused', detail: message });
    return jsonError(job ? 409 : 404, job ? 'Conflict' : 'NotFound', message);
  }
  const answer = mintTrackingLink(job);
  ctx.audit({
    recordKeys: `${ctx.recordKeys} num=${job.num}`,
    status: 200,
    outcome: 'ok',
    detail: `Tracking link valid until ${new Date(answer.expiresAt).toISOString()}`,
  });
  return answer;
});

export const DELETE = route(
  { area: 'jobs', params: ZParams, query: ZRevokeQuery, audit: 'tracking-link/revoke' },
  ({ params: { id }, query: { num }, user, audit }) => {
    // No API call: revoking must work even when the job is gone or the API is busy. (The number comes from the job page
    // of someone allowed to see every job; a wrong one would only change another job's code.)
    const now = Date.now();
    const at = revokeJobLinks(id, { userId: user.id, email: user.email }, now);
    const generation = rotateAccessCode(num, user.email, now);
    audit({
      recordKeys: `id=${id.slice(0, 60)} num=${num}`,
      status: 200,
      outcome: 'ok',
      // Never the code itself: it is a credential.
      detail: `Tracking links issued up to ${new Date(at).toISOString()} revoked; access code changed (generation ${generation})`,
    });
    const body: RevokeAnswer = {
      revokedAt: at,
      revokedLabel: labelInstant(at),
      timeZone: getEnv().SYNCHROTEAM_TIMEZONE,
    };
    return body;
  },
);
