import type { Metadata } from 'next';
import { SitesList } from '@/components/sites/sites-list';
import { firstPage } from '@/lib/server/records/first-page';
import { requirePageArea } from '@/lib/server/auth/session';
import { canCall } from '@/lib/synchroteam/endpoints';

export const metadata: Metadata = { title: 'Sites' };
export const dynamic = 'force-dynamic';

export default async function SitesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageArea('sites');
  const initial = await firstPage('sites', await searchParams);
  return <SitesList canEdit={canCall(user.role, 'site/send', 'POST')} initial={initial} />;
}
