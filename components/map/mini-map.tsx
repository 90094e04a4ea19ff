'use client';

import dynamic from 'next/dynamic';
import { MapPin } from 'lucide-react';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/components/ui/cn';

const Inner = dynamic(() => import('./mini-map-inner'), {
  ssr: false,
  loading: () => <Skeleton className="size-full rounded-none" />,
});

export interface MapTiles {
  url: string;
  attribution: string;
}

export function parseCoordinate(v: string | null | undefined): number | null {
  if (v === null || v === undefined || v.trim() === '') return null;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/**
 * A small map of one position (Leaflet, browser only). Without a position it says so instead of showing a map.
 * The coordinates are also written out, for screen readers and for when the map cannot draw.
 */
export function MiniMap({
  position,
  tiles,
  className,
}: {
  position: { latitude: string; longitude: string } | null;
  tiles: MapTiles;
  className?: string;
}) {
  const lat = parseCoordinate(position?.latitude);
  const lng = parseCoordinate(position?.longitude);
  if (lat === null || lng === null) {
    return (
      <div
        className={cn(
          'flex h-40 items-center justify-center gap-2 rounded-md border border-dashed border-slate-300 text-sm text-slate-600',
          className,
        )}
      >
        <MapPin className="size-4" aria-hidden="true" /> No position: the address could not be located.
      </div>
    );
  }
  return (
    <figure className={className}>
      <div className="h-48 overflow-hidden rounded-md border border-slate-200" aria-hidden="true">
        <Inner lat={lat} lng={lng} tileUrl={tiles.url} attribution={tiles.attribution} />
      </div>
      <figcaption className="mt-1 text-xs text-slate-600">
        Position {lat.toFixed(5)}, {lng.toFixed(5)} ·{' '}
        <a
          className="underline"
          href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=16/${lat}/${lng}`}
          target="_blank"
          rel="noreferrer noopener"
        >
          open in a map<span className="sr-only"> (opens in a new tab)</span>
        </a>
      </figcaption>
    </figure>
  );
}
