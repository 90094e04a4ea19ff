/**
 * `npm test`: everything CI runs, in order — format, lint, typecheck, unit, sandbox contract, build, end-to-end.
 * Installs what is missing first (dependencies; Debian chromium when running as root). Stops at the first failure.
 */
import { build, ensureChromium, ensureDependencies, log, run } from './lib.mjs';
import { e2eEnv, runE2E } from './e2e.mjs';

const steps = [
  ['format', () => run('npx', ['--no-install', 'prettier', '--check', '.'])],
  ['lint', () => run('npx', ['--no-install', 'eslint', '.', '--max-warnings=0'])],
  ['typecheck', () => run('npx', ['--no-install', 'tsc', '--noEmit', '-p', 'tsconfig.json'])],
  ['unit', () => run('npx', ['--no-install', 'vitest', 'run', '--project', 'unit'])],
  ['contract', () => run('npx', ['--no-install', 'vitest', 'run', '--project', 'contract'])],
  ['build', () => (build(e2eEnv()), 0)],
  ['e2e', () => runE2E()],
];

ensureDependencies();
ensureChromium();
const only = process.argv.slice(2);
const timings = [];
for (const [name, fn] of steps) {
  if (only.length && !only.includes(name)) continue;
  log(`npm test: ${name}`);
  const t0 = Date.now();
  let code;
  try {
    code = await fn();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    code = 1;
  }
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) {
    console.error(`\n✗ ${name} failed (${timings.join(', ')})`);
    process.exit(code || 1);
  }
}
log(`All passed: ${timings.join(', ')}`);
