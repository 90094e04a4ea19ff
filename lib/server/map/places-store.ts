/**
 * Sites and customers as map places (the map's optional layers), shared by every dispatcher of this server. A full read
 * costs one call per 100 records (a large account: ~200 for customers), so it happens only when someone turns a layer
 * on, then at most once an hour (deletions do not show in changedSince); in between, at most one changedSince read
 * every DELTA_MS brings new and edited records.
 */
import 'server-only';
import type { SynchroteamClient } from '@/lib/synchroteam/client';
import { epochToUtc, formatApiFilterDateTime } from '@/lib/synchroteam/dates';
import type { Page } from '@/lib/synchroteam/schemas/common';
import { listAllPages } from '@/lib/server/board/list-all';
import { toLatLng } from '@/lib/geo/distance';
import type { MapPlace, PlaceKind } from '@/lib/geo/map-types';

export const FULL_MS = 3_600_000;
export const DELTA_MS = 120_000;
const OVERLAP_MS = 120_000;

interface Rec {
  id: number;
  name: string;
  active: boolean;
  address: string | null;
  position: { latitude: string; longitude: string } | null;
}

interface Cache {
  places: Map<number, MapPlace>;
  fullAt: number;
  cursor: number;
}

export class PlacesStore {
  private readonly caches = new Map<PlaceKind, Cache>();
  private readonly loads = new Map<PlaceKind, Promise<Cache>>();
  calls = 0;

  constructor(
    private readonly client: SynchroteamClient,
    private readonly now: () => number = Date.now,
  ) {}

  async get(kind: PlaceKind): Promise<{ places: MapPlace[]; at: number }> {
    let c = this.caches.get(kind);
    const stale = !c || this.now() - c.fullAt > FULL_MS;
    const deltaDue = c && this.now() - c.cursor > DELTA_MS;
    if (stale || deltaDue) {
      let load = this.loads.get(kind);
      if (!load) {
        load = (stale ? this.full(kind) : this.delta(kind, c!)).finally(() => this.loads.delete(kind));
        this.loads.set(kind, load);
      }
      try {
        c = await load;
      } catch (e) {
        if (!c) throw e; // a refresh that fails keeps what we had
      }
    }
    return { places: [...c!.places.values()], at: c!.cursor };
  }

  private list(kind: PlaceKind) {
    const c = this.client;
    return (query: Record<string, string | number>) =>
      (kind === 'sites'
        ? c.sites.list(query, { priority: 'background' })
        : c.customers.list(query, { priority: 'background' })) as Promise<Page<Rec>>;
  }

  private async full(kind: PlaceKind): Promise<Cache> {
    const startedAt = this.now();
    const list = this.list(kind);
    const r = await listAllPages((page, pageSize) => list({ page, pageSize }));
    this.calls += r.calls;
    const places = new Map<number, MapPlace>();
    for (const x of r.items) put(places, kind, x);
    const c = { places, fullAt: startedAt, cursor: startedAt };
    this.caches.set(kind, c);
    return c;
  }

  private async delta(kind: PlaceKind, c: Cache): Promise<Cache> {
    const startedAt = this.now();
    const list = this.list(kind);
    const since = formatApiFilterDateTime(epochToUtc(c.cursor - OVERLAP_MS));
    const r = await listAllPages((page, pageSize) => list({ changedSince: since, page, pageSize }));
    this.calls += r.calls;
    for (const x of r.items) put(c.places, kind, x);
    c.cursor = startedAt;
    return c;
  }
}

function put(places: Map<number, MapPlace>, kind: PlaceKind, x: Rec) {
  const p = toLatLng(x.position);
  if (!x.active || !p) places.delete(x.id);
  else places.set(x.id, { id: x.id, kind, name: x.name, address: x.address, lat: p.lat, lng: p.lng });
}
