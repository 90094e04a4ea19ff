/**
 * Today at a glance for the home page, computed server-side so the browser makes one call instead of dozens.
 *
 * Upstream calls per refresh: job/list for account-local today (pageSize 100, walking pages; a day of 1,000 jobs is
 * 10 calls), job/list?status=created&pageSize=1 (the count comes from recordsTotal), and user/list (cached 2 min:
 * technicians change rarely; 30 min is the GPS freshness that matters). The answer is cached 30 s for every user,
 * and concurrent requests share one computation, so any number of open home pages costs the same API budget.
 */
import { NextResponse } from 'next/server';
import { z } from 'zod';
import type { HomeSummary } from '@/components/home/summary-types';
import { jsonError } from '@/lib/server/auth/route-guard';
import { getEnv } from '@/lib/server/env';
import { route } from '@/lib/server/http/route';
import { getGateway, upstreamFailure, type Priority, type UpstreamResponse } from '@/lib/server/upstream';
import { epochToLocal, datePart, endOfDay, startOfDay } from '@/lib/synchroteam/dates';
import { retryAfterFrom } from '@/lib/synchroteam/errors';
import { MAX_PAGE_SIZE } from '@/lib/synchroteam/paginate';
import { summarize, ZSummaryJob, ZSummaryUser, type SummaryJob, type SummaryUser } from './summarize';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const SUMMARY_TTL_MS = 30_000;
const USERS_TTL_MS = 120_000;
/** 2,000 jobs in a day: beyond that the figures are a lower bound (and say so). */
const MAX_JOB_PAGES = 20;
const MAX_USER_PAGES = 10;

/** A non-2xx upstream answer, carried to the route's error answer. */
class UpstreamAnswer extends Error {
  constructor(readonly res: UpstreamResponse) {
    super(`upstream ${res.status}`);
  }
}

const ZEnvelope = z.looseObject({ recordsTotal: z.number(), data: z.array(z.unknown()) });

async function listPage<T>(
  path: string,
  query: Record<string, string | number>,
  item: z.ZodType<T>,
  priority: Priority,
): Promise<{ total: number; data: T[]; raw: number }> {
  const res = await getGateway().request({ method: 'GET', path, query, priority });
  if (res.status !== 200) throw new UpstreamAnswer(res);
  const env = ZEnvelope.safeParse(res.body);
  if (!env.success)
    throw new UpstreamAnswer({
      ...res,
      status: 502,
      body: { error: 'Bad Gateway', message: 'Unexpected answer from Synchroteam' },
    });
  // One odd record does not hide the whole day: it is skipped.
  const data = env.data.data.flatMap((d) => {
    const p = item.safeParse(d);
    return p.success ? [p.data] : [];
  });
  return { total: env.data.recordsTotal, data, raw: env.data.data.length };
}

async function walk<T>(
  path: string,
  query: Record<string, string | number>,
  item: z.ZodType<T>,
  priority: Priority,
  maxPages: number,
) {
  const all: T[] = [];
  let read = 0;
  for (let page = 1; page <= maxPages; page++) {
    const r = await listPage(path, { ...query, page, pageSize: MAX_PAGE_SIZE }, item, priority);
    all.push(...r.data);
    read += r.raw;
    if (r.raw < MAX_PAGE_SIZE || read >= r.total) return { items: all, truncated: false };
  }
  return { items: all, truncated: true };
}

interface Slot<T> {
  key: string;
  at: number;
  value?: T;
  pending?: Promise<T>;
}

/** A value cached for `ttl` ms under `key`; concurrent callers share one computation; failures are not cached. */
async function cached<T>(slot: { current?: Slot<T> }, key: string, ttl: number, compute: () => Promise<T>): Promise<T> {
  const s = slot.current;
  if (s && s.key === key) {
    if (s.value !== undefined && Date.now() - s.at < ttl) return s.value;
    if (s.pending) return s.pending;
  }
  const pending = compute();
  const next: Slot<T> = { key, at: 0, value: s?.key === key ? s.value : undefined, pending };
  slot.current = next;
  try {
    const value = await pending;
    if (slot.current === next) slot.current = { key, at: Date.now(), value };
    return value;
  } catch (e) {
    if (slot.current === next) slot.current = undefined;
    throw e;
  }
}

const summarySlot: { current?: Slot<HomeSummary> } = {};
const usersSlot: { current?: Slot<{ items: SummaryUser[]; truncated: boolean }> } = {};

async function computeSummary(priority: Priority): Promise<HomeSummary> {
  const tz = getEnv().SYNCHROTEAM_TIMEZONE;
  const now = epochToLocal(Date.now(), tz);
  const today = datePart(now);
  // Sequential on purpose: a person waits on this, and the gateway serves one caller's calls fairly with others'.
  const jobs = await walk<SummaryJob>(
    'job/list',
    { dateFrom: startOfDay(today), dateTo: endOfDay(today) },
    ZSummaryJob,
    priority,
    MAX_JOB_PAGES,
  );
  const unscheduled = await listPage('job/list', { status: 'created', page: 1, pageSize: 1 }, z.unknown(), priority);
  const users = await cached(usersSlot, 'users', USERS_TTL_MS, () =>
    walk<SummaryUser>('user/list', {}, ZSummaryUser, priority, MAX_USER_PAGES),
  );
  return summarize({
    now,
    timeZone: tz,
    jobs: jobs.items,
    unscheduled: unscheduled.total,
    users: users.items,
    truncated: jobs.truncated,
  });
}

function failure(e: unknown): NextResponse {
  if (e instanceof UpstreamAnswer) {
    const { status, headers } = e.res;
    if (status === 429) {
      const wait = retryAfterFrom(headers);
      return jsonError(
        429,
        'Too Many Requests',
        'The Synchroteam API is busy.',
        undefined,
        wait !== undefined ? { 'retry-after': String(wait) } : undefined,
      );
    }
    // 401/403 from the API concern the dashboard's API key, not the person: a server-side problem for them.
    if (status === 401 || status === 403)
      return jsonError(502, 'Bad Gateway', "Synchroteam refused the dashboard's API key. Tell your admin.");
    return jsonError(status >= 500 ? status : 502, 'Bad Gateway', 'Synchroteam could not answer. Try again.');
  }
  if (upstreamFailure(e) === 'timeout')
    return jsonError(504, 'Gateway Timeout', 'Synchroteam took too long to answer. Try again.');
  if (upstreamFailure(e) === 'unavailable')
    return jsonError(503, 'Service Unavailable', 'Synchroteam cannot be reached right now. Try again.');
  console.error('home summary failed', e);
  return jsonError(500, 'Internal Server Error', 'The summary could not be built. Try again.');
}

// Polls from an open page say so (`background=1`): they yield to requests someone is waiting for.
const ZSummaryQuery = z.object({
  background: z
    .string()
    .optional()
    .transform((v): Priority => (v === '1' ? 'background' : 'interactive')),
});

export const GET = route(
  { area: 'jobs', query: ZSummaryQuery, errors: failure },
  async ({ query: { background: priority } }) => {
    const today = datePart(epochToLocal(Date.now(), getEnv().SYNCHROTEAM_TIMEZONE));
    const summary = await cached(summarySlot, today, SUMMARY_TTL_MS, () => computeSummary(priority));
    // Its own cache-control (private, revalidated on every use), not the wrapper's no-store.
    return NextResponse.json(summary, { headers: { 'cache-control': 'private, max-age=0, must-revalidate' } });
  },
);
