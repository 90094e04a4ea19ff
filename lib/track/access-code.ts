/**
 * The access code of a job: what a customer types beside the job number to look the job up on /track.
 *
 * Why a code, and why this one: the job number is sequential and the postcode or the customer's name are printed on
 * an envelope (a postcode tried against 50 consecutive numbers opened 5 jobs); a business's contact email is often on
 * its website. The code is 8 characters of Crockford base32 (40 bits, ~1.1 × 10¹²): with the limits of
 * lib/server/track/limits.ts nobody gets near enough tries to find one.
 *
 * Derived, not stored: code = first 40 bits of HMAC-SHA256(key, "job-num:<num>:<generation>"), the key derived from
 * the server secret with HKDF (its own label: never shares a key with sessions or tracking links). So
 * - nothing needs writing when a job is created (any job has its code, whichever way it was created), every app
 *   instance computes the same code, and the app database holds no codes a leaked copy could use;
 * - the lookup can check the code BEFORE asking the API about the job: a wrong code costs no API request, so public
 *   guessing cannot spend the budget the dispatchers share;
 * - "Revoke links" on the job page bumps the job's generation (one row in the app database): the old code stops
 *   working and the dialog shows the new one. Changing the server secret changes every code (and every link).
 * Keyed by the job number (not the API's id) because the number is what the customer types: the id is only known
 * after the API has been asked.
 *
 * Pure apart from node:crypto: callers pass the key.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { ACCESS_CODE_LENGTH, ALPHABET } from './access-code-text';

export { ACCESS_CODE_LENGTH, formatAccessCode, normaliseAccessCode } from './access-code-text';

export function deriveAccessCodeKey(secret: string): Buffer {
  if (!secret) throw new Error('A server secret is required to derive access codes');
  return Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.from(secret, 'utf8'),
      Buffer.from('dispatch-console/track-access-code/v1'),
      Buffer.from('job access code'),
      32,
    ),
  );
}

/** The job's code, normalised form ("7K3QM9XZ"); `generation` 0 until the job's links are first revoked. */
export function accessCodeFor(jobNum: number, generation: number, key: Buffer): string {
  const mac = createHmac('sha256', key).update(`job-num:${jobNum}:${generation}`).digest();
  // 40 bits = 5 bytes = 8 symbols of 5 bits.
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(mac[i]!);
  let out = '';
  for (let i = ACCESS_CODE_LENGTH - 1; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}
