/**
 * Shared by the e2e/ui specs: every page of the app as the a11y sweep enumerates it (e2e/a11y/console-pages.ts reads
 * the app/ tree, so a new page is checked here too), seeded records for the dynamic ones, a browser page per visitor,
 * and a "settled" wait (data loaded, no skeleton left).
 */
import { test as base, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { authFile, expect } from '../fixtures';
import type { Visitor } from '../a11y/console-pages';

export { consolePages, seededRecords, urlFor, visitorFor } from '../a11y/console-pages';

/** A browser page for a visitor (signed in as its role, or signed out), reused by the tests of one worker. */
export function pagesFor(viewport: { width: number; height: number }, extra: BrowserContextOptions = {}) {
  return base.extend<object, { pageAs: (v: Visitor) => Promise<Page> }>({
    pageAs: [
      async ({ browser }: { browser: Browser }, use: (f: (v: Visitor) => Promise<Page>) => Promise<void>) => {
        const pages = new Map<Visitor, Promise<Page>>();
        await use((v) => {
          if (!pages.has(v)) {
            pages.set(
              v,
              (async () => {
                const ctx = await browser.newContext({
                  baseURL: process.env.E2E_BASE_URL,
                  storageState: v === 'anonymous' ? { cookies: [], origins: [] } : authFile(v),
                  timezoneId: 'America/Chicago',
                  locale: 'en-US',
                  viewport,
                  ...extra,
                });
                return ctx.newPage();
              })(),
            );
          }
          return pages.get(v)!;
        });
        for (const p of pages.values()) await (await p).context().close();
      },
      { scope: 'worker' },
    ],
  });
}

/** Opens `url` and waits until the page has its data: no request in flight, no loading placeholder left. */
export async function openSettled(page: Page, url: string) {
  const res = await page.goto(url);
  // "Not allowed" answers 403 on purpose; any other page must open.
  if (!url.startsWith('/forbidden')) expect(res?.status(), `${url} answered ${res?.status()}`).toBeLessThan(400);
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  await expect(page.locator('main, [role="main"]').first()).toBeVisible();
  await expect(page.locator('.animate-pulse, [aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
}
