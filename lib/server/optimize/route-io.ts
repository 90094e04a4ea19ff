/** Request parsing and error answers shared by the optimizer's routes (app/api/optimize). */
import 'server-only';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { jsonError } from '../auth/route-guard';
import { readLimited } from '../http/body';
import { upstreamError } from '../upstream-error';
import { RunError, type RunView } from './runs';

/** A plan request or an apply names at most this many jobs (a day of a large company is far less). */
const MAX_JOBS = 2000;
const BODY_LIMIT = 128 * 1024;
const ZJobId = z.string().min(1).max(64);

export const ZStartRun = z.object({
  // Date.parse rolls 2026-02-30 over to March: only a date that reads back the same is a real one.
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(d)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'must be a real date'),
  teamId: z.number().int().positive().nullable().default(null),
  pinned: z.array(ZJobId).max(MAX_JOBS).default([]),
  keepScheduled: z.boolean().default(false),
});

export const ZApply = z.object({ jobIds: z.array(ZJobId).min(1, 'choose at least one move').max(MAX_JOBS) });

/** The JSON body validated by `schema`, or the 400/413 answer that names the problem. */
export async function readBody<T>(req: Request, schema: z.ZodType<T>): Promise<{ body: T } | { response: NextResponse }> {
  const read = await readLimited(req, BODY_LIMIT);
  if (!read.ok) return { response: jsonError(413, 'Payload Too Large', 'The request is too large.') };
  let raw: unknown;
  try {
    raw = read.text ? JSON.parse(read.text) : {};
  } catch {
    return { response: jsonError(400, 'Bad Request', 'The request body must be JSON.') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'body';
    return { response: jsonError(400, 'Bad Request', `Field '${field}' ${issue.message}`, { field }) };
  }
  return { body: parsed.data };
}

export function runAnswer(run: RunView, status = 200): NextResponse {
  return NextResponse.json({ run }, { status, headers: { 'cache-control': 'no-store' } });
}

export function runFailure(e: unknown, where: string): NextResponse {
  if (e instanceof RunError) return jsonError(e.status, e.status === 404 ? 'Not Found' : e.status === 409 ? 'Conflict' : e.status === 503 ? 'Service Unavailable' : 'Bad Request', e.message);
  return upstreamError(e, where) as NextResponse;
}
