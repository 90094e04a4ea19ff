import { z } from 'zod';
import { jsonError } from '@/lib/server/auth/route-guard';
import { route } from '@/lib/server/http/route';
import { getMirror } from '@/lib/server/upstream';
import { RESOURCES, type ResourceName } from '@/lib/server/mirror/resources';
import { mirrorResources } from '@/lib/server/mirror/status';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const NAMES = RESOURCES.map((r) => r.name) as [ResourceName, ...ResourceName[]];
const ZResync = z.object(
  { resource: z.enum(NAMES, { error: `Choose one of the mirrored resources: ${NAMES.join(', ')}.` }) },
  { error: 'The body must be {"resource": "<name>"}.' },
);

/**
 * Admin "Resync": forgets the resource's sync position so the mirror reads every record of it again (its records stay
 * and are served meanwhile), and asks the sync engine to start at once instead of at the next planned tick.
 */
export const POST = route(
  {
    area: 'accounts',
    forbidden: 'Only admins can resync the account mirror.',
    body: ZResync,
    audit: 'admin/sync/resync',
  },
  ({ body: { resource }, audit }) => {
    const mirror = getMirror();
    if (!mirror)
      return jsonError(409, 'Conflict', 'The account mirror is off (MIRROR=off): every read goes to the API live.');
    mirror.store.resetCursor(resource);
    mirror.sync.soon(resource);
    audit({ recordKeys: `mirror:${resource}`, status: 200, outcome: 'ok', detail: 'resync started' });
    // The row as it stands now (importing, records kept), so the page shows the restart without waiting for its poll.
    const row = mirrorResources(mirror).find((r) => r.resource === resource) ?? null;
    return { resource, row };
  },
);
