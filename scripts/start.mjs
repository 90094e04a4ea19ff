/**
 * `npm start`: installs what is missing, builds when stale, starts the sandbox (when no real account is configured)
 * and the app on http://localhost:3000; Ctrl-C stops both.
 */
import {
  build,
  buildIsStale,
  ensureAuthSecret,
  ensureDependencies,
  loadEnvFiles,
  log,
  startApp,
  startSandbox,
  stopAll,
  waitForHttp,
} from './lib.mjs';

loadEnvFiles();
ensureDependencies();
ensureAuthSecret();
if (buildIsStale()) build();
else log('Build is up to date.');

const appPort = Number(process.env.PORT || 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT || 4010);
const children = [];
const sandboxMode = !process.env.SYNCHROTEAM_API_KEY;

if (sandboxMode) {
  log(`No Synchroteam account configured: starting the sandbox on port ${sandboxPort} (demo company, live clock).`);
  const args = ['--live'];
  if (process.env.SANDBOX_RESET === '1') args.push('--reset');
  children.push(startSandbox({ port: sandboxPort, db: process.env.SANDBOX_DB || 'data/sandbox.db', args }));
  await waitForHttp(`http://127.0.0.1:${sandboxPort}/api/v3/`);
}
children.push(
  startApp({
    port: appPort,
    env: { ...process.env, NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${appPort}` },
  }),
);
await waitForHttp(`http://127.0.0.1:${appPort}/sign-in`);
log(`Dispatch Console is ready on http://localhost:${appPort}`);
if (sandboxMode)
  log('Demo accounts: dispatcher@demo.test, manager@demo.test, admin@demo.test — password demo-console-2026');

const shutdown = () => {
  stopAll(children);
  setTimeout(() => process.exit(0), 500);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
for (const c of children) {
  c.on('exit', (code) => {
    // One part stopping leaves the other useless: stop everything.
    if (code !== null && code !== 0) console.error(`A process exited with code ${code}; stopping.`);
    stopAll(children);
    process.exit(code ?? 0);
  });
}
