/**
 * API failures in plain language. Every non-2xx answer of the Synchroteam client becomes an ApiError carrying the HTTP
 * status, the API's own words (`detail`) and a message a dispatcher can act on. Isomorphic: browser and server.
 */

export interface ApiErrorInit {
  status: number;
  /** Short error name, as the API sends it ("Not Found"). */
  error?: string;
  /** The API's (or proxy's) own message. */
  detail?: string;
  /** 429: seconds until the request may be tried again. */
  retryAfterSeconds?: number;
  /** Whether the failed request was a write (changes the 5xx wording). */
  write?: boolean;
  body?: unknown;
}

export function plainMessage(status: number, detail?: string, retryAfterSeconds?: number): string {
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'This is not allowed for your role.';
  if (status === 404) return 'This record is gone: it may have been deleted.';
  if (status === 413) return 'This is too large to send.';
  if (status === 429) {
    return retryAfterSeconds !== undefined
      ? `The service is busy: retrying in ${Math.max(1, Math.ceil(retryAfterSeconds))} s.`
      : 'The service is busy: retrying shortly.';
  }
  if (status === 504) return 'Synchroteam took too long to answer. Try again; nothing you entered is lost.';
  if (status >= 500) return 'Something went wrong on the server. Try again; nothing you entered is lost.';
  // 400, 409, 422…: the API's own words name the problem (often a field).
  return detail?.trim() || 'The request was not accepted.';
}

/** "Field 'name' is required" → "name": lets a form put the error beside its field. */
export function fieldOf(detail: string | undefined): string | undefined {
  return detail ? /\bfield '([^']+)'/i.exec(detail)?.[1] : undefined;
}

type HeaderSource = Headers | Readonly<Record<string, string>> | undefined;

function header(h: HeaderSource, name: string): string | undefined {
  if (!h) return undefined;
  if (typeof (h as Headers).get === 'function') return (h as Headers).get(name) ?? undefined;
  const rec = h as Record<string, string>;
  const key = Object.keys(rec).find((k) => k.toLowerCase() === name);
  return key ? rec[key] : undefined;
}

/** Seconds to wait after a 429: Retry-After, else X-RateLimit-Reset (epoch seconds). */
export function retryAfterFrom(headers: HeaderSource, nowMs = Date.now()): number | undefined {
  const ra = header(headers, 'retry-after');
  if (ra !== undefined && ra.trim() !== '' && Number.isFinite(Number(ra))) return Math.max(0, Number(ra));
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, Math.ceil(reset - nowMs / 1000));
  return undefined;
}

export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly error: string;
  readonly detail: string;
  readonly retryAfterSeconds?: number;
  /** The field the API complained about, when it named one. */
  readonly field?: string;
  readonly body?: unknown;

  constructor(init: ApiErrorInit) {
    super(plainMessage(init.status, init.detail, init.retryAfterSeconds));
    this.status = init.status;
    this.error = init.error ?? 'Error';
    this.detail = init.detail ?? '';
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.field = fieldOf(init.detail);
    this.body = init.body;
  }

  /** Alias read by lib/ui/api-errors.ts. */
  get retryAfter(): number | undefined {
    return this.retryAfterSeconds;
  }

  static fromResponse(status: number, body: unknown, headers?: HeaderSource, nowMs = Date.now()): ApiError {
    const b = body && typeof body === 'object' ? (body as { error?: unknown; message?: unknown }) : {};
    return new ApiError({
      status,
      error: typeof b.error === 'string' ? b.error : undefined,
      detail: typeof b.message === 'string' ? b.message : typeof body === 'string' ? body.slice(0, 300) : undefined,
      retryAfterSeconds: status === 429 || status === 503 ? retryAfterFrom(headers, nowMs) : undefined,
      body,
    });
  }
}

/**
 * Also true for an ApiError made by another copy of this module: a production build can bundle it more than once, and
 * the server's shared stores (on globalThis) throw from whichever copy made them.
 */
export function isApiError(e: unknown): e is ApiError {
  if (e instanceof ApiError) return true;
  const x = e as { name?: unknown; status?: unknown; error?: unknown; message?: unknown } | null;
  return (
    !!x &&
    (x.name === 'ApiError' || x.name === 'RouteError') &&
    typeof x.status === 'number' &&
    typeof x.error === 'string' &&
    typeof x.message === 'string'
  );
}
