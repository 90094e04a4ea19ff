import type { Metadata } from 'next';
import { SyncAdmin } from '@/components/admin/sync-admin';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';

export const metadata: Metadata = { title: 'Sync' };
export const dynamic = 'force-dynamic';

export default async function AdminSyncPage() {
  await requirePageArea('accounts');
  return <SyncAdmin timeZone={getEnv().SYNCHROTEAM_TIMEZONE} />;
}
