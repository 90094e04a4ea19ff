'use client';

/** What the map shows is in the URL (day, filters, layers, selection), so a link reproduces the view. */
import { parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';

export const LAYERS = ['technicians', 'jobs', 'unscheduled', 'homes', 'sites', 'customers'] as const;
export type Layer = (typeof LAYERS)[number];
export const DEFAULT_LAYERS: Layer[] = ['technicians', 'jobs', 'unscheduled'];

export const mapParsers = {
  date: parseAsString,
  team: parseAsInteger,
  status: parseAsArrayOf(parseAsString).withDefault([]),
  q: parseAsString.withDefault(''),
  layers: parseAsArrayOf(parseAsStringLiteral(LAYERS)).withDefault(DEFAULT_LAYERS),
  tech: parseAsInteger,
  job: parseAsString,
  /** A chosen start time "HH:mm" for Assign instead of each technician's next free slot. */
  at: parseAsString,
};

export function useMapUrlState() {
  return useQueryStates(mapParsers, { history: 'replace' });
}
