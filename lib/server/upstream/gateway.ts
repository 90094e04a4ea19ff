/**
 * The ONE gateway to the Synchroteam API: every upstream call of the server goes through `request`.
 *
 * - Budget: one minute window + daily quota per API key, learned from every answer's X-RateLimit-* / X-Quota-*
 *   headers and spent optimistically before each send, so concurrent requests do not overshoot. When the minute budget
 *   is spent the queue holds everything until Reset instead of collecting 429s.
 * - Priority: a p-queue with limited concurrency; interactive requests (someone is waiting) go before background
 *   refreshes. Requests put back in line after a budget wait go before new arrivals of their class.
 * - Retries: GETs after 429 (at Reset), 5xx and network errors (exponential backoff with jitter), bounded in attempts
 *   and in total time. Writes are never retried blindly: only when the request provably never reached the server
 *   (connection refused, DNS) or was refused by the rate limiter (429 is answered before the API processes anything).
 * - Coalescing: concurrent identical GETs share one upstream call; an interactive caller joining a queued background
 *   call raises its priority.
 * - Timeout: per attempt; a timeout is not retried (the person has already waited) and throws UpstreamTimeout.
 * - Circuit breaker (breaker.ts): after repeated connection failures or timeouts, requests fail at once with
 *   UpstreamUnavailable while a background probe waits for the API to answer again.
 */
import 'server-only';
import PQueue from 'p-queue';
import {
  exhaust,
  observe,
  parseRateHeaders,
  reserve,
  roll,
  EMPTY_BUDGET,
  type Budget,
  type Reservation,
} from './budget';
import { CircuitBreaker, type BreakerOptions } from './breaker';
import { MemoryGatewayState, type GatewayState } from './state';
import { UpstreamAborted, UpstreamTimeout, UpstreamUnavailable, neverReachedServer, networkCode } from './errors';
import type {
  Gateway,
  GatewaySnapshot,
  GatewayStats,
  HttpMethod,
  Priority,
  UpstreamQuery,
  UpstreamRequest,
  UpstreamResponse,
} from './types';

export interface GatewayOptions {
  /** e.g. https://ws.synchroteam.com/api/v3 */
  baseUrl: string;
  domain: string;
  apiKey: string;
  fetch?: typeof fetch;
  state?: GatewayState;
  /** Per attempt, ms. */
  timeoutMs?: number;
  /** Clock, epoch ms. */
  now?: () => number;
  /** Requests on the wire at once. */
  concurrency?: number;
  /** Attempts per request, first one included (GET, and writes that never reached the server). */
  maxAttempts?: number;
  /** Longest a request may spend in retries and budget waits before its last answer is returned as is. */
  maxTotalMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** [0,1) source for jitter (tests make it fixed). */
  random?: () => number;
  /** Circuit breaker settings (the probe is the gateway's own: an unauthenticated GET of the base URL). */
  breaker?: Omit<BreakerOptions, 'probe'> & { probeTimeoutMs?: number };
}

const PRIORITY: Record<Priority, number> = { interactive: 10, background: 0 };
/** Our clock and the API's may differ a little; wake up just after the window has really turned. */
const RESET_MARGIN_MS = 250;
const RETRY_STATUSES = new Set([500, 502, 503, 504]);
const KEPT_HEADERS = [
  'content-type',
  // The API's clock: the mirror's sync reads its changes on it (lib/server/mirror/sync.ts).
  'date',
  'retry-after',
  'allow',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-quota-limit',
  'x-quota-remaining',
];

interface Op {
  method: HttpMethod;
  path: string;
  url: string;
  body: string | undefined;
  priority: Priority;
  signal: AbortSignal;
  /** p-queue id of the task while it waits in the queue (for priority bumps). */
  taskId?: string;
}

type Attempt =
  | { kind: 'response'; response: UpstreamResponse }
  | { kind: 'wait'; untilMs: number }
  | { kind: 'quota'; untilMs: number }
  | { kind: 'timeout' }
  | { kind: 'network'; error: unknown }
  | { kind: 'open' };

interface Shared {
  op: Op;
  promise: Promise<UpstreamResponse>;
  refs: number;
  controller: AbortController;
}

export function serializeQuery(query: UpstreamQuery | undefined, sorted = false): string {
  if (!query) return '';
  const pairs: [string, string][] = [];
  if (query instanceof URLSearchParams) {
    for (const [k, v] of query) pairs.push([k, v]);
  } else {
    for (const [k, v] of Object.entries(query)) {
      if (v === null || v === undefined) continue;
      if (Array.isArray(v)) for (const x of v) pairs.push([k, String(x)]);
      else pairs.push([k, String(v)]);
    }
  }
  if (sorted) pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return new URLSearchParams(pairs).toString();
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new UpstreamAborted());
    const t = setTimeout(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    const onAbort = () => {
      clearTimeout(t);
      reject(new UpstreamAborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function budgetHeaders(b: Budget, retryAfterS: number): Record<string, string> {
  const h: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'retry-after': String(Math.max(1, retryAfterS)),
  };
  if (b.limit !== null) h['x-ratelimit-limit'] = String(b.limit);
  if (b.remaining !== null) h['x-ratelimit-remaining'] = String(Math.max(0, b.remaining));
  if (b.reset !== null) h['x-ratelimit-reset'] = String(b.reset);
  if (b.quotaLimit !== null) h['x-quota-limit'] = String(b.quotaLimit);
  if (b.quotaRemaining !== null) h['x-quota-remaining'] = String(Math.max(0, b.quotaRemaining));
  return h;
}

export function createGateway(opts: GatewayOptions): Gateway {
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  const state = opts.state ?? new MemoryGatewayState();
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 4);
  const maxTotalMs = opts.maxTotalMs ?? 70_000;
  const backoffBaseMs = opts.backoffBaseMs ?? 250;
  const backoffMaxMs = opts.backoffMaxMs ?? 8_000;
  const random = opts.random ?? Math.random;
  const base = opts.baseUrl.replace(/\/+$/, '');
  const authorization = 'Basic ' + Buffer.from(`${opts.domain}:${opts.apiKey}`).toString('base64');

  const queue = new PQueue({ concurrency: opts.concurrency ?? 6 });
  const inflight = new Map<string, Shared>();
  const stats: GatewayStats = { requests: 0, upstreamCalls: 0, coalesced: 0, retries: 0 };
  let last: Budget = EMPTY_BUDGET;
  let onWire = 0;
  let taskSeq = 0;
  let waitingUntil: number | null = null;
  let holdTimer: ReturnType<typeof setTimeout> | undefined;

  const probeTimeoutMs = opts.breaker?.probeTimeoutMs ?? 3_000;
  const breaker = new CircuitBreaker({
    onChange: (state, detail) => console.warn(`[upstream] circuit ${state}: ${detail}`),
    ...opts.breaker,
    // Reachability only: no credentials (no budget, no key in a log), any HTTP status means the API is there.
    probe: async () => {
      try {
        const res = await fetchImpl(`${base}/`, { method: 'GET', signal: AbortSignal.timeout(probeTimeoutMs) });
        await res.arrayBuffer().catch(() => {});
        return true;
      } catch {
        return false;
      }
    },
  });

  function circuitOpenError(): UpstreamUnavailable {
    return new UpstreamUnavailable(
      `Synchroteam is not answering; requests fail at once until a background check reaches it again (next in ${breaker.nextProbeInS()} s)`,
    );
  }

  async function updateState(fn: (b: Budget) => Budget): Promise<Budget> {
    last = await state.update(fn);
    return last;
  }

  /** Stops the queue until the window turns; requests already put back wait in line by priority. */
  function holdUntil(untilMs: number) {
    if (waitingUntil !== null && waitingUntil >= untilMs) return;
    waitingUntil = untilMs;
    queue.pause();
    clearTimeout(holdTimer);
    holdTimer = setTimeout(
      () => {
        waitingUntil = null;
        queue.start();
      },
      Math.max(0, untilMs - now()) + RESET_MARGIN_MS,
    );
  }

  function backoff(attempt: number): number {
    // "Equal jitter": half fixed, half random, so retries of many callers spread out but never collapse to 0.
    const cap = Math.min(backoffMaxMs, backoffBaseMs * 2 ** (attempt - 1));
    return Math.round(cap / 2 + random() * (cap / 2));
  }

  async function attempt(op: Op): Promise<Attempt> {
    // Opened while this request waited in the queue: do not add another timeout to the pile.
    if (breaker.isOpen()) return { kind: 'open' };
    let decision: Reservation | undefined;
    await updateState((b) => (decision = reserve(b, now())).budget);
    if (decision && !decision.ok) {
      if (decision.reason === 'day') return { kind: 'quota', untilMs: decision.untilMs };
      holdUntil(decision.untilMs);
      return { kind: 'wait', untilMs: decision.untilMs };
    }
    stats.upstreamCalls++;
    onWire++;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    try {
      const headers: Record<string, string> = {
        Authorization: authorization,
        Accept: 'application/json',
        'User-Agent': 'dispatch-console',
      };
      if (op.body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await fetchImpl(op.url, {
        method: op.method,
        headers,
        body: op.body,
        signal: AbortSignal.any([op.signal, timeout.signal]),
      });
      const text = await res.text();
      breaker.success();
      const rate = parseRateHeaders((n) => res.headers.get(n));
      await updateState((b) => observe(b, rate, now()));
      const kept: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const v = res.headers.get(name);
        if (v !== null) kept[name] = v;
      }
      let body: unknown = undefined;
      if (text.length) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      return { kind: 'response', response: { status: res.status, body, headers: kept } };
    } catch (error) {
      if (op.signal.aborted) throw new UpstreamAborted();
      breaker.failure();
      if (timeout.signal.aborted) return { kind: 'timeout' };
      return { kind: 'network', error };
    } finally {
      clearTimeout(timer);
      onWire--;
    }
  }

  function synthetic429(message: string, untilMs: number): UpstreamResponse {
    const retryAfter = Math.ceil((untilMs - now()) / 1000);
    return {
      status: 429,
      body: { error: 'Too Many Requests', message },
      headers: budgetHeaders(roll(last, now()), retryAfter),
    };
  }

  async function run(op: Op): Promise<UpstreamResponse> {
    const deadline = now() + maxTotalMs;
    let attempts = 0;
    let requeued = false;
    for (;;) {
      op.taskId = `t${++taskSeq}`;
      let r: Attempt;
      try {
        r = await queue.add(() => attempt(op), {
          priority: PRIORITY[op.priority] + (requeued ? 0.5 : 0),
          id: op.taskId,
          signal: op.signal,
        });
      } catch (e) {
        if (op.signal.aborted) throw new UpstreamAborted();
        throw e;
      } finally {
        op.taskId = undefined;
      }
      switch (r.kind) {
        case 'wait':
          if (r.untilMs + RESET_MARGIN_MS > deadline) {
            return synthetic429(
              `The Synchroteam request budget for this minute is spent; try again in ${Math.ceil((r.untilMs - now()) / 1000)} s`,
              r.untilMs,
            );
          }
          requeued = true;
          continue;
        case 'quota':
          return synthetic429(
            'The daily request quota of the Synchroteam API is spent; it resets at midnight UTC',
            r.untilMs,
          );
        case 'open':
          throw circuitOpenError();
        case 'timeout':
          throw new UpstreamTimeout(timeoutMs, op.method, op.path);
        case 'network': {
          attempts++;
          const retriable = op.method === 'GET' || neverReachedServer(r.error);
          const delay = backoff(attempts);
          if (breaker.isOpen()) throw circuitOpenError();
          if (retriable && attempts < maxAttempts && now() + delay <= deadline) {
            stats.retries++;
            await sleep(delay, op.signal);
            continue;
          }
          throw new UpstreamUnavailable(
            `Synchroteam could not be reached (${networkCode(r.error) ?? (r.error as Error)?.message ?? 'network error'})`,
            r.error,
          );
        }
        case 'response': {
          attempts++;
          const res = r.response;
          if (res.status === 429) {
            const h = parseRateHeaders((n) => res.headers[n]);
            // Quota spent for the day: waiting a minute would not help; the budget now refuses further sends.
            if (h.quotaLimit && h.quotaRemaining === 0) return res;
            await updateState((b) => exhaust(b, h.reset, now()));
            const until = (h.reset ?? Math.ceil(now() / 1000) + 1) * 1000;
            if (attempts < maxAttempts && until + RESET_MARGIN_MS <= deadline) {
              stats.retries++;
              requeued = true;
              continue; // the next reservation holds the queue until Reset
            }
            return res;
          }
          if (op.method === 'GET' && RETRY_STATUSES.has(res.status) && attempts < maxAttempts) {
            const delay = backoff(attempts);
            if (now() + delay <= deadline) {
              stats.retries++;
              await sleep(delay, op.signal);
              continue;
            }
          }
          return res;
        }
      }
    }
  }

  function follow(s: Shared, signal: AbortSignal | undefined): Promise<UpstreamResponse> {
    s.refs++;
    const leave = () => {
      if (--s.refs === 0) s.controller.abort();
    };
    if (!signal) return s.promise;
    if (signal.aborted) {
      leave();
      return Promise.reject(new UpstreamAborted());
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        leave();
        reject(new UpstreamAborted());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      s.promise.then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  }

  function request(req: UpstreamRequest): Promise<UpstreamResponse> {
    stats.requests++;
    if (breaker.isOpen()) return Promise.reject(circuitOpenError());
    const method = req.method.toUpperCase() as HttpMethod;
    const path = req.path.replace(/^\/+/, '');
    const priority: Priority = req.priority ?? 'interactive';
    const qs = serializeQuery(req.query);
    const url = `${base}/${path}${qs ? `?${qs}` : ''}`;
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);

    if (method !== 'GET') {
      const controller = new AbortController();
      const signal = req.signal ? AbortSignal.any([req.signal, controller.signal]) : controller.signal;
      return run({ method, path, url, body, priority, signal });
    }

    const key = `${path.toLowerCase()}?${serializeQuery(req.query, true)}`;
    let s = inflight.get(key);
    if (s) {
      stats.coalesced++;
      if (priority === 'interactive' && s.op.priority === 'background') {
        s.op.priority = 'interactive';
        if (s.op.taskId) {
          try {
            queue.setPriority(s.op.taskId, PRIORITY.interactive);
          } catch {
            /* already dequeued: the raise applies to its retries */
          }
        }
      }
    } else {
      const controller = new AbortController();
      const op: Op = { method, path, url, body: undefined, priority, signal: controller.signal };
      const created: Shared = { op, controller, refs: 0, promise: undefined as unknown as Promise<UpstreamResponse> };
      created.promise = run(op).finally(() => {
        if (inflight.get(key) === created) inflight.delete(key);
      });
      created.promise.catch(() => {}); // callers that left early must not turn a failure into an unhandled rejection
      inflight.set(key, created);
      s = created;
    }
    return follow(s, req.signal);
  }

  function snapshot(): GatewaySnapshot {
    const b = roll(last, now());
    return {
      limit: b.limit,
      remaining: b.limit ? Math.max(0, b.remaining ?? b.limit) : null,
      reset: b.reset,
      quotaLimit: b.quotaLimit,
      quotaRemaining: b.quotaLimit ? Math.max(0, b.quotaRemaining ?? b.quotaLimit) : null,
      queued: queue.size,
      inFlight: onWire,
      waitingUntil,
      unreachable: breaker.isOpen(),
    };
  }

  return { request, snapshot, stats: () => ({ ...stats }) };
}
