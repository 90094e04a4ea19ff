import { test as setup, expect } from '@playwright/test';
import { authFile, signIn, type RoleName } from './fixtures';

for (const role of ['dispatcher', 'manager', 'admin'] as RoleName[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, `${role}@demo.test`);
    // Sign-in hashes the password and the home page reads the day's summary: slow on a loaded 2-core CI machine.
    await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
    await page.context().storageState({ path: authFile(role) });
  });
}
