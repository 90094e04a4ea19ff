/**
 * Browser fetch for the dashboard's own JSON routes (/api/admin, /api/home, /api/status …). Errors come back as
 * `{error, message, field?}` like the proxy's and are thrown as RouteError, an ApiError (so react-query's retry rule
 * and lib/ui/api-errors.ts treat them like API errors) that also carries the `field` our routes name explicitly.
 */
import { ApiError } from '../synchroteam/errors';

export class RouteError extends ApiError {
  override name = 'RouteError';
  constructor(status: number, body: unknown, headers?: Headers) {
    const e = ApiError.fromResponse(status, body, headers);
    super({ status, error: e.error, detail: e.detail, retryAfterSeconds: e.retryAfterSeconds, body });
    const field = body && typeof body === 'object' ? (body as { field?: unknown }).field : undefined;
    if (typeof field === 'string') Object.defineProperty(this, 'field', { value: field });
  }
}

export async function fetchJson<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const res = await fetch(url, {
    ...rest,
    headers: { accept: 'application/json', ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
    credentials: 'same-origin',
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!res.ok) throw new RouteError(res.status, body, res.headers);
  return body as T;
}
