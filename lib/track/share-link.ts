/**
 * What the dispatcher's "Customer tracking link" dialog shows and sends: the expiry in words (account-local wall clock)
 * and a plain-language email, opened as a `mailto:` link in the dispatcher's own mail program (the app sends no mail).
 */
import { localToEpoch, type LocalDateTime } from '../synchroteam/dates';

/** POST /api/jobs/<id>/tracking-link answers this. */
export interface TrackingLinkAnswer {
  url: string;
  /** Epoch ms. */
  expiresAt: number;
  /** "Thursday, May 21, 2026 at 3:04 PM" in the account's zone. */
  expiresLabel: string;
  timeZone: string;
  email: { to: string; href: string } | null;
  /** The job's access code, "7K3Q-M9XZ": with the job number it opens the job on the lookup page (lookupUrl). */
  accessCode: string;
  /** The public lookup page, "https://…/track". */
  lookupUrl: string;
  /** The job's latest revocation (epoch ms and words), when there was one. */
  revokedAt: number | null;
  revokedLabel: string | null;
}

/** DELETE /api/jobs/<id>/tracking-link answers this. */
export interface RevokeAnswer {
  revokedAt: number;
  revokedLabel: string;
  timeZone: string;
}

/** "Thursday, May 21, 2026 at 3:04 PM" for an account-local wall clock (formatted through UTC: no zone shifts it). */
export function formatLinkExpiry(local: LocalDateTime, locale = 'en-US'): string {
  const d = new Date(localToEpoch(local, 'UTC'));
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  }).format(d);
  const time = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }).format(d);
  return `${day} at ${time}`;
}

/** The job's contact email when it looks like one address (else no mailto link is offered). */
export function contactAddress(email: string | null | undefined): string | null {
  const e = email?.trim();
  return e && e.length <= 254 && /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/.test(e) ? e : null;
}

export interface TrackingEmailInput {
  url: string;
  jobNum: number;
  accessCode: string;
  lookupUrl: string;
  firstName: string | null | undefined;
  expires: string;
  company: string;
}

export function trackingEmail({
  url,
  jobNum,
  accessCode,
  lookupUrl,
  firstName,
  expires,
  company,
}: TrackingEmailInput): { subject: string; body: string } {
  const name = firstName?.trim();
  const subject = `${company}: follow your service visit (job ${jobNum})`;
  const body = [
    name ? `Hello ${name},` : 'Hello,',
    '',
    `You can follow your service visit (job ${jobNum}) on this page: when it is planned, when the technician is on the way, and when the work is done. You can also send us a message from there.`,
    '',
    url,
    '',
    `The link works until ${expires}. Please keep it to yourself: anyone who has it can see the time and address of the visit.`,
    '',
    `After that, or if you lose this message's link, look your job up at ${lookupUrl} with job number ${jobNum} and access code ${accessCode}. Keep the code to yourself too.`,
    '',
    company,
  ].join('\r\n');
  return { subject, body };
}

/** `mailto:` with a prefilled subject and body (RFC 6068: percent-encoded, CRLF line breaks). */
export function mailtoHref(to: string, subject: string, body: string): string {
  const addr = encodeURIComponent(to).replace(/%40/g, '@');
  return `mailto:${addr}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
