/** The optimizer routes' (app/api/optimize) body schemas, answer and error mapping; the route wrapper does the rest. */
import 'server-only';
import { z } from 'zod';
import { jsonError } from '../auth/route-guard';
import { utcDay } from '@/lib/synchroteam/dates';
import { json } from '../http/route';
import { RunError, type RunView } from './runs';

/** A plan request or an apply names at most this many jobs (a day of a large company is far less). */
const MAX_JOBS = 2000;
export const BODY_LIMIT = 128 * 1024;
const ZJobId = z.string().min(1).max(64);

export const ZStartRun = z.object({
  // Date.parse rolls 2026-02-30 over to March: only a date that reads back the same is a real one.
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(d)) && utcDay(new Date(`${d}T00:00:00Z`)) === d, 'must be a real date'),
  teamId: z.number().int().positive().nullable().default(null),
  pinned: z.array(ZJobId).max(MAX_JOBS).default([]),
  keepScheduled: z.boolean().default(false),
});

export const ZApply = z.object({ jobIds: z.array(ZJobId).min(1, 'choose at least one move').max(MAX_JOBS) });

export function runAnswer(run: RunView, status = 200): Response {
  return json({ run }, status);
}

/** A RunError → its status and message; anything else is left to the route wrapper (upstreamError). */
export function runFailure(e: unknown): Response | undefined {
  if (e instanceof RunError)
    return jsonError(
      e.status,
      e.status === 404
        ? 'Not Found'
        : e.status === 409
          ? 'Conflict'
          : e.status === 503
            ? 'Service Unavailable'
            : 'Bad Request',
      e.message,
    );
  return undefined;
}
