import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS, hasPoppler, pdfPicture, pdfText } from './helpers/poppler';
import { DISTRICT_TIME_ZONE, RECEIPT_LABELS, SECTIONS } from '@mobio/config';
import {
  api,
  createStaff,
  freshEnv,
  registerNewcomer,
  startCms,
  type TestCms,
  grantDirectly,
} from '../../../../../cms/test/harness';

describe('consent receipt', () => {
  let cms: TestCms;
  let amal: Awaited<ReturnType<typeof registerNewcomer>>;
  let grant: string;
  // A year and a half from now, so the grant is active whenever the test runs.
  const expiresAt = new Date(Date.now() + 548 * 86_400_000);
  const yearIn = (calendar: string) =>
    new Intl.DateTimeFormat('fa', { year: 'numeric', calendar, timeZone: DISTRICT_TIME_ZONE })
      .formatToParts(expiresAt)
      .find((part) => part.type === 'year')!.value;

  beforeAll(async () => {
    // The municipality's branding: its colour and a logo (the CMS's favicon stands in for one).
    cms = await startCms(
      await freshEnv({
        MUNICIPALITY_NAME: 'Landkreis Beispiel',
        BRAND_COLOR: '#8b1f3a',
        BRAND_LOGO: join(__dirname, '../../../../../cms/favicon.png'),
      }),
    );
    amal = await registerNewcomer(cms);
    await api(cms, 'PUT', '/api/profiles/me', {
      token: amal.jwt,
      body: { data: { givenNames: 'أمل', familyName: 'حداد' } },
    });
    const staff = await createStaff(cms, 'Sabine');
    grant = (
      await grantDirectly(cms, {
        owner: amal.id,
        grantee: staff.id,
        sections: ['languages', 'documents'],
        access: 'read',
        purpose: 'مشورة حول الاعتراف بالشهادات (Anerkennung)',
        expiresAt,
      })
    ).documentId;
  });
  afterAll(() => cms?.stop());

  it('says who shared what with whom, why, until when and how to revoke, in the owner’s language', async () => {
    const { status, body } = await api(
      cms,
      'GET',
      `/api/sharing/grants/${grant}/receipt?locale=fa`,
      { token: amal.jwt },
    );
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      receiptId: grant,
      dir: 'rtl',
      dataSubject: 'أمل حداد',
      recipient: 'Sabine Berater',
      purpose: 'مشورة حول الاعتراف بالشهادات (Anerkennung)',
      categories: [SECTIONS.labels.languages.fa, SECTIONS.labels.documents.fa],
      status: RECEIPT_LABELS.active.fa,
      controller: { name: 'Landkreis Beispiel' },
    });
    // The Gregorian year in Persian digits, not the Persian (Solar Hijri) year.
    expect(yearIn('gregory')).toMatch(/^[۰-۹]{4}$/);
    expect(body.data.validUntil).toContain(yearIn('gregory'));
    expect(body.data.validUntil).not.toContain(yearIn('persian'));
    expect(body.data.howToRevoke).toContain('/fa/sharing');
  });

  it('is the owner’s only', async () => {
    const other = await registerNewcomer(cms);
    expect(
      (await api(cms, 'GET', `/api/sharing/grants/${grant}/receipt`, { token: other.jwt })).status,
    ).toBe(404);
    expect((await api(cms, 'GET', `/api/sharing/grants/${grant}/receipt`)).status).toBe(403);
    expect(
      (await api(cms, 'GET', `/api/sharing/grants/${grant}/receipt?locale=xx`, { token: amal.jwt }))
        .status,
    ).toBe(400);
    // The PDF too (checked here, not in the poppler-gated test below, so it runs everywhere).
    expect(
      (
        await api(cms, 'GET', `/api/sharing/grants/${grant}/receipt?format=pdf`, {
          token: other.jwt,
        })
      ).status,
    ).toBe(404);
    expect((await api(cms, 'GET', `/api/sharing/grants/${grant}/receipt?format=pdf`)).status).toBe(
      403,
    );
    const pdf = await fetch(`${cms.url}/api/sharing/grants/${grant}/receipt?locale=fa&format=pdf`, {
      headers: { authorization: `Bearer ${amal.jwt}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it.skipIf(!hasPoppler)(
    'prints as a PDF with Arabic and Farsi text in reading order (pdftotext from poppler-utils)',
    async () => {
      mkdirSync(RESULTS, { recursive: true });
      for (const locale of ['ar', 'fa', 'de'] as const) {
        const response = await fetch(
          `${cms.url}/api/sharing/grants/${grant}/receipt?locale=${locale}&format=pdf`,
          { headers: { authorization: `Bearer ${amal.jwt}` } },
        );
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/pdf');
        const pdf = Buffer.from(await response.arrayBuffer());
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const file = join(RESULTS, `receipt-${locale}.pdf`);
        writeFileSync(file, pdf);
        const text = pdfText(file).normalize('NFKC');
        expect(text).toContain(RECEIPT_LABELS.title[locale].normalize('NFKC'));
        expect(text).toContain('Landkreis Beispiel');
        // (Words with the lam-alef ligature come out of pdftotext reordered, so the check avoids them.)
        if (locale !== 'de') expect(text.replace(/\s+/g, ' ')).toContain('مشورة حول');
        if (locale !== 'de') expect(text).toContain('بالشهادات');
        // The logo is in the PDF.
        expect(
          execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n')
            .length,
        ).toBeGreaterThanOrEqual(3);
        // A PNG for people to look at (pdftoppm), kept in test-results/.
        pdfPicture(file);
      }
    },
  );

  it.skipIf(!hasPoppler)(
    'prints a Ukrainian receipt in Cyrillic, with a font that has it (Noto Sans beside Vazirmatn)',
    async () => {
      mkdirSync(RESULTS, { recursive: true });
      const response = await fetch(
        `${cms.url}/api/sharing/grants/${grant}/receipt?locale=uk&format=pdf`,
        { headers: { authorization: `Bearer ${amal.jwt}` } },
      );
      expect(response.status).toBe(200);
      const file = join(RESULTS, 'receipt-uk.pdf');
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const text = pdfText(file).normalize('NFKC');
      for (const label of [
        RECEIPT_LABELS.title.uk,
        RECEIPT_LABELS.validUntil.uk,
        SECTIONS.labels.languages.uk,
        SECTIONS.labels.documents.uk,
      ])
        expect(text).toContain(label);
      expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toContain('NotoSans');
      pdfPicture(file);
    },
  );
});

describe('an installation that offers some of the languages (LOCALES=de,en)', () => {
  let cms: TestCms;
  beforeAll(async () => {
    // An empty database: the content locales are what the first start of such an installation sets up.
    cms = await startCms(await freshEnv({ LOCALES: 'de,en' }, { empty: true }));
  });
  afterAll(() => cms?.stop());

  it('has content locales for those only, and refuses a receipt or a CV in another language', async () => {
    const locales = await cms.strapi.db
      .query('plugin::i18n.locale')
      .findMany({ orderBy: { code: 'asc' } });
    expect(locales.map((locale: { code: string }) => locale.code)).toEqual(['de', 'en']);
    const olena = await registerNewcomer(cms);
    const staff = await createStaff(cms, 'Sabine');
    const grant = (
      await grantDirectly(cms, {
        owner: olena.id,
        grantee: staff.id,
        sections: ['languages'],
        access: 'read',
        purpose: 'Beratung',
        expiresAt: null,
      })
    ).documentId;
    expect(
      (
        await api(cms, 'GET', `/api/sharing/grants/${grant}/receipt?locale=en`, {
          token: olena.jwt,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api(cms, 'GET', `/api/sharing/grants/${grant}/receipt?locale=uk`, {
          token: olena.jwt,
        })
      ).status,
    ).toBe(400);
    expect(
      (await api(cms, 'GET', '/api/sharing/cv?locale=fr&format=json', { token: olena.jwt })).status,
    ).toBe(400);
  });

  it('gives a plan in German to someone whose language it no longer offers', async () => {
    const plans = cms.strapi.plugin('sharing').service('plans');
    const planOf = async (uiLocale: string) => {
      const person = await registerNewcomer(cms);
      const owner = { owner: person.id };
      await cms.strapi.db.query('api::profile.profile').create({
        data: { ...owner, givenNames: 'Amal', familyName: 'Haddad', uiLocale },
      });
      const plan = await cms.strapi.db.query('api::integration-plan.integration-plan').create({
        data: { ...owner, title: 'Plan', planStatus: 'draft', version: 1 },
      });
      return plan.documentId as string;
    };
    expect(await plans.localeOf(await planOf('fr'))).toBe('de');
    expect(await plans.localeOf(await planOf('en'))).toBe('en');
  });
});
