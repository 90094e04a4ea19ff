/** Typed failures of the upstream gateway. HTTP error statuses are answers, not exceptions: only these throw. */
import 'server-only';

export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(
    message: string,
    readonly code: 'timeout' | 'unavailable' | 'aborted',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The API did not answer within the per-request timeout. */
export class UpstreamTimeout extends UpstreamError {
  override name = 'UpstreamTimeout';
  constructor(
    readonly timeoutMs: number,
    readonly method: string,
    readonly path: string,
  ) {
    super(`Synchroteam did not answer ${method} ${path} within ${timeoutMs} ms`, 'timeout');
  }
}

/** The API could not be reached (connection refused, DNS, reset) after the retries allowed for the verb. */
export class UpstreamUnavailable extends UpstreamError {
  override name = 'UpstreamUnavailable';
  constructor(message: string, cause?: unknown) {
    super(message, 'unavailable', { cause });
  }
}

/** The caller aborted its request (its own signal). */
export class UpstreamAborted extends UpstreamError {
  override name = 'UpstreamAborted';
  constructor() {
    super('The request was aborted by its caller', 'aborted');
  }
}

/**
 * The gateway failure `e` is, by its code: not `instanceof`, because a production build can hold two copies of these
 * classes (the gateway lives on globalThis, made by whichever bundle chunk asked first), and an `instanceof` against
 * the other copy is false.
 */
export function upstreamFailure(e: unknown): UpstreamError['code'] | null {
  const code = (e as { code?: unknown } | null)?.code;
  const name = (e as { name?: unknown } | null)?.name;
  return typeof name === 'string' &&
    name.startsWith('Upstream') &&
    (code === 'timeout' || code === 'unavailable' || code === 'aborted')
    ? code
    : null;
}

/** Network error codes meaning the request provably never reached the server: a write may be retried after them. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** The error code of a failed fetch (undici puts it on `cause`). */
export function networkCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export function neverReachedServer(e: unknown): boolean {
  const code = networkCode(e);
  return !!code && NEVER_SENT.has(code);
}
