import type { Metadata } from 'next';
import { AccountsAdmin } from '@/components/admin/accounts-admin';
import { toDto } from '@/app/api/admin/accounts/helpers';
import { listAccounts } from '@/lib/server/auth/accounts';
import { requirePageArea } from '@/lib/server/auth/session';
import { getDb } from '@/lib/server/db';
import { getEnv } from '@/lib/server/env';

export const metadata: Metadata = { title: 'Accounts' };
export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const me = await requirePageArea('accounts');
  const accounts = listAccounts(getDb()).map(toDto);
  return <AccountsAdmin initial={accounts} meId={me.id} timeZone={getEnv().SYNCHROTEAM_TIMEZONE} />;
}
