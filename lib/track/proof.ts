/**
 * The proof a customer gives beside the job number: the job's contact email, or the postcode (ZIP) of the job address.
 *
 * Readings taken:
 * - One input box takes either: text with an "@" is read as an email, anything else as a postcode. The answer is the
 *   same either way ("no match"), so this only decides how the text is normalised.
 * - Email: trimmed and lower-cased (addresses are case-insensitive in practice); no other rewriting (dots and
 *   "+tags" are kept, as mail providers differ).
 * - Postcode: letters upper-cased, spaces and hyphens removed ("sw1a 1aa" = "SW1A1AA", "75 001" = "75001").
 *   A US ZIP+4 matches its five-digit ZIP and the other way round ("60657-1234" = "60657").
 * - An empty value on the job never matches, whatever is typed.
 *
 * Comparison is constant-time: both sides are reduced to HMAC-SHA256 digests under a per-process random key (equal
 * length whatever the inputs, and no early exit), then compared with timingSafeEqual. Both candidate values (email
 * and postcode) are always compared, so the time does not tell which one exists or matched.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type ProofKind = 'email' | 'postcode';

export interface ProofTarget {
  contactEmail: string | null | undefined;
  addressZIP: string | null | undefined;
}

/** Longest proof text accepted (an email address is at most 254 characters). */
export const MAX_PROOF_LENGTH = 254;

export function proofKind(input: string): ProofKind {
  return input.includes('@') ? 'email' : 'postcode';
}

export function normaliseEmail(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').trim().toLowerCase();
}

export function normalisePostcode(s: string | null | undefined): string {
  const p = (s ?? '').normalize('NFKC').trim().toUpperCase().replace(/[\s\-–.]/g, '');
  // ZIP+4 → ZIP: the customer may know either form; both name the same delivery area.
  return /^\d{9}$/.test(p) ? p.slice(0, 5) : p;
}

const COMPARE_KEY = randomBytes(32);
const digest = (s: string) => createHmac('sha256', COMPARE_KEY).update(s, 'utf8').digest();

/** Constant-time equality of two strings (time independent of content and of length). Empty never equals. */
export function safeEqual(a: string, b: string): boolean {
  const same = timingSafeEqual(digest(a), digest(b));
  // Evaluated after the comparison, on lengths only, so an empty stored value does not shorten the work.
  return same && a.length > 0 && b.length > 0;
}

/** True when `input` is the job's contact email or the postcode of its address. */
export function proofMatches(input: string, job: ProofTarget): boolean {
  const text = input.slice(0, MAX_PROOF_LENGTH);
  const kind = proofKind(text);
  const emailOk = safeEqual(normaliseEmail(text), normaliseEmail(job.contactEmail));
  const zipOk = safeEqual(normalisePostcode(text), normalisePostcode(job.addressZIP));
  return kind === 'email' ? emailOk : zipOk;
}

/** The same work as a real comparison, for a job that does not exist: keeps "no such job" as slow as "wrong proof". */
export function proofMatchesNothing(input: string): false {
  proofMatches(input, { contactEmail: 'nobody@invalid.invalid', addressZIP: '00000' });
  return false;
}
