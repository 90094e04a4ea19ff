/**
 * The dispatcher's side of tracking links (app/api/jobs/[id]/tracking-link): mint a link for a job, revoke the job's
 * links. The answer carries what the job page's dialog shows, already worded: the full URL (NEXTAUTH_URL origin), the
 * expiry in the account's zone, the job's access code for the lookup page, and a mailto: link when the job's contact
 * has an email address.
 */
import 'server-only';
import { epochToLocal } from '../../synchroteam/dates';
import type { Job } from '../../synchroteam/schemas/job';
import {
  contactAddress,
  formatLinkExpiry,
  mailtoHref,
  trackingEmail,
  type TrackingLinkAnswer,
} from '../../track/share-link';
import { TRACK_TOKEN_TTL_SECONDS, signTrackToken } from '../../track/token';
import { getEnv } from '../env';
import { trackKeys } from './http';
import { displayAccessCode } from './access-codes';
import { issueInstant, revokedBefore } from './revocations';

/** A job id as the API spells them: what fits in a token (1–128 bytes), no control characters. */
export function isJobId(id: string): boolean {
  const n = Buffer.byteLength(id, 'utf8');
  return n > 0 && n <= 128 && !/[\u0000-\u001f\u007f]/.test(id);
}

export function labelInstant(ms: number): string {
  return formatLinkExpiry(epochToLocal(ms, getEnv().SYNCHROTEAM_TIMEZONE));
}

export function mintTrackingLink(job: Job, nowMs = Date.now()): TrackingLinkAnswer {
  const env = getEnv();
  const issued = issueInstant(job.id, nowMs);
  const token = signTrackToken(job.id, trackKeys(), { now: issued });
  const origin = new URL(env.NEXTAUTH_URL).origin;
  const url = new URL(`/track/${token}`, origin).toString();
  const lookupUrl = new URL('/track', origin).toString();
  const accessCode = displayAccessCode(job.num);
  // The token keeps whole seconds of expiry: say exactly what it holds.
  const verifiedExpiry = (Math.floor(issued / 1000) + TRACK_TOKEN_TTL_SECONDS) * 1000;
  const expiresLabel = labelInstant(verifiedExpiry);
  const to = contactAddress(job.contactEmail);
  const mail = to
    ? trackingEmail({
        url,
        jobNum: job.num,
        accessCode,
        lookupUrl,
        firstName: job.contactFirstName,
        expires: expiresLabel,
        company: env.COMPANY_NAME,
      })
    : null;
  const revokedAt = revokedBefore(job.id);
  return {
    url,
    expiresAt: verifiedExpiry,
    expiresLabel,
    timeZone: env.SYNCHROTEAM_TIMEZONE,
    email: to && mail ? { to, href: mailtoHref(to, mail.subject, mail.body) } : null,
    accessCode,
    lookupUrl,
    revokedAt,
    revokedLabel: revokedAt === null ? null : labelInstant(revokedAt),
  };
}
