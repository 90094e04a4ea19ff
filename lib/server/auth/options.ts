/**
 * next-auth configuration: email + password (Credentials provider), JWT sessions of 12 hours. The JWT carries the
 * account id and session version; every server-side read re-checks them against the database, so disabling an
 * account, resetting its password or "sign out everywhere" takes effect on the next request, and role changes apply
 * at once.
 */
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { getDb } from '../db';
import { getEnv } from '../env';
import { recordAudit, type AuditEntry } from '../audit';
import { clientAddress } from '../client-address';
import { createLogThrottle } from '../log-throttle';
import { isRole } from '../../permissions';
import { checkCredentials, findAccountByEmail, findSessionAccount } from './accounts';
import { loginLimiter, type LockEvent } from './login-limiter';

const SIGN_IN = 'auth/sign-in';

/** Sign-ins, failures and lockouts go to the audit log (admins see them with every write). */
function auditSignIn(entry: Omit<AuditEntry, 'method' | 'endpoint' | 'recordKeys'> & { email: string }) {
  const { email, ...rest } = entry;
  try {
    recordAudit({ ...rest, method: 'POST', endpoint: SIGN_IN, recordKeys: `account:${email.slice(0, 120)}` });
  } catch (e) {
    // The sign-in answer must not depend on the audit write; operators see the failure.
    console.error('[auth] audit record failed', e instanceof Error ? e.message : e);
  }
}

function lockText(e: LockEvent, address: string): string {
  if (e.kind === 'account')
    return `account locked for ${e.waitS} s after repeated failures from any address (last from ${address})`;
  if (e.kind === 'pair') return `address ${address} locked out of this account for ${e.waitS} s`;
  return `address ${address} locked out of every account for ${e.waitS} s`;
}

// next-auth logs a forged or stale session cookie with its stack trace on every request: one line per client and
// kind per minute instead (lib/server/log-throttle.ts).
const authLog = createLogThrottle();
async function requestAddress(): Promise<string> {
  try {
    return clientAddress(await headers());
  } catch {
    return 'unknown'; // outside a request
  }
}
function logAuthProblem(level: 'error' | 'warn', code: string, metadata?: unknown) {
  const err = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
  const message =
    err instanceof Error ? [err.name, err.message].filter(Boolean).join(': ') : typeof err === 'string' ? err : '';
  void requestAddress().then((address) =>
    authLog.log(
      `${level}|${code}|${address}`,
      `[next-auth][${level}] ${code} from ${address}${message ? `: ${message.slice(0, 200)}` : ''}`,
    ),
  );
}

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/sign-in' },
    logger: {
      error: (code, metadata) => logAuthProblem('error', code, metadata),
      warn: (code) => logAuthProblem('warn', code),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          const email = String(credentials?.email ?? '')
            .trim()
            .toLowerCase();
          const password = String(credentials?.password ?? '');
          if (!email || !password) return null;
          const address = clientAddress(req?.headers as Record<string, unknown> | undefined);
          const limiter = loginLimiter(getDb());
          const verdict = limiter.check(email, address);
          // The message travels to the sign-in page as the `error` code. Not audited per attempt (a flood of refused
          // attempts would flood the log); the lockout that caused it was.
          if (!verdict.ok) throw new Error(`TooManyAttempts:${verdict.waitS}`);
          const user = await checkCredentials(getDb(), email, password);
          if (!user) {
            const locks = limiter.failure(email, address);
            const accountId = findAccountByEmail(getDb(), email)?.id ?? null;
            auditSignIn({
              userId: accountId,
              userEmail: email,
              email,
              status: 401,
              outcome: 'refused',
              detail: `sign-in failed from ${address}${accountId === null ? ' (no such account)' : ''}`,
            });
            for (const l of locks)
              auditSignIn({
                userId: accountId,
                userEmail: email,
                email,
                status: 429,
                outcome: 'refused',
                detail: lockText(l, address),
              });
            return null;
          }
          limiter.success(email, address);
          auditSignIn({
            userId: user.id,
            userEmail: user.email,
            email: user.email,
            status: 200,
            outcome: 'ok',
            detail: `signed in from ${address}`,
          });
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
        session.user = {
          id: token.uid as number,
          email: token.email ?? '',
          name: token.name ?? '',
          role: token.role,
        } as never;
        return session;
      },
    },
  };
}
