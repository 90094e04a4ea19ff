/**
 * Errors → what a screen shows: a title, the plain-language message and the one action that helps. The wording of
 * statuses comes from lib/synchroteam/errors.ts (plainMessage), so toasts, forms and error pages say the same thing.
 * Works with any error object that carries a numeric `status` (ApiError, RouteError), so the screens do not care
 * which layer failed; no status at all means the request never got an answer (offline).
 */
import { plainMessage } from '../synchroteam/errors';

/** 'check': a write timed out and may have been saved; offer to look at the record before trying again. */
export type ErrorAction = 'sign-in' | 'retry' | 'home' | 'none' | 'check';

export interface ErrorExplanation {
  title: string;
  message: string;
  /** What the screen should offer. */
  action: ErrorAction;
  /** 429: how long until the request is tried again, when known. */
  retryInSeconds?: number;
}

/** The HTTP status carried by an error, or null when the request never got an answer (offline, DNS, CORS). */
export function errorStatus(err: unknown): number | null {
  if (err && typeof err === 'object' && 'status' in err) {
    const s = (err as { status: unknown }).status;
    if (typeof s === 'number' && s >= 100 && s <= 599) return s;
  }
  return null;
}

function retryAfterOf(err: unknown): number | undefined {
  if (err && typeof err === 'object') {
    const r =
      (err as { retryAfter?: unknown; retryAfterSeconds?: unknown }).retryAfter ??
      (err as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof r === 'number' && Number.isFinite(r) && r >= 0) return Math.ceil(r);
  }
  return undefined;
}

export function explainStatus(
  status: number | null,
  opts: { retryAfter?: number; offline?: boolean; detail?: string; write?: boolean } = {},
): ErrorExplanation {
  if (status === null) {
    return {
      title: opts.offline ? 'You are offline' : 'Could not reach the server',
      message: 'Check your connection and try again. Nothing you entered has been lost.',
      action: 'retry',
    };
  }
  // A write that got no answer in time was sent: it may well have been carried out (the record did exist afterwards
  // when this was tried). "Try again" could make it twice; the person checks first.
  if (status === 504 && opts.write) {
    return {
      title: 'May have been saved',
      message:
        'Synchroteam did not answer in time, so the change may have been saved. Check the record before saving again.',
      action: 'check',
    };
  }
  const message = plainMessage(status, opts.detail, opts.retryAfter);
  if (status === 401) return { title: 'Your session has ended', message, action: 'sign-in' };
  if (status === 403)
    return {
      title: 'Not allowed for your role',
      message: `${message} Ask an admin if you need access.`,
      action: 'home',
    };
  if (status === 404) return { title: 'Not found', message, action: 'home' };
  if (status === 429)
    return { title: 'The service is busy', message, action: 'retry', retryInSeconds: opts.retryAfter };
  if (status >= 500) return { title: 'Something went wrong', message, action: 'retry' };
  if (status === 409) return { title: 'Changed by someone else', message, action: 'retry' };
  return { title: 'Not accepted', message, action: 'none' };
}

/** Explains any thrown value. `write`: the failed request was a save (changes what a 504 means). */
export function explainError(err: unknown, { write = false }: { write?: boolean } = {}): ErrorExplanation {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  const detail =
    err && typeof err === 'object' && typeof (err as { detail?: unknown }).detail === 'string'
      ? (err as { detail: string }).detail
      : undefined;
  return explainStatus(offline ? null : errorStatus(err), { retryAfter: retryAfterOf(err), offline, detail, write });
}
