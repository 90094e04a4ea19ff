/**
 * The generic API proxy behind app/api/st/[...path]: the browser's only way to the Synchroteam API.
 *
 * session (401) → endpoint table (404 / 405) → role (403) → body size and JSON (413 / 400) → gateway → answer.
 * The upstream request is built from scratch (verb, table path, query, JSON body): the browser's cookies and
 * Authorization never leave the server, and the gateway adds Basic domain:apikey. Answers pass status, JSON body and
 * the X-RateLimit-* / X-Quota-* headers through; failures are always JSON {error, message}. Every write, refused or
 * not, goes to the audit log with who did it, the endpoint and the record keys.
 *
 * Dependencies are parameters so tests and benchmarks run it without Next.js or the app database.
 */
import 'server-only';
import type { Role } from '../permissions';
import { allowedMethods, findEndpoint } from '../synchroteam/endpoints';
import type { AuditEntry } from './audit';
import { readLimited } from './http/body';
import { BODY_LIMITS } from './http/request-guard';
import { upstreamFailure } from './upstream/errors';
import type { Gateway, Priority, UpstreamResponse } from './upstream/types';

export interface ProxyUser {
  id: number;
  email: string;
  role: Role;
}

export interface ProxyDeps {
  gateway: Pick<Gateway, 'request'>;
  getSessionUser: () => Promise<ProxyUser | null>;
  recordAudit: (entry: AuditEntry) => void;
  /** Largest JSON body accepted, bytes (default 1 MB). */
  maxBodyBytes?: number;
  /** Limit for attachment/create, whose JSON carries a base64 file. */
  maxAttachmentBodyBytes?: number;
  /** URL prefix of the proxy route, used when the path segments are not given (default /api/st). */
  basePath?: string;
}

export type ProxyHandler = (req: Request, pathSegments?: string[]) => Promise<Response>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  499: 'Client Closed Request',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Upstream headers the browser may see (canonical spelling). Anything else, e.g. WWW-Authenticate, stays here. */
const PASSED_HEADERS: [string, string][] = [
  ['x-ratelimit-limit', 'X-RateLimit-Limit'],
  ['x-ratelimit-remaining', 'X-RateLimit-Remaining'],
  ['x-ratelimit-reset', 'X-RateLimit-Reset'],
  ['x-quota-limit', 'X-Quota-Limit'],
  ['x-quota-remaining', 'X-Quota-Remaining'],
  ['retry-after', 'Retry-After'],
  ['allow', 'Allow'],
];

const RECORD_KEYS = ['id', 'myId', 'num'] as const;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body ?? null), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

function fail(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { error: STATUS_TEXT[status] ?? 'Error', message }, headers);
}

function isApiErrorBody(b: unknown): b is { error: string; message: string } {
  return (
    !!b &&
    typeof b === 'object' &&
    typeof (b as { error?: unknown }).error === 'string' &&
    typeof (b as { message?: unknown }).message === 'string'
  );
}

/** "id=12 myId=C-7": the record keys a write names in its query and body (arrays: every element, up to 20). */
export function extractRecordKeys(query: URLSearchParams, body: unknown): string {
  const keys: string[] = [];
  const add = (k: string, v: unknown) => {
    if (v === null || v === undefined || v === '' || typeof v === 'object') return;
    const s = `${k}=${String(v).slice(0, 60)}`;
    if (!keys.includes(s) && keys.length < 20) keys.push(s);
  };
  for (const k of RECORD_KEYS) for (const v of query.getAll(k)) add(k, v);
  // paramType/paramValue spelling: ?paramType=id&paramValue=12
  const pt = query.get('paramType');
  if (pt && query.has('paramValue')) add(pt, query.get('paramValue'));
  const items = Array.isArray(body) ? body : [body];
  for (const item of items) {
    if (item && typeof item === 'object') for (const k of RECORD_KEYS) add(k, (item as Record<string, unknown>)[k]);
  }
  return keys.join(' ');
}

function pathFromUrl(url: URL, basePath: string): string {
  const p = url.pathname;
  const rest = p.toLowerCase().startsWith(basePath.toLowerCase()) ? p.slice(basePath.length) : p;
  return rest
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    })
    .join('/');
}

export function createProxyHandler(deps: ProxyDeps): ProxyHandler {
  const maxBody = deps.maxBodyBytes ?? BODY_LIMITS.json;
  // File attachments travel base64-encoded in JSON: allow the API's 10 MB files (≈ 13.4 MB encoded) there only.
  const maxAttachmentBody = deps.maxAttachmentBodyBytes ?? BODY_LIMITS.attachment;
  const basePath = (deps.basePath ?? '/api/st').replace(/\/+$/, '');

  function audit(
    user: ProxyUser,
    method: string,
    endpoint: string,
    recordKeys: string,
    status: number,
    outcome: AuditEntry['outcome'],
    detail?: string,
  ) {
    try {
      deps.recordAudit({
        userId: user.id,
        userEmail: user.email,
        method,
        endpoint,
        recordKeys,
        status,
        outcome,
        detail: detail?.slice(0, 500),
      });
    } catch (e) {
      // The audit log must not turn a done write into an error for the user; the failure is logged for operators.
      console.error('[proxy] audit record failed', e);
    }
  }

  return async function handle(req, pathSegments) {
    const method = req.method.toUpperCase();
    const isWrite = method !== 'GET' && method !== 'HEAD';
    const url = new URL(req.url);
    const rawPath = pathSegments ? pathSegments.join('/') : pathFromUrl(url, basePath);

    const user = await deps.getSessionUser();
    if (!user) return fail(401, 'Your session has ended: sign in again.');

    const match = findEndpoint(rawPath, method);
    const query = url.searchParams;
    if (match === 'unknown-path' || match === 'wrong-method') {
      const status = match === 'unknown-path' ? 404 : 405;
      if (isWrite)
        audit(user, method, rawPath.slice(0, 200), extractRecordKeys(query, undefined), status, 'refused', match);
      return match === 'unknown-path'
        ? fail(404, `Unknown API endpoint ${rawPath || '/'}`)
        : fail(405, `${method} is not allowed on ${rawPath}`, { Allow: allowedMethods(rawPath).join(', ') });
    }
    const endpoint = match.endpoint.path;
    if (!match.roles.includes(user.role)) {
      if (isWrite)
        audit(user, method, endpoint, extractRecordKeys(query, undefined), 403, 'refused', `role ${user.role}`);
      return fail(403, `Your role (${user.role}) is not allowed to ${method} ${endpoint}.`);
    }

    let body: unknown = undefined;
    if (isWrite) {
      const limit = endpoint === 'attachment/create' ? maxAttachmentBody : maxBody;
      const read = await readLimited(req, limit);
      if (!read.ok) {
        audit(user, method, endpoint, extractRecordKeys(query, undefined), 413, 'refused', 'body too large');
        return fail(413, `The request body is larger than ${Math.round(limit / 1024)} KB.`);
      }
      if (read.text.trim()) {
        try {
          body = JSON.parse(read.text);
        } catch {
          audit(user, method, endpoint, extractRecordKeys(query, undefined), 400, 'refused', 'malformed JSON');
          return fail(400, 'The request body is not valid JSON.');
        }
      }
    }
    const recordKeys = isWrite ? extractRecordKeys(query, body) : '';
    const priority: Priority = req.headers.get('x-dc-priority') === 'background' ? 'background' : 'interactive';

    let res: UpstreamResponse;
    try {
      // A reader who leaves frees the queue slot; a write runs to its end so the audit log records what really happened.
      res = await deps.gateway.request({
        method: match.method,
        path: endpoint,
        query,
        body,
        priority,
        signal: isWrite ? undefined : req.signal,
      });
    } catch (e) {
      const failure = upstreamFailure(e);
      const [status, message] =
        failure === 'timeout'
          ? [
              504,
              isWrite
                ? 'Synchroteam did not answer in time. The change may or may not have been saved: reload before trying again.'
                : 'Synchroteam did not answer in time. Try again.',
            ]
          : failure === 'unavailable'
            ? [502, 'Synchroteam cannot be reached right now. Try again in a moment.']
            : failure === 'aborted'
              ? [499, 'The request was cancelled.']
              : [500, 'The request failed on the server. Try again.'];
      if (status === 500) console.error(`[proxy] ${method} ${endpoint} failed`, e);
      if (isWrite) audit(user, method, endpoint, recordKeys, status, 'error', (e as Error)?.message);
      return fail(status, message);
    }

    const headers: Record<string, string> = {};
    for (const [from, to] of PASSED_HEADERS) {
      const v = res.headers[from];
      if (v !== undefined) headers[to] = v;
    }

    let status = res.status;
    let out: unknown = res.body;
    if (status === 401) {
      // Upstream 401 means the server's own API credentials are wrong, not the user's session: "sign in again" would
      // mislead, and the API's WWW-Authenticate must not reach the browser (it would open a password prompt).
      status = 502;
      out = {
        error: 'Bad Gateway',
        message: 'The server could not authenticate with Synchroteam. An administrator must check the API settings.',
      };
    } else if (status >= 400 && !isApiErrorBody(out)) {
      out = {
        error: STATUS_TEXT[status] ?? 'Error',
        message: typeof out === 'string' && out.length < 300 ? out : `Synchroteam answered ${status}.`,
      };
    }

    if (isWrite) {
      let keys = recordKeys;
      const created = (out as { id?: unknown } | null)?.id;
      if (status < 300 && !/(^| )id=/.test(keys) && (typeof created === 'number' || typeof created === 'string')) {
        keys = `${keys} id=${created}`.trim();
      }
      audit(
        user,
        method,
        endpoint,
        keys,
        status,
        status < 300 ? 'ok' : 'error',
        status >= 300 && isApiErrorBody(out) ? out.message : undefined,
      );
    }
    return json(status, out, headers);
  };
}
