/**
 * Customer ETA: straight-line (haversine) distance from the technician's last GPS fix to the job, at an average speed
 * (TRACK_AVERAGE_SPEED_KMH), given as a range of clock times, never as a single promise.
 *
 * Readings taken:
 * - Straight-line distance is a lower bound of the road distance: the early end of the range is distance ÷ speed;
 *   the late end allows for detours and traffic (× 1.6) plus 10 minutes (parking, finding the door).
 * - When the technician is still on the previous job, the minutes planned to remain there come first.
 * - Ends are rounded to 5 minutes (early end down, late end up): precise minutes would promise more than a
 *   straight line knows, and coarse times also keep the technician's position from being worked back.
 * - A GPS fix older than POSITION_FRESH_MINUTES gives no ETA at all (the page falls back to the arrival window).
 */

export interface LatLon {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_KM = 6371.0088;
export const POSITION_FRESH_MINUTES = 15;
const LATE_FACTOR = 1.6;
const LATE_EXTRA_MIN = 10;
const ROUND_MS = 5 * 60_000;

/** Great-circle distance in kilometres. */
export function haversineKm(a: LatLon, b: LatLon): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** API positions are strings ("41.94", "-87.65"); null when missing or not a valid coordinate. */
export function parsePosition(
  p: { latitude?: string | null; longitude?: string | null } | null | undefined,
): LatLon | null {
  if (!p || p.latitude == null || p.longitude == null || p.latitude === '' || p.longitude === '') return null;
  const lat = Number(p.latitude);
  const lon = Number(p.longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  // 0,0 is what trackers send before their first fix.
  if (lat === 0 && lon === 0) return null;
  return { lat, lon };
}

/** A fix taken `ageMs` ago is fresh when not older than the limit (a few minutes in the future counts: clock skew). */
export function isFresh(fixMs: number, nowMs: number, maxMinutes = POSITION_FRESH_MINUTES): boolean {
  const age = nowMs - fixMs;
  return age <= maxMinutes * 60_000 && age >= -5 * 60_000;
}

export interface EtaInput {
  from: LatLon;
  to: LatLon;
  speedKmh: number;
  nowMs: number;
  /** Minutes before the technician leaves (time planned to remain on the previous job). */
  delayMinutes?: number;
}

export interface EtaRange {
  fromMs: number;
  toMs: number;
}

export function etaRange({ from, to, speedKmh, nowMs, delayMinutes = 0 }: EtaInput): EtaRange {
  if (!(speedKmh > 0)) throw new Error('speedKmh must be positive');
  const travelMin = (haversineKm(from, to) / speedKmh) * 60;
  const delay = Math.max(0, delayMinutes);
  const early = nowMs + (delay + travelMin) * 60_000;
  const late = nowMs + (delay + travelMin * LATE_FACTOR + LATE_EXTRA_MIN) * 60_000;
  let fromMs = Math.floor(early / ROUND_MS) * ROUND_MS;
  const toMs = Math.ceil(late / ROUND_MS) * ROUND_MS;
  // Never an arrival before now.
  if (fromMs < nowMs) fromMs = Math.max(fromMs, Math.floor(nowMs / ROUND_MS) * ROUND_MS);
  return { fromMs, toMs };
}
