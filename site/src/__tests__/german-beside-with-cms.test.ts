import {
  FAMILY_STATUSES,
  FIELDS_OF_ACTION,
  GOAL_STATUSES,
  PLAN_STATUSES,
  RESIDENCE_STATUSES,
  catalogueLabel,
  CONFIG_CATALOGUES,
  type ConfigCatalogue,
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
import { t } from '../i18n';
import { type Localizable, textIn } from '../lib/german-beside';
import { send, text } from './helpers/http';
import { type RunningSite, startSite, TEST_MUNICIPALITY } from './helpers/site-server';

/*
 * "German beside the own language" against the real CMS: a newcomer with a profile and a proposed
 * plan switches it on in Persian; the dashboard, the profile and the plan then show each label and
 * each coded value in Persian with the German text under it; the choice is a cookie that the next
 * request carries, German pages stay as they are, and the switch turns it off again.
 */

const PLAN_PATH = '/content-manager/collection-types/api::integration-plan.integration-plan';
const GOAL_KEY = 'language.goal.b1-certificate';

let cms: TestCms;
let site: RunningSite;
let session: string;

beforeAll(async () => {
  cms = await startCms(await freshEnv(TEST_MUNICIPALITY));
  site = await startSite({ CMS_INTERNAL_URL: cms.url });
  // The plans are set up in the Content Manager, which of the staff only the super admin keeps
  // (under the same sharing rule, so with a grant); integration managers use the plan editor.
  const staff = await createStaff(cms, 'Sabine', 'strapi-super-admin');
  const newcomer = await registerNewcomer(cms);
  session = `mobio_session=${newcomer.jwt}`;
  const profile = await api(cms, 'PUT', '/api/profiles/me', {
    token: newcomer.jwt,
    body: {
      data: {
        givenNames: 'مریم',
        familyName: 'احمدی',
        familyStatus: 'married',
        residenceStatus: 'refugee',
      },
    },
  });
  expect(profile.status, JSON.stringify(profile.body)).toBe(200);
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
    version: 1,
    fieldsOfAction: [
      {
        field: 'language',
        goals: [{ catalogueKey: GOAL_KEY, status: 'open' }],
        measures: [{ description: 'Kurs buchen', responsible: 'newcomer', status: 'open' }],
      },
    ],
    reviews: [],
    owner: { connect: [{ id: newcomer.id }] },
  };
  const created = await api(cms, 'POST', PLAN_PATH, {
    token: staff.token,
    body: { ...content, planStatus: 'draft' },
  });
  expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
  const proposed = await api(cms, 'PUT', `${PLAN_PATH}/${created.body.data.documentId}`, {
    token: staff.token,
    body: { ...content, planStatus: 'proposed' },
  });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
}, 120_000);

afterAll(async () => {
  await site?.stop();
  await cms?.stop();
});

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The page's text followed by its German line (marked German, isolated left-to-right). */
const beside = (own: string, german: string) =>
  new RegExp(
    `${escape(own)}\\s*<span class="german" lang="de"><bdi dir="ltr">${escape(german)}</bdi></span>`,
  );
const key = (k: Localizable) => beside(textIn('fa', k), textIn('de', k));
/** An optional field's label: "(optional)" belongs to the Persian line only. */
const optional = (k: Localizable) =>
  beside(`${textIn('fa', k)} ${t('fa')('form.optional')}`, textIn('de', k));
/** A record field's label, from config's catalogues. */
const field = (name: keyof ConfigCatalogue['field']) => (locale: Locale) =>
  CONFIG_CATALOGUES[locale].field[name];
const GERMAN_LINE = '<span class="german" lang="de">';

const page = async (path: string, cookie: string) => {
  const response = await send(site, 'GET', path, { cookie });
  expect(response.status, site.output()).toBe(200);
  return text(response.html);
};
const toggle = (show: string, next: string, cookie = session, origin?: string) =>
  send(site, 'POST', '/fa/german-beside', { cookie, form: { show, next }, origin });
/** The cookie a response sets, as the browser sends it back on the next request. */
const cookieOf = (setCookies: string[]) =>
  setCookies.find((c) => c.startsWith('mobio_german='))!.split(';')[0];

describe('German beside the own language', () => {
  let on: string;

  it('is off at first: the Persian dashboard has the switch and no German lines', async () => {
    const html = await page('/fa/dashboard', session);
    expect(html).toContain(t('fa')('german.show'));
    expect(html).toContain('action="/fa/german-beside"');
    expect(html).not.toContain(GERMAN_LINE);
  });

  it('is switched on by the form, which sends the browser back to the page with a cookie', async () => {
    const response = await toggle('on', '/fa/dashboard');
    expect(response.status, site.output()).toBe(303);
    expect(response.location).toBe('/fa/dashboard');
    const line = response.setCookies.find((c) => c.startsWith('mobio_german='));
    expect(line).toMatch(/^mobio_german=on;/);
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/Max-Age=\d{7,}/);
    on = `${session}; ${cookieOf(response.setCookies)}`;
  });

  it('shows the dashboard’s labels and the plan’s status in Persian with German under them', async () => {
    const html = await page('/fa/dashboard', on);
    expect(html).toMatch(key('dashboard.title'));
    expect(html).toMatch(key('dashboard.data'));
    expect(html).toMatch(key('plan.title'));
    expect(html).toMatch(
      beside(PLAN_STATUSES.label('proposed', 'fa'), PLAN_STATUSES.label('proposed', 'de')),
    );
    // The switch now turns it off, and says so in German too.
    expect(html).toMatch(key('german.hide'));
    expect(html).toContain('<html lang="fa" dir="rtl"');
  });

  it('shows the profile’s labels and its coded values in Persian and German', async () => {
    const html = await page('/fa/profile', on);
    expect(html).toMatch(key('profile.title'));
    expect(html).toMatch(key(field('givenNames')));
    expect(html).toMatch(optional(field('familyStatus')));
    expect(html).toMatch(optional(field('residenceStatus')));
    // The chosen value is selected in Persian and its German text stands under the list.
    expect(html).toMatch(
      new RegExp(
        `<option value="married" selected[^>]*>\\s*${escape(FAMILY_STATUSES.label('married', 'fa'))}`,
      ),
    );
    expect(html).toContain(
      `${GERMAN_LINE}<bdi dir="ltr">${FAMILY_STATUSES.label('married', 'de')}</bdi>`,
    );
    expect(html).toContain(
      `${GERMAN_LINE}<bdi dir="ltr">${RESIDENCE_STATUSES.label('refugee', 'de')}</bdi>`,
    );
    // Not a value that was not chosen.
    expect(html).not.toContain(
      `${GERMAN_LINE}<bdi dir="ltr">${FAMILY_STATUSES.label('single', 'de')}</bdi>`,
    );
  });

  it('shows the plan’s labels, coded values and catalogue goals in Persian and German', async () => {
    const html = await page('/fa/plan', on);
    expect(html).toMatch(key('plan.title'));
    expect(html).toMatch(
      beside(FIELDS_OF_ACTION.label('language', 'fa'), FIELDS_OF_ACTION.label('language', 'de')),
    );
    expect(html).toMatch(
      beside(GOAL_STATUSES.label('open', 'fa'), GOAL_STATUSES.label('open', 'de')),
    );
    expect(html).toMatch(beside(catalogueLabel(GOAL_KEY, 'fa')!, catalogueLabel(GOAL_KEY, 'de')!));
    // The adviser's free text is not translated: it has no German line of its own.
    expect(html).not.toMatch(/Kurs buchen\s*<span class="german"/);
  });

  it('shows an entry list’s title in both', async () => {
    expect(await page('/fa/records/languages', on)).toMatch(key('records.languages.title'));
  });

  it('leaves German pages alone: no switch and no second line', async () => {
    const html = await page('/de/dashboard', on);
    expect(html).not.toContain(GERMAN_LINE);
    expect(html).not.toContain('german-beside');
  });

  it('is switched off by the same form: the cookie is removed and the lines are gone', async () => {
    const response = await toggle('off', '/fa/plan', on);
    expect(response.status).toBe(303);
    expect(response.location).toBe('/fa/plan');
    expect(response.setCookies.find((c) => c.startsWith('mobio_german='))).toMatch(
      /Expires=Thu, 01 Jan 1970|Max-Age=0/,
    );
    const html = await page('/fa/plan', session);
    expect(html).not.toContain(GERMAN_LINE);
    expect(html).toContain(t('fa')('german.show'));
  });

  it('refuses a value it does not know with a clear message, and never leads to another site', async () => {
    const bad = await toggle('maybe', '/fa/dashboard');
    expect(bad.status).toBe(400);
    expect(bad.html).toContain(t('fa')('error.unexpected'));
    expect(bad.setCookies.some((c) => c.startsWith('mobio_german='))).toBe(false);
    const away = await toggle('on', 'https://evil.example/');
    expect(away.status).toBe(303);
    expect(away.location).toBe('/fa/dashboard');
    const foreign = await toggle('on', '/fa/dashboard', session, 'https://evil.example');
    expect(foreign.status).toBe(403);
  });
});
