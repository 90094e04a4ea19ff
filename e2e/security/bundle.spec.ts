import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

test('the browser bundle holds neither the API key nor the Basic credentials', () => {
  const key = process.env.E2E_API_KEY!;
  const basic = Buffer.from(`${process.env.E2E_DOMAIN}:${key}`).toString('base64');
  let scanned = 0;
  for (const f of files(`${process.env.NEXT_DIST_DIR || '.next'}/static`)) {
    const text = readFileSync(f, 'latin1');
    scanned++;
    expect(text.includes(key), `${f} contains the API key`).toBe(false);
    expect(text.includes(basic), `${f} contains domain:key`).toBe(false);
  }
  expect(scanned).toBeGreaterThan(5);
});

test('pages served to the browser do not contain the API key', async ({ page }) => {
  const res = await page.goto('/sign-in');
  const html = (await res?.text()) ?? '';
  expect(html).not.toContain(process.env.E2E_API_KEY!);
});
