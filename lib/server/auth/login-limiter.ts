/**
 * Sign-in attempt limits: 5 failures per email+IP and 30 per IP in 15 minutes. In memory now; the same
 * rate-limiter-flexible API has a Redis store for several instances.
 */
import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const perAccount = new RateLimiterMemory({ keyPrefix: 'login-account', points: 5, duration: 15 * 60 });
const perIp = new RateLimiterMemory({ keyPrefix: 'login-ip', points: 30, duration: 15 * 60 });

/** Seconds to wait before another attempt is allowed, or 0. */
export async function loginBlockedFor(email: string, ip: string): Promise<number> {
  const [a, b] = await Promise.all([perAccount.get(`${email}|${ip}`), perIp.get(ip)]);
  const blocked = [a, b].filter((r): r is RateLimiterRes => !!r && r.remainingPoints <= 0);
  return blocked.length ? Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000) : 0;
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  await Promise.allSettled([perAccount.consume(`${email}|${ip}`), perIp.consume(ip)]);
}

export async function recordLoginSuccess(email: string, ip: string): Promise<void> {
  await perAccount.delete(`${email}|${ip}`);
}
