/** The generic Synchroteam API proxy (see lib/server/proxy.ts): thin wiring of the session, audit log and gateway. */
import { getSessionUser } from '@/lib/server/auth/session';
import { recordAudit } from '@/lib/server/audit';
import { createProxyHandler, type ProxyHandler } from '@/lib/server/proxy';
import { getGateway } from '@/lib/server/upstream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

let handler: ProxyHandler | undefined;
function proxy(): ProxyHandler {
  return (handler ??= createProxyHandler({
    gateway: { request: (r) => getGateway().request(r) },
    getSessionUser,
    recordAudit: (entry) => recordAudit(entry),
  }));
}

type Context = { params: Promise<{ path: string[] }> };

async function handle(req: Request, ctx: Context): Promise<Response> {
  const { path } = await ctx.params;
  return proxy()(req, path);
}

export { handle as GET, handle as POST, handle as PUT, handle as DELETE, handle as PATCH };
