/**
 * Contract-test harness: a real sandbox on :memory: behind a real HTTP port, and a tiny client that speaks to it the
 * way any Synchroteam client would (Basic auth, JSON).
 */
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../server';

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestApi {
  sandbox: RunningSandbox;
  get<T = any>(path: string, query?: Record<string, string | number | boolean>): Promise<ApiAnswer<T>>;
  post<T = any>(path: string, body?: unknown, query?: Record<string, string | number | boolean>): Promise<ApiAnswer<T>>;
  put<T = any>(path: string, body?: unknown, query?: Record<string, string | number | boolean>): Promise<ApiAnswer<T>>;
  del<T = any>(path: string, query?: Record<string, string | number | boolean>, body?: unknown): Promise<ApiAnswer<T>>;
  raw(path: string, init?: RequestInit & { auth?: string | null }): Promise<Response>;
  stop(): Promise<void>;
}

export const AUTH = 'Basic ' + Buffer.from('demo:demo-api-key').toString('base64');

/** Starts a sandbox for one test file. Rate limits are off unless the test sets them. */
export async function startTestApi(
  opts: SandboxOptions & { seed?: (s: RunningSandbox) => void } = {},
): Promise<TestApi> {
  const sandbox = await startSandbox({
    db: ':memory:',
    port: 0,
    ...opts,
    config: { rateLimitPerMinute: 0, dailyQuota: 0, ...opts.config },
  });
  opts.seed?.(sandbox);
  const base = sandbox.url;
  const url = (path: string, query?: Record<string, string | number | boolean>) => {
    const u = new URL(base + '/' + path.replace(/^\//, ''));
    for (const [k, v] of Object.entries(query ?? {})) u.searchParams.set(k, String(v));
    return u;
  };
  async function call(method: string, path: string, body?: unknown, query?: Record<string, string | number | boolean>) {
    const res = await fetch(url(path, query), {
      method,
      headers: { Authorization: AUTH, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* non-JSON answers (file downloads) stay text */
    }
    return { status: res.status, body: parsed as any, headers: res.headers };
  }
  return {
    sandbox,
    get: (p, q) => call('GET', p, undefined, q),
    post: (p, b, q) => call('POST', p, b, q),
    put: (p, b, q) => call('PUT', p, b, q),
    del: (p, q, b) => call('DELETE', p, b, q),
    raw: (path, init = {}) => {
      const { auth, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (auth !== null) headers.set('Authorization', auth ?? AUTH);
      return fetch(path.startsWith('http') ? path : url(path), { ...rest, headers });
    },
    stop: () => sandbox.stop(),
  };
}
