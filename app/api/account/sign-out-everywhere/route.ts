import { signOutEverywhere } from '@/lib/server/auth/accounts';
import { getDb } from '@/lib/server/db';
import { route } from '@/lib/server/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Ends every session of the signed-in account (its JWTs carry the old session version from now on). */
export const POST = route({ area: null, audit: 'account/sign-out-everywhere' }, ({ user, audit }) => {
  signOutEverywhere(getDb(), user.id);
  audit({ recordKeys: `account:${user.email}`, status: 200, outcome: 'ok' });
  return { ok: true };
});
