import { mkdirSync } from 'node:fs';
import { LOCALES } from '@mobio/config';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCms, startFakeCms } from '../helpers/fake-cms';
import { type RunningSite, startSite } from '../helpers/site-server';
import { PHONE, RESULTS, describeViolations, runAxe } from './axe';
import { mixedDirectionProblems } from './bidi';
import { chromiumOrSkip, launchChromium } from './chromium';
import { phonePage } from './stack';

const executablePath = chromiumOrSkip();

// Skipped, not failed, on machines without Chromium (the line above says so loudly);
// REQUIRE_BROWSER=1 turns that into a failure.
describe.skipIf(!executablePath)('landing page in Chromium on a 360 px phone', () => {
  let cms: FakeCms;
  let site: RunningSite;
  let browser: Browser;
  let page: Page;
  /** The page's console errors and uncaught exceptions since a test emptied the list. */
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    cms = await startFakeCms();
    site = await startSite({ CMS_INTERNAL_URL: cms.url });
    browser = await launchChromium(executablePath!);
    // One page for every check, axe included, under the site's Content-Security-Policy.
    page = await phonePage(browser);
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await cms?.close();
  });

  it.each(LOCALES)('has no WCAG 2.1 AA violation found by axe in %s', async (locale) => {
    await page.goto(`${site.url}/${locale}/`);
    expect(await mixedDirectionProblems(page)).toEqual([]);
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it.each(LOCALES)(
    'fits a 360 px screen without sideways scrolling and with no console error in %s',
    async (locale) => {
      errors.length = 0;
      const response = await page.goto(`${site.url}/${locale}/`);
      expect(response?.status()).toBe(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      // A blocked stylesheet would also show here, as a CSP error.
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('flex');
      if (locale === 'ar' || locale === 'fa') {
        await page.screenshot({ path: `${RESULTS}landing-${locale}-360.png`, fullPage: true });
      }
    },
  );

  it('lays an Arabic page out from the right: the brand sits on the right edge', async () => {
    await page.goto(`${site.url}/ar/`);
    const box = await page.locator('.brand').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeGreaterThan(PHONE.width - 40);
  });

  it('gives the language links and the skip link touch targets of at least 44 px', async () => {
    await page.goto(`${site.url}/fa/`);
    for (const link of await page.locator('.languages a, .site-footer a').all()) {
      const box = await link.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      expect(box!.width).toBeGreaterThanOrEqual(44);
    }
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.height).toBeGreaterThanOrEqual(44);
  });

  it('shows the 404 page in Persian without axe violations', async () => {
    const response = await page.goto(`${site.url}/fa/nowhere`);
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
