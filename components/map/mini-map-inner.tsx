'use client';

import 'leaflet/dist/leaflet.css';
import './leaflet-a11y.css';
import { CircleMarker, MapContainer, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import { useEffect } from 'react';

export interface MiniMapInnerProps {
  lat: number | null;
  lng: number | null;
  tileUrl: string;
  attribution: string;
  /** When set, a click on the map picks a position. */
  onPick?: (lat: number, lng: number) => void;
  zoom?: number;
}

/** Chicago: where the map opens when there is no position yet. */
const FALLBACK: [number, number] = [41.8781, -87.6298];

function Recenter({ lat, lng }: { lat: number | null; lng: number | null }) {
  const map = useMap();
  useEffect(() => {
    if (lat !== null && lng !== null) map.setView([lat, lng], Math.max(map.getZoom(), 13), { animate: false });
  }, [lat, lng, map]);
  return null;
}

/**
 * The small maps are a pointer aid inside an aria-hidden box (the coordinates and the latitude/longitude fields are
 * the accessible way): nothing in them may take keyboard focus (axe: aria-hidden-focus). Leaflet makes its zoom and
 * attribution links focusable and rewrites the attribution when a layer is added, so links are taken out of the tab
 * order whenever the controls change. Pointer users keep the zoom buttons.
 */
function OutOfTabOrder() {
  const map = useMap();
  useEffect(() => {
    const root = map.getContainer();
    const apply = () =>
      root
        .querySelectorAll('a[href], [tabindex]:not([tabindex="-1"])')
        .forEach((el) => el.setAttribute('tabindex', '-1'));
    apply();
    const corners = root.querySelector('.leaflet-control-container');
    const watch = new MutationObserver(apply);
    if (corners) watch.observe(corners, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [map]);
  return null;
}

function Picker({ onPick }: { onPick: (lat: number, lng: number) => void }) {
  useMapEvents({ click: (e) => onPick(Number(e.latlng.lat.toFixed(6)), Number(e.latlng.lng.toFixed(6))) });
  return null;
}

/**
 * The Leaflet part (browser only). The marker is an SVG circle, so it shows on the grey background even when tiles
 * cannot load (offline, blocked tile server) and no marker image is needed.
 */
export default function MiniMapInner({ lat, lng, tileUrl, attribution, onPick, zoom = 14 }: MiniMapInnerProps) {
  const has = lat !== null && lng !== null;
  return (
    <MapContainer
      center={has ? [lat, lng] : FALLBACK}
      zoom={has ? zoom : 10}
      scrollWheelZoom={false}
      keyboard={false}
      className="size-full bg-slate-100"
      attributionControl
    >
      <TileLayer url={tileUrl} attribution={attribution} />
      {has && (
        <CircleMarker
          center={[lat, lng]}
          radius={9}
          pathOptions={{ color: '#1d4ed8', weight: 3, fillColor: '#3b82f6', fillOpacity: 0.6 }}
        />
      )}
      <Recenter lat={lat} lng={lng} />
      <OutOfTabOrder />
      {onPick && <Picker onPick={onPick} />}
    </MapContainer>
  );
}
