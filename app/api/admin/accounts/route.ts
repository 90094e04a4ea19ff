import { NextResponse } from 'next/server';
import { getDb } from '@/lib/server/db';
import { createAccount, listAccounts, type NewAccount } from '@/lib/server/auth/accounts';
import { guardRoute } from '@/lib/server/auth/route-guard';
import { ENDPOINT, adminWrite, toDto } from './helpers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET() {
  const g = await guardRoute('accounts');
  if (g.response) return g.response;
  return NextResponse.json({ accounts: listAccounts(getDb()).map(toDto) }, { headers: { 'cache-control': 'no-store' } });
}

export async function POST(req: Request) {
  return adminWrite(req, 'POST', ENDPOINT, async (_user, body, ctx) => {
    const email = (body as { email?: unknown } | null)?.email;
    if (typeof email === 'string') ctx.recordKeys = `account:${email.trim().toLowerCase().slice(0, 120)}`;
    // createAccount validates with ZNewAccount and names the field of the first problem.
    const account = await createAccount(getDb(), (body ?? {}) as NewAccount);
    return { account, status: 201, recordKeys: `account:${account.email}`, detail: `created with role ${account.role}` };
  });
}
