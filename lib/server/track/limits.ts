/**
 * Attempt limits of the public tracking routes (rate-limiter-flexible, counting in the app database through its SQLite
 * store, so that every app instance on the database counts together: an attacker spreading over instances gets no
 * more; the same library's PostgreSQL store takes its place on PostgreSQL).
 *
 * Lookups (guessing a job's access code is the threat; see README, Security → Customer job lookup). Designed so that
 * nobody can lock a customer out of their own job: every refusal applies to the guesser's address or to the code they
 * keep trying, never to the job.
 * - per client address: 10 lookups per 15 minutes, successful or not (IPv6: per /64, what one subscriber gets);
 * - per code tried: after 10 failed lookups with the same code (across job numbers and addresses) that code is
 *   refused for an hour: spraying one guess over many job numbers stops there. A customer's real code is only
 *   refused if someone who already knows it misuses it;
 * - per job number: failures from all addresses are counted; past 20 in an hour every answer about that job number,
 *   right or wrong, takes 3 s instead of 0.4 s. It slows a guesser with many addresses and still lets the customer in.
 * No overall limit: a wrong code is refused without any API request (the code is checked first), so public traffic
 * cannot spend the API budget the dispatchers share; the old "60 lookups a minute for everyone" let anyone block
 * every customer.
 *
 * Messages and reschedule requests (spam on the job's timeline is the threat; only holders of a valid link get
 * there): 5 per job per hour, 20 per address per hour.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type Database from 'better-sqlite3';
import { RateLimiterMemory, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getDb } from '../db';

export const LOOKUP_LIMITS = {
  perAddress: { points: 10, seconds: 15 * 60 },
  perCode: { failures: 10, seconds: 60 * 60 },
  perJob: { failures: 20, seconds: 60 * 60 },
  /** Answer time of every lookup (timing must not tell a right code from a wrong one, or a job from none). */
  floorMs: 400,
  /** Answer time about a job number that has had perJob.failures in the window. */
  slowFloorMs: 3000,
} as const;

/** Every limiter of these routes, counting where `make` puts them. */
function makeLimiters(make: (o: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract) {
  return {
    lookupAddress: make({
      keyPrefix: 'track-lookup-ip',
      points: LOOKUP_LIMITS.perAddress.points,
      duration: LOOKUP_LIMITS.perAddress.seconds,
    }),
    lookupCode: make({
      keyPrefix: 'track-lookup-code',
      points: LOOKUP_LIMITS.perCode.failures,
      duration: LOOKUP_LIMITS.perCode.seconds,
    }),
    lookupJob: make({
      keyPrefix: 'track-lookup-job',
      points: LOOKUP_LIMITS.perJob.failures,
      duration: LOOKUP_LIMITS.perJob.seconds,
    }),
    writeJob: make({ keyPrefix: 'track-write-job', points: 5, duration: 60 * 60 }),
    writeIp: make({ keyPrefix: 'track-write-ip', points: 20, duration: 60 * 60 }),
  };
}

type Limiters = ReturnType<typeof makeLimiters>;
const KEY = Symbol.for('dispatch-console.track-limits');
const holder = globalThis as { [KEY]?: Limiters };

/**
 * Where the counts live: the app database's track_limits table through rate-limiter-flexible's SQLite store (every
 * instance on the database counts together: an attacker spreading over instances gets no more), or memory (tests).
 */
export function setTrackLimitStore(store: Database.Database | 'memory'): void {
  holder[KEY] = makeLimiters((o) =>
    store === 'memory'
      ? new RateLimiterMemory(o)
      : new RateLimiterSQLite({
          ...o,
          storeClient: store,
          storeType: 'better-sqlite3',
          tableName: 'track_limits',
          // The table is the app's (lib/server/db/schema.ts, migrated with the rest).
          tableCreated: true,
          clearExpiredByTimeout: true,
        }),
  );
}

function limiters(): Limiters {
  if (!holder[KEY]) setTrackLimitStore(getDb().$client);
  return holder[KEY]!;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Consumes one point; the seconds to wait when the limit was already reached, else 0. */
async function take(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (e) {
    if (e instanceof RateLimiterRes) return seconds(e.msBeforeNext);
    throw e;
  }
}

/** Seconds to wait while `key` has no point left (without consuming), else 0. */
async function blockedFor(limiter: RateLimiterAbstract, key: string): Promise<number> {
  const r = await limiter.get(key);
  return r && r.remainingPoints <= 0 ? seconds(r.msBeforeNext) : 0;
}

/**
 * The key an address is counted under: IPv4 as is (an IPv4-mapped IPv6 address too), IPv6 by its /64 prefix (one
 * subscriber commonly holds a whole /64 and could otherwise rotate through it).
 */
export function addressKey(ip: string): string {
  const a = ip
    .trim()
    .replace(/%.*$/, '')
    .replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (mapped) return mapped[1]!;
  if (!isIPv6(a)) return a.slice(0, 64);
  const [head, tail] = a.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? h : [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

/** What a tried code is counted under: a digest (the codes themselves are not kept in memory). */
export function codeKey(normalisedOrRaw: string): string {
  return createHash('sha256').update(normalisedOrRaw).digest('base64url').slice(0, 22);
}

/** Counts a lookup attempt before it is tried. Returns seconds to wait (0 = go ahead). */
export async function admitLookup(ip: string, code: string): Promise<number> {
  const l = limiters();
  const ipWait = await take(l.lookupAddress, addressKey(ip));
  if (ipWait) return ipWait;
  return blockedFor(l.lookupCode, codeKey(code));
}

/** Counts a failed lookup (wrong code, unknown or deleted job alike) against the code tried and the job number. */
export async function recordLookupFailure(jobNumber: number, code: string): Promise<void> {
  const l = limiters();
  await take(l.lookupCode, codeKey(code));
  await take(l.lookupJob, String(jobNumber));
}

/** How long every answer about `jobNumber` takes: longer while it is being guessed at from many addresses. */
export async function answerFloorMs(jobNumber: number): Promise<number> {
  return (await blockedFor(limiters().lookupJob, String(jobNumber)))
    ? LOOKUP_LIMITS.slowFloorMs
    : LOOKUP_LIMITS.floorMs;
}

/** Counts a message or reschedule request. Returns seconds to wait (0 = go ahead). */
export async function admitWrite(ip: string, jobId: string): Promise<number> {
  const l = limiters();
  const ipWait = await take(l.writeIp, addressKey(ip));
  if (ipWait) return ipWait;
  return take(l.writeJob, jobId);
}
