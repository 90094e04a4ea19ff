/**
 * Seeded addresses: real-looking Chicago grid addresses ("2417 N Western Ave") drawn from the gazetteer's streets
 * only, kept west of the lakefront, so the API's own geocoder (geocodeStreet) gives the very position the seed stores.
 *
 * "On land" is a conservative shoreline on the grid (x = east/west number, y = north/south number): south of Madison
 * everything west of State St is land; north of it the lake comes west as you go north (Lincoln Park, Uptown,
 * Rogers Park), so the minimum west number grows with y. The three east-side streets are used only south of Roosevelt
 * (Michigan) or 47th St (King Dr, Cottage Grove), where the shore is far to the east.
 */
import type { Faker } from '@faker-js/faker';
import {
  COUNTRY,
  CITY,
  EW_STREETS,
  NS_STREETS,
  PROVINCE,
  geocodeStreet,
  nearestZip,
  toApiPosition,
} from '../geo/gazetteer';

const ORIGIN = { lat: 41.88203, lon: -87.62779 };
const DEG_LAT_PER_MILE = 1 / 69.05;
const DEG_LON_PER_MILE = 1 / 51.51;

/** Grid extents the seed draws from (also the bounds the tests check positions against). */
export const GRID = { minX: -7200, maxX: 800, minY: -11100, maxY: 7200 };

/** Smallest west number (as a negative x) that is safely on land at north/south number y. */
function maxXAt(y: number): number {
  if (y <= 0) return 0;
  if (y <= 1000) return 0;
  if (y <= 1600) return -400;
  if (y <= 4000) return -800;
  if (y <= 5600) return -1200;
  return -1600;
}

/** True when a grid point is on land by the seed's conservative shoreline. */
export function gridOnLand(x: number, y: number): boolean {
  if (x < GRID.minX || y < GRID.minY || y > GRID.maxY) return false;
  if (x > 0) {
    if (x <= 100) return y <= -1200 && y >= GRID.minY;
    if (x <= 800) return y <= -4700 && y >= GRID.minY;
    return false;
  }
  return x <= maxXAt(y);
}

/** Grid coordinates of a latitude/longitude (inverse of the gazetteer's projection). */
export function toGrid(lat: number, lon: number): { x: number; y: number } {
  return { x: ((lon - ORIGIN.lon) / DEG_LON_PER_MILE) * 800, y: ((lat - ORIGIN.lat) / DEG_LAT_PER_MILE) * 800 };
}

/** True when a position (API strings or numbers) lies on the seed's land. Allows 1 grid number of rounding. */
export function positionOnLand(
  p: { latitude: string | number; longitude: string | number } | null | undefined,
): boolean {
  if (!p) return false;
  const { x, y } = toGrid(Number(p.latitude), Number(p.longitude));
  return gridOnLand(Math.round(x), Math.round(y));
}

export interface SeedAddress {
  address: string;
  addressStreet: string;
  addressComplement: string | null;
  addressZIP: string;
  addressCity: string;
  addressProvince: string;
  addressCountry: string;
  position: { latitude: string; longitude: string };
}

const NS = Object.entries(NS_STREETS);
const EW = Object.entries(EW_STREETS);

/** Composes the full address the way the API does (common.ts applyAddress). */
export function composeAddress(street: string, complement: string | null = null): SeedAddress {
  const point = geocodeStreet(street, CITY);
  if (!point) throw new Error(`seed: '${street}' is not a gazetteer address`);
  const zip = nearestZip(point);
  return {
    address: [street, CITY, `${PROVINCE} ${zip}`, COUNTRY].join(', '),
    addressStreet: street,
    addressComplement: complement,
    addressZIP: zip,
    addressCity: CITY,
    addressProvince: PROVINCE,
    addressCountry: COUNTRY,
    position: toApiPosition(point)!,
  };
}

/** A random on-land grid address. */
export function randomAddress(f: Faker, opts: { complement?: boolean } = {}): SeedAddress {
  for (;;) {
    let street: string;
    if (f.number.float() < 0.5) {
      const [name, x] = f.helpers.arrayElement(NS);
      const y = f.number.int({ min: GRID.minY, max: GRID.maxY });
      if (!gridOnLand(x, y) || Math.abs(y) < 20) continue;
      street = `${Math.abs(y)} ${y >= 0 ? 'N' : 'S'} ${name}`;
    } else {
      const [name, y] = f.helpers.arrayElement(EW);
      const x = -f.number.int({ min: 20, max: -GRID.minX });
      if (!gridOnLand(x, y)) continue;
      street = `${-x} W ${name}`;
    }
    const complement =
      opts.complement && f.number.float() < 0.2
        ? `${f.helpers.arrayElement(['Suite', 'Unit', 'Fl'])} ${f.number.int({ min: 1, max: 40 })}`
        : null;
    return composeAddress(street, complement);
  }
}

/** Latitude/longitude of grid coordinates (the gazetteer's projection). */
export function fromGrid(x: number, y: number): { latitude: string; longitude: string } {
  return {
    latitude: (ORIGIN.lat + (y / 800) * DEG_LAT_PER_MILE).toFixed(7),
    longitude: (ORIGIN.lon + (x / 800) * DEG_LON_PER_MILE).toFixed(7),
  };
}

/**
 * A point `fraction` of the way along a drive on the grid from one position to another: first along the northern
 * end's north-south street, then along the southern end's east-west street. Because the shoreline only moves west as
 * one goes north, that corner is always on land, so every point of the drive is too (a straight line is not: it
 * could cut across the lake between Uptown and the Loop).
 */
export function alongGrid(
  from: { latitude: string; longitude: string },
  to: { latitude: string; longitude: string },
  fraction: number,
): { latitude: string; longitude: string } {
  const k = Math.max(0, Math.min(1, fraction));
  const a = toGrid(Number(from.latitude), Number(from.longitude));
  const b = toGrid(Number(to.latitude), Number(to.longitude));
  const northFirst = a.y >= b.y;
  // Corner: x of the northern end, y of the southern end.
  const corner = northFirst ? { x: a.x, y: b.y } : { x: b.x, y: a.y };
  const leg1 = Math.abs(northFirst ? a.y - b.y : a.x - b.x);
  const leg2 = Math.abs(northFirst ? a.x - b.x : a.y - b.y);
  const total = leg1 + leg2;
  if (total === 0) return { latitude: Number(to.latitude).toFixed(7), longitude: Number(to.longitude).toFixed(7) };
  const d = k * total;
  if (d <= leg1) {
    const t = leg1 ? d / leg1 : 1;
    return fromGrid(a.x + (corner.x - a.x) * t, a.y + (corner.y - a.y) * t);
  }
  const t = leg2 ? (d - leg1) / leg2 : 1;
  return fromGrid(corner.x + (b.x - corner.x) * t, corner.y + (b.y - corner.y) * t);
}

/** Straight-line distance in km between two positions. */
export function distanceKm(
  a: { latitude: string; longitude: string },
  b: { latitude: string; longitude: string },
): number {
  const dy = (Number(a.latitude) - Number(b.latitude)) * 111.2;
  const dx = (Number(a.longitude) - Number(b.longitude)) * 111.2 * Math.cos((41.88 * Math.PI) / 180);
  return Math.sqrt(dx * dx + dy * dy);
}
