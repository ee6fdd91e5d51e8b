import { LOCALES } from '@mobio/config';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../i18n';
import { PUBLIC_URL } from '../helpers/http';
import type { RunningSite } from '../helpers/site-server';
import { PHONE, RESULTS, describeViolations, runAxe } from './axe';
import { chromiumOrSkip } from './chromium';
import { type BrowserStack, phoneContext, startStack } from './stack';

/*
 * Registering without an e-mail address, in each of the languages, in Chromium on a 360 px
 * phone (the site's CSP on) against the built site and the real CMS: a taken username is refused
 * beside the field with what was typed kept → the recovery code sheet with the district's name →
 * log out → a new password with the code → a new code → login with the username. axe checks every
 * page; the Arabic and Persian code sheets are saved as screenshots for people to look at.
 */

const PASSWORD = 'Sonnenblume-7';
const NEW_PASSWORD = 'Regenbogen-42';
const executablePath = chromiumOrSkip();

describe.skipIf(!executablePath)(
  'registration without e-mail in Chromium on a 360 px phone',
  () => {
    let site: RunningSite;
    let browser: Browser;
    let stack: BrowserStack;

    beforeAll(async () => {
      stack = await startStack(executablePath!, { proxy: true });
      ({ site, browser } = stack);
    }, 120_000);

    afterAll(async () => {
      await stack?.stop();
    });

    async function checkPage(page: Page, label: string) {
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${label}: sideways scrolling`,
      ).toBeLessThanOrEqual(PHONE.width);
      const violations = await runAxe(page);
      expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
    }
    async function visit(page: Page, path: string) {
      const response = await page.goto(PUBLIC_URL.origin + path);
      expect(response?.status(), `${path}\n${site.output().slice(-2000)}`).toBe(200);
      await checkPage(page, path);
    }
    async function submit(page: Page) {
      await Promise.all([
        page.waitForNavigation(),
        page.locator('main form.form button[type=submit]').last().click(),
      ]);
    }

    it.each(LOCALES)(
      'in %s: register with a username, keep the code, log out, recover with it, log in with the username',
      { timeout: 120_000 },
      async (locale) => {
        const tr = t(locale);
        const l = `/${locale}`;
        const username = `layla.${locale}${Date.now() % 100000}`;
        const context = await phoneContext(browser);
        const page = await context.newPage();
        try {
          // From the registration page to the one without an e-mail address.
          await visit(page, `${l}/register`);
          await Promise.all([
            page.waitForNavigation(),
            page.click(`a[href="${l}/register-username"]`),
          ]);
          await checkPage(page, 'register without e-mail');

          // An e-mail address as username is refused beside the field; what was typed stays, the passwords not.
          await page.fill('#field-username', 'layla@example.test');
          await page.fill('#field-password', PASSWORD);
          await page.fill('#field-passwordConfirmation', PASSWORD);
          await page.check('input[name=privacy]');
          await submit(page);
          expect(await page.locator('#field-username-error').textContent()).toBe(
            tr('error.usernameIsEmail'),
          );
          expect(await page.inputValue('#field-username')).toBe('layla@example.test');
          expect(await page.inputValue('#field-password')).toBe('');
          await checkPage(page, 'register without e-mail, with an error');

          await page.fill('#field-username', username);
          await page.fill('#field-password', PASSWORD);
          await page.fill('#field-passwordConfirmation', PASSWORD);
          await page.check('input[name=privacy]');
          await submit(page);
          expect(await page.locator('h1').textContent()).toBe(tr('recovery.sheetTitle'));
          expect(await page.locator('.recovery-sheet__district').textContent()).toBe(
            'Landkreis Testhausen',
          );
          const code = (await page.locator('.recovery-sheet__code').textContent())!;
          expect(code).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
          expect(
            await page.evaluate(() => [
              document.documentElement.lang,
              document.documentElement.dir,
            ]),
          ).toEqual([locale, locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr']);
          await checkPage(page, 'recovery code sheet');
          if (locale === 'ar' || locale === 'fa') {
            await page.screenshot({
              path: `${RESULTS}recovery-sheet-${locale}-360.png`,
              fullPage: true,
            });
            await page.emulateMedia({ media: 'print' });
            await page.screenshot({
              path: `${RESULTS}recovery-sheet-${locale}-print.png`,
              fullPage: true,
            });
            expect(await page.locator('.site-header').isVisible()).toBe(false);
            await page.emulateMedia({ media: 'screen' });
          }

          // Logged in (the navigation says so already); log out.
          expect(await page.locator(`.account-nav a[href="${l}/account"]`).count()).toBe(1);
          await Promise.all([
            page.waitForNavigation(),
            page.click(`main a[href="${l}/dashboard"]`),
          ]);
          expect(new URL(page.url()).pathname).toBe(`${l}/dashboard`);
          await Promise.all([
            page.waitForNavigation(),
            page.locator('.account-nav button[type=submit]').click(),
          ]);

          // Recover with the code: a new password and a new code.
          await visit(page, `${l}/login`);
          await Promise.all([page.waitForNavigation(), page.click(`a[href="${l}/recover"]`)]);
          await checkPage(page, 'recover');
          await page.fill('#field-username', username.toUpperCase());
          await page.fill('#field-code', code.toLowerCase());
          await page.fill('#field-password', NEW_PASSWORD);
          await page.fill('#field-passwordConfirmation', NEW_PASSWORD);
          await submit(page);
          expect(await page.locator('.notice').first().textContent()).toBe(tr('recover.done'));
          const newCode = await page.locator('.recovery-sheet__code').textContent();
          expect(newCode).not.toBe(code);
          await checkPage(page, 'new recovery code');
          await context.clearCookies();

          // The old code is used up: refused, the username kept.
          await visit(page, `${l}/recover`);
          await page.fill('#field-username', username);
          await page.fill('#field-code', code);
          await page.fill('#field-password', PASSWORD);
          await page.fill('#field-passwordConfirmation', PASSWORD);
          await submit(page);
          expect(await page.locator('#field-code-error').textContent()).toBe(
            tr('error.recoveryCode'),
          );
          expect(await page.inputValue('#field-username')).toBe(username);
          await checkPage(page, 'recover with a used code');

          // Login with the username and the new password.
          await visit(page, `${l}/login`);
          await page.fill('#field-email', username);
          await page.fill('#field-password', NEW_PASSWORD);
          await submit(page);
          expect(new URL(page.url()).pathname).toBe(`${l}/dashboard`);
          await checkPage(page, 'dashboard');
        } finally {
          await context.close();
        }
      },
    );
  },
);
