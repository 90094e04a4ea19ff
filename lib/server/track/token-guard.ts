/** Resolves the token of a tracking route to its job id, or the JSON answer explaining why not. */
import 'server-only';
import type { NextResponse } from 'next/server';
import { applyRevocation, verifyTrackToken, type VerifyResult } from '../../track/token';
import type { Messages } from '../../track/i18n';
import { trackError, trackKeys } from './http';
import { revokedBefore } from './revocations';

export function resolveToken(
  token: string,
  m: Messages,
): { jobId: string; response?: undefined } | { jobId?: undefined; response: NextResponse } {
  const r = checkToken(token);
  if (r.ok) return { jobId: r.jobId };
  // 410 for an authentic link past its date or revoked (the page offers a new lookup); 404 for anything else.
  return r.reason === 'expired'
    ? { response: trackError(410, 'expired', m.linkExpiredTitle) }
    : { response: trackError(404, 'invalid', m.linkInvalidTitle) };
}

/**
 * The token checked against the server clock and the job's revocation (for pages and routes). A revoked link gives
 * exactly the answer of an expired one: its holder cannot tell that someone revoked it.
 */
export function checkToken(token: string): VerifyResult {
  const r = verifyTrackToken(token, trackKeys(), { now: Date.now() });
  return r.ok ? applyRevocation(r, revokedBefore(r.jobId)) : r;
}
