import { randomBytes } from 'node:crypto';
import { ACCOUNT_REASONS, LOCALES, type Locale } from '@mobio/config';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createStaff, type TestCms } from '../../../../cms/test/harness';
import { t } from '../../i18n';
import { PUBLIC_URL } from '../helpers/http';
import type { RunningSite } from '../helpers/site-server';
import { PHONE, RESULTS, describeViolations, runAxe } from './axe';
import { mixedDirectionProblems } from './bidi';
import { chromiumOrSkip } from './chromium';
import { type BrowserStack, phoneContext, startStack } from './stack';

/*
 * The whole journey of a newcomer, in each of the offered languages, in Chromium on a 360 px phone
 * against the built site and the real CMS: register → fill in every section → upload a certificate
 * (through the progress bar) → share with a staff member → the staff member reads it through the
 * CMS's API → revoke → the staff member is refused. axe checks every page on the way; the Arabic
 * and Persian dashboards are saved as screenshots for people to look at.
 */

const PASSWORD = 'Sonnenblume-7';
const NAMES: Record<Locale, [string, string]> = {
  de: ['Layla', 'Haddad'],
  en: ['Layla', 'Haddad'],
  ar: ['ليلى', 'حداد'],
  fa: ['مریم', 'احمدی'],
  fr: ['Aïcha', 'Diallo'],
  uk: ['Оксана', 'Бондаренко'],
};
const certificate = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  randomBytes(300_000).map((b) => (b === 0x3c ? 0x3d : b)),
  Buffer.from('\n%%EOF\n'),
]);

const executablePath = chromiumOrSkip();

// Skipped, not failed, without Chromium (chromiumOrSkip said so loudly); REQUIRE_BROWSER=1 fails instead.
describe.skipIf(!executablePath)(
  'the newcomer’s whole journey in Chromium on a 360 px phone',
  () => {
    let cms: TestCms;
    let site: RunningSite;
    let browser: Browser;
    let stack: BrowserStack;
    let staff: Awaited<ReturnType<typeof createStaff>>;
    let district: Awaited<ReturnType<typeof createStaff>>;

    beforeAll(async () => {
      stack = await startStack(executablePath!, { proxy: true });
      ({ cms, site, browser } = stack);
      staff = await createStaff(cms, 'Amira');
      district = await createStaff(cms, 'Kreis', 'district-administrator');
    }, 120_000);

    afterAll(async () => {
      await stack?.stop();
    });

    /**
     * Checks the page the browser is on: no sideways scrolling at 360 px, every control and every
     * link that is not part of a sentence at least 44 px high, no axe finding.
     */
    async function checkPage(page: Page, label: string) {
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${label}: sideways scrolling`,
      ).toBeLessThanOrEqual(PHONE.width);
      const small = await page.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            'main a, main button, main input:not([type=hidden]), main select, main textarea, main summary',
          ),
        ]
          // A link inside running text is exempt (WCAG 2.5.5); a checkbox counts with its label's row.
          .filter((element) => !element.closest('p:not(.record-list__details), dd, li > span'))
          .map((element) =>
            element.matches('input[type=checkbox], input[type=radio]')
              ? (element.closest<HTMLElement>('.checkbox') ?? element)
              : element,
          )
          .filter((element) => element.getBoundingClientRect().height < 44)
          .map(
            (element) =>
              `${element.tagName.toLowerCase()}.${element.className} "${element.textContent?.trim().slice(0, 30)}"`,
          ),
      );
      expect(small.join('\n'), `${label}: touch targets under 44 px`).toBe('');
      expect(await mixedDirectionProblems(page), label).toEqual([]);
      const violations = await runAxe(page);
      expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
    }

    /** Opens a page of the site and checks it. */
    async function visit(page: Page, path: string) {
      const response = await page.goto(PUBLIC_URL.origin + path);
      expect(response?.status(), `${path}\n${site.output().slice(-2000)}`).toBe(200);
      await checkPage(page, path);
    }

    /** Submits the page's main form and waits for the page it leads to. */
    async function submit(page: Page) {
      await Promise.all([
        page.waitForNavigation(),
        page.locator('main form.form button[type=submit]').last().click(),
      ]);
    }

    it.each(LOCALES)(
      'in %s: register, fill in, upload, share, the staff member reads, revoke, refused',
      { timeout: 120_000 },
      async (locale) => {
        const tr = t(locale);
        const l = `/${locale}`;
        const context = await phoneContext(browser);
        const page = await context.newPage();
        try {
          // Register.
          const email = `journey-${locale}-${Date.now()}@example.test`;
          await visit(page, `${l}/register`);
          await page.fill('#field-email', email);
          await page.fill('#field-password', PASSWORD);
          await page.fill('#field-passwordConfirmation', PASSWORD);
          await page.check('input[name=privacy]');
          await submit(page);
          expect(new URL(page.url()).pathname).toBe(`${l}/dashboard`);
          await checkPage(page, 'empty dashboard');
          expect(await page.locator('.status-list__item--missing').count()).toBe(5);

          // Profile: a missing family name is refused beside the field, and what was typed stays.
          const [given, family] = NAMES[locale];
          await page.click(`a[href="${l}/profile"]`);
          await page.fill('#field-givenNames', given);
          await page.fill('#field-birthDate', '1994-03-02');
          await page.selectOption('#field-nationality', 'SY');
          await submit(page);
          expect(await page.locator('#field-familyName-error').textContent()).toBe(
            tr('error.required'),
          );
          expect(await page.inputValue('#field-givenNames')).toBe(given);
          await checkPage(page, 'profile with an error');
          if (locale === 'fa')
            await page.screenshot({
              path: `${RESULTS}profile-errors-${locale}-360.png`,
              fullPage: true,
            });
          await page.fill('#field-familyName', family);
          await page.check(`input[name=correspondenceLanguages][value=${locale}]`);
          await submit(page);
          expect(new URL(page.url()).pathname).toBe(`${l}/dashboard`);

          // A language with the CEFR levels explained in the UI language.
          await visit(page, `${l}/records/languages/new`);
          await page.click('.cefr-guide summary');
          expect(await page.locator('.cefr-guide dd').first().textContent()).toBe(tr('cefr.A1'));
          await page.selectOption('#field-language', 'de');
          for (const skill of [
            'listening',
            'reading',
            'spokenInteraction',
            'spokenProduction',
            'writing',
          ])
            await page.selectOption(`#field-${skill}`, 'B1');
          await page.fill(
            '#field-courses',
            locale === 'de' ? 'Integrationskurs' : 'Integrationskurs B1',
          );
          if (locale === 'ar')
            await page.screenshot({
              path: `${RESULTS}language-form-${locale}-360.png`,
              fullPage: true,
            });
          await submit(page);
          await checkPage(page, 'language list');

          // School and work.
          await visit(page, `${l}/records/education/new`);
          await page.selectOption('#field-kind', 'university');
          await page.fill('#field-institution', 'جامعة دمشق');
          await page.fill('#field-from', '2012-09-01');
          await page.fill('#field-to', '2016-07-01');
          await page.selectOption('#field-textLanguage', 'ar');
          await submit(page);
          const educationId = /\/records\/education\/([a-z0-9]{24})/.exec(
            (await page.locator('.record-list a').first().getAttribute('href'))!,
          )![1];
          await visit(page, `${l}/records/employment/new`);
          await page.fill('#field-occupation', 'Krankenpflegerin');
          await page.selectOption('#field-country', 'SY');
          await submit(page);
          await checkPage(page, 'work list');

          // A certificate for the university entry, through the progress bar (XMLHttpRequest). The
          // site's answer is held back until the bar has been seen full.
          await page.goto(`${PUBLIC_URL.origin}${l}/records/education/${educationId}`);
          await page.click(`a[href^="${l}/documents/upload?educationEntry="]`);
          await checkPage(page, 'upload form');
          expect(await page.inputValue('#field-educationEntry')).toBe(educationId);
          await page.setInputFiles('#field-file', {
            name: 'شهادة.pdf',
            mimeType: 'application/pdf',
            buffer: certificate,
          });
          await page.fill('#field-title', 'Bachelor');
          await page.selectOption('#field-kind', 'diploma');
          let releaseUpload!: () => void;
          stack.proxy!.hold = {
            method: 'POST',
            path: `${l}/documents/upload`,
            until: new Promise<void>((resolve) => (releaseUpload = resolve)),
          };
          const upload = page.waitForRequest(
            (request) => request.method() === 'POST' && request.url().includes('/documents/upload'),
          );
          await page.locator('main form button[type=submit]').click();
          expect((await upload).resourceType()).toBe('xhr');
          await page.waitForFunction(
            () => (document.querySelector('progress') as HTMLProgressElement | null)?.value === 100,
          );
          expect(await page.locator('.upload-progress__text').textContent()).toBe(
            tr('documents.progress', {
              percent: new Intl.NumberFormat(locale, { style: 'percent' }).format(1),
            }),
          );
          if (locale === 'ar')
            await page.screenshot({ path: `${RESULTS}upload-progress-${locale}-360.png` });
          const uploaded = page.waitForURL(`**${l}/records/documents?done=uploaded`);
          releaseUpload();
          await uploaded;
          stack.proxy!.hold = undefined;
          await checkPage(page, 'document list');
          expect(await page.locator('.notice').textContent()).toBe(tr('documents.uploaded'));

          // Share with Amira by invitation code: sections, purpose; the confirmation shows both.
          const code = (await api(cms, 'POST', '/sharing/invitations', { token: staff.token })).body
            .data.code as string;
          await visit(page, `${l}/sharing/new`);
          await Promise.all([
            page.waitForNavigation(),
            page.click(`a[href="${l}/sharing/new?via=code"]`),
          ]);
          await checkPage(page, 'grant form');
          await page.fill('#field-invitationCode', code);
          for (const section of ['profile', 'languages', 'education', 'employment', 'documents'])
            await page.check(`input[name=sections][value=${section}]`);
          await page.fill('#field-purpose', 'Beratung zur Anerkennung');
          await Promise.all([
            page.waitForNavigation(),
            page.click('button[name=step][value=review]'),
          ]);
          await checkPage(page, 'grant confirmation');
          expect(await page.locator('main').textContent()).toContain('Beratung zur Anerkennung');
          await Promise.all([
            page.waitForNavigation(),
            page.click('button[name=step][value=confirm]'),
          ]);
          await checkPage(page, 'grants');

          // The staff member reads the record and downloads the certificate through the CMS's API.
          const owner = await cms.strapi.db
            .query('plugin::users-permissions.user')
            .findOne({ where: { email: email.toLowerCase() } });
          const record = await api(cms, 'GET', `/sharing/records/${owner.documentId}`, {
            token: staff.token,
          });
          expect(record.status).toBe(200);
          expect(record.body.data.owner.name).toBe(`${given} ${family}`);
          expect(record.body.data.sections.map((s: { code: string }) => s.code)).toEqual([
            'profile',
            'languages',
            'education',
            'employment',
            'documents',
          ]);
          const download: string = record.body.data.sections[4].entries[0].download;
          const file = await fetch(cms.url + download, {
            headers: { authorization: `Bearer ${staff.token}` },
          });
          expect(file.status).toBe(200);
          expect(Buffer.from(await file.arrayBuffer()).equals(certificate)).toBe(true);

          // The dashboard says who has access; the Arabic and Persian ones are kept to look at.
          await visit(page, `${l}/dashboard`);
          expect(await page.locator('.grant-summary').textContent()).toContain('Amira');
          expect(await page.locator('.status-list__item--missing').count()).toBe(0);
          if (locale === 'ar' || locale === 'fa')
            await page.screenshot({
              path: `${RESULTS}dashboard-${locale}-360.png`,
              fullPage: true,
            });

          // The access log names her read, in the UI language.
          await visit(page, `${l}/sharing/access-log`);
          expect(await page.locator('main').textContent()).toContain('Amira');

          // Revoke: she is refused on her very next request.
          await visit(page, `${l}/sharing`);
          await Promise.all([
            page.waitForNavigation(),
            page.locator('form:has(input[name=action][value=revoke]) button').first().click(),
          ]);
          await checkPage(page, 'revoked');
          expect(await page.locator('.notice').first().textContent()).toBe(tr('sharing.revoked'));
          expect(
            (await api(cms, 'GET', `/sharing/records/${owner.documentId}`, { token: staff.token }))
              .status,
          ).toBe(404);
          expect(
            (
              await fetch(cms.url + download, {
                headers: { authorization: `Bearer ${staff.token}` },
              })
            ).status,
          ).toBe(404);
          await visit(page, `${l}/dashboard`);
          expect(await page.locator('main').textContent()).toContain(tr('dashboard.nobody'));

          // The district office announces the erasure of her account: the dashboard says so, with
          // the reason in her language, and one button stops it.
          expect(
            (
              await api(cms, 'POST', `/sharing/accounts/${owner.documentId}/delete`, {
                token: district.token,
                body: { data: { reason: 'movedAway' } },
              })
            ).status,
          ).toBe(202);
          await visit(page, `${l}/dashboard`);
          expect(await page.locator('main').textContent()).toContain(
            ACCOUNT_REASONS.label('movedAway', locale),
          );
          await Promise.all([
            page.waitForNavigation(),
            page.locator(`form[action="${l}/account/keep"] button`).click(),
          ]);
          await checkPage(page, 'erasure stopped');
          expect(await page.locator('.notice').first().textContent()).toBe(
            tr('dashboard.erasureStopped'),
          );

          // She gets a deletion code for the district office (the button is on her account page too).
          await visit(page, `${l}/account/deletion-code`);
          await Promise.all([page.waitForNavigation(), page.locator('main form button').click()]);
          await checkPage(page, 'deletion code');
          expect(await page.locator('.account-number').textContent()).toMatch(
            /^\s*[A-Z0-9]{5}(-[A-Z0-9]{5}){3}\s*$/,
          );
        } finally {
          await context.close();
        }
      },
    );
  },
);
