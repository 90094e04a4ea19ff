/**
 * Marker icons as divIcons (HTML, no images: under Turbopack an imported PNG is a plain URL string, and divIcons avoid
 * the question). Built as strings because 10,000 job markers are created imperatively (map-layers.tsx). The drawn
 * content is aria-hidden so the marker's accessible name is its title ("Technician Marco Rivera: On a job, …").
 */
import L from 'leaflet';
import type { MapJob } from '@/lib/geo/map-types';
import type { Freshness } from '@/lib/geo/staleness';
import type { TechnicianState } from '@/lib/geo/technician-state';
import { STATE_COLORS, STATUS_COLORS } from './map-colors';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface TechIconInput {
  id: number;
  initials: string;
  teamColor: string;
  state: TechnicianState;
  freshness: Freshness;
  lat: number;
  lng: number;
  selected?: boolean;
}

export function techIcon(t: TechIconInput): L.DivIcon {
  const stale = t.freshness !== 'fresh';
  return L.divIcon({
    className: `dc-tech-marker${stale ? ' is-stale' : ''}${t.selected ? ' is-selected' : ''}`,
    html:
      `<span class="dc-tech" aria-hidden="true" data-tech-id="${t.id}" data-lat="${t.lat}" data-lng="${t.lng}" data-state="${t.state}"` +
      // A stale marker is white with the initials in the team colour (not faded: faded initials fell to 1.8:1
      // contrast), dashed, and labelled "stale", so staleness is never told by colour alone.
      ` style="${stale ? `background:#fff;color:${t.teamColor}` : `background:${t.teamColor}`};box-shadow:0 0 0 3px ${STATE_COLORS[t.state]}">${esc(t.initials)}</span>` +
      (stale ? '<span class="dc-stale-tag" aria-hidden="true">stale</span>' : ''),
    iconSize: [30, 30],
    iconAnchor: [15, 15],
  });
}

export function jobIcon(j: Pick<MapJob, 'id' | 'num' | 'status'>, selected = false): L.DivIcon {
  return L.divIcon({
    className: `dc-job-marker${selected ? ' is-selected' : ''}`,
    html: `<span class="dc-job" aria-hidden="true" data-job-id="${esc(j.id)}" style="background:${STATUS_COLORS[j.status]}">${j.num}</span>`,
    iconSize: [44, 20],
    iconAnchor: [22, 10],
  });
}

export function placeIcon(kind: 'sites' | 'customers'): L.DivIcon {
  return L.divIcon({
    className: 'dc-place-marker',
    html: `<span class="dc-place dc-place-${kind}" aria-hidden="true"></span>`,
    iconSize: [10, 10],
    iconAnchor: [5, 5],
  });
}

export function homeIcon(): L.DivIcon {
  return L.divIcon({
    className: 'dc-home-marker',
    html: '<span class="dc-home" aria-hidden="true"></span>',
    iconSize: [12, 12],
    iconAnchor: [6, 6],
  });
}
