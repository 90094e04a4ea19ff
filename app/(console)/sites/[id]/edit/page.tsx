import { notFound, redirect } from 'next/navigation';
import { SiteForm } from '@/components/sites/site-form';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { canCall } from '@/lib/synchroteam/endpoints';
import { recordMetadata, editOf } from '@/lib/server/page-title';

export const generateMetadata = recordMetadata('site', editOf);
export const dynamic = 'force-dynamic';

export default async function EditSiteFormPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageArea('sites');
  if (!canCall(user.role, 'site/send', 'POST')) redirect('/forbidden?area=sites');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const env = getEnv();
  return <SiteForm id={id} tiles={{ url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION }} />;
}
