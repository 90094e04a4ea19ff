/**
 * Every route under app/api is built by the route wrapper (lib/server/http/route.ts), so none can skip its checks:
 * each route.ts is found by walking the tree and imported, and each handler it exports must carry the wrapper's brand.
 * The public ones (no session) are listed here: a route that becomes public by mistake fails this test.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTE, type RouteBrand } from '@/lib/server/http/route';

const API_DIR = join(process.cwd(), 'app', 'api');
const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Routes that cannot use the wrapper, and why. */
const OUTSIDE: Record<string, string> = {
  // next-auth's own handler: sign-in, sign-out and its CSRF token, a session of its own making. proxy.ts still runs
  // the same-origin and size checks on its writes (e2e/security/api-guard.spec.ts).
  'auth/[...nextauth]': 'next-auth answers its own routes',
};

/** No session, on purpose. */
const PUBLIC = ['health', 'track/[token]', 'track/[token]/message', 'track/[token]/reschedule', 'track/lookup'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return routeFiles(p);
    return /^route\.(ts|tsx|js|mjs)$/.test(name) ? [p] : [];
  });
}

/** app/api/jobs/[id]/tracking-link/route.ts → jobs/[id]/tracking-link */
const nameOf = (file: string) => relative(API_DIR, file).split(sep).slice(0, -1).join('/');

const ROUTES = routeFiles(API_DIR).map((file) => ({ file, name: nameOf(file) }));

describe('app/api routes', () => {
  it('are found by walking the tree', () => {
    // A floor, so a broken walk cannot pass as "nothing to check".
    expect(ROUTES.length).toBeGreaterThanOrEqual(26);
    expect(ROUTES.map((r) => r.name)).toEqual(
      expect.arrayContaining(['board', 'st/[...path]', 'track/lookup', ...Object.keys(OUTSIDE)]),
    );
  });

  it('export every handler built by the route wrapper', async () => {
    const brands: Record<string, RouteBrand> = {};
    for (const { file, name } of ROUTES) {
      if (name in OUTSIDE) continue;
      const mod = (await import(file)) as Record<string, unknown>;
      const handlers = METHODS.filter((m) => m in mod);
      expect(handlers.length, `${name} exports no handler`).toBeGreaterThan(0);
      for (const m of handlers) {
        const brand = (mod[m] as { [ROUTE]?: RouteBrand } | undefined)?.[ROUTE];
        expect(brand, `${m} ${name} is not built by route() (lib/server/http/route.ts)`).toBeDefined();
        brands[`${m} ${name}`] = brand!;
      }
    }
    const publicOnes = [
      ...new Set(
        Object.entries(brands)
          .filter(([, b]) => b.public)
          .map(([k]) => k.split(' ')[1]),
      ),
    ].sort();
    expect(publicOnes).toEqual([...PUBLIC].sort());
  }, 60_000);
});
