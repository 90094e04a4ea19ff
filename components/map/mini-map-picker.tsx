'use client';

import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/skeleton';
import { parseCoordinate, type MapTiles } from './mini-map';

const Inner = dynamic(() => import('./mini-map-inner'), {
  ssr: false,
  loading: () => <Skeleton className="size-full rounded-none" />,
});

/**
 * Pick a position by clicking a small map. The latitude/longitude inputs beside it are the keyboard way to do the
 * same; this map is an aid for pointer users (hidden from screen readers).
 */
export function MiniMapPicker({
  latitude,
  longitude,
  tiles,
  onPick,
}: {
  latitude: string;
  longitude: string;
  tiles: MapTiles;
  onPick: (lat: string, lng: string) => void;
}) {
  return (
    <div
      className="h-56 overflow-hidden rounded-md border border-slate-200"
      aria-hidden="true"
      data-testid="position-picker-map"
    >
      <Inner
        lat={parseCoordinate(latitude)}
        lng={parseCoordinate(longitude)}
        tileUrl={tiles.url}
        attribution={tiles.attribution}
        onPick={(lat, lng) => onPick(String(lat), String(lng))}
      />
    </div>
  );
}
