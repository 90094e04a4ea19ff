/**
 * next-auth configuration: email + password (Credentials provider), JWT sessions of 12 hours. The JWT carries the
 * account id and session version; every server-side read re-checks them against the database, so disabling an
 * account, resetting its password or "sign out everywhere" takes effect on the next request, and role changes apply
 * at once.
 */
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '../db';
import { getEnv } from '../env';
import { isRole } from '../../permissions';
import { checkCredentials, findSessionAccount } from './accounts';
import { loginBlockedFor, recordLoginFailure, recordLoginSuccess } from './login-limiter';

function clientIp(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.['x-forwarded-for'];
  const first = typeof fwd === 'string' ? fwd.split(',')[0].trim() : '';
  return first || (typeof headers?.['x-real-ip'] === 'string' ? (headers['x-real-ip'] as string) : 'local');
}

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          const email = String(credentials?.email ?? '').trim().toLowerCase();
          const password = String(credentials?.password ?? '');
          if (!email || !password) return null;
          const ip = clientIp(req?.headers as Record<string, unknown> | undefined);
          const wait = await loginBlockedFor(email, ip);
          // The message travels to the sign-in page as the `error` code.
          if (wait > 0) throw new Error(`TooManyAttempts:${wait}`);
          const user = await checkCredentials(getDb(), email, password);
          if (!user) {
            await recordLoginFailure(email, ip);
            return null;
          }
          await recordLoginSuccess(email, ip);
          return { id: String(user.id), email: user.email, name: user.name, role: user.role, sv: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; role: string; sv: number };
          token.uid = Number(u.id);
          token.sv = u.sv;
        }
        const row = findSessionAccount(getDb(), token.uid, token.sv);
        if (!row) {
          token.invalid = true;
          return token;
        }
        token.role = row.role;
        token.name = row.name;
        token.email = row.email;
        return token;
      },
      async session({ session, token }) {
        if (token.invalid || !isRole(token.role)) return { ...session, user: undefined };
        session.user = { id: token.uid as number, email: token.email ?? '', name: token.name ?? '', role: token.role } as never;
        return session;
      },
    },
  };
}
