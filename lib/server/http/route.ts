/**
 * The one wrapper every route under app/api is built with (issue 20), so that what each route must do before its own
 * work is done in one place, in one order, and cannot be forgotten:
 *
 *   export const GET = route({ area: 'dispatch', query: ZBoardQuery }, ({ query }) => getBoardStore().getBoard(…));
 *
 * 1. A state-changing method passes the request checks of proxy.ts again (same origin 403, JSON only 415, declared
 *    size 411/413: lib/server/http/request-guard.ts). The proxy already ran them; repeating them here keeps a route
 *    safe if the proxy's matcher ever stops covering it.
 * 2. Session and role: `area` (null: any signed-in account) → 401 signed out, 403 wrong role. A route without a session
 *    says so with `public: true`; nothing is public by omission (route.test.ts lists the public ones).
 * 3. `params`, `query` and `body` zod schemas: the body is read with its size counted (413), parsed as JSON (400), and
 *    each part validated; a refusal is 400 `{error, message, field, fields: {path: message}}`. `message` names the
 *    first problem ("Parameter 'from' must be a date YYYY-MM-DD"), `field` its path (what the browser's forms read,
 *    lib/queries/client.ts), `fields` every problem by path.
 * 4. The handler returns a Response, or data answered as JSON with `cache-control: no-store`. A thrown error goes to
 *    the route's `errors` mapping, else to upstreamError (an API error keeps its status; anything else is logged and
 *    answered 502 without details): never a 500 with a stack.
 *
 * `audit: endpoint` makes the route's refusals of a signed-in account (role, body, validation) leave an audit row, and
 * gives the handler `audit(…)` for its own outcomes, with the account, method and endpoint filled in.
 */
import 'server-only';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import type { Area } from '../../permissions';
import { recordAudit, type AuditEntry } from '../audit';
import { guardRoute, jsonError } from '../auth/route-guard';
import type { SessionUser } from '../auth/session';
import { getEnv } from '../env';
import { upstreamError } from '../upstream-error';
import { readLimited } from './body';
import { bodyLimitFor, formatBytes, guardApiRequest } from './request-guard';

/** Marks a handler as built by `route` (route.test.ts checks every exported handler under app/api carries it). */
export const ROUTE: unique symbol = Symbol.for('dispatch-console.route');

export type RouteParams = Record<string, string | string[]>;
/** What Next passes a route handler besides the request. */
export interface NextContext {
  params: Promise<RouteParams>;
}

export interface RouteBrand {
  public: boolean;
  area: Area | null;
}

export type RouteHandler = ((req: Request, next?: NextContext) => Promise<Response>) & { readonly [ROUTE]: RouteBrand };

type Outcome = Omit<AuditEntry, 'userId' | 'userEmail' | 'method' | 'endpoint' | 'recordKeys'> & {
  recordKeys?: string;
};

export interface RouteContext<U, Q, B, P> {
  req: Request;
  url: URL;
  /** The signed-in account; null on a public route. */
  user: U;
  params: P;
  query: Q;
  body: B;
  /** Records the outcome in the audit log for `user` (a failed audit write is logged, never the answer). */
  audit: (outcome: Outcome) => void;
  /** The record the request concerns, once known: audit rows (refusals included) name it. */
  recordKeys: string;
}

interface CommonOptions<Q, B, P> {
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** A JSON body, validated; without it the route reads nothing (a route with its own body format reads it itself). */
  body?: z.ZodType<B>;
  /** Bytes; default the route's limit in lib/http/body-limits.mjs. */
  bodyLimit?: number;
  /** The audit log's endpoint name (or one from the params): refusals are recorded, and `audit` is the handler's. */
  audit?: string | ((params: P) => string);
  /** The route's own errors → answers; undefined lets upstreamError answer. */
  errors?: (e: unknown, ctx: RouteContext<SessionUser | null, Q, B, P>) => Response | undefined;
}

export interface SignedInOptions<Q, B, P> extends CommonOptions<Q, B, P> {
  /** The permission area the role needs (lib/permissions.ts); null: any signed-in account. */
  area: Area | null;
  /** The 403 message, when the route has a plainer one than the general one. */
  forbidden?: string;
  public?: undefined;
}

export interface PublicOptions<Q, B, P> extends CommonOptions<Q, B, P> {
  /** No session: a balancer's probe, the customer's tracking pages. Said explicitly, never by omission. */
  public: true;
  area?: undefined;
}

type Answer = Response | object | null;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** JSON with `cache-control: no-store` (the default answer of every route), with a status when not 200. */
export function json(body: unknown, status = 200, headers?: Record<string, string>): NextResponse {
  return NextResponse.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

const en = z.locales.en();
const ARTICLE: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  int: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

/**
 * Zod's own messages as phrases about the field ("must be a number", "is required"), so they read after its name; a
 * schema's own message wins over these (zod's precedence).
 */
const asPhrase: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'invalid_type')
    return iss.input === undefined ? 'is required' : `must be ${ARTICLE[iss.expected] ?? `a ${iss.expected}`}`;
  const d = en.localeError(iss);
  const m = typeof d === 'string' ? d : d?.message;
  return m ? m.charAt(0).toLowerCase() + m.slice(1) : undefined;
};

type Part = 'params' | 'query' | 'body';
const SUBJECT: Record<Part, [string, string]> = {
  params: ['Parameter', 'The address'],
  query: ['Parameter', 'The query'],
  body: ['Field', 'The request body'],
};

/**
 * A phrase ("must be a date YYYY-MM-DD") follows what it is about ("Parameter 'from' …", "Field 'date' …"); a message
 * that is a sentence of its own (capitalised: "Choose one of the mirrored resources: …") is sent as it is.
 */
function sentence(part: Part, path: PropertyKey[], message: string): string {
  if (!/^[a-z]/.test(message)) return message;
  const [named, whole] = SUBJECT[part];
  return path.length ? `${named} '${path.join('.')}' ${message}` : `${whole} ${message}`;
}

type Checked<T> =
  { ok: true; value: T } | { ok: false; message: string; field?: string; fields: Record<string, string> };

function check<T>(part: Part, schema: z.ZodType<T>, input: unknown): Checked<T> {
  const r = schema.safeParse(input, { error: asPhrase });
  if (r.success) return { ok: true, value: r.data };
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const path = issue.path.join('.');
    if (path && !(path in fields)) fields[path] = sentence(part, issue.path, issue.message);
  }
  const first = r.error.issues[0]!;
  return {
    ok: false,
    message: sentence(part, first.path, first.message),
    field: first.path.length ? first.path.join('.') : undefined,
    fields,
  };
}

/** The first value of each query parameter (like URLSearchParams.get). */
function queryObject(p: URLSearchParams): Record<string, string> {
  const o: Record<string, string> = {};
  for (const [k, v] of p) if (!(k in o)) o[k] = v;
  return o;
}

/** The route as the server log names it; a long segment (a tracking token is a credential) is never written there. */
function logName(method: string, pathname: string): string {
  return `${method} ${pathname
    .split('/')
    .map((s) => (s.length > 40 ? '…' : s))
    .join('/')}`;
}

export function route<Q = undefined, B = undefined, P = RouteParams>(
  opts: SignedInOptions<Q, B, P>,
  handler: (ctx: RouteContext<SessionUser, Q, B, P>) => Answer | Promise<Answer>,
): RouteHandler;
export function route<Q = undefined, B = undefined, P = RouteParams>(
  opts: PublicOptions<Q, B, P>,
  handler: (ctx: RouteContext<null, Q, B, P>) => Answer | Promise<Answer>,
): RouteHandler;
export function route<Q, B, P>(
  opts: SignedInOptions<Q, B, P> | PublicOptions<Q, B, P>,
  // `never`: each overload's handler takes the user its options promise (an account, or null on a public route).
  handler: (ctx: RouteContext<never, Q, B, P>) => Answer | Promise<Answer>,
): RouteHandler {
  const isPublic = opts.public === true;
  const area = opts.public ? null : opts.area;

  async function handle(req: Request, next?: NextContext): Promise<Response> {
    const method = req.method.toUpperCase();
    const url = new URL(req.url);

    if (!SAFE_METHODS.has(method)) {
      // Our own origins matter only when an Origin header is there to compare (and reading them reads the config).
      const selfOrigins = req.headers.has('origin') ? [new URL(getEnv().NEXTAUTH_URL).origin] : [];
      const refusal = guardApiRequest({ method, pathname: url.pathname, headers: req.headers, selfOrigins });
      if (refusal) return jsonError(refusal.status, refusal.error, refusal.message);
    }

    let user: SessionUser | null = null;
    let forbidden: { by: SessionUser; res: NextResponse } | undefined;
    if (!opts.public) {
      const g = await guardRoute(opts.area, opts.forbidden);
      if (g.response && !g.user) return g.response;
      if (g.response) forbidden = { by: g.user!, res: g.response };
      else user = g.user;
    }

    const rawParams = ((await next?.params) ?? {}) as RouteParams;
    const ctx: RouteContext<SessionUser | null, Q, B, P> = {
      req,
      url,
      user,
      params: rawParams as P,
      query: undefined as Q,
      body: undefined as B,
      recordKeys: '',
      audit: (outcome) => {
        const who = user ?? forbidden?.by;
        if (!who) return;
        const endpoint =
          typeof opts.audit === 'function'
            ? opts.audit(ctx.params)
            : (opts.audit ?? url.pathname.replace(/^\/api\//, ''));
        try {
          recordAudit({
            recordKeys: ctx.recordKeys,
            ...outcome,
            userId: who.id,
            userEmail: who.email,
            method,
            endpoint,
          });
        } catch (e) {
          // The work itself is done (or refused): a failed audit write is logged, not turned into a failed answer.
          console.error('audit write failed', e);
        }
      },
    };
    /** A refusal by this wrapper: answered, and audited when the route keeps an audit trail and someone is signed in. */
    const refuse = (res: NextResponse, detail: string) => {
      if (opts.audit) ctx.audit({ status: res.status, outcome: 'refused', detail });
      return res;
    };
    const invalid = (c: Extract<Checked<unknown>, { ok: false }>) =>
      refuse(
        jsonError(400, 'Bad Request', c.message, { ...(c.field ? { field: c.field } : {}), fields: c.fields }),
        c.message,
      );

    if (forbidden) return refuse(forbidden.res, `role ${forbidden.by.role}`);

    if (opts.params) {
      const c = check('params', opts.params, rawParams);
      if (!c.ok) return invalid(c);
      ctx.params = c.value;
    }
    if (opts.query) {
      const c = check('query', opts.query, queryObject(url.searchParams));
      if (!c.ok) return invalid(c);
      ctx.query = c.value;
    }
    if (opts.body) {
      const limit = opts.bodyLimit ?? bodyLimitFor(url.pathname);
      const read = await readLimited(req, limit);
      if (!read.ok) {
        // Worded like the proxy's refusal of a declared length (this one also counts what actually arrived).
        return refuse(
          jsonError(413, 'Payload Too Large', `The request body is too large: at most ${formatBytes(limit)} here.`),
          'body too large',
        );
      }
      let raw: unknown;
      try {
        // No body at all is a body with no fields: the schema then names the first one missing.
        raw = read.text.trim() ? JSON.parse(read.text) : {};
      } catch {
        return refuse(jsonError(400, 'Bad Request', 'The request body must be JSON.'), 'malformed JSON body');
      }
      const c = check('body', opts.body, raw);
      if (!c.ok) return invalid(c);
      ctx.body = c.value;
    }

    try {
      const out = await handler(ctx as RouteContext<never, Q, B, P>);
      return out instanceof Response ? out : json(out);
    } catch (e) {
      return opts.errors?.(e, ctx) ?? upstreamError(e, logName(method, url.pathname));
    }
  }

  return Object.defineProperty(handle, ROUTE, {
    value: { public: isPublic, area } satisfies RouteBrand,
  }) as RouteHandler;
}
