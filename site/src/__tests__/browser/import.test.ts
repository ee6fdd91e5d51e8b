import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, registerNewcomer, uploadDocument, type TestCms } from '../../../../cms/test/harness';
import { t } from '../../i18n';
import { send, sessionCookie } from '../helpers/http';
import type { RunningSite } from '../helpers/site-server';
import { PHONE, RESULTS, describeViolations, runAxe } from './axe';
import { chromiumOrSkip } from './chromium';
import { type BrowserStack, phoneContext, startStack } from './stack';

/*
 * The import in the browser, in the two right-to-left languages at 360 px: the form on the account
 * page of an empty account, the file chosen and sent without JavaScript help, the result page;
 * axe clean on both, nothing scrolls sideways.
 */

const executablePath = chromiumOrSkip();

describe.skipIf(!executablePath)('import from another MoBio in the browser', () => {
  let cms: TestCms;
  let site: RunningSite;
  let browser: Browser;
  let stack: BrowserStack;
  let zipPath: string;

  beforeAll(async () => {
    stack = await startStack(executablePath!);
    ({ cms, site, browser } = stack);
    const mover = await registerNewcomer(cms);
    await api(cms, 'PUT', '/api/profiles/me', {
      token: mover.jwt,
      body: { data: { givenNames: 'أمل', familyName: 'حداد' } },
    });
    await uploadDocument(cms, mover.jwt, Buffer.from('%PDF-1.7\n%%EOF\n'), {
      kind: 'certificate',
      title: 'شهادة',
      fileName: 'shahada.pdf',
    });
    const response = await fetch(`${cms.url}/api/sharing/export`, {
      headers: { authorization: `Bearer ${mover.jwt}` },
    });
    zipPath = join(cms.env.MOBIO_TEST_DIR, 'mobio-export.zip');
    writeFileSync(zipPath, Buffer.from(await response.arrayBuffer()));
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  async function loggedIn(locale: string): Promise<BrowserContext> {
    const email = `import-browser-${locale}-${Date.now()}@example.test`;
    const response = await send(site, 'POST', `/${locale}/register`, {
      form: {
        email,
        password: 'Sonnenblume-7',
        passwordConfirmation: 'Sonnenblume-7',
        privacy: 'on',
      },
    });
    return phoneContext(browser, {
      jwt: sessionCookie(response)!.split('=')[1],
      siteUrl: site.url,
    });
  }

  it.each(['ar', 'fa'])('imports through the form on the account page (%s)', async (locale) => {
    const tr = t(locale as 'ar' | 'fa');
    const context = await loggedIn(locale);
    const page = await context.newPage();
    await page.goto(`${site.url}/${locale}/account`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expect(
      page.getByRole('heading', { name: tr('account.importHeading') }).count(),
    ).resolves.toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    let violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.screenshot({ path: `${RESULTS}import-form-${locale}-360.png`, fullPage: true });

    await page.getByLabel(tr('account.importFile')).setInputFiles(zipPath);
    await Promise.all([
      page.waitForURL(`${site.url}/${locale}/account/import`),
      page.getByRole('button', { name: tr('account.importSubmit') }).click(),
    ]);
    expect(await page.textContent('[role=status]')).toContain(
      tr('account.importDone', { records: 1, documents: 1 }),
    );
    violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.screenshot({ path: `${RESULTS}import-done-${locale}-360.png`, fullPage: true });
    await context.close();
  });
});
