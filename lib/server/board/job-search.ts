/**
 * The board's search beyond its window (GET /api/board/search): every job of the account matching what a dispatcher
 * typed, so that the board can say where a job is when it is not on the lanes shown (another week, the pool, closed).
 *
 * From the account mirror when it holds the jobs: no API call. Otherwise (MIRROR=off, or the jobs' import not done)
 * with the API's own filters, within a few calls: a number is one job/details; text is one customer/list by name and
 * one job/list page for each of the first few customers found. The API has no address filter, so an address is only
 * found through the mirror; the answer says so (`partial`).
 */
import 'server-only';
import { rankJobs, type JobQuery } from '@/lib/scheduling/board-search';
import type { BoardJob } from '@/lib/scheduling/board-types';
import { ApiError } from '@/lib/synchroteam/errors';
import { ZJobListItem } from '@/lib/synchroteam/schemas/job';
import type { SynchroteamClient } from '@/lib/synchroteam/client';
import { mirrorJobCandidates } from '../mirror/job-search';
import type { MirrorStore } from '../mirror/store';
import { toBoardJob } from './board-mappers';

export interface JobSearchAnswer {
  jobs: BoardJob[];
  /** Where the answer came from: the mirror (no API call) or the API. */
  source: 'mirror' | 'api';
  /** Some matches may be missing: more matched than were read, or the API cannot search that way (addresses). */
  partial: boolean;
}

/** Candidates read from the mirror before ranking: enough for a common word's best matches, small enough to rank. */
const MIRROR_CAP = 400;
/** Customers whose jobs are read when searching the API by name (one job/list call each). */
const LIVE_CUSTOMERS = 3;

function boardJobs(docs: unknown[]): BoardJob[] {
  const out: BoardJob[] = [];
  for (const d of docs) {
    const r = ZJobListItem.safeParse(d);
    if (r.success && !r.data.dateDeleted) out.push(toBoardJob(r.data));
  }
  return out;
}

export async function searchJobs(
  q: JobQuery,
  limit: number,
  deps: { store: MirrorStore | null; client: SynchroteamClient; signal?: AbortSignal },
): Promise<JobSearchAnswer> {
  const local = deps.store ? mirrorJobCandidates(deps.store, q, MIRROR_CAP) : null;
  if (local) return { jobs: rankJobs(boardJobs(local.docs), q, limit), source: 'mirror', partial: local.more };

  const o = { signal: deps.signal, priority: 'interactive' as const };
  const found: unknown[] = [];
  if (q.num !== null) {
    try {
      found.push(await deps.client.jobs.details({ num: Number(q.num) }, o));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
  }
  if (q.num === null || q.words.length > 1) {
    const name = q.words.join(' ');
    const customers = await deps.client.customers.list({ name, pageSize: LIVE_CUSTOMERS + 1 }, o);
    const pages = await Promise.all(
      customers.data
        .slice(0, LIVE_CUSTOMERS)
        .map((c) =>
          deps.client.jobs.list(
            { customer_id: c.id, sort: 'scheduledStart', sortOrder: 'descending', pageSize: 25 },
            o,
          ),
        ),
    );
    for (const p of pages) found.push(...p.data);
  }
  const unique = new Map(boardJobs(found).map((j) => [j.id, j]));
  // Number prefixes, addresses and customers past the first few are not searched through the API.
  return { jobs: rankJobs(unique.values(), q, limit), source: 'api', partial: true };
}
