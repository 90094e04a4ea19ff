/**
 * The generic Synchroteam API proxy (see lib/server/proxy.ts): thin wiring of the session, audit log and gateway. The
 * route wrapper checks the request and the session (any signed-in account); the proxy's endpoint table then decides
 * the role, reads the body (its limit depends on the endpoint) and passes the gateway's answer on.
 */
import type { SessionUser } from '@/lib/server/auth/session';
import { recordAudit } from '@/lib/server/audit';
import { route } from '@/lib/server/http/route';
import { createProxyHandler } from '@/lib/server/proxy';
import { getGateway } from '@/lib/server/upstream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A proxy for this request's account, which the wrapper has already read (the session is not decoded twice). */
const proxyFor = (user: SessionUser) =>
  createProxyHandler({
    gateway: { request: (r) => getGateway().request(r) },
    getSessionUser: async () => user,
    recordAudit: (entry) => recordAudit(entry),
  });

const handle = route({ area: null }, ({ req, params, user }) => proxyFor(user)(req, params.path as string[]));

export { handle as GET, handle as POST, handle as PUT, handle as DELETE, handle as PATCH };
