/**
 * Issue 18, phones: at 390 px no page of the app is wider than the screen (wide content scrolls inside its own box
 * or reflows; nothing is hidden to get there). Every page the app/ tree defines is opened as the a11y sweep opens it.
 * The board is also checked for use at that width: its calendar scrolls sideways inside its own box, and a job can
 * still be opened from it.
 */
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import { consolePages, openSettled, pagesFor, seededRecords, urlFor, visitorFor } from './ui-pages';

const PHONE = { width: 390, height: 844 };
const test = pagesFor(PHONE, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

// The board and the reports read a cold server's data on first open: give a page the time that takes on 2 cores.
test.describe.configure({ timeout: 120_000 });

/** The page's width, and the elements that stick out past the screen's right edge (to name them when it fails). */
async function overflow(page: Page) {
  return page.evaluate((width) => {
    const offenders: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const r = el.getBoundingClientRect();
      // Text that runs out of its box (one long word) widens the page without any box doing so.
      if (
        r.right <= width + 0.5 &&
        r.left + el.scrollWidth > width + 0.5 &&
        getComputedStyle(el).overflowX === 'visible' &&
        !el.children.length
      ) {
        offenders.push(
          `text of ${el.tagName.toLowerCase()} "${(el.textContent ?? '').slice(0, 40)}" (to ${Math.round(r.left + el.scrollWidth)} px)`,
        );
        continue;
      }
      if (r.width === 0 || r.right <= width + 0.5) continue;
      // Only the outermost offender of a branch; content of a box that scrolls itself is fine.
      let p = el.parentElement;
      let inside = false;
      while (p && p !== document.body) {
        const s = getComputedStyle(p);
        if (p.getBoundingClientRect().right > width + 0.5 || /(auto|scroll|hidden|clip)/.test(s.overflowX)) {
          inside = true;
          break;
        }
        p = p.parentElement;
      }
      if (inside) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join('.')}` : ''}`;
      offenders.push(`${name} (right edge ${Math.round(r.right)} px)`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 8) };
  }, PHONE.width);
}

test.describe('phones (390 px): no page wider than the screen', () => {
  for (const p of consolePages()) {
    test(`${p.route} (${visitorFor(p)})`, async ({ pageAs }) => {
      const page = await pageAs(visitorFor(p));
      const url = urlFor(p, await seededRecords());
      await openSettled(page, url);
      if (p.route === '/dispatch')
        await expect(page.getByRole('button', { name: /^Schedule job #/ }).first()).toBeVisible({ timeout: 60_000 });
      const o = await overflow(page);
      // E2E_SHOTS=<dir> keeps a full-page screenshot of each page at 390 px, for a person to look at.
      if (process.env.E2E_SHOTS)
        await page.screenshot({
          path: `${process.env.E2E_SHOTS}/${p.route.replace(/[^a-z0-9]+/gi, '_') || 'home'}-390.png`,
          fullPage: true,
        });
      expect(
        o.scrollWidth,
        `${url} is ${o.scrollWidth} px wide at 390 px; sticking out: ${o.offenders.join(', ') || '(none found)'}`,
      ).toBeLessThanOrEqual(PHONE.width);
    });
  }
});

test('the board at 390 px: its calendar scrolls sideways in its own box, and a job opens from it', async ({
  pageAs,
}) => {
  const page = await pageAs('dispatcher');
  await openSettled(page, '/dispatch?view=week');
  await expect(page.getByRole('button', { name: /^Schedule job #/ }).first()).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  // The timeline's body scrolls inside the calendar box when the week is wider than the phone.
  const scrolled = await page.evaluate(() => {
    const boxes = Array.from(document.querySelectorAll<HTMLElement>('.fc-scroller')).filter(
      (el) => el.scrollWidth > el.clientWidth + 1,
    );
    const box = boxes[boxes.length - 1];
    if (!box) return null;
    box.scrollLeft = 200;
    return { left: box.scrollLeft, inside: box.getBoundingClientRect().right <= window.innerWidth + 0.5 };
  });
  expect(scrolled, 'a calendar box that scrolls sideways').not.toBeNull();
  expect(scrolled!.left).toBeGreaterThan(0);
  expect(scrolled!.inside).toBe(true);
  // The unscheduled pool stays reachable: its first job opens the keyboard schedule dialog.
  await page
    .getByRole('button', { name: /^Schedule job #/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width + 0.5);
});
