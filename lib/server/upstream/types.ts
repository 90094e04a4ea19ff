/** Shapes of the upstream gateway: what callers ask for and what they get back. */
import 'server-only';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** `interactive`: a person is waiting (a click, a page load). `background`: refreshes and polling, which yield. */
export type Priority = 'interactive' | 'background';

export type QueryScalar = string | number | boolean;
export type QueryValue = QueryScalar | null | undefined | readonly QueryScalar[];
export type UpstreamQuery = URLSearchParams | Record<string, QueryValue>;

export interface UpstreamRequest {
  method: HttpMethod;
  /** API path below the base URL, e.g. "customer/list" (leading slash optional). */
  path: string;
  query?: UpstreamQuery;
  /** JSON body for writes. */
  body?: unknown;
  priority?: Priority;
  /** Aborts this caller's wait; a coalesced upstream call is aborted only when every caller has gone. */
  signal?: AbortSignal;
}

export interface UpstreamResponse {
  status: number;
  /** Parsed JSON, the raw text when the answer was not JSON, or undefined when it was empty. */
  body: unknown;
  /** Lower-cased header names: content-type, retry-after, allow and the x-ratelimit-* / x-quota-* headers. */
  headers: Readonly<Record<string, string>>;
}

/** What the UI's quota indicator shows. null = not learned yet (no answer seen) or not applicable. */
export interface GatewaySnapshot {
  /** Requests per minute; 0 = unlimited. */
  limit: number | null;
  remaining: number | null;
  /** Epoch seconds at which the minute window resets. */
  reset: number | null;
  /** Requests per day; 0 = unlimited. */
  quotaLimit: number | null;
  quotaRemaining: number | null;
  /** Requests waiting for a slot or for the budget. */
  queued: number;
  /** Requests on the wire now. */
  inFlight: number;
  /** Epoch ms until which the queue holds requests back because the minute budget is spent (null = not waiting). */
  waitingUntil: number | null;
  /** True while the circuit breaker is open (the API did not answer repeatedly); absent from test doubles. */
  unreachable?: boolean;
}

export interface Gateway {
  request(req: UpstreamRequest): Promise<UpstreamResponse>;
  snapshot(): GatewaySnapshot;
  /** Counters since creation (benchmarks and tests). */
  stats(): GatewayStats;
}

export interface GatewayStats {
  /** Calls of request(). */
  requests: number;
  /** Requests sent upstream (attempts, retries included). */
  upstreamCalls: number;
  /** Callers that shared an in-flight identical GET instead of sending their own. */
  coalesced: number;
  retries: number;
}
