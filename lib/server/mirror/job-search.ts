/**
 * The board's job search over the mirror (no API call): jobs whose number starts with the typed digits, or whose
 * search text (num, myId, description, customer, site, address: store.ts jobSearch) holds every typed word. SQL picks
 * the candidates, newest first; lib/scheduling/board-search.ts ranks them, with the same rules the board applies to
 * its own window.
 */
import 'server-only';
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { JobQuery } from '@/lib/scheduling/board-search';
import type { Doc } from './resources';
import { mirrorJobs } from './schema';
import type { MirrorStore } from './store';

/** `LIKE` text for "contains `s`" ('\' escapes the pattern's own characters). */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface MirrorJobCandidates {
  docs: Doc[];
  /** More jobs matched than were read (`cap`): the caller's list may not hold the best ones of a very common word. */
  more: boolean;
}

/**
 * Up to `cap` jobs matching `q`, or null while the mirror cannot answer (jobs not imported yet). Both sides are folded
 * (board-search.ts `fold`); rows stored before the search text was folded match accented words once they change.
 */
export function mirrorJobCandidates(store: MirrorStore, q: JobQuery, cap: number): MirrorJobCandidates | null {
  if (!store.cursor('jobs').ready) return null;
  const byWords = and(...q.words.map((w) => sql`${mirrorJobs.search} LIKE ${contains(w)} ESCAPE '\\'`));
  const match: SQL | undefined =
    q.num !== null ? or(sql`CAST(${mirrorJobs.num} AS TEXT) LIKE ${`${q.num}%`}`, byWords) : byWords;
  const rows = store.db
    .select({ doc: mirrorJobs.doc })
    .from(mirrorJobs)
    .where(and(eq(mirrorJobs.deleted, false), match))
    // The exact number first (it may be an old job), then the newest.
    .orderBy(...(q.num !== null ? [sql`${mirrorJobs.num} = ${Number(q.num)} DESC`] : []), desc(mirrorJobs.num))
    .limit(cap + 1)
    .all();
  return { docs: rows.slice(0, cap).map((r) => JSON.parse(r.doc) as Doc), more: rows.length > cap };
}
