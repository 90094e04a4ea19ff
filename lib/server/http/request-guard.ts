/**
 * The checks every state-changing request to app/api passes before any route runs (called from proxy.ts, so a new
 * route cannot forget them; e2e/security/api-guard.spec.ts walks app/api to prove it). The route wrapper
 * (lib/server/http/route.ts) runs them again, so a route stays safe if the proxy's matcher ever stops covering it:
 *
 * - Same origin (403): a browser always sends `Sec-Fetch-Site` or `Origin` on a POST/PUT/PATCH/DELETE; a value that
 *   is not this site refuses the request (Sec-Fetch-Site decides when present), so another site cannot make a signed-in browser write (CSRF), nor a
 *   customer's browser post to the public tracking routes. No header at all is a non-browser client (curl, scripts),
 *   which has no victim's cookies to ride on and could forge either header anyway.
 * - JSON only (415): a body must be `application/json`, which a cross-site form or a "simple" fetch cannot send
 *   without a CORS preflight this app never grants. Exceptions: next-auth's own routes (form posts with their CSRF
 *   token) and the customer lookup's no-script form (lookup, same-origin checked like the rest).
 * - Body size (413, 411): Content-Length above the route's limit (lib/http/body-limits.mjs) is refused; a body
 *   without a length (chunked) is refused too, so the declared length is the real one (Node's parser enforces it).
 *   scripts/app-server.mjs applies the same table before Next reads anything; this check covers `next dev`.
 *
 * Pure: headers in, refusal out (unit-tested in request-guard.test.ts).
 */

import { bodyLimitFor, bodySizeRefusal, formatBytes, BODY_LIMITS } from '../../http/body-limits.mjs';

export { BODY_LIMITS, bodyLimitFor, formatBytes };

const FORM_ROUTES = [/^\/api\/auth\//, /^\/api\/track\/lookup\/?$/];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface GuardInput {
  method: string;
  pathname: string;
  headers: Headers;
  /** Origins this app is served at (NEXTAUTH_URL's); the request's own Host is accepted too. */
  selfOrigins: string[];
}

export interface Refusal {
  status: 403 | 411 | 413 | 415;
  error: string;
  message: string;
}

function sameOrigin(h: Headers, selfOrigins: string[]): boolean {
  // Sec-Fetch-Site is set by the browser and no page can change it: when present it decides. ('none': the person
  // typed or bookmarked the address.) Origin cannot: a page with Referrer-Policy no-referrer (the tracking pages)
  // sends `Origin: null` on its own same-origin form posts.
  const site = h.get('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  // Older browsers: Origin, when sent, must be this site.
  const origin = h.get('origin');
  if (!origin) return true;
  if (origin === 'null') return false; // sandboxed frames, data: pages, some cross-origin redirects
  if (selfOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === h.get('host');
  } catch {
    return false;
  }
}

function mediaType(h: Headers): string {
  return (h.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

export function guardApiRequest({ method, pathname, headers, selfOrigins }: GuardInput): Refusal | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (!sameOrigin(headers, selfOrigins)) {
    return {
      status: 403,
      error: 'Forbidden',
      message: 'This request came from another site and was refused. Use the dashboard itself.',
    };
  }
  const sizeRefusal = bodySizeRefusal(pathname, headers.get('content-length'), headers.get('transfer-encoding'));
  if (sizeRefusal) return sizeRefusal;
  const bytes = Number(headers.get('content-length') ?? 0);
  if (bytes > 0) {
    const type = mediaType(headers);
    const form = type === 'application/x-www-form-urlencoded' && FORM_ROUTES.some((r) => r.test(pathname));
    if (type !== 'application/json' && !form) {
      return {
        status: 415,
        error: 'Unsupported Media Type',
        message: 'Send the request body as JSON (Content-Type: application/json).',
      };
    }
  }
  return null;
}
