/**
 * Every page of a list, fast: page 1 tells how many records there are, the other pages are asked for at once and the
 * gateway paces them (its concurrency and the shared rate budget still apply). paginate.ts walks pages one by one,
 * which is fair for background work but ~60 round trips in a row for a large company's week on the board.
 * Pages are sorted by the caller (num by default) so a record created meanwhile lands on the last page; the board's
 * change log (changedSince from before the first page) repairs any record that moved between pages while reading.
 */
import 'server-only';
import type { SynchroteamClient } from '@/lib/synchroteam/client';
import { epochToUtc, formatApiFilterDateTime } from '@/lib/synchroteam/dates';
import type { Page } from '@/lib/synchroteam/schemas/common';
import type { JobListItem } from '@/lib/synchroteam/schemas/job';

export const PAGE_SIZE = 100;

export async function listAllPages<T>(
  list: (page: number, pageSize: number) => Promise<Page<T>>,
): Promise<{ items: T[]; calls: number }> {
  const first = await list(1, PAGE_SIZE);
  const pages = Math.ceil(first.recordsTotal / PAGE_SIZE);
  if (pages <= 1 || first.data.length < PAGE_SIZE) return { items: first.data, calls: 1 };
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => list(i + 2, PAGE_SIZE)));
  const seen = new Set<unknown>();
  const items: T[] = [];
  for (const p of [first, ...rest]) {
    for (const r of p.data) {
      const id = (r as { id?: unknown }).id;
      if (id !== undefined && seen.has(id)) continue; // a record that slid across a page boundary
      seen.add(id);
      items.push(r);
    }
  }
  return { items, calls: pages };
}

/**
 * Every job changed since `cursorMs` (minus an overlap, so a change written while the previous read ran is not missed),
 * read at background priority. lib/server/job-feed reads it once for the board and the map.
 */
export const CHANGE_OVERLAP_MS = 120_000;

export async function listChangedJobs(
  client: SynchroteamClient,
  cursorMs: number,
  overlapMs = CHANGE_OVERLAP_MS,
): Promise<{ items: JobListItem[]; calls: number }> {
  const since = formatApiFilterDateTime(epochToUtc(cursorMs - overlapMs));
  return listAllPages((page, pageSize) =>
    client.jobs.list(
      { changedSince: since, show: 'all', otherTechnicians: true, sort: 'num', page, pageSize },
      { priority: 'background' },
    ),
  );
}
