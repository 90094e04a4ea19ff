import { z } from 'zod';
import { ROLES } from '@/lib/permissions';
import { getDb } from '@/lib/server/db';
import { AccountError, findAccount, setDisabled, setRole } from '@/lib/server/auth/accounts';
import { route } from '@/lib/server/http/route';
import { ENDPOINT, accountAnswer, adminWrite, parseId } from '../helpers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ZPatch = z.union([z.strictObject({ role: z.enum(ROLES) }), z.strictObject({ disabled: z.boolean() })], {
  error: 'Send either a role or a disabled flag',
});

/** Change one thing about an account: its role, or whether it is disabled. */
export const PATCH = route(
  { ...adminWrite, body: ZPatch, audit: (p) => `${ENDPOINT}/${parseId(p.id) ?? '?'}` },
  (ctx) => {
    const { user, body: p } = ctx;
    const id = parseId(ctx.params.id);
    if (id === null) throw new AccountError('This account no longer exists');
    const db = getDb();
    const before = findAccount(db, id);
    if (!before) throw new AccountError('This account no longer exists');
    ctx.recordKeys = `account:${before.email}`;
    // Admins do not lock themselves out by accident; another admin can do it for them.
    if (id === user.id)
      throw new AccountError(
        'You cannot change your own role or disable your own account',
        'role' in p ? 'role' : 'disabled',
      );
    if ('role' in p) {
      const account = setRole(db, id, p.role);
      return accountAnswer(ctx, account, `role ${before.role} → ${account.role}`);
    }
    const account = setDisabled(db, id, p.disabled);
    return accountAnswer(ctx, account, p.disabled ? 'disabled' : 'enabled');
  },
);
