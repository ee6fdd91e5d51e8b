import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip } from '../../../../site/src/__tests__/browser/chromium';
import {
  api,
  createStaff,
  registerNewcomer,
  uploadDocument,
  type TestCms,
  grantDirectly,
} from '../../../test/harness';
import { type AdminStack, PDF, SLOW, logInToAdmin, startAdminStack } from './stack';

const executablePath = chromiumOrSkip();

async function uploadAs(cms: TestCms, jwt: string, title: string) {
  return (
    await uploadDocument(cms, jwt, PDF, { kind: 'certificate', title, fileName: 'zeugnis.pdf' })
  ).body.data.documentId as string;
}

// Skipped, not failed, without Chromium (chromiumOrSkip says so in one loud line); REQUIRE_BROWSER=1 makes it fail.
describe.skipIf(!executablePath)('admin panel: a granted document', () => {
  let stack: AdminStack;
  let cms: TestCms;
  let browser: Browser;
  let shared: string;
  let notShared: string;

  beforeAll(async () => {
    stack = await startAdminStack(executablePath!);
    ({ cms, browser } = stack);
    const amal = await registerNewcomer(cms);
    const reza = await registerNewcomer(cms);
    shared = await uploadAs(cms, amal.jwt, 'Bachelorzeugnis');
    notShared = await uploadAs(cms, reza.jwt, 'Geheimes Zeugnis');
    const staff = await createStaff(cms, 'Sabine');
    await grantDirectly(cms, {
      owner: amal.id,
      grantee: staff.id,
      sections: ['documents'],
      access: 'read',
      purpose: 'Anerkennung',
      days: 1,
    });
  });
  afterAll(() => stack?.stop());

  it('is downloaded by its grantee from the record, and another newcomer’s is not shown', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await logInToAdmin(page, cms, 'sabine@staff.example');

    await page.goto(
      `${cms.url}/admin/content-manager/collection-types/api::document.document/${shared}`,
    );
    const button = page.getByRole('button', { name: 'Datei herunterladen' });
    await button.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('zeugnis.pdf');
    expect(readFileSync((await download.path())!).equals(PDF)).toBe(true);

    const log = await cms.strapi.db
      .query('plugin::sharing.audit-event')
      .findMany({ where: { action: 'download' } });
    expect(log).toHaveLength(1);

    // The Content Manager asks for the document and is told it does not exist (the guard hides it);
    // the page has done what it would do with it once it shows its error state.
    const answer = page.waitForResponse(
      (response) =>
        response.request().method() === 'GET' &&
        new URL(response.url()).pathname ===
          `/content-manager/collection-types/api::document.document/${notShared}`,
    );
    await page.goto(
      `${cms.url}/admin/content-manager/collection-types/api::document.document/${notShared}`,
    );
    expect((await answer).status()).toBe(404);
    await page.getByText('Ein unbekannter Fehler ist aufgetreten').waitFor(SLOW);
    expect(await page.getByText('Geheimes Zeugnis').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Datei herunterladen' }).count()).toBe(0);
    const direct = await api(cms, 'GET', `/sharing/documents/${notShared}/file`);
    expect(direct.status).toBe(401);
    await page.close();
  });
});
