import type { Page } from 'playwright-core';
import type { TestCms } from '../../../test/harness';

/** The admin panel loads slowly on two cores. */
export const SLOW = { timeout: 60_000 };

/** Logs a staff member in through the admin panel's (German) login page and waits for the home page. */
export async function logInToAdmin(
  page: Page,
  cms: TestCms,
  email: string,
  password = 'Staff1234!',
) {
  await page.goto(`${cms.url}/admin/auth/login`);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel(/^Passwort/).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(/\/admin(\/)?$/, SLOW);
}
