import { route } from '@/lib/server/http/route';
import { getMirror, getUpstreamGateway } from '@/lib/server/upstream';
import { mirrorResources, mirrorStatus } from '@/lib/server/mirror/status';
import type { SyncResponse } from '@/components/admin/sync-types';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The admin Sync page's figures: local reads of the mirror's cursors and counters (no API call). */
export const GET = route({ area: 'accounts' }, (): SyncResponse => {
  const m = getMirror();
  return m
    ? {
        mirror: 'on',
        resources: mirrorResources(m),
        status: mirrorStatus(m),
        quotaLimit: getUpstreamGateway().snapshot().quotaLimit,
        at: Date.now(),
      }
    : { mirror: 'off', at: Date.now() };
});
