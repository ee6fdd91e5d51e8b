import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { describeViolations, runAxe } from '../../../../site/src/__tests__/browser/axe';
import { launchChromium } from '../../../../site/src/__tests__/browser/chromium';
import { TEST_MUNICIPALITY } from '../../../../site/src/__tests__/helpers/site-server';
import { freshEnv, startCms, type TestCms } from '../../../test/harness';

/*
 * The set-up every browser test of the admin panel repeats, in one place (as the site's browser
 * tests have theirs in site/src/__tests__/browser/stack.ts): the real CMS with its built admin
 * panel and Chromium, the staff login through the panel.
 */

/**
 * axe on the plugin's part of an admin page (a page of a context readied by withAxe): Strapi's own
 * frame is not ours to fix, nor its bundle's probe for eval, which the admin panel's own CSP refuses.
 */
export async function axeOnMain(page: Page) {
  const violations = await runAxe(
    page,
    /^script-src blocked eval at .*\/admin\/strapi-[\w-]+\.js:\d+$/,
  );
  const ours = violations
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter((node) => String(node.target[0]).startsWith('main')),
    }))
    .filter((violation) => violation.nodes.length > 0);
  expect(ours, describeViolations(ours)).toEqual([]);
}

/** The admin panel loads slowly on two cores. */
export const SLOW = { timeout: 60_000 };

/** A small valid PDF, for uploads that staff then download. */
export const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

export interface AdminStack {
  cms: TestCms;
  browser: Browser;
  /** Stops both, the browser first. */
  stop: () => Promise<void>;
}

/**
 * Starts the CMS on a fresh database naming the test district, and Chromium; the test fills the
 * database before its first page. (With the site too: the site's startStack.)
 */
export async function startAdminStack(executablePath: string): Promise<AdminStack> {
  const cms = await startCms(await freshEnv(TEST_MUNICIPALITY));
  try {
    const browser = await launchChromium(executablePath);
    return {
      cms,
      browser,
      stop: async () => {
        await browser.close();
        await cms.stop();
      },
    };
  } catch (error) {
    await cms.stop();
    throw error;
  }
}

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
