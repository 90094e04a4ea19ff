'use client';

/**
 * A small, non-interactive-by-default map of the job's position (leaflet, client-only). A circle marker avoids the
 * default icon's image paths (see STACK.md on Turbopack imports). Built here: components/map/mini-map had not landed.
 */
import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, TileLayer } from 'react-leaflet';

export default function JobMiniMap({ lat, lng, tileUrl, attribution, label }: { lat: number; lng: number; tileUrl: string; attribution: string; label: string }) {
  return (
    <div role="img" aria-label={label} className="h-48 overflow-hidden rounded-md border border-slate-200">
      <MapContainer center={[lat, lng]} zoom={15} scrollWheelZoom={false} className="h-full w-full" attributionControl>
        <TileLayer url={tileUrl} attribution={attribution} />
        <CircleMarker center={[lat, lng]} radius={9} pathOptions={{ color: '#0f766e', fillColor: '#14b8a6', fillOpacity: 0.9 }} />
      </MapContainer>
    </div>
  );
}
