/**
 * Straight-line distances on the Earth's surface (haversine on a sphere of mean radius). Good to ~0.5 % — plenty
 * for "who is closest", which is all the map and the ranking ask of it. Pure, isomorphic.
 */

export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean Earth radius in km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance between two points, in km. */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of a path through the points in order, in km (0 for fewer than two points). */
export function pathLengthKm(points: readonly LatLng[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += haversineKm(points[i - 1], points[i]);
  return total;
}

/**
 * The API sends coordinates as strings ("41.8781"); null, empty, non-numeric or out-of-range values are "no
 * position" (a record whose address could not be geocoded), never a point at 0,0.
 */
export function toLatLng(
  p: { latitude: string | number | null | undefined; longitude: string | number | null | undefined } | null | undefined,
): LatLng | null {
  if (!p) return null;
  const parse = (v: string | number | null | undefined) =>
    v === null || v === undefined || v === '' ? NaN : Number(v);
  const lat = parse(p.latitude);
  const lng = parse(p.longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  if (lat === 0 && lng === 0) return null;
  return { lat, lng };
}

/** "850 m", "2.4 km", "37 km". */
export function formatKm(km: number): string {
  if (!Number.isFinite(km)) return '—';
  if (km < 1) return `${Math.round((km * 1000) / 10) * 10} m`;
  if (km < 10) return `${km.toFixed(1)} km`;
  return `${Math.round(km)} km`;
}
