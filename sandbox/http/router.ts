/**
 * The endpoint table of the sandbox: "resource/action" (lower-cased) → verb → handler. Knowing every path lets the
 * server answer 404 for an unknown endpoint and 405 for a known one called with the wrong verb.
 */
import type { Query } from './params';
import type { Store } from '../store/store';
import type { SandboxConfig } from '../config';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HandlerContext {
  query: Query;
  /** Parsed JSON body (undefined when the request had none). Use `requireBody` helpers to validate. */
  body: unknown;
  store: Store;
  config: SandboxConfig;
  /** Current time, epoch ms (the sandbox clock; the live mode may move it). */
  now: number;
  /** Absolute base URL of this sandbox, e.g. http://127.0.0.1:4010/api/v3 (for download links). */
  baseUrl: string;
}

/** A handler returns the JSON body (status 200), or a Response for non-JSON answers (file downloads). */
export type Handler = (ctx: HandlerContext) => unknown;

export type PublicHandler = (ctx: HandlerContext, rest: string) => unknown;

export class Router {
  private readonly routes = new Map<string, Partial<Record<Method, Handler>>>();
  private readonly publicRoutes: { prefix: string; handler: PublicHandler }[] = [];

  /** An unauthenticated GET under a prefix (attachment download links, which carry their own token). */
  addPublic(prefix: string, handler: PublicHandler): this {
    this.publicRoutes.push({ prefix: prefix.toLowerCase().replace(/^\/+|\/+$/g, '') + '/', handler });
    return this;
  }

  matchPublic(path: string): { handler: PublicHandler; rest: string } | null {
    const p = path.replace(/^\/+/, '');
    const hit = this.publicRoutes.find((r) => p.toLowerCase().startsWith(r.prefix));
    return hit ? { handler: hit.handler, rest: p.slice(hit.prefix.length) } : null;
  }

  add(path: string, method: Method, handler: Handler): this {
    const key = path.toLowerCase().replace(/^\/+|\/+$/g, '');
    const entry = this.routes.get(key) ?? {};
    if (entry[method]) throw new Error(`Route ${method} ${path} registered twice`);
    entry[method] = handler;
    this.routes.set(key, entry);
    return this;
  }

  get = (path: string, h: Handler) => this.add(path, 'GET', h);
  post = (path: string, h: Handler) => this.add(path, 'POST', h);
  put = (path: string, h: Handler) => this.add(path, 'PUT', h);
  delete = (path: string, h: Handler) => this.add(path, 'DELETE', h);

  match(path: string, method: string): { handler?: Handler; known: boolean; allowed: Method[] } {
    const entry = this.routes.get(path.toLowerCase().replace(/^\/+|\/+$/g, ''));
    if (!entry) return { known: false, allowed: [] };
    return { handler: entry[method as Method], known: true, allowed: Object.keys(entry) as Method[] };
  }

  list(): { path: string; methods: Method[] }[] {
    return [...this.routes].map(([path, e]) => ({ path, methods: Object.keys(e) as Method[] }));
  }
}
