/**
 * Attempt limits of the public tracking routes (rate-limiter-flexible, in memory; its Redis store takes over when the
 * app runs on several instances).
 *
 * Lookups (guessing a job's proof is the threat):
 * - per client IP: 10 lookups per 15 minutes, successful or not;
 * - per job number: 5 failed lookups per 15 minutes, from any IP (IP rotation does not help a guesser);
 * - all clients together: 60 lookups per minute, so public traffic cannot spend the API budget the dispatchers share.
 * Messages and reschedule requests (spam on the job's timeline is the threat): 5 per job per hour, 20 per IP per hour.
 */
import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const lookupIp = new RateLimiterMemory({ keyPrefix: 'track-lookup-ip', points: 10, duration: 15 * 60 });
const lookupJob = new RateLimiterMemory({ keyPrefix: 'track-lookup-job', points: 5, duration: 15 * 60 });
const lookupAll = new RateLimiterMemory({ keyPrefix: 'track-lookup-all', points: 60, duration: 60 });
const writeJob = new RateLimiterMemory({ keyPrefix: 'track-write-job', points: 5, duration: 60 * 60 });
const writeIp = new RateLimiterMemory({ keyPrefix: 'track-write-ip', points: 20, duration: 60 * 60 });

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Consumes one point; the seconds to wait when the limit was already reached, else 0. */
async function take(limiter: RateLimiterMemory, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (e) {
    if (e instanceof RateLimiterRes) return seconds(e.msBeforeNext);
    throw e;
  }
}

/** Seconds to wait while `key` has no point left (without consuming), else 0. */
async function blockedFor(limiter: RateLimiterMemory, key: string): Promise<number> {
  const r = await limiter.get(key);
  return r && r.remainingPoints <= 0 ? seconds(r.msBeforeNext) : 0;
}

/** Counts a lookup attempt before it is tried. Returns seconds to wait (0 = go ahead). */
export async function admitLookup(ip: string, jobNumber: number): Promise<number> {
  const ipWait = await take(lookupIp, ip);
  if (ipWait) return ipWait;
  const jobWait = await blockedFor(lookupJob, String(jobNumber));
  if (jobWait) return jobWait;
  return take(lookupAll, 'all');
}

/** Counts a failed lookup (unknown job or wrong proof, alike) against the job number. */
export async function recordLookupFailure(jobNumber: number): Promise<void> {
  await take(lookupJob, String(jobNumber));
}

/** Counts a message or reschedule request. Returns seconds to wait (0 = go ahead). */
export async function admitWrite(ip: string, jobId: string): Promise<number> {
  const ipWait = await take(writeIp, ip);
  if (ipWait) return ipWait;
  return take(writeJob, jobId);
}
