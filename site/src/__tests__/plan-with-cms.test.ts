import {
  FIELDS_OF_ACTION,
  GOAL_STATUSES,
  LOCALES,
  MEASURE_RESPONSIBLES,
  PLAN_LABELS,
  PLAN_STATUSES,
  catalogueLabel,
  districtDay,
  type Locale,
} from '@mobio/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createStaff,
  freshEnv,
  registerNewcomer,
  startCms,
  type TestCms,
  grantDirectly,
} from '../../../cms/test/harness';
import { formatDate, t } from '../i18n';
import { send, text } from './helpers/http';
import {
  type RunningSite,
  startSite,
  startSiteWithoutCms,
  TEST_MUNICIPALITY,
} from './helpers/site-server';

/*
 * The integration plan page against the real CMS on a fresh database: a staff member with a write
 * grant on plans drafts a plan in the Content Manager, the newcomer does not see the draft, sees
 * the proposed plan in their language, agrees to it through the site's form and downloads the PDF.
 */

const PLAN_PATH = '/content-manager/collection-types/api::integration-plan.integration-plan';

let cms: TestCms;
let site: RunningSite;
let staff: Awaited<ReturnType<typeof createStaff>>;
let newcomer: Awaited<ReturnType<typeof registerNewcomer>>;
let cookie: string;
let planId: string;

const content = (owner: number) => ({
  title: 'Integrationsplan',
  version: 1,
  fieldsOfAction: [
    {
      field: 'language',
      situation: 'B1 erreicht',
      goals: [{ description: 'B2 bestehen', status: 'open', dueDate: '2027-06-30' }],
      measures: [{ description: 'Kurs buchen', responsible: 'newcomer', status: 'open' }],
    },
  ],
  reviews: [],
  owner: { connect: [{ id: owner }] },
});

beforeAll(async () => {
  cms = await startCms(await freshEnv(TEST_MUNICIPALITY));
  site = await startSite({ CMS_INTERNAL_URL: cms.url });
  // The plans are set up in the Content Manager, which of the staff only the super admin keeps
  // (under the same sharing rule, so with a grant); integration managers use the plan editor.
  staff = await createStaff(cms, 'Sabine', 'strapi-super-admin');
  newcomer = await registerNewcomer(cms);
  cookie = `mobio_session=${newcomer.jwt}`;
  const owner = await cms.strapi.db
    .query('plugin::users-permissions.user')
    .findOne({ where: { id: newcomer.id } });
  await grantDirectly(cms, {
    owner: owner.id,
    grantee: staff.id,
    sections: ['plans'],
    access: 'write',
    purpose: 'Plan',
    days: 30,
  });
  const created = await api(cms, 'POST', PLAN_PATH, {
    token: staff.token,
    body: { ...content(newcomer.id), planStatus: 'draft' },
  });
  if (created.status !== 201 && created.status !== 200)
    throw new Error(`plan not created: ${created.status} ${JSON.stringify(created.body)}`);
  planId = created.body.data.documentId;
}, 120_000);

afterAll(async () => {
  await site?.stop();
  await cms?.stop();
});

const page = (locale: Locale, options: { cookie?: string } = { cookie }) =>
  send(site, 'GET', `/${locale}/plan`, options);
const agree = (
  locale: Locale,
  form: Record<string, string>,
  options: { origin?: string; as?: string } = {},
) =>
  send(site, 'POST', `/${locale}/plan`, {
    cookie: options.as ?? cookie,
    form,
    origin: options.origin,
  });

const cmsPlan = () =>
  cms.strapi.db
    .query('api::integration-plan.integration-plan')
    .findOne({ where: { documentId: planId } });

describe('integration plan page', () => {
  it('sends a visitor without a session to the login, with a way back to the plan', async () => {
    const response = await page('de', {});
    expect(response.status).toBe(303);
    expect(response.location).toBe(`/de/login?next=${encodeURIComponent('/de/plan')}`);
  });

  it('sends a session the CMS refuses to the login and removes the cookie', async () => {
    const response = await page('fr', { cookie: 'mobio_session=aaa.bbb.ccc' });
    expect(response.status).toBe(303);
    expect(response.location).toBe(`/fr/login?next=${encodeURIComponent('/fr/plan')}`);
    expect(response.setCookies.join('\n')).toMatch(/mobio_session=deleted/);
  });

  it('is not on the dashboard while it is the adviser’s draft', async () => {
    const response = await send(site, 'GET', '/fa/dashboard', { cookie });
    expect(response.status, site.output()).toBe(200);
    expect(text(response.html)).toContain(t('fa')('dashboard.noPlan'));
    expect(response.html).not.toContain('href="/fa/plan"');
  });

  it.each(LOCALES)('does not show the adviser’s draft: "no plan yet" in %s', async (locale) => {
    const response = await page(locale);
    expect(response.status, site.output()).toBe(200);
    const html = text(response.html);
    expect(html).toContain(t(locale)('plan.none'));
    expect(html).not.toContain('B2 bestehen');
    expect(html).not.toContain('name="confirm"');
  });

  it('shows the proposed plan with labels in the UI language and the adviser’s text as written', async () => {
    const proposed = await api(cms, 'PUT', `${PLAN_PATH}/${planId}`, {
      token: staff.token,
      body: { ...content(newcomer.id), planStatus: 'proposed' },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);

    for (const locale of LOCALES) {
      const tr = t(locale);
      const response = await page(locale);
      expect(response.status, site.output()).toBe(200);
      const html = text(response.html);
      expect(html).toMatch(
        new RegExp(
          `<h3 id="field-of-action-0"[^>]*>${FIELDS_OF_ACTION.label('language', locale)}</h3>`,
        ),
      );
      expect(html).toContain(GOAL_STATUSES.label('open', locale));
      // The person is addressed as "you", not as "the newcomer".
      expect(html).toContain(PLAN_LABELS.you[locale]);
      expect(html).not.toContain(MEASURE_RESPONSIBLES.label('newcomer', locale));
      expect(html).toContain(
        tr('plan.meta', { version: 1, status: PLAN_STATUSES.label('proposed', locale) }),
      );
      expect(html).toContain(formatDate(locale, new Date('2027-06-30T12:00:00Z')));
      // Free text stays German and flows by its own direction inside an Arabic or Persian page.
      expect(html).toMatch(/<p class="free-text[^"]*"[^>]* dir="auto"[^>]*>\s*B2 bestehen\s*<\/p>/);
      expect(html).toContain('B1 erreicht');
      expect(html).toContain(tr('plan.agree.submit', { version: 1 }));
      expect(html).toContain('name="confirm"');
      expect(html).toContain(`href="/${locale}/plan/${planId}/pdf"`);
    }
    // The dashboard now leads to it, saying it waits for the newcomer's agreement.
    const dashboard = text((await send(site, 'GET', '/fa/dashboard', { cookie })).html);
    expect(dashboard).toContain('href="/fa/plan"');
    expect(dashboard).toContain(t('fa')('dashboard.planWaiting'));
    // Spot checks of what a reader sees, in the two directions.
    const ar = text((await page('ar')).html);
    expect(ar).toContain('اللغة');
    expect(ar).toContain('مفتوح');
    expect(ar).toContain('<html lang="ar" dir="rtl"');
    const de = text((await page('de')).html);
    expect(de).toContain('Sprache');
    expect(de).toContain('Sie selbst');
    expect(de).toContain('Ich stimme diesem Plan zu (Version 1)');
  });

  it('says under each text the adviser wrote that it is not translated, and in which language, before the agreement too', async () => {
    // The adviser did not say which language: each reader is told who wrote it, untranslated.
    for (const locale of LOCALES) {
      const html = text((await page(locale)).html);
      expect(html.match(/class="written-by"/g), locale).toHaveLength(3);
      expect(html, locale).toContain(t(locale)('plan.writtenBy'));
      expect(html, locale).toContain(t(locale)('plan.agree.foreign'));
    }
    await cms.strapi.db
      .query('api::integration-plan.integration-plan')
      .updateMany({ where: { documentId: planId }, data: { textLanguage: 'de' } });
    // Written in German: nothing to say to a German reader, "(language: German)" to the others.
    const de = text((await page('de')).html);
    expect(de).not.toContain('class="written-by"');
    expect(de).not.toContain(t('de')('plan.agree.foreign'));
    for (const locale of LOCALES.filter((l) => l !== 'de')) {
      const german = new Intl.DisplayNames([locale], { type: 'language' }).of('de')!;
      const html = text((await page(locale)).html);
      expect(html.match(/class="written-by"/g), locale).toHaveLength(3);
      expect(html, locale).toContain(t(locale)('plan.writtenIn', { language: german }));
      expect(html, locale).toContain(t(locale)('plan.agree.foreign'));
    }
  });

  it('returns the plan as a PDF with the CMS’s file name (the day it was made: no name in Latin letters yet)', async () => {
    const response = await send(site, 'GET', `/ar/plan/${planId}/pdf`, { cookie });
    expect(response.status, site.output()).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="integrationsplan-${districtDay(new Date())}.pdf"`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.html.startsWith('%PDF')).toBe(true);
  });

  it('cannot download the plan of someone else: back to the plan page with a notice', async () => {
    const other = await registerNewcomer(cms);
    const response = await send(site, 'GET', `/en/plan/${planId}/pdf`, {
      cookie: `mobio_session=${other.jwt}`,
    });
    expect(response.status).toBe(303);
    expect(response.location).toBe('/en/plan?download=failed');
    const notice = await page('en', { cookie: `mobio_session=${other.jwt}` });
    expect(text(notice.html)).toContain(t('en')('plan.none'));
  });

  it('does not agree without the ticked confirmation', async () => {
    const response = await agree('fa', { documentId: planId, version: '1' });
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain(t('fa')('plan.agree.required'));
    expect((await cmsPlan()).planStatus).toBe('proposed');
  });

  it('refuses a stale version with the localized "plan changed meanwhile" message', async () => {
    for (const locale of ['ar', 'de'] as const) {
      const response = await agree(locale, { documentId: planId, version: '2', confirm: 'on' });
      expect(response.status, site.output()).toBe(400);
      const html = text(response.html);
      expect(html).toContain(t(locale)('plan.error.changed'));
      // The current version is offered again.
      expect(html).toContain(t(locale)('plan.agree.submit', { version: 1 }));
    }
    expect((await cmsPlan()).planStatus).toBe('proposed');
  });

  it('refuses an agreement posted from another site', async () => {
    const response = await agree(
      'de',
      { documentId: planId, version: '1', confirm: 'on' },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect((await cmsPlan()).planStatus).toBe('proposed');
  });

  it('does not let another newcomer agree to the plan', async () => {
    const other = await registerNewcomer(cms);
    const response = await agree(
      'en',
      { documentId: planId, version: '1', confirm: 'on' },
      { as: `mobio_session=${other.jwt}` },
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(text(response.html)).toContain(t('en')('error.notFound'));
    expect((await cmsPlan()).planStatus).toBe('proposed');
  });

  it('agrees through the form; the CMS records it and the page shows the date and version instead of the form', async () => {
    const response = await agree('ar', { documentId: planId, version: '1', confirm: 'on' });
    expect(response.status, site.output()).toBe(200);
    const stored = await cmsPlan();
    expect(stored.planStatus).toBe('accepted');
    expect(stored.acceptedVersion).toBe(1);
    const acceptedText = (locale: Locale) =>
      t(locale)('plan.acceptedAt', {
        date: formatDate(locale, new Date(stored.acceptedAt)),
        version: 1,
      });
    const html = text(response.html);
    expect(html).toContain(acceptedText('ar'));
    expect(html).not.toContain('name="confirm"');

    for (const locale of LOCALES) {
      const again = text((await page(locale)).html);
      expect(again).toContain(acceptedText(locale));
      expect(again).toContain(PLAN_STATUSES.label('accepted', locale));
      expect(again).not.toContain('name="confirm"');
    }
  });

  it('refuses a second agreement to the accepted plan with the "plan changed" message', async () => {
    const response = await agree('de', { documentId: planId, version: '1', confirm: 'on' });
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain(t('de')('plan.error.changed'));
  });
});

describe('integration plan page with goals and measures from the catalogue', () => {
  const CATALOGUE_PATH = '/content-manager/collection-types/plugin::sharing.catalogue-entry';
  const added = {
    key: 'work.goal.pflegehelferin',
    field: 'work',
    kind: 'goal',
    labelDe: 'Als Pflegehelferin arbeiten',
    labelEn: 'Work as a nursing assistant',
    labelAr: 'العمل كمساعدة تمريض',
  };
  let reader: Awaited<ReturnType<typeof registerNewcomer>>;
  let readerCookie: string;

  beforeAll(async () => {
    reader = await registerNewcomer(cms);
    readerCookie = `mobio_session=${reader.jwt}`;
    await grantDirectly(cms, {
      owner: reader.id,
      grantee: staff.id,
      sections: ['plans'],
      access: 'write',
      purpose: 'Plan',
      days: 30,
    });
    // The district adds a goal of its own, translated into English and Arabic but not yet into Persian.
    const admin = await createStaff(cms, 'Landkreis', 'district-administrator');
    const entry = await api(cms, 'POST', CATALOGUE_PATH, { token: admin.token, body: added });
    if (entry.status !== 201)
      throw new Error(`entry not created: ${entry.status} ${JSON.stringify(entry.body)}`);
    const created = await api(cms, 'POST', PLAN_PATH, {
      token: staff.token,
      body: {
        title: 'Integrationsplan',
        version: 1,
        planStatus: 'proposed',
        fieldsOfAction: [
          {
            field: 'language',
            goals: [
              { catalogueKey: 'language.goal.b1-certificate', status: 'open' },
              { description: 'Deutsch für die Pflege lernen', status: 'open' },
            ],
            measures: [
              {
                catalogueKey: 'language.measure.course-registration',
                responsible: 'newcomer',
                status: 'inProgress',
              },
            ],
          },
          { field: 'work', goals: [{ catalogueKey: added.key, status: 'open' }] },
        ],
        owner: { connect: [{ id: reader.id }] },
      },
    });
    if (created.status !== 201)
      throw new Error(`plan not created: ${created.status} ${JSON.stringify(created.body)}`);
  }, 60_000);

  it('shows catalogue goals in Persian, the free goal as written with the notice, the untranslated entry in German marked', async () => {
    const response = await send(site, 'GET', '/fa/plan', { cookie: readerCookie });
    expect(response.status, site.output()).toBe(200);
    const html = text(response.html);
    expect(html).toContain(`<p class="catalogue-text"`);
    expect(html).toContain(catalogueLabel('language.goal.b1-certificate', 'fa'));
    expect(html).toContain(catalogueLabel('language.measure.course-registration', 'fa'));
    expect(html).not.toContain(catalogueLabel('language.goal.b1-certificate', 'de'));
    expect(html).toMatch(
      /<p class="free-text[^"]*"[^>]* dir="auto"[^>]*>\s*Deutsch für die Pflege lernen\s*<\/p>/,
    );
    expect(html).toContain(PLAN_LABELS.freeText.fa);
    expect(html).toMatch(
      new RegExp(
        `<bdi lang="de" dir="ltr"[^>]*>\\s*${added.labelDe}\\s*</bdi>\\s*<span class="untranslated"[^>]*>${PLAN_LABELS.untranslated.fa.replace(/[()]/g, '\\$&')}</span>`,
      ),
    );
  });

  it('shows the district’s own entry in a language it was translated into, unmarked', async () => {
    for (const [locale, label] of [
      ['ar', added.labelAr],
      ['en', added.labelEn],
      ['de', added.labelDe],
    ] as const) {
      const html = text(
        (await send(site, 'GET', `/${locale}/plan`, { cookie: readerCookie })).html,
      );
      expect(html).toContain(label);
      expect(html).toContain(catalogueLabel('language.goal.b1-certificate', locale));
      expect(html).not.toContain(PLAN_LABELS.untranslated[locale]);
    }
  });
});

describe('integration plan page without the CMS', () => {
  let down: RunningSite;
  beforeAll(async () => {
    down = await startSiteWithoutCms();
  });
  afterAll(async () => {
    await down?.stop();
  });

  it('answers 503 with a notice instead of an error page, and keeps the session', async () => {
    const response = await send(down, 'GET', '/ar/plan', { cookie: 'mobio_session=aaa.bbb.ccc' });
    expect(response.status).toBe(503);
    expect(text(response.html)).toContain(t('ar')('plan.unavailable'));
    expect(response.setCookies.join('\n')).not.toMatch(/mobio_session=deleted/);
  });

  it('sends a failed PDF download back to the plan page with a notice', async () => {
    const response = await send(down, 'GET', '/de/plan/abc123/pdf', {
      cookie: 'mobio_session=aaa.bbb.ccc',
    });
    expect(response.status).toBe(303);
    expect(response.location).toBe('/de/plan?download=failed');
  });
});
