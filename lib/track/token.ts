/**
 * Tracking-link tokens: `/track/<token>` names one job for a limited time, without revealing which.
 *
 * Format (base64url of bytes): version(1) | iv(16) | ciphertext | mac(32)
 *   plaintext  = expiry (uint32, epoch seconds) | job id (UTF-8)
 *   ciphertext = AES-256-CTR(encKey, iv, plaintext)
 *   mac        = HMAC-SHA256(macKey, version | iv | ciphertext)            (encrypt-then-MAC)
 * Both keys are derived from the server secret (NEXTAUTH_SECRET) with HKDF-SHA256 and distinct `info` labels, so the
 * tracking links never share a key with the sessions.
 *
 * Why encrypted and not only signed: a signed-but-readable token would show the API's job id (and from it nothing
 * should be learnt); the issue asks that neither id nor number be guessable from the link. The MAC is checked (in
 * constant time) before anything is decrypted, and the expiry lives inside the authenticated ciphertext.
 *
 * Pure apart from node:crypto: callers pass the secret and the clock.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 1;
const IV_LEN = 16;
const MAC_LEN = 32;
/** Version byte, IV, at least the 4 expiry bytes and one byte of id, MAC. */
const MIN_LEN = 1 + IV_LEN + 5 + MAC_LEN;
/** A job id longer than this is not one (the API's ids are UUID-sized). Keeps links short and parsing bounded. */
const MAX_ID_BYTES = 128;
/** Upper bound of a token's text length (rejects junk before decoding it). */
export const MAX_TOKEN_LENGTH = Math.ceil(((1 + IV_LEN + 4 + MAX_ID_BYTES + MAC_LEN) * 4) / 3);

/** How long a tracking link works: a week covers a job booked a few days ahead and its completion. */
export const TRACK_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;

export interface TrackTokenKeys {
  enc: Buffer;
  mac: Buffer;
}

/** Derives the two token keys from the server secret (HKDF-SHA256). */
export function deriveTrackKeys(secret: string): TrackTokenKeys {
  if (!secret) throw new Error('A server secret is required to sign tracking links');
  const salt = Buffer.from('dispatch-console/track-token/v1');
  const key = (info: string) => Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), salt, Buffer.from(info), 32));
  return { enc: key('track-token encryption'), mac: key('track-token signature') };
}

export interface SignOptions {
  /** Epoch milliseconds (the clock). */
  now: number;
  ttlSeconds?: number;
}

/** A token naming `jobId`, valid until now + ttl. */
export function signTrackToken(jobId: string, keys: TrackTokenKeys, { now, ttlSeconds = TRACK_TOKEN_TTL_SECONDS }: SignOptions): string {
  const id = Buffer.from(jobId, 'utf8');
  if (id.length === 0 || id.length > MAX_ID_BYTES) throw new Error('Job id cannot be put in a tracking link');
  const exp = Math.floor(now / 1000) + ttlSeconds;
  const plain = Buffer.alloc(4 + id.length);
  plain.writeUInt32BE(Math.max(0, Math.min(exp, 0xffffffff)), 0);
  id.copy(plain, 4);
  const iv = randomBytes(IV_LEN);
  const cipher = createCipheriv('aes-256-ctr', keys.enc, iv);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  const head = Buffer.concat([Buffer.from([VERSION]), iv, ct]);
  const mac = createHmac('sha256', keys.mac).update(head).digest();
  return Buffer.concat([head, mac]).toString('base64url');
}

export type VerifyResult =
  | { ok: true; jobId: string; expiresAt: number }
  | { ok: false; reason: 'invalid' }
  /** Authentic but past its expiry: the page can say "this link has expired" rather than "not valid". */
  | { ok: false; reason: 'expired'; expiredAt: number };

/** Checks a token's signature and expiry. Never throws on bad input. */
export function verifyTrackToken(token: unknown, keys: TrackTokenKeys, { now }: { now: number }): VerifyResult {
  const invalid = { ok: false, reason: 'invalid' } as const;
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return invalid;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length < MIN_LEN || raw[0] !== VERSION) return invalid;
  const head = raw.subarray(0, raw.length - MAC_LEN);
  const mac = raw.subarray(raw.length - MAC_LEN);
  const expected = createHmac('sha256', keys.mac).update(head).digest();
  if (!timingSafeEqual(mac, expected)) return invalid;
  const iv = head.subarray(1, 1 + IV_LEN);
  const decipher = createDecipheriv('aes-256-ctr', keys.enc, iv);
  const plain = Buffer.concat([decipher.update(head.subarray(1 + IV_LEN)), decipher.final()]);
  const expiresAt = plain.readUInt32BE(0) * 1000;
  const jobId = plain.subarray(4).toString('utf8');
  if (!jobId) return invalid;
  if (now >= expiresAt) return { ok: false, reason: 'expired', expiredAt: expiresAt };
  return { ok: true, jobId, expiresAt };
}
