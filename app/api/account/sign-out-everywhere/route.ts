import { NextResponse } from 'next/server';
import { recordAudit } from '@/lib/server/audit';
import { signOutEverywhere } from '@/lib/server/auth/accounts';
import { guardRoute } from '@/lib/server/auth/route-guard';
import { getDb } from '@/lib/server/db';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Ends every session of the signed-in account (its JWTs carry the old session version from now on). */
export async function POST() {
  const g = await guardRoute(null);
  if (g.response) return g.response;
  signOutEverywhere(getDb(), g.user.id);
  recordAudit({
    userId: g.user.id,
    userEmail: g.user.email,
    method: 'POST',
    endpoint: 'account/sign-out-everywhere',
    recordKeys: `account:${g.user.email}`,
    status: 200,
    outcome: 'ok',
  });
  return NextResponse.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}
