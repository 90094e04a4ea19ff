import { expect, test, authFile, sandboxApi } from '../fixtures';
import { createPoolJob, freeDay, gotoUntil, lane, slot, technicians } from './board-data';

// The board shows the account's wall clock (America/Chicago in the sandbox) whatever zone the browser is in.
for (const zone of ['Asia/Tokyo', 'America/Los_Angeles']) {
  test.describe(`browser in ${zone}`, () => {
    test.use({ storageState: authFile('dispatcher'), timezoneId: zone, viewport: { width: 1600, height: 1000 } });

    test('shows the same wall-clock times as the API', async ({ page }) => {
      const techs = await technicians();
      const a = techs[zone === 'Asia/Tokyo' ? 10 : 11];
      const day = freeDay(4);
      const j = await createPoolJob();
      const r = await sandboxApi('POST', 'job/schedule', {
        id: j.id,
        scheduledStart: `${day} 10:00:00`,
        scheduledEnd: `${day} 11:00:00`,
        technician: { id: a.id },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const ev = () => page.locator('.fc-timeline-event', { hasText: `#${j.num}` });
      await gotoUntil(page, `/dispatch?view=day&date=${day}&tech=${a.id}`, ev);

      // Drawn from the 10:00 slot to the 11:00 slot of that day.
      const box = (await ev().boundingBox())!;
      const s10 = (await slot(page, day, '10:00').boundingBox())!;
      const s11 = (await slot(page, day, '11:00').boundingBox())!;
      expect(Math.abs(box.x - s10.x)).toBeLessThan(4);
      expect(Math.abs(box.x + box.width - s11.x)).toBeLessThan(4);
      await expect(lane(page, a.id)).toBeVisible();

      await ev().click();
      await expect(page.getByRole('dialog', { name: `Job #${j.num}` })).toContainText(`${day} 10:00 – 11:00`);
    });
  });
}
