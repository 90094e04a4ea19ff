/**
 * The JSON answer of a feature route whose upstream read failed, shared by the board, map (and any other) routes so
 * they fail alike: API errors keep their status and plain message (a 429 keeps Retry-After); anything else (network,
 * a bug) is logged and answered 502 without details.
 */
import 'server-only';
import { isApiError } from '@/lib/synchroteam/errors';
import { jsonError } from './auth/route-guard';

/** `what` names the route in the server log ("board route"). */
export function upstreamError(e: unknown, what: string): Response {
  if (isApiError(e)) {
    const headers = e.retryAfterSeconds ? { 'retry-after': String(e.retryAfterSeconds) } : undefined;
    return jsonError(e.status, e.error, e.message, undefined, headers);
  }
  console.error(`${what} failed`, e);
  return jsonError(502, 'Bad Gateway', 'The Synchroteam API could not be reached. Try again.');
}
