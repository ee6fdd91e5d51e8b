import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createStaff,
  registerNewcomer,
  type TestCms,
  grantDirectly,
} from '../../../../cms/test/harness';
import { t } from '../../i18n';
import type { RunningSite } from '../helpers/site-server';
import { PHONE, RESULTS, describeViolations, runAxe } from './axe';
import { chromiumOrSkip } from './chromium';
import { type BrowserStack, phoneContext, startStack } from './stack';

const executablePath = chromiumOrSkip();

/*
 * German beside the own language in Chromium on a 360 px phone, in Arabic and Persian, with the
 * site's Content-Security-Policy on and no JavaScript of ours: the newcomer presses the switch on
 * the dashboard, the German lines appear there and stay on the profile and the plan (the cookie),
 * every page is axe clean and fits the phone, and the same switch turns the lines off again.
 */
describe.skipIf(!executablePath)(
  'German beside the own language in Chromium on a 360 px phone',
  () => {
    let cms: TestCms;
    let site: RunningSite;
    let browser: Browser;
    let stack: BrowserStack;
    let context: BrowserContext;

    beforeAll(async () => {
      stack = await startStack(executablePath!);
      ({ cms, site, browser } = stack);
      const staff = await createStaff(cms, 'Sabine');
      const newcomer = await registerNewcomer(cms);
      const profile = await api(cms, 'PUT', '/api/profiles/me', {
        token: newcomer.jwt,
        body: {
          data: {
            givenNames: 'مریم',
            familyName: 'احمدی',
            familyStatus: 'married',
            residenceStatus: 'subsidiaryProtection',
            nationality: 'AF',
          },
        },
      });
      expect(profile.status, JSON.stringify(profile.body)).toBe(200);
      const language = await api(cms, 'POST', '/api/language-skills', {
        token: newcomer.jwt,
        body: { data: { language: 'fa', native: true } },
      });
      expect(language.status, JSON.stringify(language.body)).toBeLessThan(300);
      await grantDirectly(cms, {
        owner: newcomer.id,
        grantee: staff.id,
        sections: ['plans'],
        access: 'write',
        purpose: 'Plan',
        days: 30,
      });
      const content = {
        title: 'Integrationsplan',
        fieldsOfAction: [
          {
            field: 'language',
            situation: 'B1 erreicht.',
            goals: [
              { catalogueKey: 'language.goal.b1-certificate', status: 'achieved' },
              { description: 'B2-Prüfung bestehen', status: 'open', dueDate: '2027-06-30' },
            ],
            measures: [
              {
                catalogueKey: 'language.measure.job-language-course',
                responsible: 'newcomer',
                status: 'inProgress',
              },
            ],
          },
        ],
        reviews: [{ date: '2027-01-20', note: 'Stand besprechen' }],
      };
      // Written and proposed in the plan editor, the integration manager's door (she has no Content Manager).
      const owner = await cms.strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { id: newcomer.id }, select: ['documentId'] });
      const editor = `/sharing/records/${owner.documentId}/plan`;
      const created = await api(cms, 'PUT', editor, {
        token: staff.token,
        body: { data: content },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      const proposed = await api(cms, 'POST', `${editor}/propose`, {
        token: staff.token,
        body: {},
      });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);

      // The switch is a plain form: the site sends no JavaScript (its CSP allows none inline).
      context = await phoneContext(browser, { jwt: newcomer.jwt, siteUrl: site.url });
    }, 120_000);

    afterAll(async () => {
      await stack?.stop();
    });

    /** Checks the open page fits 360 px and has no axe finding, after a screenshot to look at. */
    async function check(page: Page, screenshot: string) {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await page.screenshot({ path: `${RESULTS}${screenshot}`, fullPage: true });
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    }

    it.each(['ar', 'fa'] as const)(
      'in %s: switched on from the dashboard, kept on the profile and the plan, switched off again',
      async (locale) => {
        const tr = t(locale);
        const de = t('de');
        const page = await context.newPage();
        try {
          const response = await page.goto(`${site.url}/${locale}/dashboard`);
          expect(response?.status(), site.output()).toBe(200);
          expect(await page.locator('.german').count()).toBe(0);
          await check(page, `german-beside-${locale}-dashboard-off-360.png`);

          await page.getByRole('button', { name: tr('german.show') }).click();
          await page.waitForURL(`${site.url}/${locale}/dashboard`);
          const title = page.locator('h1 .german');
          await expect.poll(() => title.textContent()).toBe(de('dashboard.title'));
          expect(await title.getAttribute('lang')).toBe('de');
          expect(await title.locator('bdi').getAttribute('dir')).toBe('ltr');
          // On the side of the Persian or Arabic heading above it, not across the screen.
          const [own, german] = await Promise.all([
            page.locator('h1').boundingBox(),
            title.locator('bdi').boundingBox(),
          ]);
          expect(Math.abs(own!.x + own!.width - (german!.x + german!.width))).toBeLessThan(2);
          await check(page, `german-beside-${locale}-dashboard-360.png`);

          // The next pages remember it (the cookie), without pressing anything.
          for (const [path, heading] of [
            ['profile', 'profile.title'],
            ['plan', 'plan.title'],
            ['records/languages', 'records.languages.title'],
          ] as const) {
            expect(
              (await page.goto(`${site.url}/${locale}/${path}`))?.status(),
              site.output(),
            ).toBe(200);
            expect(await page.locator('h1 .german').textContent()).toBe(de(heading));
            await check(page, `german-beside-${locale}-${path.replace('/', '-')}-360.png`);
          }

          await page.getByRole('button', { name: tr('german.hide') }).click();
          await page.waitForURL(`${site.url}/${locale}/records/languages`);
          expect(await page.locator('.german').count()).toBe(0);
          await page.goto(`${site.url}/${locale}/plan`);
          expect(await page.locator('.german').count()).toBe(0);
        } finally {
          await page.close();
        }
      },
    );
  },
);
