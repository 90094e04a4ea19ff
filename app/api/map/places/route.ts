/** GET /api/map/places?kind=sites|customers: every active site or customer with a position, for the map's optional layers. */
import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { getGateway } from '@/lib/server/upstream';
import { PlacesStore } from '@/lib/server/map/places-store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const KEY = Symbol.for('dispatch-console.map-places');
type Holder = { [KEY]?: PlacesStore };
const store = () => ((globalThis as Holder)[KEY] ??= new PlacesStore(createClient(gatewayTransport(getGateway()))));

const ZPlacesQuery = z.object({ kind: z.enum(['sites', 'customers'], { error: 'must be sites or customers' }) });

export const GET = route({ area: 'map', query: ZPlacesQuery }, async ({ query: { kind } }) => {
  const { places, at } = await store().get(kind);
  return { kind, places, at };
});
