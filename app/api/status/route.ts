/**
 * The connected Synchroteam account and the API budget left, for the header's indicator. Reads the gateway's
 * counters (learned from the API's rate headers on every answer): it never calls the API itself.
 */
import { NextResponse } from 'next/server';
import type { StatusResponse } from '@/components/layout/status-types';
import { guardRoute } from '@/lib/server/auth/route-guard';
import { getEnv } from '@/lib/server/env';
import { getGateway } from '@/lib/server/upstream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET() {
  const g = await guardRoute(null);
  if (g.response) return g.response;
  const env = getEnv();
  const s = getGateway().snapshot();
  const known = s.limit !== null || s.quotaLimit !== null;
  const body: StatusResponse = {
    connection: { mode: env.sandboxMode ? 'sandbox' : 'live', domain: env.SYNCHROTEAM_DOMAIN },
    quota: known
      ? { limit: s.limit, remaining: s.remaining, reset: s.reset, quotaLimit: s.quotaLimit, quotaRemaining: s.quotaRemaining, queued: s.queued, waitingUntil: s.waitingUntil }
      : null,
    at: Date.now(),
  };
  return NextResponse.json(body, { headers: { 'cache-control': 'no-store' } });
}
