import { NextResponse } from 'next/server';
import { z } from 'zod';
import { recordAudit, type AuditEntry } from '@/lib/server/audit';
import { getSessionUser, type SessionUser } from '@/lib/server/auth/session';
import { jsonError } from '@/lib/server/auth/route-guard';
import { getMirror } from '@/lib/server/upstream';
import { RESOURCES, type ResourceName } from '@/lib/server/mirror/resources';
import { mirrorResources } from '@/lib/server/mirror/status';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ENDPOINT = 'admin/sync/resync';
const NAMES = RESOURCES.map((r) => r.name) as [ResourceName, ...ResourceName[]];
const ZResync = z.object({
  resource: z.enum(NAMES, { error: `Choose one of the mirrored resources: ${NAMES.join(', ')}.` }),
});

function audit(user: SessionUser, entry: Omit<AuditEntry, 'userId' | 'userEmail' | 'method' | 'endpoint'>): void {
  try {
    recordAudit({ ...entry, method: 'POST', endpoint: ENDPOINT, userId: user.id, userEmail: user.email });
  } catch (e) {
    // The resync is started: a failed audit write is logged, not turned into a failed answer.
    console.error('audit write failed', e);
  }
}

/**
 * Admin "Resync": forgets the resource's sync position so the mirror reads every record of it again (its records stay
 * and are served meanwhile), and asks the sync engine to start at once instead of at the next planned tick.
 */
export async function POST(req: Request) {
  const user = await getSessionUser();
  if (!user) return jsonError(401, 'Unauthorized', 'Sign in again to continue.');
  if (user.role !== 'admin') {
    audit(user, { recordKeys: '', status: 403, outcome: 'refused', detail: `role ${user.role}` });
    return jsonError(403, 'Forbidden', 'Only admins can resync the account mirror.');
  }
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    audit(user, { recordKeys: '', status: 400, outcome: 'refused', detail: 'malformed JSON body' });
    return jsonError(400, 'BadRequest', 'The request body must be JSON.');
  }
  const parsed = ZResync.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue?.path.length ? issue.message : 'The body must be {"resource": "<name>"}.';
    audit(user, { recordKeys: '', status: 400, outcome: 'refused', detail: message });
    return jsonError(400, 'BadRequest', message, { field: 'resource' });
  }
  const { resource } = parsed.data;
  const mirror = getMirror();
  if (!mirror) return jsonError(409, 'Conflict', 'The account mirror is off (MIRROR=off): every read goes to the API live.');
  mirror.store.resetCursor(resource);
  mirror.sync.soon(resource);
  audit(user, { recordKeys: `mirror:${resource}`, status: 200, outcome: 'ok', detail: 'resync started' });
  // The row as it stands now (importing, records kept), so the page shows the restart without waiting for its poll.
  const row = mirrorResources(mirror).find((r) => r.resource === resource) ?? null;
  return NextResponse.json({ resource, row }, { headers: { 'cache-control': 'no-store' } });
}
