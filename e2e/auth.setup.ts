import { test as setup, expect } from '@playwright/test';
import { authFile, signIn, type RoleName } from './fixtures';

for (const role of ['dispatcher', 'manager', 'admin'] as RoleName[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, `${role}@demo.test`);
    await expect(page).toHaveURL(/\/$/);
    await page.context().storageState({ path: authFile(role) });
  });
}
