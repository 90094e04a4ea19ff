/** GET /api/map/places?kind=sites|customers: every active site or customer with a position, for the map's optional layers. */
import { NextResponse } from 'next/server';
import { guardRoute, jsonError } from '@/lib/server/auth/route-guard';
import { upstreamError } from '@/lib/server/upstream-error';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { getGateway } from '@/lib/server/upstream';
import { PlacesStore } from '@/lib/server/map/places-store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const KEY = Symbol.for('dispatch-console.map-places');
type Holder = { [KEY]?: PlacesStore };
const store = () => ((globalThis as Holder)[KEY] ??= new PlacesStore(createClient(gatewayTransport(getGateway()))));

export async function GET(req: Request): Promise<Response> {
  const g = await guardRoute('map');
  if (g.response) return g.response;
  const kind = new URL(req.url).searchParams.get('kind');
  if (kind !== 'sites' && kind !== 'customers') return jsonError(400, 'Bad Request', "Parameter 'kind' must be sites or customers");
  try {
    const { places, at } = await store().get(kind);
    return NextResponse.json({ kind, places, at }, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    return upstreamError(e, 'map places');
  }
}
