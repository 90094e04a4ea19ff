/** API records → the map's shapes (lib/geo/map-types.ts): the board's compact job plus coordinates. */
import 'server-only';
import { toBoardJob, toBoardTechnician } from '@/lib/server/board/board-mappers';
import { formatApiDateTime, parseApiDate } from '@/lib/synchroteam/dates';
import type { JobListItem } from '@/lib/synchroteam/schemas/job';
import type { User } from '@/lib/synchroteam/schemas/user';
import { toLatLng } from '@/lib/geo/distance';
import type { MapJob, MapTechnician } from '@/lib/geo/map-types';

export function toMapJob(j: JobListItem): MapJob {
  const p = toLatLng(j.position);
  return { ...toBoardJob(j), lat: p?.lat ?? null, lng: p?.lng ?? null };
}

export function toMapTechnician(u: User): MapTechnician {
  const last = toLatLng(u.lastLocation);
  const home = toLatLng(u.startLocation);
  return {
    ...toBoardTechnician(u),
    last:
      last && u.lastLocation
        ? { ...last, at: formatApiDateTime(parseApiDate(u.lastLocation.datetime)) ?? u.lastLocation.datetime }
        : null,
    home: home ? { ...home, address: u.startLocation?.fullAddress ?? null } : null,
  };
}
