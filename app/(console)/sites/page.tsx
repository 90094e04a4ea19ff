import type { Metadata } from 'next';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { SitesList } from '@/components/sites/sites-list';
import { requirePageArea } from '@/lib/server/auth/session';
import { canCall } from '@/lib/synchroteam/endpoints';

export const metadata: Metadata = { title: 'Sites' };
export const dynamic = 'force-dynamic';

export default async function SitesPage() {
  const user = await requirePageArea('sites');
  return (
    <NuqsAdapter>
      <SitesList canEdit={canCall(user.role, 'site/send', 'POST')} />
    </NuqsAdapter>
  );
}
