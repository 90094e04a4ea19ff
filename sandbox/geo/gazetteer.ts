/**
 * The sandbox's own gazetteer: Chicago's street grid. Chicago numbers addresses from State St (east/west) and Madison
 * St (north/south), 800 numbers to the mile, so any "<number> <N|S|E|W> <grid street>" address maps to a point on
 * land without an online geocoder. The seed only draws addresses from these streets (west of the lakefront), and the
 * API geocodes any address written the same way; anything else stays without a position (null), as a real geocoder
 * that does not know a place would answer.
 */
export const CITY = 'Chicago';
export const PROVINCE = 'Illinois';
export const COUNTRY = 'United States';

const ORIGIN = { lat: 41.88203, lon: -87.62779 };
const DEG_LAT_PER_MILE = 1 / 69.05;
const DEG_LON_PER_MILE = 1 / 51.51;

/** Streets running north–south, at a fixed east(+)/west(−) grid number. */
export const NS_STREETS: Record<string, number> = {
  'Harlem Ave': -7200,
  'Oak Park Ave': -6800,
  'Narragansett Ave': -6400,
  'Austin Ave': -6000,
  'Central Ave': -5600,
  'Laramie Ave': -5200,
  'Cicero Ave': -4800,
  'Kostner Ave': -4400,
  'Pulaski Rd': -4000,
  'Kimball Ave': -3400,
  'Kedzie Ave': -3200,
  'Sacramento Ave': -3000,
  'California Ave': -2800,
  'Western Ave': -2400,
  'Oakley Ave': -2300,
  'Damen Ave': -2000,
  'Wolcott Ave': -1900,
  'Ashland Ave': -1600,
  'Racine Ave': -1200,
  'Halsted St': -800,
  'Morgan St': -1000,
  'Wentworth Ave': -200,
  'Michigan Ave': 100,
  'King Dr': 400,
  'Cottage Grove Ave': 800,
};

/** Streets running east–west, at a fixed north(+)/south(−) grid number. */
export const EW_STREETS: Record<string, number> = {
  'Touhy Ave': 7200,
  'Devon Ave': 6400,
  'Peterson Ave': 6000,
  'Bryn Mawr Ave': 5600,
  'Foster Ave': 5200,
  'Lawrence Ave': 4800,
  'Montrose Ave': 4400,
  'Irving Park Rd': 4000,
  'Addison St': 3600,
  'Belmont Ave': 3200,
  'Diversey Ave': 2800,
  'Fullerton Ave': 2400,
  'Armitage Ave': 2000,
  'North Ave': 1600,
  'Division St': 1200,
  'Chicago Ave': 800,
  'Lake St': 200,
  'Madison St': 0,
  'Jackson Blvd': -300,
  'Harrison St': -600,
  'Taylor St': -1000,
  'Roosevelt Rd': -1200,
  '18th St': -1800,
  'Cermak Rd': -2200,
  '31st St': -3100,
  '35th St': -3500,
  'Pershing Rd': -3900,
  '47th St': -4700,
  '55th St': -5500,
  '63rd St': -6300,
  '71st St': -7100,
  '79th St': -7900,
  '87th St': -8700,
  '95th St': -9500,
  '103rd St': -10300,
  '111th St': -11100,
};

/** ZIP code areas (approximate centroids) used to give each address a plausible ZIP. */
const ZIPS: [string, number, number][] = [
  ['60614', 41.9227, -87.6533],
  ['60657', 41.9399, -87.6528],
  ['60618', 41.9464, -87.7042],
  ['60625', 41.9703, -87.7042],
  ['60640', 41.9719, -87.6624],
  ['60647', 41.9209, -87.7017],
  ['60622', 41.9023, -87.6769],
  ['60612', 41.88, -87.687],
  ['60608', 41.8492, -87.6711],
  ['60616', 41.8445, -87.6247],
  ['60609', 41.8096, -87.6533],
  ['60615', 41.8022, -87.6024],
  ['60637', 41.7814, -87.6051],
  ['60636', 41.7757, -87.668],
  ['60629', 41.776, -87.7113],
  ['60632', 41.8093, -87.7105],
  ['60623', 41.849, -87.7175],
  ['60624', 41.8805, -87.7223],
  ['60651', 41.9025, -87.7392],
  ['60639', 41.9205, -87.756],
  ['60641', 41.9453, -87.7471],
  ['60630', 41.9699, -87.76],
  ['60646', 41.993, -87.7596],
  ['60659', 41.9972, -87.7035],
  ['60645', 42.0086, -87.6947],
  ['60634', 41.9462, -87.8061],
  ['60644', 41.882, -87.7566],
  ['60638', 41.7814, -87.7702],
  ['60620', 41.7415, -87.6544],
  ['60619', 41.7458, -87.6054],
  ['60643', 41.6995, -87.6624],
  ['60652', 41.7459, -87.7146],
  ['60655', 41.6944, -87.7037],
  ['60631', 41.9951, -87.8136],
  ['60656', 41.9742, -87.8273],
  ['60607', 41.8748, -87.6511],
  ['60661', 41.8814, -87.643],
  ['60654', 41.892, -87.6373],
  ['60610', 41.9038, -87.6356],
];

export interface GridPoint {
  latitude: number;
  longitude: number;
}

function gridToPoint(eastWest: number, northSouth: number): GridPoint {
  return {
    latitude: ORIGIN.lat + (northSouth / 800) * DEG_LAT_PER_MILE,
    longitude: ORIGIN.lon + (eastWest / 800) * DEG_LON_PER_MILE,
  };
}

export function nearestZip(p: GridPoint): string {
  let best = ZIPS[0];
  let bestD = Infinity;
  for (const z of ZIPS) {
    const d = (z[1] - p.latitude) ** 2 + ((z[2] - p.longitude) * 0.745) ** 2;
    if (d < bestD) [best, bestD] = [z, d];
  }
  return best[0];
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/\b(avenue|ave|street|st|road|rd|boulevard|blvd|drive|dr)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const NS_BY_NORM = new Map(Object.entries(NS_STREETS).map(([k, v]) => [norm(k), v]));
const EW_BY_NORM = new Map(Object.entries(EW_STREETS).map(([k, v]) => [norm(k), v]));

/**
 * "2417 N Western Ave" → point. The street line may be followed by ", Chicago, IL 60647, …" (a full address);
 * a different city gives null.
 */
export function geocodeStreet(street: string | null | undefined, city?: string | null): GridPoint | null {
  if (!street) return null;
  if (city && city.trim() && city.trim().toLowerCase() !== 'chicago') return null;
  const [first, ...rest] = street.split(',');
  if (rest.length && !/chicago/i.test(rest.join(','))) return null;
  const m = /^\s*(\d{1,5})\s+([NSEW])\.?\s+(.+?)\s*$/i.exec(first);
  if (!m) return null;
  const num = Number(m[1]);
  const dir = m[2].toUpperCase();
  const name = norm(m[3]);
  const signed = dir === 'N' || dir === 'E' ? num : -num;
  if ((dir === 'N' || dir === 'S') && NS_BY_NORM.has(name)) return gridToPoint(NS_BY_NORM.get(name)!, signed);
  if ((dir === 'E' || dir === 'W') && EW_BY_NORM.has(name)) return gridToPoint(signed, EW_BY_NORM.get(name)!);
  return null;
}

/** The API's position shape: strings with 7 decimals. */
export function toApiPosition(p: GridPoint | null): { latitude: string; longitude: string } | null {
  return p ? { latitude: p.latitude.toFixed(7), longitude: p.longitude.toFixed(7) } : null;
}
