'use client';
/**
 * The Leaflet map itself (client-only: loaded with next/dynamic, ssr:false, by live-map.tsx). Tiles come from
 * configuration; when they cannot be reached the map still draws markers, the scale and a plain background.
 */
import 'leaflet/dist/leaflet.css';
import './leaflet-a11y.css';
import './map.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { MapContainer, Polyline, ScaleControl, TileLayer, useMap } from 'react-leaflet';
import type { LatLng } from '@/lib/geo/distance';
import type { MapJob, MapPlace } from '@/lib/geo/map-types';
import { HomeLayer, JobLayer, PlaceLayer, TechLayer, type Handlers, type TechMarker } from './map-layers';

export interface ViewBounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface MapCanvasProps {
  tileUrl: string;
  attribution: string;
  techs: readonly TechMarker[];
  jobs: readonly MapJob[];
  homes: readonly { id: number; name: string; lat: number; lng: number }[] | null;
  sites: readonly MapPlace[] | null;
  customers: readonly MapPlace[] | null;
  selectedJobId: string | null;
  hoverKey: string | null;
  route: readonly LatLng[] | null;
  /** Lines from the top candidates' origins to the selected job. */
  candidateLines: readonly { from: LatLng; to: LatLng }[];
  /** Fit the view to these points whenever `key` changes. */
  fit: { key: number; points: readonly LatLng[] };
  focus: { key: number; point: LatLng; jobId?: string } | null;
  handlers: Handlers;
  onView: (b: ViewBounds, zoom: number) => void;
}

const CHICAGO: [number, number] = [41.88, -87.68];

function Controller({ fit, focus, onView }: Pick<MapCanvasProps, 'fit' | 'focus' | 'onView'>) {
  const map = useMap();
  const onViewRef = useRef(onView);
  useEffect(() => {
    onViewRef.current = onView;
  });
  useEffect(() => {
    const report = () => {
      const b = map.getBounds();
      // The zoom on the container lets tests and tools turn coordinates into pixels.
      map.getContainer().dataset.zoom = String(map.getZoom());
      onViewRef.current(
        { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() },
        map.getZoom(),
      );
    };
    map.on('moveend zoomend', report);
    report();
    return () => {
      map.off('moveend zoomend', report);
    };
  }, [map]);
  useEffect(() => {
    if (!fit.points.length) return;
    const b = L.latLngBounds(fit.points.map((p) => [p.lat, p.lng] as [number, number]));
    map.fitBounds(b, { padding: [30, 30], maxZoom: 14, animate: false });
    // Only the key triggers a fit; new points on refresh must not move the dispatcher's view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fit.key, map]);
  useEffect(() => {
    if (!focus || focus.jobId) return;
    map.setView([focus.point.lat, focus.point.lng], Math.max(map.getZoom(), 14), { animate: false });
  }, [focus, map]);
  return null;
}

export default function MapCanvas(p: MapCanvasProps) {
  return (
    <MapContainer
      center={CHICAGO}
      zoom={11}
      className="dc-map h-full w-full"
      preferCanvas={false}
      zoomControl
      attributionControl
      worldCopyJump={false}
      aria-label="Map of technicians and jobs"
    >
      <TileLayer url={p.tileUrl} attribution={p.attribution} />
      <ScaleControl position="bottomleft" imperial metric />
      <Controller fit={p.fit} focus={p.focus} onView={p.onView} />
      {p.customers && <PlaceLayer kind="customers" places={p.customers} />}
      {p.sites && <PlaceLayer kind="sites" places={p.sites} />}
      {p.homes && <HomeLayer homes={p.homes} />}
      <JobLayer
        jobs={p.jobs}
        selectedId={p.selectedJobId}
        hoverKey={p.hoverKey}
        focusId={p.focus?.jobId ? { id: p.focus.jobId, key: p.focus.key } : null}
        handlers={p.handlers}
      />
      {p.route && p.route.length > 1 && (
        <Polyline
          positions={p.route.map((x) => [x.lat, x.lng] as [number, number])}
          pathOptions={{ color: '#0f172a', weight: 3, dashArray: '6 6', opacity: 0.8 }}
        />
      )}
      {p.candidateLines.map((l, i) => (
        <Polyline
          key={i}
          positions={[
            [l.from.lat, l.from.lng],
            [l.to.lat, l.to.lng],
          ]}
          pathOptions={{ color: i === 0 ? '#15803d' : '#64748b', weight: i === 0 ? 3 : 2, dashArray: '4 6' }}
        />
      ))}
      <TechLayer techs={p.techs} hoverKey={p.hoverKey} handlers={p.handlers} />
    </MapContainer>
  );
}
