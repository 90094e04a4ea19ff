import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getEnv } from '@/lib/server/env';
import { getSessionUser } from '@/lib/server/auth/session';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/lib/server/auth/accounts';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getSessionUser()) redirect('/');
  const env = getEnv();
  const { callbackUrl } = await searchParams;
  // Only same-origin paths are followed after sign-in.
  const next = callbackUrl && callbackUrl.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/';
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold">Dispatch Console</h1>
          <p className="text-sm text-slate-600">{env.COMPANY_NAME}</p>
        </div>
        <SignInForm next={next} />
        {env.sandboxMode && (
          <section
            aria-labelledby="demo-accounts"
            className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
          >
            <h2 id="demo-accounts" className="font-medium">
              Sandbox mode: demo accounts
            </h2>
            <p className="mt-1 text-slate-700">
              Connected to the built-in Synchroteam sandbox. Password for all:{' '}
              <code className="font-mono">{DEMO_PASSWORD}</code>
            </p>
            <ul className="mt-2 space-y-1">
              {DEMO_ACCOUNTS.map((a) => (
                <li key={a.email}>
                  <code className="font-mono">{a.email}</code> <span className="text-slate-600">({a.role})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
