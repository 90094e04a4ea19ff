/**
 * Bundles the server's worker threads (the schedule optimizer, lib/server/optimize/solver-worker.ts, and the reports'
 * computation, lib/server/reports/report-worker.ts) into the
 * build folder, next to Next's own output: a worker is a separate entry point that Next's server bundle does not
 * produce. `highs` stays external (it loads its .wasm from node_modules at run time).
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const DIST = process.env.NEXT_DIST_DIR || '.next';

/** `server-only` guards modules against the browser bundle; a worker is server code, so it resolves to nothing. */
const serverOnly = {
  name: 'server-only',
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '' }));
  },
};

export async function buildWorkers() {
  await build({
    entryPoints: {
      'optimize-worker': join(ROOT, 'lib/server/optimize/solver-worker.ts'),
      'report-worker': join(ROOT, 'lib/server/reports/report-worker.ts'),
    },
    outdir: join(ROOT, DIST, 'workers'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Loaded from node_modules at run time: highs (its .wasm), better-sqlite3 (a native module).
    external: ['highs', 'better-sqlite3'],
    plugins: [serverOnly],
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildWorkers();
}
