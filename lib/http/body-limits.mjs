/**
 * Request body limits of the app/api routes: one table, read by proxy.ts (through lib/server/http/request-guard.ts)
 * and by scripts/app-server.mjs. Plain JavaScript so that the app server, which runs before Next.js, can import it:
 * Next buffers a body for proxy.ts and waits for all of it before answering (next-server.js, `finalize()`), so only
 * the app server can refuse an over-long body before it is sent.
 */

export const BODY_LIMITS = Object.freeze({
  /** Public routes (customer lookup and writes, sign-in): small forms. */
  public: 16 * 1024,
  /** Signed-in JSON writes. */
  json: 1024 * 1024,
  /** attachment/create: the API's 10 MB files travel base64-encoded in JSON (≈ 13.4 MB). */
  attachment: 14 * 1024 * 1024,
});

const PUBLIC_PREFIXES = ['/api/track/', '/api/auth/'];

/** The largest body a request to `pathname` may carry, bytes. */
export function bodyLimitFor(pathname) {
  const p = String(pathname).toLowerCase();
  if (p.startsWith('/api/st/attachment/create')) return BODY_LIMITS.attachment;
  if (PUBLIC_PREFIXES.some((x) => p.startsWith(x))) return BODY_LIMITS.public;
  return BODY_LIMITS.json;
}

/** 16384 → "16 KB", as the 413 messages name a limit. */
export function formatBytes(n) {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} KB`;
}

/**
 * The refusal for a write's declared body, or null: 411 without a length (chunked; a declared length is one Node's
 * parser holds the client to), 413 over the route's limit.
 */
export function bodySizeRefusal(pathname, contentLength, transferEncoding) {
  if (contentLength === null || contentLength === undefined) {
    return transferEncoding
      ? { status: 411, error: 'Length Required', message: 'Send the request body with a Content-Length.' }
      : null;
  }
  const bytes = Number(contentLength);
  if (!Number.isFinite(bytes) || bytes < 0)
    return { status: 411, error: 'Length Required', message: 'The Content-Length of this request is not a number.' };
  const limit = bodyLimitFor(pathname);
  if (bytes > limit)
    return {
      status: 413,
      error: 'Payload Too Large',
      message: `The request body is too large: at most ${formatBytes(limit)} here.`,
    };
  return null;
}
