'use client';
/**
 * Imperative marker layers: 10,000 job markers as React components would cost a reconciliation per marker, so the
 * layers keep their own Leaflet markers keyed by id and only replace those whose drawn state changed (a 30 s refresh
 * touches a handful). Jobs are clustered (leaflet.markercluster via react-leaflet-cluster, chunked loading);
 * technicians (a few hundred) are not, so each stays visible at its position.
 */
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import MarkerClusterGroup from 'react-leaflet-cluster';
import 'react-leaflet-cluster/dist/assets/MarkerCluster.css';
import 'react-leaflet-cluster/dist/assets/MarkerCluster.Default.css';
import type { MapJob, MapPlace } from '@/lib/geo/map-types';
import { homeIcon, jobIcon, placeIcon, techIcon, type TechIconInput } from './map-markers';
import { STATUS_LABELS } from './map-colors';

/** The part of L.MarkerClusterGroup used here (its types package is not installed). */
interface ClusterGroup extends L.FeatureGroup {
  addLayers(layers: L.Layer[], skipLayerAddEvent?: boolean): this;
  removeLayers(layers: L.Layer[]): this;
  zoomToShowLayer(layer: L.Layer, cb?: () => void): void;
}

/** leaflet.markercluster's factory (loaded by react-leaflet-cluster above; no types package installed). */
const clusterGroup = (o: object) =>
  (L as unknown as { markerClusterGroup(o: object): ClusterGroup }).markerClusterGroup(o);

export interface Handlers {
  onSelect: (kind: 'tech' | 'job', id: string) => void;
  onHover: (key: string | null) => void;
}

function useLatest<T>(v: T) {
  const r = useRef(v);
  // Effects and marker callbacks read the latest value without re-creating markers.
  useEffect(() => {
    r.current = v;
  });
  return r;
}

function bindMarker(m: L.Marker, key: string, kind: 'tech' | 'job', id: string, h: React.RefObject<Handlers>) {
  m.on('click', () => h.current.onSelect(kind, id));
  // Keyboard path: markers are focusable buttons (keyboard option); Enter or Space selects, like a click.
  m.on('keydown', (e) => {
    const k = (e as L.LeafletKeyboardEvent).originalEvent.key;
    if (k === 'Enter' || k === ' ') {
      (e as L.LeafletKeyboardEvent).originalEvent.preventDefault();
      h.current.onSelect(kind, id);
    }
  });
  m.on('mouseover', () => h.current.onHover(key));
  m.on('mouseout', () => h.current.onHover(null));
}

export function JobLayer({
  jobs,
  selectedId,
  hoverKey,
  focusId,
  handlers,
}: {
  jobs: readonly MapJob[];
  selectedId: string | null;
  hoverKey: string | null;
  /** Zoom until this job's marker shows (click in the side list). */
  focusId: { id: string; key: number } | null;
  handlers: Handlers;
}) {
  const groupRef = useRef<ClusterGroup | null>(null);
  const markers = useRef(new Map<string, { m: L.Marker; sig: string; job: MapJob }>());
  const h = useLatest(handlers);
  const selectedRef = useLatest(selectedId);

  useEffect(() => {
    const g = groupRef.current;
    if (!g) return;
    const t0 = performance.now();
    const seen = new Set<string>();
    const add: L.Marker[] = [];
    const remove: L.Marker[] = [];
    for (const j of jobs) {
      if (j.lat === null || j.lng === null) continue;
      seen.add(j.id);
      const sig = `${j.lat},${j.lng},${j.status},${j.num},${j.customer.name}`;
      const cur = markers.current.get(j.id);
      if (cur && cur.sig === sig) continue;
      if (cur) remove.push(cur.m);
      const m = L.marker([j.lat, j.lng], {
        icon: jobIcon(j, selectedRef.current === j.id),
        title: `Job #${j.num} · ${j.customer.name ?? 'customer'} · ${STATUS_LABELS[j.status]}`,
        keyboard: true,
        riseOnHover: true,
      });
      bindMarker(m, `j:${j.id}`, 'job', j.id, h);
      markers.current.set(j.id, { m, sig, job: j });
      add.push(m);
    }
    for (const [id, cur] of markers.current) {
      if (!seen.has(id)) {
        remove.push(cur.m);
        markers.current.delete(id);
      }
    }
    if (remove.length) g.removeLayers(remove);
    if (add.length) g.addLayers(add);
    performance.mark('map:jobs-added', { detail: { count: add.length, ms: performance.now() - t0 } });
  }, [jobs, h, selectedRef]);

  // Selection and hover restyle one or two markers.
  const prevSel = useRef<string | null>(null);
  useEffect(() => {
    for (const id of [prevSel.current, selectedId]) {
      const cur = id ? markers.current.get(id) : undefined;
      if (cur) cur.m.setIcon(jobIcon(cur.job, id === selectedId));
    }
    prevSel.current = selectedId;
  }, [selectedId]);
  useEffect(() => {
    if (!hoverKey?.startsWith('j:')) return;
    const el = markers.current.get(hoverKey.slice(2))?.m.getElement();
    el?.classList.add('is-hover');
    return () => el?.classList.remove('is-hover');
  }, [hoverKey]);
  useEffect(() => {
    const cur = focusId ? markers.current.get(focusId.id) : undefined;
    if (cur && groupRef.current) groupRef.current.zoomToShowLayer(cur.m);
  }, [focusId]);

  return (
    <MarkerClusterGroup
      ref={(g: unknown) => {
        groupRef.current = g as unknown as ClusterGroup | null;
      }}
      // Chunks of 200 ms with short pauses: 10,000 markers cluster in ~3 chunks instead of ~6, which took the first
      // render from 1.52 s to 1.26 s (npm run bench:map, idle) while the page still answers input between chunks.
      chunkedLoading
      chunkInterval={200}
      chunkDelay={4}
      removeOutsideVisibleBounds
      showCoverageOnHover={false}
      disableClusteringAtZoom={17}
      maxClusterRadius={60}
      chunkProgress={(done: number, total: number) => {
        if (done === total) performance.mark('map:jobs-clustered');
      }}
    >
      {null}
    </MarkerClusterGroup>
  );
}

export interface TechMarker extends TechIconInput {
  name: string;
  title: string;
}

export function TechLayer({
  techs,
  hoverKey,
  handlers,
}: {
  techs: readonly TechMarker[];
  hoverKey: string | null;
  handlers: Handlers;
}) {
  const map = useMap();
  const h = useLatest(handlers);
  const markers = useRef(new Map<number, { m: L.Marker; sig: string }>());
  const group = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    const g = L.layerGroup().addTo(map);
    group.current = g;
    const all = markers.current;
    return () => {
      g.remove();
      all.clear();
    };
  }, [map]);

  useEffect(() => {
    const g = group.current;
    if (!g) return;
    const seen = new Set<number>();
    for (const t of techs) {
      seen.add(t.id);
      const sig = JSON.stringify(t);
      const cur = markers.current.get(t.id);
      if (cur && cur.sig === sig) continue;
      if (cur) {
        // Same marker, new place/look: moving keeps focus and hover state.
        // setIcon rebuilds the element from options.title: update the title first.
        cur.m.options.title = t.title;
        cur.m.setLatLng([t.lat, t.lng]).setIcon(techIcon(t));
        cur.m.setZIndexOffset(t.selected ? 2000 : t.freshness === 'fresh' ? 500 : 0);
        cur.sig = sig;
        continue;
      }
      const m = L.marker([t.lat, t.lng], {
        icon: techIcon(t),
        title: t.title,
        keyboard: true,
        zIndexOffset: t.selected ? 2000 : t.freshness === 'fresh' ? 500 : 0,
      });
      bindMarker(m, `t:${t.id}`, 'tech', String(t.id), h);
      m.addTo(g);
      markers.current.set(t.id, { m, sig });
    }
    for (const [id, cur] of markers.current) {
      if (!seen.has(id)) {
        cur.m.remove();
        markers.current.delete(id);
      }
    }
  }, [techs, h]);

  useEffect(() => {
    if (!hoverKey?.startsWith('t:')) return;
    const el = markers.current.get(Number(hoverKey.slice(2)))?.m.getElement();
    el?.classList.add('is-hover');
    return () => el?.classList.remove('is-hover');
  }, [hoverKey]);
  return null;
}

export function HomeLayer({ homes }: { homes: readonly { id: number; name: string; lat: number; lng: number }[] }) {
  const map = useMap();
  useEffect(() => {
    const g = L.layerGroup(
      homes.map((x) =>
        L.marker([x.lat, x.lng], {
          icon: homeIcon(),
          title: `Start location of ${x.name}`,
          keyboard: false,
          interactive: true,
        }),
      ),
    ).addTo(map);
    return () => {
      g.remove();
    };
  }, [map, homes]);
  return null;
}

/** Sites or customers (optional layers): clustered, built once per answer (they change rarely). */
export function PlaceLayer({ kind, places }: { kind: 'sites' | 'customers'; places: readonly MapPlace[] }) {
  const map = useMap();
  useEffect(() => {
    const g = clusterGroup({
      chunkedLoading: true,
      removeOutsideVisibleBounds: true,
      showCoverageOnHover: false,
      maxClusterRadius: 50,
      disableClusteringAtZoom: 17,
      // Grey clusters tell places apart from jobs.
      iconCreateFunction: (c: { getChildCount(): number }) =>
        L.divIcon({
          html: `<span>${c.getChildCount()}</span>`,
          className: `dc-place-cluster dc-place-cluster-${kind}`,
          iconSize: [28, 28],
        }),
    });
    const label = kind === 'sites' ? 'Site' : 'Customer';
    g.addLayers(
      places.map((p) =>
        L.marker([p.lat, p.lng], {
          icon: placeIcon(kind),
          title: `${label} ${p.name}${p.address ? `, ${p.address}` : ''}`,
          keyboard: false,
        }),
      ),
    );
    g.addTo(map);
    return () => {
      g.remove();
    };
  }, [map, kind, places]);
  return null;
}
