import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SiteForm } from '@/components/sites/site-form';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { canCall } from '@/lib/synchroteam/endpoints';

export const metadata: Metadata = { title: 'New site' };
export const dynamic = 'force-dynamic';

const idOf = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export default async function NewSiteFormPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageArea('sites');
  if (!canCall(user.role, 'site/send', 'POST')) redirect('/forbidden?area=sites');
  const sp = await searchParams;
  const env = getEnv();
  return (
    <SiteForm customerId={idOf(sp.customer)} tiles={{ url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION }} />
  );
}
