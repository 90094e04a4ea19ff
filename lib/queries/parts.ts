/**
 * The parts and services catalogue for the billing editor's type-ahead. part/list has no name search, and catalogues
 * are small (tens to a few hundred), so the active catalogue is read once (every page) and filtered in the browser;
 * cached 10 minutes.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Part } from '@/lib/synchroteam/schemas/part';
import { api } from './client';

export const partKeys = { all: ['parts'] as const, catalogue: () => ['parts', 'catalogue', 'active'] as const };

export const partsCatalogueQuery = () =>
  queryOptions({
    queryKey: partKeys.catalogue(),
    queryFn: ({ signal }) => api.parts.listAll({ status: 'active' }, { signal }),
    staleTime: 10 * 60_000,
  });

/** Parts whose name, reference or description contains every word typed (case-insensitive); references first. */
export function searchParts(parts: readonly Part[], text: string, limit = 8): Part[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return parts.slice(0, limit);
  const hay = (p: Part) => `${p.reference ?? ''} ${p.name} ${p.description ?? ''}`.toLowerCase();
  const hits = parts.filter((p) => words.every((w) => hay(p).includes(w)));
  const exact = (p: Part) =>
    p.reference?.toLowerCase() === text.trim().toLowerCase()
      ? 0
      : p.reference?.toLowerCase().startsWith(words[0]!)
        ? 1
        : 2;
  return hits.sort((a, b) => exact(a) - exact(b) || a.name.localeCompare(b.name)).slice(0, limit);
}
