/**
 * The browser's one way to the server, for every query and mutation module (and the few components that call it
 * directly):
 * - `api`: the typed Synchroteam client over the /api/st proxy, so writes are role-checked and audited and the
 *   gateway spends the shared budget; one instance, because it holds no state a second one would need;
 * - `fetchJson`: the dashboard's own purpose-built routes (/api/board, /api/map, /api/reports, /api/admin, /api/status …).
 *   Their errors come back as `{error, message, field?}` like the proxy's and are thrown as RouteError, an ApiError
 *   (so react-query's retry rule and lib/ui/api-errors.ts treat them like API errors) that also carries the `field`
 *   our routes name explicitly.
 */
import { createBrowserClient } from '../synchroteam/client';
import { ApiError } from '../synchroteam/errors';

export const api = createBrowserClient();

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
    headers: {
      accept: 'application/json',
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
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

/** Bodies with nested objects (schedule's technician, parts' lines): the client's key type (a flat Query) is too narrow for them. */
export const nestedBody = <T>(b: Record<string, unknown>) => b as unknown as T & never;
