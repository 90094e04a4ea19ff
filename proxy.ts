/**
 * Next 16 request proxy (formerly middleware; runs in the Node.js runtime), in front of everything but static files:
 *
 * - app/api: the same-origin, JSON-only and body-size checks of every state-changing request
 *   (lib/server/http/request-guard.ts), before any route handler runs, so no route can forget them.
 * - pages: a fresh CSP nonce per request (lib/server/http/security-headers.ts), HSTS when served over https.
 * - console pages: signed-out visitors (no session cookie that decodes) go to the sign-in page; a signed-in account
 *   whose role may not open the page's area gets 403 with the forbidden page's content at the same URL, before
 *   anything renders. Otherwise the console shell and its loading skeleton would stream first and the page's own
 *   `requirePageArea` could only redirect client-side, with status 200. The role is read from the app database by
 *   the token's account id and session version on every request, so a role change applies at once. Pages and routes
 *   still check for themselves (the proxy is the first line, not the only one).
 */
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { can, pageArea } from './lib/permissions';
import { findSessionAccount } from './lib/server/auth/accounts';
import { getDb } from './lib/server/db';
import { getEnv } from './lib/server/env';
import { guardApiRequest } from './lib/server/http/request-guard';
import { contentSecurityPolicy, hstsHeader, newNonce } from './lib/server/http/security-headers';
import { loadOrCreateSecret } from './lib/server/secret';

/** Public pages: no session needed (the tracking pages, sign-in, the forbidden page itself). */
const PUBLIC_PAGE = /^\/(?:sign-in|track|forbidden)(?:\/|$)/;

/** The request headers (with the CSP Next reads the nonce from) a console page continues with. */
const pageRequestHeaders = new WeakMap<Request, Headers>();

function guardPage(req: NextRequestWithAuth): NextResponse {
  const request = { headers: pageRequestHeaders.get(req) ?? req.headers };
  const area = pageArea(req.nextUrl.pathname);
  // Home (every role) and paths that are no console page (Next answers 404) need no role.
  if (!area) return NextResponse.next({ request });
  const token = req.nextauth.token;
  const account = findSessionAccount(getDb(), token?.uid, token?.sv);
  // An account that is gone, disabled or signed out everywhere: the console layout sends it to sign in.
  if (!account || can(account.role, area)) return NextResponse.next({ request });
  const forbidden = new URL('/forbidden', req.url);
  forbidden.searchParams.set('area', area);
  // A rewrite keeps the address the user asked for; Next sends the status given here with the rewritten page.
  return NextResponse.rewrite(forbidden, { status: 403, request });
}

const consoleAuth = withAuth(guardPage, {
  pages: { signIn: '/sign-in' },
  secret: process.env.NEXTAUTH_SECRET || loadOrCreateSecret(),
});

function withHsts(res: Response, publicUrl: string): Response {
  const hsts = hstsHeader(publicUrl);
  if (hsts) res.headers.set('strict-transport-security', hsts);
  return res;
}

export default async function proxy(req: NextRequest, event: NextFetchEvent): Promise<Response> {
  const env = getEnv();
  const path = req.nextUrl.pathname;
  if (path.startsWith('/api/')) {
    const refusal = guardApiRequest({
      method: req.method,
      pathname: path,
      headers: req.headers,
      selfOrigins: [new URL(env.NEXTAUTH_URL).origin],
    });
    if (!refusal) return withHsts(NextResponse.next(), env.NEXTAUTH_URL);
    const res = NextResponse.json(
      { error: refusal.error, message: refusal.message },
      // A body we will not read: close the connection rather than wait for the rest of it.
      {
        status: refusal.status,
        headers: {
          'cache-control': 'no-store',
          ...(refusal.status >= 411 && refusal.status <= 413 ? { connection: 'close' } : {}),
        },
      },
    );
    return withHsts(res, env.NEXTAUTH_URL);
  }

  const csp = contentSecurityPolicy({
    nonce: newNonce(),
    tileUrl: env.MAP_TILE_URL,
    https: env.NEXTAUTH_URL.startsWith('https:'),
    dev: process.env.NODE_ENV === 'development',
  });
  const headers = new Headers(req.headers);
  headers.set('content-security-policy', csp);
  let res: Response;
  if (PUBLIC_PAGE.test(path)) {
    res = NextResponse.next({ request: { headers } });
  } else {
    pageRequestHeaders.set(req, headers);
    res = (await consoleAuth(req as NextRequestWithAuth, event)) ?? NextResponse.next({ request: { headers } });
  }
  res.headers.set('content-security-policy', csp);
  return withHsts(res, env.NEXTAUTH_URL);
}

export const config = {
  // Everything except Next's static files and public assets (which carry no script to protect): icons and the web
  // manifest are asked for by every page, the sign-in page included, so they are served without a session.
  matcher: [
    '/((?!_next/static|_next/image|favicon|robots.txt|.*\\.(?:png|svg|ico|css|js|map|txt|webmanifest|woff2?)$).*)',
  ],
};
