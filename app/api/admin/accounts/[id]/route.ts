import { z } from 'zod';
import { ROLES } from '@/lib/permissions';
import { getDb } from '@/lib/server/db';
import { AccountError, findAccount, setDisabled, setRole } from '@/lib/server/auth/accounts';
import { ENDPOINT, adminWrite, parseId } from '../helpers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ZPatch = z.union([z.strictObject({ role: z.enum(ROLES) }), z.strictObject({ disabled: z.boolean() })]);

/** Change one thing about an account: its role, or whether it is disabled. */
export async function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = parseId((await ctx.params).id);
  return adminWrite(req, 'PATCH', `${ENDPOINT}/${id ?? '?'}`, async (user, body, ctx) => {
    if (id === null) throw new AccountError('This account no longer exists');
    const parsed = ZPatch.safeParse(body);
    if (!parsed.success) throw new AccountError('Send either a role or a disabled flag');
    const db = getDb();
    const before = findAccount(db, id);
    if (!before) throw new AccountError('This account no longer exists');
    ctx.recordKeys = `account:${before.email}`;
    const p = parsed.data;
    // Admins do not lock themselves out by accident; another admin can do it for them.
    if (id === user.id) throw new AccountError('You cannot change your own role or disable your own account', 'role' in p ? 'role' : 'disabled');
    if ('role' in p) {
      const account = setRole(db, id, p.role);
      return { account, recordKeys: `account:${account.email}`, detail: `role ${before.role} → ${account.role}` };
    }
    const account = setDisabled(db, id, p.disabled);
    return { account, recordKeys: `account:${account.email}`, detail: p.disabled ? 'disabled' : 'enabled' };
  });
}
