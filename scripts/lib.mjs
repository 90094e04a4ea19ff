/**
 * Shared by scripts/start.mjs, test.mjs and e2e.mjs: install when missing, build when stale, start and stop the
 * sandbox and the app by process id (never through npx wrappers, which leave the real server holding the port).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
// No telemetry calls from builds and servers (machines here are offline; CI should not phone home either).
process.env.NEXT_TELEMETRY_DISABLED = '1';
const BIN = join(ROOT, 'node_modules', '.bin');

export function log(msg) {
  console.log(`\x1b[36m▸\x1b[0m ${msg}`);
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

/** Loads .env and .env.local (later wins; real environment variables win over both). */
export function loadEnvFiles() {
  const fromFiles = {};
  for (const f of ['.env', '.env.local']) {
    const p = join(ROOT, f);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
      if (m && !line.trim().startsWith('#')) fromFiles[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
    }
  }
  for (const [k, v] of Object.entries(fromFiles)) if (process.env[k] === undefined) process.env[k] = v;
}

/** npm ci when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(ROOT, 'package-lock.json')).mtimeMs) return;
  log('Installing dependencies (npm ci; compiling better-sqlite3 takes about a minute)…');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) throw new Error('npm ci failed');
}

/** Debian Chromium for Playwright (never a browser download). */
export function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0)
    throw new Error('Chromium is missing: install the Debian package `chromium` (sudo apt-get install -y chromium)');
  log('Installing Debian chromium (apt-get)…');
  if (run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']) !== 0) {
    run('apt-get', ['update']);
    if (run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']) !== 0)
      throw new Error('apt-get install chromium failed');
  }
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(path)) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    max = Math.max(max, newestMtime(join(path, e)));
  }
  return max;
}

const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.mjs',
  'postcss.config.mjs',
  'package-lock.json',
  'tsconfig.json',
];

export const DIST_DIR = process.env.NEXT_DIST_DIR || '.next';

export function buildIsStale() {
  const id = join(ROOT, DIST_DIR, 'BUILD_ID');
  if (!existsSync(id) || !existsSync(join(ROOT, DIST_DIR, 'workers', 'optimize-worker.mjs'))) return true;
  const built = statSync(id).mtimeMs;
  return BUILD_INPUTS.some((p) => newestMtime(join(ROOT, p)) > built);
}

export function build(env = process.env) {
  log('Building the app (next build)…');
  if (run(join(BIN, 'next'), ['build'], { env }) !== 0) throw new Error('next build failed');
  // The worker threads' bundles (scripts/build-workers.mjs) go into the same build folder.
  if (run(process.execPath, [join(ROOT, 'scripts', 'build-workers.mjs')], { env }) !== 0)
    throw new Error('building the worker threads failed');
}

/** NEXTAUTH_SECRET generated once and kept in data/.nextauth-secret when none is configured. */
export function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = join(ROOT, process.env.APP_DATA_DIR || 'data', '.nextauth-secret');
  if (!existsSync(file)) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url') + '\n', { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, 'utf8').trim();
}

/**
 * Children write to this process's own stdout/stderr (stdio inherited, no pipes owned here): when the launcher dies,
 * they keep their terminal or log file and go on serving (a child writing into a dead launcher's pipe used to spin
 * at 100 % CPU). Each child also handles SIGTERM itself.
 */
export function startProcess(name, cmd, args, env) {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('error', (e) => console.error(`[${name}] could not start: ${e.message}`));
  return child;
}

export function startSandbox({ port, db, args = [], env = process.env }) {
  return startProcess(
    'sandbox',
    join(BIN, 'tsx'),
    ['sandbox/main.ts', '--port', String(port), '--db', db, ...args],
    env,
  );
}

/** The app through scripts/app-server.mjs (socket addresses, clean SIGTERM), not `next start`. */
export function startApp({ port, env = process.env }) {
  return startProcess('app', process.execPath, [join(ROOT, 'scripts', 'app-server.mjs')], {
    ...env,
    PORT: String(port),
  });
}

/** Polls a URL until it answers (any HTTP status) or the time is up. */
export async function waitForHttp(url, timeoutMs = 180_000, headers = {}) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      await fetch(url, { headers, signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export function stopAll(children) {
  for (const c of children) if (c && c.exitCode === null) c.kill('SIGTERM');
}
