/**
 * Bundles the server's worker threads (today: the schedule optimizer, lib/server/optimize/solver-worker.ts) into the
 * build folder, next to Next's own output: a worker is a separate entry point that Next's server bundle does not
 * produce. `highs` stays external (it loads its .wasm from node_modules at run time).
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const DIST = process.env.NEXT_DIST_DIR || '.next';

export async function buildWorkers() {
  await build({
    entryPoints: { 'optimize-worker': join(ROOT, 'lib/server/optimize/solver-worker.ts') },
    outdir: join(ROOT, DIST, 'workers'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['highs'],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildWorkers();
}
