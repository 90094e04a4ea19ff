/**
 * Next 16 request proxy (formerly middleware): signed-out visitors of console pages go to the sign-in page. It only
 * checks that a session cookie decodes; pages and routes re-check the account and role against the database.
 */
import { withAuth } from 'next-auth/middleware';
import { loadOrCreateSecret } from './lib/server/secret';

export default withAuth({ pages: { signIn: '/sign-in' }, secret: process.env.NEXTAUTH_SECRET || loadOrCreateSecret() });

export const config = {
  // Everything except public pages, the auth and public API routes, and static files.
  matcher: ['/((?!sign-in|track|forbidden|api/|_next/|favicon|robots.txt|.*\\.(?:png|svg|ico|css|js)$).*)'],
};
