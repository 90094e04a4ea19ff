/**
 * The API budget as numbers, and the pure rules that spend and learn it. One budget per API key is shared by every
 * user of the dashboard (and, with a shared GatewayState, by every app instance).
 *
 * Minute window: X-RateLimit-Limit / -Remaining / -Reset (epoch seconds of the next window). Day: X-Quota-Limit /
 * -Remaining, reset at UTC midnight. A Limit of 0 means unlimited, and then Remaining means nothing.
 */
import 'server-only';

export interface Budget {
  limit: number | null;
  remaining: number | null;
  /** Epoch seconds at which the current minute window ends. */
  reset: number | null;
  quotaLimit: number | null;
  quotaRemaining: number | null;
  /** UTC day number (epoch ms / 86.4e6) the quota numbers belong to. */
  quotaDay: number | null;
}

export const EMPTY_BUDGET: Budget = {
  limit: null,
  remaining: null,
  reset: null,
  quotaLimit: null,
  quotaRemaining: null,
  quotaDay: null,
};

const dayOf = (ms: number) => Math.floor(ms / 86_400_000);

/** Moves the numbers into the present: a passed window or a new UTC day gives the full allowance back. */
export function roll(b: Budget, nowMs: number): Budget {
  let next = b;
  if (b.reset !== null && nowMs >= b.reset * 1000) {
    // The window has ended: the full allowance is back, and the next answer tells us when the new window ends.
    next = { ...next, remaining: b.limit, reset: null };
  }
  if (b.quotaDay !== null && dayOf(nowMs) !== b.quotaDay) {
    next = { ...next, quotaRemaining: b.quotaLimit, quotaDay: dayOf(nowMs) };
  }
  return next;
}

export type Reservation =
  | { ok: true; budget: Budget }
  /** The minute budget is spent: try again at `untilMs`. */
  | { ok: false; reason: 'minute'; untilMs: number; budget: Budget }
  /** The daily quota is spent: nothing to do before UTC midnight. */
  | { ok: false; reason: 'day'; untilMs: number; budget: Budget };

/** Takes one request from the budget, or says how long to wait. Unknown numbers (no answer yet) never block. */
export function reserve(b0: Budget, nowMs: number): Reservation {
  const b = roll(b0, nowMs);
  if (b.quotaLimit && b.quotaRemaining !== null && b.quotaRemaining <= 0) {
    return { ok: false, reason: 'day', untilMs: (dayOf(nowMs) + 1) * 86_400_000, budget: b };
  }
  if (b.limit && b.remaining !== null && b.remaining <= 0) {
    // Reset unknown only when a whole new window was spent before any answer came back: look again shortly.
    return { ok: false, reason: 'minute', untilMs: b.reset !== null ? b.reset * 1000 : nowMs + 1000, budget: b };
  }
  return {
    ok: true,
    budget: {
      ...b,
      remaining: b.limit && b.remaining !== null ? b.remaining - 1 : b.remaining,
      quotaRemaining: b.quotaLimit && b.quotaRemaining !== null ? b.quotaRemaining - 1 : b.quotaRemaining,
    },
  };
}

export interface RateHeaders {
  limit?: number;
  remaining?: number;
  reset?: number;
  quotaLimit?: number;
  quotaRemaining?: number;
}

function num(v: string | null | undefined): number | undefined {
  if (v === null || v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export function parseRateHeaders(get: (name: string) => string | null | undefined): RateHeaders {
  return {
    limit: num(get('x-ratelimit-limit')),
    remaining: num(get('x-ratelimit-remaining')),
    reset: num(get('x-ratelimit-reset')),
    quotaLimit: num(get('x-quota-limit')),
    quotaRemaining: num(get('x-quota-remaining')),
  };
}

/**
 * Learns from an answer's headers. Answers arrive out of order and our own reservations run ahead of them, so within
 * one window the lower Remaining wins; a later Reset means a new window and its numbers replace ours; an earlier one is
 * stale and ignored.
 */
export function observe(b0: Budget, h: RateHeaders, nowMs: number): Budget {
  const b = roll(b0, nowMs);
  const next = { ...b };
  if (h.limit !== undefined) next.limit = h.limit;
  if (h.remaining !== undefined && h.reset !== undefined && h.reset * 1000 > nowMs) {
    if (b.reset === null) {
      // First news of this window; our own reservations since it began may be ahead of the answer.
      next.reset = h.reset;
      next.remaining = b.remaining === null ? h.remaining : Math.min(b.remaining, h.remaining);
    } else if (h.reset > b.reset) {
      next.reset = h.reset;
      next.remaining = h.remaining;
    } else if (h.reset === b.reset) {
      next.remaining = b.remaining === null ? h.remaining : Math.min(b.remaining, h.remaining);
    }
  }
  if (h.quotaLimit !== undefined) next.quotaLimit = h.quotaLimit;
  if (h.quotaRemaining !== undefined) {
    const today = dayOf(nowMs);
    next.quotaRemaining =
      b.quotaDay === today && b.quotaRemaining !== null
        ? Math.min(b.quotaRemaining, h.quotaRemaining)
        : h.quotaRemaining;
    next.quotaDay = today;
  }
  if (next.limit === 0) next.remaining = null;
  if (next.quotaLimit === 0) next.quotaRemaining = null;
  return next;
}

/** After a 429 for the minute window: nobody sends again before Reset. */
export function exhaust(b: Budget, resetEpochS: number | undefined, nowMs: number): Budget {
  const reset = resetEpochS ?? b.reset ?? Math.ceil(nowMs / 1000) + 1;
  return { ...b, remaining: 0, reset: Math.max(reset, b.reset ?? 0) };
}
