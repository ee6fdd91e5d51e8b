import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
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
import { withAxe } from '../../../../site/src/__tests__/browser/axe';
import {
  type AdminStack,
  PDF,
  SLOW,
  axeOnMain,
  logInToAdmin as logIn,
  startAdminStack,
} from './stack';

const executablePath = chromiumOrSkip();
// Screenshots for looking at, git-ignored.
const SHOTS = fileURLToPath(new URL('../../../test-results/', import.meta.url));

async function newcomerWith(
  cms: TestCms,
  givenNames: string,
  familyName: string,
  skill: Record<string, unknown>,
) {
  const newcomer = await registerNewcomer(cms);
  expect(
    (
      await api(cms, 'PUT', '/api/profiles/me', {
        token: newcomer.jwt,
        body: { data: { givenNames, familyName } },
      })
    ).status,
  ).toBe(200);
  expect(
    (await api(cms, 'POST', '/api/language-skills', { token: newcomer.jwt, body: { data: skill } }))
      .status,
  ).toBe(200);
  const user = await cms.strapi.db
    .query('plugin::users-permissions.user')
    .findOne({ where: { id: newcomer.id }, select: ['documentId'] });
  return { ...newcomer, documentId: user.documentId as string };
}

// Skipped, not failed, without Chromium (chromiumOrSkip says so in one loud line); REQUIRE_BROWSER=1 makes it fail.
describe.skipIf(!executablePath)('admin panel: the staff workspace', () => {
  let stack: AdminStack;
  let cms: TestCms;
  let browser: Browser;
  let page: Page;
  let reza: Awaited<ReturnType<typeof newcomerWith>>;
  let district: Awaited<ReturnType<typeof createStaff>>;
  let plan: string;
  let amalId: number;

  beforeAll(async () => {
    stack = await startAdminStack(executablePath!);
    ({ cms, browser } = stack);
    const amal = await newcomerWith(cms, 'Amal', 'Haddad', {
      language: 'ar',
      native: true,
      notes: 'درست الأدب في دمشق',
      textLanguage: 'ar',
    });
    amalId = amal.id;
    reza = await newcomerWith(cms, 'Reza', 'Ahmadi', {
      language: 'fa',
      native: true,
      notes: 'زبان مادری',
    });
    await uploadDocument(cms, amal.jwt, PDF, {
      kind: 'certificate',
      title: 'Bachelorzeugnis',
      fileName: 'zeugnis.pdf',
    });
    plan = (
      await cms.strapi.db.query('api::integration-plan.integration-plan').create({
        data: { owner: amal.id, title: 'Integrationsplan 2026', version: 1, planStatus: 'draft' },
      })
    ).documentId;
    const staff = await createStaff(cms, 'Sabine');
    district = await createStaff(cms, 'Dora', 'district-administrator');
    await grantDirectly(cms, {
      owner: amal.id,
      grantee: staff.id,
      sections: ['profile', 'languages', 'documents', 'plans'],
      access: 'read',
      purpose: 'Beratung',
      days: 30,
    });
    page = await (
      await withAxe(
        await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true }),
      )
    ).newPage();
    await logIn(page, cms, staff.email);
  });
  afterAll(() => stack?.stop());

  it('opens on the work list, in German without anyone choosing it', async () => {
    await page.getByRole('heading', { name: 'Arbeitsliste' }).waitFor(SLOW);
    expect(page.url()).toContain('/admin/plugins/sharing/work-list');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    // Without Strapi's banner about its media library (a link to its blog).
    expect(await page.getByText('Die neue Medienbibliothek').count()).toBe(0);
    await axeOnMain(page);
  });

  it('reads for the work list only what was shared with her, and each person sees the look in their log', async () => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${cms.url}/admin`);
    await page.getByRole('heading', { name: 'Arbeitsliste' }).waitFor(SLOW);
    await page.waitForLoadState('networkidle', SLOW);
    // Strapi's home widgets (recent documents and the like) are not asked for at all.
    expect(requests.filter((url) => url.includes('/content-manager/homepage/'))).toEqual([]);
    const events = (await cms.strapi.db
      .query('plugin::sharing.audit-event')
      .findMany({ populate: ['owner'] })) as Array<{ owner: { id: number } | null }>;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.owner?.id === amalId)).toBe(true);
    await page.screenshot({ path: `${SHOTS}staff-home.png`, fullPage: true });
  });

  it('lists only the newcomers who shared with me, from a menu link', async () => {
    await page.getByRole('link', { name: 'Für mich freigegeben' }).first().waitFor(SLOW);
    await page.goto(`${cms.url}/admin/plugins/sharing`);
    await page.getByRole('link', { name: 'Amal Haddad' }).waitFor(SLOW);
    expect(await page.locator('tbody tr').count()).toBe(1);
    const row = page.locator('tbody tr').first();
    expect(await row.textContent()).toContain(
      'Persönliche Daten, Sprachkenntnisse, Dokumente und Zeugnisse',
    );
    expect(await row.textContent()).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    expect(await page.getByText(/Reza|Ahmadi/).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}staff-workspace-list.png`, fullPage: true });
    await axeOnMain(page);

    // Searching for someone who did not share finds nobody, not a hint of them.
    await page.getByLabel('Suche nach Name').fill('Reza');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByText('Keine Treffer für „Reza“.').waitFor(SLOW);
    await page.getByLabel('Suche nach Name').fill('haddad');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('link', { name: 'Amal Haddad' }).waitFor(SLOW);
  });

  it('shows a shared record in German, free text in its own language and direction', async () => {
    await page.getByRole('link', { name: 'Amal Haddad' }).click();
    await page.getByRole('heading', { name: 'Sprachkenntnisse' }).waitFor(SLOW);
    expect(await page.getByRole('heading', { name: 'Arabisch (Muttersprache)' }).count()).toBe(1);
    const notes = page.locator('dd[lang="ar"][dir="rtl"]', { hasText: 'درست الأدب في دمشق' });
    expect(await notes.count()).toBe(1);
    // Its head says what the person granted, before the sections, with the way to the plan.
    const head = page.getByRole('region', { name: 'Was die Person freigegeben hat' });
    const facts = await head.textContent();
    for (const fact of [
      'Persönliche Daten, Sprachkenntnisse, Dokumente und Zeugnisse, Integrationsplan',
      'Beratung',
      'Lesen',
    ])
      expect(facts).toContain(fact);
    expect(facts).toMatch(/seit \d{2}\.\d{2}\.\d{4}, bis \d{2}\.\d{2}\.\d{4}/);
    expect(await head.getByRole('link', { name: 'Integrationsplan ansehen' }).count()).toBe(1);
    await axeOnMain(page);
    // The admin panel scrolls inside its own container: a tall window shows the whole record.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: `${SHOTS}staff-workspace-record.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('downloads a shared document from the record through the checked admin route', async () => {
    const button = page.getByRole('button', { name: 'Datei herunterladen: Bachelorzeugnis' });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('zeugnis.pdf');
    expect(readFileSync((await download.path())!).equals(PDF)).toBe(true);
  });

  it('opens a plan shared to read in the plan editor, which changes nothing', async () => {
    await page.getByRole('link', { name: 'Integrationsplan ansehen' }).click();
    await page.waitForURL(`**/admin/plugins/sharing/records/*/plan`, SLOW);
    await page
      .getByText('Die Person hat Ihnen Integrationspläne nur zum Lesen freigegeben.', {
        exact: false,
      })
      .waitFor(SLOW);
    expect(await page.getByRole('button', { name: 'Speichern' }).count()).toBe(0);
    expect(await page.getByLabel('Titel des Plans').inputValue()).toBe('Integrationsplan 2026');
    expect(
      (
        await cms.strapi.db
          .query('api::integration-plan.integration-plan')
          .findOne({ where: { documentId: plan } })
      ).planStatus,
    ).toBe('draft');
  });

  it('says "not shared" for a newcomer who did not share, and shows nothing of theirs', async () => {
    await page.goto(`${cms.url}/admin/plugins/sharing/records/${reza.documentId}`);
    await page.getByText('Nicht freigegeben oder nicht vorhanden').waitFor(SLOW);
    const text = await page.locator('main').textContent();
    for (const leaked of ['Reza', 'Ahmadi', 'Persisch', 'زبان مادری', 'Sprachkenntnisse'])
      expect(text).not.toContain(leaked);
  });

  it('creates a one-time invitation code with its QR code', async () => {
    await page.goto(`${cms.url}/admin/plugins/sharing/invitation`);
    await page.getByRole('button', { name: 'Einladungscode erstellen' }).click(SLOW);
    const qr = page.getByRole('img', {
      name: /^QR-Code für den Einladungscode [A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}$/,
    });
    await qr.waitFor(SLOW);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await page.getByText(/Gültig bis \d{2}\.\d{2}\.\d{4}/).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}staff-workspace-invitation.png`, fullPage: true });
  });

  it('refuses the statistics to an integration manager', async () => {
    await page.goto(`${cms.url}/admin/plugins/sharing/statistics`);
    await page.getByText('Keine Berechtigung').waitFor(SLOW);
  });

  it('shows the District administrator the monthly counts, small ones suppressed, and a CSV', async () => {
    const own = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    await logIn(own, cms, district.email);
    await own.goto(`${cms.url}/admin/plugins/sharing/statistics`);
    await own.getByText('Neu Zugewanderte').waitFor(SLOW);
    // The month Reza was registered in (the statistics count the users' createdAt by UTC month), not
    // the month it is now: the two differ when a month ends while the test runs.
    const { createdAt } = await cms.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: reza.id }, select: ['createdAt'] });
    const month = new Intl.DateTimeFormat('de-DE', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(createdAt));
    const row = own.locator('tbody tr', { hasText: month });
    // Two newcomers this month: below the threshold, so shown as "< 5", never as 2.
    expect(await row.first().textContent()).toContain('< 5');
    await own.screenshot({ path: `${SHOTS}staff-workspace-statistics.png`, fullPage: true });
    const [download] = await Promise.all([
      own.waitForEvent('download'),
      own.getByRole('button', { name: 'CSV herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^mobio-statistik-\d{4}-\d{2}-bis-\d{4}-\d{2}\.csv$/,
    );
    await own.close();
  });

  it('lets the District administrator find, lock and unlock exactly one account on request, with a reason from the list, and only announce a deletion without the person’s code', async () => {
    const context = await withAxe(
      await browser.newContext({ viewport: { width: 1280, height: 900 } }),
    );
    const own = await context.newPage();
    await logIn(own, cms, district.email);
    await own.goto(`${cms.url}/admin/plugins/sharing/accounts`);
    /** Chooses a reason in the n-th reason list of the page (0: the lookup's, 1: the account's). */
    const choose = async (n: number, label: string) => {
      await own.getByRole('combobox', { name: 'Grund' }).nth(n).click();
      await own.getByRole('option', { name: label }).click();
    };
    await own.getByLabel('Kontonummer').fill(reza.documentId.match(/.{4}/g)!.join(' '));
    const search = own.getByRole('button', { name: 'Konto suchen' });
    // No lookup without a reason.
    expect(await search.isDisabled()).toBe(true);
    await choose(0, 'Sie haben es selbst bei der Verwaltung gewünscht');
    await search.click();
    await own
      .getByRole('heading', { name: `Konto ${reza.documentId.match(/.{4}/g)!.join(' ')}` })
      .waitFor(SLOW);
    // Nothing of the person: no name, no address.
    for (const leaked of ['Reza', 'Ahmadi', '@example.test'])
      expect(await own.locator('main').textContent()).not.toContain(leaked);
    await choose(1, 'Sie kommen nicht mehr in Ihr Konto (Telefon oder Passwort verloren)');
    await own.getByLabel('Eigene Worte').last().fill('Person war persönlich da');
    await own.getByRole('button', { name: 'Konto sperren' }).click();
    await own.getByText('Das Konto ist gesperrt.').waitFor(SLOW);
    expect(
      (
        await cms.strapi.db
          .query('plugin::users-permissions.user')
          .findOne({ where: { id: reza.id }, select: ['blocked'] })
      ).blocked,
    ).toBe(true);
    await own.screenshot({ path: `${SHOTS}staff-workspace-accounts.png`, fullPage: true });
    await own.getByRole('button', { name: 'Konto entsperren' }).click();
    await own.getByText('Das Konto ist entsperrt.').waitFor(SLOW);
    expect(
      (
        await cms.strapi.db
          .query('plugin::users-permissions.user')
          .findOne({ where: { id: reza.id }, select: ['blocked'] })
      ).blocked,
    ).toBe(false);

    // Without the person's code the deletion is only announced; the account stays.
    await own.getByRole('checkbox').check();
    expect(await own.getByRole('button', { name: 'Mit Code sofort löschen' }).isDisabled()).toBe(
      true,
    );
    await own.getByRole('button', { name: /^Löschung ankündigen \(30 Tage\)$/ }).click();
    await own.getByText(/^Die Löschung ist angekündigt für den /).waitFor(SLOW);
    expect(
      await cms.strapi.db.query('plugin::users-permissions.user').count({ where: { id: reza.id } }),
    ).toBe(1);
    await axeOnMain(own);
    await context.close();
  });
});
