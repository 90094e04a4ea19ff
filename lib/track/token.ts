/**
 * Tracking-link tokens: `/track/<token>` names one job for a limited time, without revealing which.
 *
 * Format (base64url of bytes): version(1) | iv(16) | ciphertext | mac(32)
 *   plaintext v2 = expiry (uint32, epoch seconds) | issued at (uint48, epoch milliseconds) | job id (UTF-8)
 *   plaintext v1 = expiry (uint32, epoch seconds) | job id (UTF-8)        (still verified; no longer signed)
 *   ciphertext = AES-256-CTR(encKey, iv, plaintext)
 *   mac        = HMAC-SHA256(macKey, version | iv | ciphertext)            (encrypt-then-MAC)
 * Both keys are derived from the server secret (NEXTAUTH_SECRET) with HKDF-SHA256 and distinct `info` labels, so the
 * tracking links never share a key with the sessions.
 *
 * Why encrypted and not only signed: a signed-but-readable token would show the API's job id (and from it nothing
 * should be learnt); the issue asks that neither id nor number be guessable from the link. The MAC is checked (in
 * constant time) before anything is decrypted, and the expiry lives inside the authenticated ciphertext.
 *
 * The issue time (v2) lets a dispatcher revoke every link of a job sent so far (lib/server/track/revocations.ts): a
 * token issued at or before the job's `revokedBefore` stops working. Milliseconds, so a link minted right after a
 * revocation (same second) is not caught by it. A v1 token counts as issued at its expiry minus the standard TTL:
 * every v1 link predates the first revocation, and that estimate is never later than its real issue time.
 *
 * Pure apart from node:crypto: callers pass the secret and the clock.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION_1 = 1;
const VERSION_2 = 2;
const IV_LEN = 16;
const MAC_LEN = 32;
const EXP_LEN = 4;
const ISSUED_LEN = 6;
/** Bytes of plaintext before the job id, per version. */
const HEADER_LEN: Record<number, number> = { [VERSION_1]: EXP_LEN, [VERSION_2]: EXP_LEN + ISSUED_LEN };
/** A job id longer than this is not one (the API's ids are UUID-sized). Keeps links short and parsing bounded. */
const MAX_ID_BYTES = 128;
/** Upper bound of a token's text length (rejects junk before decoding it); v2 is the longer format. */
export const MAX_TOKEN_LENGTH = Math.ceil(((1 + IV_LEN + EXP_LEN + ISSUED_LEN + MAX_ID_BYTES + MAC_LEN) * 4) / 3);

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
  const key = (info: string) =>
    Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), salt, Buffer.from(info), 32));
  return { enc: key('track-token encryption'), mac: key('track-token signature') };
}

export interface SignOptions {
  /** Epoch milliseconds (the clock). */
  now: number;
  ttlSeconds?: number;
}

function seal(version: number, plain: Buffer, keys: TrackTokenKeys): string {
  const iv = randomBytes(IV_LEN);
  const cipher = createCipheriv('aes-256-ctr', keys.enc, iv);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  const head = Buffer.concat([Buffer.from([version]), iv, ct]);
  const mac = createHmac('sha256', keys.mac).update(head).digest();
  return Buffer.concat([head, mac]).toString('base64url');
}

function jobIdBytes(jobId: string): Buffer {
  const id = Buffer.from(jobId, 'utf8');
  if (id.length === 0 || id.length > MAX_ID_BYTES) throw new Error('Job id cannot be put in a tracking link');
  return id;
}

const expirySeconds = (now: number, ttlSeconds: number) =>
  Math.max(0, Math.min(Math.floor(now / 1000) + ttlSeconds, 0xffffffff));

/** A token naming `jobId`, issued `now` and valid until now + ttl (format v2). */
export function signTrackToken(
  jobId: string,
  keys: TrackTokenKeys,
  { now, ttlSeconds = TRACK_TOKEN_TTL_SECONDS }: SignOptions,
): string {
  const id = jobIdBytes(jobId);
  const plain = Buffer.alloc(EXP_LEN + ISSUED_LEN + id.length);
  plain.writeUInt32BE(expirySeconds(now, ttlSeconds), 0);
  plain.writeUIntBE(Math.max(0, Math.min(Math.floor(now), 2 ** 48 - 1)), EXP_LEN, ISSUED_LEN);
  id.copy(plain, EXP_LEN + ISSUED_LEN);
  return seal(VERSION_2, plain, keys);
}

/**
 * A token in the old v1 format (no issue time), as links sent before v2 look. Kept only so tests can prove those links
 * still verify; the app never signs v1.
 */
export function signTrackTokenV1(
  jobId: string,
  keys: TrackTokenKeys,
  { now, ttlSeconds = TRACK_TOKEN_TTL_SECONDS }: SignOptions,
): string {
  const id = jobIdBytes(jobId);
  const plain = Buffer.alloc(EXP_LEN + id.length);
  plain.writeUInt32BE(expirySeconds(now, ttlSeconds), 0);
  id.copy(plain, EXP_LEN);
  return seal(VERSION_1, plain, keys);
}

export type VerifyResult =
  /** `issuedAt`: epoch ms (v1 tokens: expiry minus the standard TTL). */
  | { ok: true; jobId: string; expiresAt: number; issuedAt: number }
  | { ok: false; reason: 'invalid' }
  /** Authentic but past its expiry: the page can say "this link has expired" rather than "not valid". */
  | { ok: false; reason: 'expired'; expiredAt: number };

/** Checks a token's signature and expiry. Never throws on bad input. */
export function verifyTrackToken(token: unknown, keys: TrackTokenKeys, { now }: { now: number }): VerifyResult {
  const invalid = { ok: false, reason: 'invalid' } as const;
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return invalid;
  const raw = Buffer.from(token, 'base64url');
  // base64url's last character can carry unused bits: decoding ignores them, so several strings decode to the same
  // bytes. Only the one canonical spelling works, so an altered link never opens (the e2e's one-character tamper
  // opened the job about one time in sixteen).
  if (raw.toString('base64url') !== token) return invalid;
  const version = raw[0];
  const headerLen = HEADER_LEN[version];
  // Version byte, IV, the version's fixed fields and at least one byte of id, MAC.
  if (headerLen === undefined || raw.length < 1 + IV_LEN + headerLen + 1 + MAC_LEN) return invalid;
  const head = raw.subarray(0, raw.length - MAC_LEN);
  const mac = raw.subarray(raw.length - MAC_LEN);
  const expected = createHmac('sha256', keys.mac).update(head).digest();
  if (!timingSafeEqual(mac, expected)) return invalid;
  const iv = head.subarray(1, 1 + IV_LEN);
  const decipher = createDecipheriv('aes-256-ctr', keys.enc, iv);
  const plain = Buffer.concat([decipher.update(head.subarray(1 + IV_LEN)), decipher.final()]);
  const expiresAt = plain.readUInt32BE(0) * 1000;
  const issuedAt =
    version === VERSION_2 ? plain.readUIntBE(EXP_LEN, ISSUED_LEN) : expiresAt - TRACK_TOKEN_TTL_SECONDS * 1000;
  const jobId = plain.subarray(headerLen).toString('utf8');
  if (!jobId) return invalid;
  if (now >= expiresAt) return { ok: false, reason: 'expired', expiredAt: expiresAt };
  return { ok: true, jobId, expiresAt, issuedAt };
}

/**
 * Applies a job's revocation to a verified token: issued at or before `revokedBefore` (epoch ms) → the same answer as
 * a link past its date, so a revoked link tells its holder nothing a lapsed one would not.
 */
export function applyRevocation(result: VerifyResult, revokedBefore: number | null | undefined): VerifyResult {
  if (!result.ok || revokedBefore === null || revokedBefore === undefined) return result;
  if (result.issuedAt > revokedBefore) return result;
  return { ok: false, reason: 'expired', expiredAt: revokedBefore };
}
