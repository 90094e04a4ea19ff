/**
 * GET /api/board/search?q=…[&limit=20]: jobs of the whole account matching a job number, customer or site name or
 * address, best first, for the dispatch board's "where is it" (lib/server/board/job-search.ts). Answered from the
 * account mirror without an API call when it holds the jobs.
 */
import { z } from 'zod';
import { searchJobs } from '@/lib/server/board/job-search';
import { route } from '@/lib/server/http/route';
import { getMirror, getServerClient } from '@/lib/server/upstream';
import { parseJobQuery } from '@/lib/scheduling/board-search';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Longer text than a name and an address is not a search (and would only cost the database time). */
const MAX_QUERY = 120;

const ZSearchQuery = z.object({
  q: z.string().max(MAX_QUERY, `must be at most ${MAX_QUERY} characters`).default(''),
  limit: z
    .string()
    .default('20')
    .refine((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 50, 'must be a whole number from 1 to 50')
    .transform(Number),
});

export const GET = route({ area: 'dispatch', query: ZSearchQuery }, async ({ query, req }) => {
  const q = parseJobQuery(query.q);
  if (!q) return { jobs: [], source: 'mirror', partial: false };
  return searchJobs(q, query.limit, {
    store: getMirror()?.store ?? null,
    client: getServerClient(),
    signal: req.signal,
  });
});
