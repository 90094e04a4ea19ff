import type { Metadata } from 'next';
import Link from 'next/link';
import { ShieldAlert } from 'lucide-react';
import { areaLabel } from '@/components/layout/nav-items';
import { buttonClasses } from '@/components/ui/button';
import { getSessionUser } from '@/lib/server/auth/session';

export const metadata: Metadata = { title: 'Not allowed' };
export const dynamic = 'force-dynamic';

const ROLE_LABEL = { dispatcher: 'dispatcher', manager: 'manager', admin: 'admin' } as const;

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ area?: string }> }) {
  const { area } = await searchParams;
  const user = await getSessionUser();
  const what = areaLabel(area);
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
        <ShieldAlert className="mx-auto size-10 text-amber-600" aria-hidden="true" />
        <h1 className="mt-3 text-xl font-semibold">Not allowed for your role</h1>
        <p className="mt-2 text-sm text-slate-700">
          {what ? <>The {what} pages are not available</> : <>This page is not available</>}
          {user ? <> to the {ROLE_LABEL[user.role]} role.</> : <> without signing in.</>} Ask an admin if you need
          access.
        </p>
        <div className="mt-5 flex justify-center gap-2">
          {user ? (
            <Link href="/" className={buttonClasses('primary')}>
              Go to home
            </Link>
          ) : (
            <Link href="/sign-in" className={buttonClasses('primary')}>
              Sign in
            </Link>
          )}
        </div>
      </div>
    </main>
  );
}
