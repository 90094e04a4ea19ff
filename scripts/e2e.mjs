/**
 * End-to-end run: a freshly seeded sandbox and the built app on test ports, then Playwright in Debian Chromium.
 * The app runs with a distinctive API key so the bundle test can prove the key never reaches the browser.
 * Extra arguments go to `playwright test` (e.g. `npm run test:e2e -- e2e/auth`).
 */
import { rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  build,
  buildIsStale,
  ensureChromium,
  log,
  run,
  startApp,
  startSandbox,
  stopAll,
  waitForHttp,
} from './lib.mjs';

export const E2E = {
  // Overridable so several runs can share a machine (E2E_SANDBOX_PORT / E2E_APP_PORT).
  sandboxPort: Number(process.env.E2E_SANDBOX_PORT || 4110),
  appPort: Number(process.env.E2E_APP_PORT || 3100),
  domain: 'e2ecompany',
  apiKey: 'e2e-9f3c1a7b5d2e4f60-secret',
};

export function e2eEnv() {
  const dir = join(ROOT, 'data', `e2e-${E2E.appPort}`);
  return {
    ...process.env,
    SANDBOX_PORT: String(E2E.sandboxPort),
    SANDBOX_DOMAIN: E2E.domain,
    SANDBOX_API_KEY: E2E.apiKey,
    SYNCHROTEAM_API_KEY: '',
    APP_DATABASE: join(dir, 'app.db'),
    APP_DATA_DIR: dir,
    NEXTAUTH_URL: `http://localhost:${E2E.appPort}`,
    NEXTAUTH_SECRET: 'e2e-secret-0123456789abcdef0123456789abcdef',
    E2E_BASE_URL: `http://localhost:${E2E.appPort}`,
    E2E_SANDBOX_URL: `http://127.0.0.1:${E2E.sandboxPort}/api/v3`,
    E2E_API_KEY: E2E.apiKey,
    E2E_DOMAIN: E2E.domain,
    // The suite runs through the account mirror, as `npm start` does, polling fast (jobs every 0.25 s, records every
    // 3 s, activities every 5 s). Specs that change the sandbox directly wait for the mirror's next read of what they
    // changed (e2e/fixtures.ts → mirrorCaughtUp), as a person would wait for a change made in Synchroteam itself.
    // E2E_MIRROR=off runs it against the API live.
    MIRROR: process.env.E2E_MIRROR || 'on',
    MIRROR_JOBS_INTERVAL_MS: process.env.MIRROR_JOBS_INTERVAL_MS || '250',
    // The specs play the reverse proxy in front of the app: they send X-Forwarded-For to act as different clients
    // (its last entry counts; the browser's own requests send none and count as the socket address).
    TRUSTED_PROXIES: '1',
    // The test sandbox has no daily quota (and sends no quota headers): sync polls fast all run long.
    MIRROR_DAILY_QUOTA: '0',
    // …and no minute limit: the first copy goes at 600 pages a minute (production: 90, 30 while people are on it).
    MIRROR_BACKFILL_PER_MINUTE: process.env.MIRROR_BACKFILL_PER_MINUTE || '600',
  };
}

/**
 * The dispatch and map specs run a second time against a sandbox started with `--list-shape observed` (job/list rows
 * as a production account sends them: preferences and project, no duration, skills, tags, validateBy, dateDeleted),
 * so the board and the map are proven on both shapes (issue 17). Only those two folders, to keep the extra time
 * small (22 tests, under 3 minutes); only when the run includes them. E2E_OBSERVED=0 skips it.
 */
const OBSERVED_SPECS = ['e2e/dispatch', 'e2e/map'];

function observedArgs(extraArgs) {
  if (process.env.E2E_OBSERVED === '0') return null;
  const paths = extraArgs.filter((a) => a.startsWith('e2e/') || a.startsWith('./e2e/'));
  const options = extraArgs.filter((a) => !paths.includes(a));
  if (!paths.length) return [...OBSERVED_SPECS, ...options];
  const picked = paths.filter((p) => OBSERVED_SPECS.some((o) => p.replace(/^\.\//, '').startsWith(o)));
  return picked.length ? [...picked, ...options] : null;
}

async function runOnce(env, listShape, args) {
  const dir = env.APP_DATA_DIR;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const children = [];
  const cleanup = () => stopAll(children);
  process.on('exit', cleanup);
  try {
    const sandboxArgs = [
      '--reset',
      '--seed',
      '42',
      '--rate-limit',
      '0',
      '--daily-quota',
      '0',
      '--list-shape',
      listShape,
    ];
    children.push(startSandbox({ port: E2E.sandboxPort, db: join(dir, 'sandbox.db'), args: sandboxArgs, env }));
    await waitForHttp(`${env.E2E_SANDBOX_URL}/`);
    children.push(startApp({ port: E2E.appPort, env }));
    await waitForHttp(`${env.E2E_BASE_URL}/sign-in`);
    log(`Running Playwright (job/list rows: ${listShape})…`);
    return await run(join(ROOT, 'node_modules', '.bin', 'playwright'), ['test', ...args], { env });
  } finally {
    cleanup();
    process.off('exit', cleanup);
    // The next run starts on the same ports: wait until these servers are gone (5 s at most).
    const gone = children.map((c) =>
      c && c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null,
    );
    await Promise.race([Promise.all(gone), new Promise((r) => setTimeout(r, 5000))]);
  }
}

export async function runE2E(extraArgs = []) {
  ensureChromium();
  const env = e2eEnv();
  if (buildIsStale()) build(env);
  const code = await runOnce(env, 'reference', extraArgs);
  const observed = observedArgs(extraArgs);
  if (!observed) return code;
  const again = await runOnce(env, 'observed', observed);
  return code || again;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const code = await runE2E(process.argv.slice(2));
  process.exit(code);
}
