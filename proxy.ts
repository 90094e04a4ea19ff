/**
 * Next 16 request proxy (formerly middleware; runs in the Node.js runtime). Console pages only:
 * - signed-out visitors (no session cookie that decodes) go to the sign-in page;
 * - a signed-in account whose role may not open the page's area gets 403 with the forbidden page's content at the
 *   same URL, before anything renders. Otherwise the console shell and its loading skeleton would stream first and
 *   the page's own `requirePageArea` could only redirect client-side, with status 200.
 * The role is read from the app database by the token's account id and session version on every request, so a role
 * change applies at once. Pages and routes still check for themselves (the proxy is the first line, not the only one).
 */
import { NextResponse } from 'next/server';
import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { can, pageArea } from './lib/permissions';
import { findSessionAccount } from './lib/server/auth/accounts';
import { getDb } from './lib/server/db';
import { loadOrCreateSecret } from './lib/server/secret';

function guardPage(req: NextRequestWithAuth): NextResponse {
  const area = pageArea(req.nextUrl.pathname);
  // Home (every role) and paths that are no console page (Next answers 404) need no role.
  if (!area) return NextResponse.next();
  const token = req.nextauth.token;
  const account = findSessionAccount(getDb(), token?.uid, token?.sv);
  // An account that is gone, disabled or signed out everywhere: the console layout sends it to sign in.
  if (!account || can(account.role, area)) return NextResponse.next();
  const forbidden = new URL('/forbidden', req.url);
  forbidden.searchParams.set('area', area);
  // A rewrite keeps the address the user asked for; Next sends the status given here with the rewritten page.
  return NextResponse.rewrite(forbidden, { status: 403 });
}

export default withAuth(guardPage, {
  pages: { signIn: '/sign-in' },
  secret: process.env.NEXTAUTH_SECRET || loadOrCreateSecret(),
});

export const config = {
  // Everything except public pages, the auth and public API routes, and static files.
  matcher: ['/((?!sign-in|track|forbidden|api/|_next/|favicon|robots.txt|.*\\.(?:png|svg|ico|css|js)$).*)'],
};
