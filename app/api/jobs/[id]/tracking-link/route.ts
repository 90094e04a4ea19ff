/**
 * The job page's "Customer tracking link" (roles that may see jobs):
 *   POST   /api/jobs/<id>/tracking-link — mints a new link for the job → the URL, its expiry and a mailto: link.
 *   DELETE /api/jobs/<id>/tracking-link?num=<job number> — revokes every link of the job issued so far ("Revoke
 *          links") and changes its access code (the number keys the code: lib/track/access-code.ts).
 * Both are audited. The token itself never goes into the audit log: it is a credential for the customer's page.
 */
import { upstreamError } from '@/lib/server/upstream-error';
import { NextResponse } from 'next/server';
import { recordAudit, type AuditEntry } from '@/lib/server/audit';
import { guardRoute, jsonError } from '@/lib/server/auth/route-guard';
import type { SessionUser } from '@/lib/server/auth/session';
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

type Ctx = { params: Promise<{ id: string }> };

function audit(user: SessionUser, entry: Omit<AuditEntry, 'userId' | 'userEmail'>) {
  try {
    recordAudit({ ...entry, userId: user.id, userEmail: user.email });
  } catch (e) {
    // Like the proxy: a failed audit record must not turn a done action into an error for the dispatcher.
    console.error('[tracking-link] audit record failed', e);
  }
}

const noStore = { 'cache-control': 'no-store' };

/** Like the job page: the segment as the client encoded it (job ids are UUID-like, so this is a no-op for them). */
function jobIdOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function POST(_req: Request, { params }: Ctx): Promise<Response> {
  const g = await guardRoute('jobs');
  if (g.response) return g.response;
  const id = jobIdOf((await params).id);
  if (!isJobId(id)) return jsonError(400, 'BadRequest', "Parameter 'id' is not a job id");
  const keys = `id=${id.slice(0, 60)}`;
  let job;
  try {
    job = await getJob(id, 'interactive', { fresh: true });
  } catch (e) {
    const status = isApiError(e) ? e.status : 502;
    audit(g.user, { method: 'POST', endpoint: 'tracking-link/create', recordKeys: keys, status, outcome: 'error', detail: (e as Error)?.message, notSent: true });
    return upstreamError(e, 'tracking-link route');
  }
  if (!job || job.dateDeleted) {
    const message = job ? 'This job is deleted: its customer cannot track it.' : 'This job is gone: it may have been deleted.';
    audit(g.user, { method: 'POST', endpoint: 'tracking-link/create', recordKeys: keys, status: job ? 409 : 404, outcome: 'refused', detail: message });
    return jsonError(job ? 409 : 404, job ? 'Conflict' : 'NotFound', message);
  }
  const answer = mintTrackingLink(job);
  audit(g.user, {
    method: 'POST',
    endpoint: 'tracking-link/create',
    recordKeys: `${keys} num=${job.num}`,
    status: 200,
    outcome: 'ok',
    detail: `Tracking link valid until ${new Date(answer.expiresAt).toISOString()}`,
  });
  return NextResponse.json(answer, { headers: noStore });
}

export async function DELETE(req: Request, { params }: Ctx): Promise<Response> {
  const g = await guardRoute('jobs');
  if (g.response) return g.response;
  const id = jobIdOf((await params).id);
  if (!isJobId(id)) return jsonError(400, 'BadRequest', "Parameter 'id' is not a job id");
  const num = parseJobNumber(new URL(req.url).searchParams.get('num') ?? '');
  if (num === null) return jsonError(400, 'BadRequest', "Parameter 'num' must be the job's number", { field: 'num' });
  // No API call: revoking must work even when the job is gone or the API is busy. (The number comes from the job page
  // of someone allowed to see every job; a wrong one would only change another job's code.)
  const now = Date.now();
  const at = revokeJobLinks(id, { userId: g.user.id, email: g.user.email }, now);
  const generation = rotateAccessCode(num, g.user.email, now);
  audit(g.user, {
    method: 'DELETE',
    endpoint: 'tracking-link/revoke',
    recordKeys: `id=${id.slice(0, 60)} num=${num}`,
    status: 200,
    outcome: 'ok',
    // Never the code itself: it is a credential.
    detail: `Tracking links issued up to ${new Date(at).toISOString()} revoked; access code changed (generation ${generation})`,
  });
  const body: RevokeAnswer = { revokedAt: at, revokedLabel: labelInstant(at), timeZone: getEnv().SYNCHROTEAM_TIMEZONE };
  return NextResponse.json(body, { headers: noStore });
}
