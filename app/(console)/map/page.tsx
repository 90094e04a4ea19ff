import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { LiveMap } from '@/components/map/live-map';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';

export const metadata = { title: 'Map' };

export default async function MapPage() {
  await requirePageArea('map');
  const env = getEnv();
  return (
    // The console layout has no NuqsAdapter yet; the map's URL state needs one.
    <NuqsAdapter>
      <h1 className="sr-only">Live map</h1>
      <LiveMap tileUrl={env.MAP_TILE_URL} attribution={env.MAP_TILE_ATTRIBUTION} timeZone={env.SYNCHROTEAM_TIMEZONE} />
    </NuqsAdapter>
  );
}
