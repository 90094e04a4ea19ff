/**
 * The sandbox HTTP server: a faithful Synchroteam API v3 on SQLite.
 *
 * Request pipeline (order matters and mirrors production): base path → Basic auth (401) → Accept (406) →
 * rate limit/quota (429, authenticated requests only, every one counts) → endpoint table (404/405) → body (400/413) →
 * handler. Writes run in one transaction, so a refused request changes nothing. Every answer is JSON `{error,
 * message}` on failure and carries the X-RateLimit-* / X-Quota-* headers once the caller is authenticated.
 */
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import { timingSafeEqual } from 'node:crypto';
import { ApiError, STATUS_TEXT } from './http/errors';
import { Query } from './http/params';
import { RateLimiter } from './http/rate-limit';
import { Router, type HandlerContext } from './http/router';
import { Store } from './store/store';
import { defaultConfig, type SandboxConfig } from './config';
import { registerResources } from './resources';
import { defineAll } from './store/schema';

const BASE_RE = /^\/api\/v3(?=\/|$)/i;

export interface SandboxOptions {
  /** SQLite file or ':memory:' */
  db?: string;
  config?: Partial<SandboxConfig>;
  /** Clock, epoch ms. Defaults to Date.now. */
  now?: () => number;
}

export interface Sandbox {
  store: Store;
  router: Router;
  config: SandboxConfig;
  fetch: (req: Request) => Promise<Response>;
  close: () => void;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

function errorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { error: STATUS_TEXT[status] ?? 'Error', message }, headers);
}

/** Accept values a JSON API may answer: none given, JSON, or wildcards. */
function acceptsJson(accept: string | null): boolean {
  if (!accept || !accept.trim()) return true;
  return accept
    .split(',')
    .map((p) => p.split(';')[0].trim().toLowerCase())
    .some(
      (t) => t === 'application/json' || t === 'text/json' || t === '*/*' || t === 'application/*' || t === 'text/*',
    );
}

/**
 * A paginated answer carries "request" and "object" first, as the reference's generic list example shows
 * ({"request":"list","object":"job","page":…}): the action and the resource of the call, as its path names them.
 */
function withEnvelope(result: unknown, path: string): unknown {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return result;
  const r = result as Record<string, unknown>;
  if (!('recordsTotal' in r) || !Array.isArray(r.data)) return result;
  const parts = path.split('/').filter(Boolean);
  return { request: parts[parts.length - 1] ?? '', object: parts[0] ?? '', ...r };
}

export function createSandbox(opts: SandboxOptions = {}): Sandbox {
  const config: SandboxConfig = { ...defaultConfig, ...opts.config };
  const now = opts.now ?? Date.now;
  const store = new Store(opts.db ?? ':memory:', now);
  const router = new Router();
  defineAll(store);
  registerResources(router, store, config);
  const limiter = new RateLimiter({ perMinute: config.rateLimitPerMinute, perDay: config.dailyQuota });
  const expectedUser = config.domain.toLowerCase();

  async function handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const base = BASE_RE.exec(url.pathname);
    if (!base) return errorResponse(404, `No endpoint at ${url.pathname}; the API lives under /api/v3`);
    const rest = url.pathname.slice(base[0].length);
    const baseUrl = `${url.origin}${base[0]}`;

    // Public file downloads (attachment urls) carry their own unguessable token instead of Basic auth.
    const pub = router.matchPublic(rest);
    if (pub && req.method === 'GET') {
      try {
        const r = pub.handler(
          { query: new Query(url.searchParams), body: undefined, store, config, now: now(), baseUrl },
          pub.rest,
        );
        return r instanceof Response ? r : json(200, r);
      } catch (e) {
        if (e instanceof ApiError) return json(e.status, e.body);
        throw e;
      }
    }

    const auth = req.headers.get('authorization') ?? '';
    const m = /^Basic\s+(.+)$/i.exec(auth);
    let authed = false;
    let apiKey = '';
    if (m) {
      const decoded = Buffer.from(m[1], 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i > 0) {
        const user = decoded.slice(0, i).toLowerCase();
        apiKey = decoded.slice(i + 1);
        authed = safeEqual(user, expectedUser) && safeEqual(apiKey, config.apiKey);
      }
    }
    if (!authed) {
      return errorResponse(401, 'Your API key is wrong: authenticate with HTTP Basic domain:api-key', {
        'WWW-Authenticate': 'Basic realm="Synchroteam API"',
      });
    }

    const verdict = limiter.take(apiKey, now());
    const rl = verdict.headers;
    if (!acceptsJson(req.headers.get('accept'))) {
      return errorResponse(406, 'Only JSON is served: send Accept: application/json or text/json', rl);
    }
    if (!verdict.allowed) {
      return errorResponse(
        429,
        verdict.reason === 'day'
          ? 'You have gone above your daily quota'
          : `You have gone above your rate limit of ${config.rateLimitPerMinute} requests per minute`,
        rl,
      );
    }

    const route = router.match(rest, req.method);
    if (!route.known) return errorResponse(404, `Unknown endpoint ${rest || '/'}`, rl);
    if (!route.handler) {
      return errorResponse(405, `${req.method} is not allowed on ${rest}; use ${route.allowed.join(' or ')}`, {
        ...rl,
        Allow: route.allowed.join(', '),
      });
    }

    let body: unknown;
    if (req.method !== 'GET') {
      const len = Number(req.headers.get('content-length') ?? 0);
      if (len > config.bodyLimit)
        return errorResponse(413, `Request body is larger than ${config.bodyLimit} bytes`, rl);
      const text = await req.text();
      if (text.length > config.bodyLimit)
        return errorResponse(413, `Request body is larger than ${config.bodyLimit} bytes`, rl);
      if (text.trim()) {
        try {
          body = JSON.parse(text);
        } catch (e) {
          return errorResponse(400, `Malformed JSON body: ${(e as Error).message}`, rl);
        }
      }
    }

    const ctx: HandlerContext = { query: new Query(url.searchParams), body, store, config, now: now(), baseUrl };
    try {
      const result = req.method === 'GET' ? route.handler(ctx) : store.tx(() => route.handler!(ctx));
      if (result instanceof Response) {
        for (const [k, v] of Object.entries(rl)) result.headers.set(k, v);
        return result;
      }
      return json(200, withEnvelope(result, rest), rl);
    } catch (e) {
      if (e instanceof ApiError) return json(e.status, e.body, rl);
      console.error(`[sandbox] ${req.method} ${rest} failed`, e);
      return errorResponse(500, 'We had a problem with our server. Try again later.', rl);
    }
  }

  return { store, router, config, fetch: handle, close: () => store.close() };
}

export interface RunningSandbox extends Sandbox {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

/** Starts the sandbox on a port (0 picks a free one). */
export async function startSandbox(
  opts: SandboxOptions & { port?: number; host?: string; onReady?: (s: Sandbox) => void } = {},
): Promise<RunningSandbox> {
  const sandbox = createSandbox(opts);
  opts.onReady?.(sandbox);
  const app = new Hono();
  app.all('*', (c) => sandbox.fetch(c.req.raw));
  const host = opts.host ?? '127.0.0.1';
  let server: ServerType;
  const port = await new Promise<number>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: opts.port ?? 4010, hostname: host }, (info) => resolve(info.port));
    server.once('error', reject);
  });
  return {
    ...sandbox,
    url: `http://${host}:${port}/api/v3`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          sandbox.close();
          resolve();
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
