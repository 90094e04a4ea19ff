/**
 * GET /api/health: this instance's health for load balancers and monitors (lib/server/health/health.ts): 200 while it
 * can serve people (status "ok" or "degraded"), 503 when its database fails. Public, like a balancer's probe must be;
 * it says nothing about the account's records, only whether the parts answer and how much budget is left. Limited per
 * client address (a probe asks every few seconds; 120 a minute is ample), and it never calls the API.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { clientAddress } from '@/lib/server/client-address';
import { getDb } from '@/lib/server/db';
import { json, route } from '@/lib/server/http/route';
import { checkHealth } from '@/lib/server/health/health';
import { getMirror, getUpstreamGateway } from '@/lib/server/upstream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const perAddress = new RateLimiterMemory({ keyPrefix: 'health-ip', points: 120, duration: 60 });
/** Twice the idle jobs interval: a mirror that has not read jobs for longer is lagging. */
const MAX_LAG_MS = 3 * 60_000;

export const GET = route({ public: true }, async ({ req }) => {
  try {
    await perAddress.consume(clientAddress(req.headers));
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    const wait = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    return json(
      { error: 'Too Many Requests', message: `Too many health checks from this address; try again in ${wait} s.` },
      429,
      { 'retry-after': String(wait) },
    );
  }
  const m = getMirror();
  const jobs = m?.store.cursor('jobs');
  const health = checkHealth({
    db: getDb(),
    snapshot: getUpstreamGateway().snapshot(),
    mirror: m && jobs ? { ready: m.store.cursors().every((c) => c.ready), jobsSyncedAt: jobs.syncedAt } : null,
    now: Date.now(),
    maxLagMs: MAX_LAG_MS,
  });
  return json(health, health.status === 'failing' ? 503 : 200);
});
