import { z } from 'zod';
import { getDb } from '@/lib/server/db';
import { createAccount, listAccounts, type NewAccount } from '@/lib/server/auth/accounts';
import { route } from '@/lib/server/http/route';
import { ENDPOINT, accountAnswer, adminWrite, toDto } from './helpers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({ area: 'accounts' }, () => ({ accounts: listAccounts(getDb()).map(toDto) }));

// Any JSON: createAccount validates with ZNewAccount and names the field of the first problem in its own words.
export const POST = route({ ...adminWrite, body: z.unknown(), audit: ENDPOINT }, async (ctx) => {
  const email = (ctx.body as { email?: unknown } | null)?.email;
  if (typeof email === 'string') ctx.recordKeys = `account:${email.trim().toLowerCase().slice(0, 120)}`;
  const account = await createAccount(getDb(), (ctx.body ?? {}) as NewAccount);
  return accountAnswer(ctx, account, `created with role ${account.role}`, 201);
});
