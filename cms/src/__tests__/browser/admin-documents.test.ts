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
  let notShared: string;
  /** The record pages' addresses: the owners' documentIds. */
  let amalRecord: string;
  let rezaRecord: string;

  beforeAll(async () => {
    stack = await startAdminStack(executablePath!);
    ({ cms, browser } = stack);
    const amal = await registerNewcomer(cms);
    const reza = await registerNewcomer(cms);
    await uploadAs(cms, amal.jwt, 'Bachelorzeugnis');
    notShared = await uploadAs(cms, reza.jwt, 'Geheimes Zeugnis');
    const recordOf = async (id: number) =>
      (
        await cms.strapi.db
          .query('plugin::users-permissions.user')
          .findOne({ where: { id }, select: ['documentId'] })
      ).documentId as string;
    amalRecord = await recordOf(amal.id);
    rezaRecord = await recordOf(reza.id);
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

    // Integration managers work in MoBio's record page (the Content Manager is not theirs).
    await page.goto(`${cms.url}/admin/plugins/sharing/records/${amalRecord}`);
    const button = page.getByRole('button', { name: 'Datei herunterladen: Bachelorzeugnis' });
    await button.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('zeugnis.pdf');
    expect(readFileSync((await download.path())!).equals(PDF)).toBe(true);

    const log = await cms.strapi.db
      .query('plugin::sharing.audit-event')
      .findMany({ where: { action: 'download' } });
    expect(log).toHaveLength(1);

    // Another newcomer's record: the server refuses it, the page shows nothing of it.
    const answer = page.waitForResponse(
      (response) =>
        response.request().method() === 'GET' &&
        new URL(response.url()).pathname === `/sharing/records/${rezaRecord}`,
    );
    await page.goto(`${cms.url}/admin/plugins/sharing/records/${rezaRecord}`);
    expect((await answer).status()).toBeGreaterThanOrEqual(400);
    await page.waitForLoadState('networkidle', SLOW);
    expect(await page.getByText('Geheimes Zeugnis').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Datei herunterladen/ }).count()).toBe(0);
    const direct = await api(cms, 'GET', `/sharing/documents/${notShared}/file`);
    expect(direct.status).toBe(401);
    await page.close();
  });
});
