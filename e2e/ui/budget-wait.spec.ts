/**
 * Issue 18: when the minute's API budget is spent, a page says "Waiting for the Synchroteam API budget (about N s)"
 * instead of spinning without a word. The suite's sandbox has no rate limit (so that the other specs are not slowed),
 * so this spec starts a pair of its own: a sandbox allowing 10 requests a minute and the built app in front of it,
 * reading live (MIRROR=off, every list read goes to the API), on ports of its own.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { e2eEnv } from '../../scripts/e2e.mjs';
import { ROOT, startApp, startSandbox, stopAll, waitForHttp } from '../../scripts/lib.mjs';
import { expect, signIn, test } from '../fixtures';

const LIMIT = 10;
const base = e2eEnv();
const sandboxPort = Number(base.SANDBOX_PORT) + 50;
const appPort = Number(new URL(base.NEXTAUTH_URL).port) + 50;
const appUrl = `http://localhost:${appPort}`;
const sandboxUrl = `http://127.0.0.1:${sandboxPort}/api/v3`;
const dir = join(ROOT, 'data', `e2e-budget-${appPort}`);

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: appUrl, storageState: { cookies: [], origins: [] }, viewport: { width: 1280, height: 800 } });

let children: ChildProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = {
    ...base,
    SANDBOX_PORT: String(sandboxPort),
    SYNCHROTEAM_BASE_URL: sandboxUrl,
    APP_DATABASE: join(dir, 'app.db'),
    APP_DATA_DIR: dir,
    NEXTAUTH_URL: appUrl,
    MIRROR: 'off',
  };
  children.push(
    startSandbox({
      port: sandboxPort,
      db: join(dir, 'sandbox.db'),
      args: ['--reset', '--seed', '42', '--rate-limit', String(LIMIT), '--daily-quota', '0'],
      env,
    }),
  );
  await waitForHttp(`${sandboxUrl}/`);
  children.push(startApp({ port: appPort, env }));
  await waitForHttp(`${appUrl}/sign-in`);
});

test.afterAll(async () => {
  const gone = children.map((c) =>
    c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null,
  );
  stopAll(children);
  await Promise.race([Promise.all(gone), new Promise((r) => setTimeout(r, 5000))]);
  children = [];
  rmSync(dir, { recursive: true, force: true });
});

/** Spends what is left of this minute's budget of the app's API key, as other users of the account would. */
async function spendTheMinute() {
  const auth = 'Basic ' + Buffer.from(`${base.SANDBOX_DOMAIN}:${base.SANDBOX_API_KEY}`).toString('base64');
  for (let i = 0; i <= LIMIT * 2; i++) {
    const r = await fetch(`${sandboxUrl}/user/list?pageSize=1`, {
      headers: { Authorization: auth, Accept: 'application/json' },
    });
    await r.arrayBuffer();
    if (r.status === 429) return;
  }
  throw new Error('the sandbox never refused: is its rate limit on?');
}

test('a list waiting for the spent minute budget says so, with the time left', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'dispatcher@demo.test');
  await expect(page).toHaveURL(/\/$/, { timeout: 60_000 });
  // Spend it early in a minute (the sandbox's windows are whole minutes), so the wait outlasts the page's first second.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 35_000) await page.waitForTimeout(60_500 - intoMinute);
  await spendTheMinute();

  await page.goto('/customers', { waitUntil: 'commit' });
  const notice = page.getByRole('status').filter({ hasText: /Waiting for the Synchroteam API budget \(about \d+ s\)/ });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  const seconds = Number((await notice.textContent())!.match(/about (\d+) s/)![1]);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(60);
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/budget-wait.png` });

  // Once the window turns, the list arrives and the notice goes.
  await expect(page.getByRole('table', { name: 'Customers' }).getByRole('link').first()).toBeVisible({
    timeout: 75_000,
  });
  await expect(notice).toHaveCount(0);
});
