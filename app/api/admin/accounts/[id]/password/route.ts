import { getDb } from '@/lib/server/db';
import { AccountError, findAccount, resetPassword } from '@/lib/server/auth/accounts';
import { ENDPOINT, adminWrite, parseId } from '../../helpers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Sets a new password; the account's sessions end (resetPassword bumps its session version). */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = parseId((await ctx.params).id);
  return adminWrite(req, 'POST', `${ENDPOINT}/${id ?? '?'}/password`, async (_user, body, ctx) => {
    if (id === null) throw new AccountError('This account no longer exists');
    const target = findAccount(getDb(), id);
    if (target) ctx.recordKeys = `account:${target.email}`;
    const password = (body as { password?: unknown } | null)?.password;
    if (typeof password !== 'string') throw new AccountError('Enter a new password', 'password');
    const account = await resetPassword(getDb(), id, password);
    // Never the password itself in the log.
    return { account, recordKeys: `account:${account.email}`, detail: 'password reset; sessions ended' };
  });
}
