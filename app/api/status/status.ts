/** The status answer, shared by GET /api/status and the console layout (which renders it first, so no flash). */
import 'server-only';
import type { StatusResponse } from '@/components/layout/status-types';
import { getEnv } from '@/lib/server/env';
import { getGateway, getMirror } from '@/lib/server/upstream';
import { mirrorStatus } from '@/lib/server/mirror/status';

export function buildStatus(): StatusResponse {
  const env = getEnv();
  // A local read of the gateway's counters (learned from the API's rate headers): no API call.
  const s = getGateway().snapshot();
  const known = s.limit !== null || s.quotaLimit !== null;
  return {
    connection: {
      mode: env.sandboxMode ? 'sandbox' : 'live',
      domain: env.SYNCHROTEAM_DOMAIN,
      timeZone: env.SYNCHROTEAM_TIMEZONE,
    },
    quota: known
      ? {
          limit: s.limit,
          remaining: s.remaining,
          reset: s.reset,
          quotaLimit: s.quotaLimit,
          quotaRemaining: s.quotaRemaining,
          queued: s.queued,
          waitingUntil: s.waitingUntil,
        }
      : null,
    mirror: (() => {
      const m = getMirror();
      return m ? mirrorStatus(m) : null;
    })(),
    at: Date.now(),
  };
}
