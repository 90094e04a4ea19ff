/**
 * The proof a customer gives beside the job number: the job's access code (lib/track/access-code.ts). Never the
 * postcode, the name or anything else printed on an envelope, and not the contact email either (a business's is often
 * public): see README, Security → Customer job lookup.
 *
 * Comparison is constant-time: both sides are reduced to HMAC-SHA256 digests under a per-process random key (equal
 * length whatever the inputs, and no early exit), then compared with timingSafeEqual. Text that cannot be a code
 * ("" after normalising) is compared all the same, and never matches.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { MAX_PROOF_LENGTH, normaliseAccessCode } from './access-code-text';

export { MAX_PROOF_LENGTH };

const COMPARE_KEY = randomBytes(32);
const digest = (s: string) => createHmac('sha256', COMPARE_KEY).update(s, 'utf8').digest();

/** Constant-time equality of two strings (time independent of content and of length). Empty never equals. */
export function safeEqual(a: string, b: string): boolean {
  const same = timingSafeEqual(digest(a), digest(b));
  // Evaluated after the comparison, on lengths only, so an empty value does not shorten the work.
  return same && a.length > 0 && b.length > 0;
}

/** True when `input` is the access code `expected` (normalised form, lib/track/access-code.ts). */
export function proofMatches(input: string, expected: string): boolean {
  return safeEqual(normaliseAccessCode(input.slice(0, MAX_PROOF_LENGTH)), expected);
}
