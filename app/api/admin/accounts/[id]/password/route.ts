import { z } from 'zod';
import { getDb } from '@/lib/server/db';
import { AccountError, findAccount, resetPassword } from '@/lib/server/auth/accounts';
import { route } from '@/lib/server/http/route';
import { ENDPOINT, accountAnswer, adminWrite, parseId } from '../../helpers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Sets a new password; the account's sessions end (resetPassword bumps its session version). */
export const POST = route(
  { ...adminWrite, body: z.unknown(), audit: (p) => `${ENDPOINT}/${parseId(p.id) ?? '?'}/password` },
  async (ctx) => {
    const id = parseId(ctx.params.id);
    if (id === null) throw new AccountError('This account no longer exists');
    const target = findAccount(getDb(), id);
    if (target) ctx.recordKeys = `account:${target.email}`;
    // Checked here rather than by a body schema: the account is named first, so a refused reset is logged against it.
    const password = (ctx.body as { password?: unknown } | null)?.password;
    if (typeof password !== 'string') throw new AccountError('Enter a new password', 'password');
    const account = await resetPassword(getDb(), id, password);
    // Never the password itself in the log.
    return accountAnswer(ctx, account, 'password reset; sessions ended');
  },
);
