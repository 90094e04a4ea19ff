import { notFound } from 'next/navigation';
import { detailPerms } from '@/components/records/detail-perms';
import { SiteDetail } from '@/components/sites/site-detail';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { recordMetadata } from '@/lib/server/page-title';

export const generateMetadata = recordMetadata('site');
export const dynamic = 'force-dynamic';

export default async function SitePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageArea('sites');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const env = getEnv();
  return (
    <SiteDetail
      id={id}
      perms={detailPerms(user.role, 'site')}
      tiles={{ url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION }}
    />
  );
}
