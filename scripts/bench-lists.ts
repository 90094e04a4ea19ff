/**
 * List page budgets (DESIGN.md §5): first page ≤ 1 s, search keystroke → results ≤ 300 ms.
 *
 * Drives a running app in Debian Chromium as the demo dispatcher and prints medians:
 *   first page   navigation start → first data row rendered on /customers, /sites and /equipment (warm server);
 *   keystroke    one character typed in the search box → the table shows rows for the new term (the list debounces
 *                150 ms, cancels stale requests and keeps the previous rows while loading; all of that is in the figure).
 * Run against the large seed, e.g.:
 *   npm run sandbox -- --db :memory: --size large --rate-limit 0 --daily-quota 0 &   then npm start (or next start)
 *   npx tsx scripts/bench-lists.ts [--base http://localhost:3000] [--runs 7]
 */
import { chromium, type Page } from '@playwright/test';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const BASE = arg('base', process.env.BENCH_BASE_URL ?? 'http://localhost:3000');
const RUNS = Number(arg('runs', '7'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function firstRow(page: Page, path: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(BASE + path, { waitUntil: 'commit' });
  await page.locator('table tbody tr td a').first().waitFor({ state: 'visible' });
  return Date.now() - t0;
}

/** Types `word` one character at a time, timing each keystroke until the table shows rows for the new term. */
async function keystrokes(page: Page, word: string): Promise<number[]> {
  const box = page.getByRole('searchbox');
  await box.fill('');
  await page.locator('table[aria-busy="false"] tbody tr td a').first().waitFor();
  const times: number[] = [];
  for (let i = 1; i <= word.length; i++) {
    const term = word.slice(0, i);
    const t0 = Date.now();
    await box.press(word[i - 1]!);
    await page.waitForFunction(
      (t) => {
        const table = document.querySelector('table');
        if (!table || table.getAttribute('aria-busy') !== 'false') return false;
        const url = new URL(location.href);
        if (url.searchParams.get('q') !== t) return false;
        const first = table.querySelector('tbody tr td a');
        return !first || first.textContent!.toLowerCase().includes(t.toLowerCase());
      },
      term,
      { polling: 'raf', timeout: 10_000 },
    );
    times.push(Date.now() - t0);
  }
  return times;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel('Email').fill(process.env.BENCH_EMAIL ?? 'dispatcher@demo.test');
  await page.getByLabel('Password').fill(process.env.BENCH_PASSWORD ?? 'demo-console-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE}/`);

  console.log(`bench:lists against ${BASE}, ${RUNS} runs (median)`);
  for (const path of ['/customers', '/sites', '/equipment']) {
    await firstRow(page, path); // warm-up: compile caches, first API connection
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) xs.push(await firstRow(page, path));
    console.log(`  first page ${path.padEnd(11)} median ${median(xs)} ms  (max ${Math.max(...xs)} ms; budget 1000 ms)`);
  }
  await page.goto(`${BASE}/customers`);
  await page.locator('table tbody tr td a').first().waitFor();
  const all: number[] = [];
  for (const w of ['cof', 'bak', 'sch', 'gro', 'hea', 'res', 'tav']) all.push(...(await keystrokes(page, w)));
  console.log(
    `  keystroke → results      median ${median(all)} ms  (p90 ${[...all].sort((a, b) => a - b)[Math.floor(all.length * 0.9)]} ms, n=${all.length}; budget 300 ms)`,
  );
  await browser.close();
}

void main();
