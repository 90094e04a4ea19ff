import { preload } from 'react-dom';
import { LiveMap } from '@/components/map/live-map';
import { requirePageArea } from '@/lib/server/auth/session';
import { getEnv } from '@/lib/server/env';
import { accountToday } from '@/lib/scheduling/wall-clock';

export const metadata = { title: 'Map' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default async function MapPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageArea('map');
  const env = getEnv();
  // The snapshot is the page's critical path: let the browser start fetching it with the HTML instead of after
  // hydration (same URL and credentials mode as lib/queries/map.ts, so the fetch there picks up the preloaded answer).
  const d = (await searchParams).date;
  const date = typeof d === 'string' && DAY.test(d) ? d : accountToday(env.SYNCHROTEAM_TIMEZONE);
  preload(`/api/map?date=${date}`, { as: 'fetch', crossOrigin: 'anonymous' });
  return (
    <>
      <h1 className="sr-only">Live map</h1>
      <LiveMap tileUrl={env.MAP_TILE_URL} attribution={env.MAP_TILE_ATTRIBUTION} timeZone={env.SYNCHROTEAM_TIMEZONE} />
    </>
  );
}
