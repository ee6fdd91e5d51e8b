import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, PLAN_LABELS, catalogueLabel, dirOf, profileSchema } from '@mobio/config';
// The demo district and the CMS test harness, so the landing page is checked against the real CMS.
import {
  DEMO_PASSWORDS,
  catalogueEntries,
  infoEvents,
  infoPages,
  newcomers,
} from '../../../database/demo/data.mjs';
import { seedDemo } from '../../../database/demo/seed.mjs';
import { freshEnv, startCms, type TestCms } from '../../../cms/test/harness';
import { type RunningSite, startSite } from './helpers/site-server';

describe('landing page on the real CMS with the demo district', () => {
  let cms: TestCms;
  let site: RunningSite;

  beforeAll(async () => {
    cms = await startCms(await freshEnv());
    expect(await seedDemo(cms.strapi)).toEqual({ seeded: true });
    // Seeding is safe to repeat: the second run changes nothing.
    expect(await seedDemo(cms.strapi)).toEqual({ seeded: false });
    site = await startSite({ CMS_INTERNAL_URL: cms.url });
  }, 120_000);
  afterAll(async () => {
    await site?.stop();
    await cms?.stop();
  });

  it.each(LOCALES)('shows the info pages and upcoming events in %s', async (locale) => {
    const response = await fetch(`${site.url}/${locale}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<html lang="${locale}" dir="${dirOf(locale)}"`);
    for (const page of infoPages)
      expect(html).toContain(page.texts[locale].title.replace(/'/g, '&#39;').replace(/’/g, '’'));
    for (const event of infoEvents)
      expect(html).toContain(event.texts[locale].title.replace(/'/g, '&#39;'));
  });

  it('lets every demo newcomer log in with the password the README gives, and keeps it hashed', async () => {
    for (const person of newcomers) {
      const response = await fetch(`${cms.url}/api/auth/local`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: person.email, password: DEMO_PASSWORDS.newcomer }),
      });
      expect(response.status, person.email).toBe(200);
      const row = await cms.strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { email: person.email }, select: ['password'] });
      expect(row.password).toMatch(/^\$2[aby]\$/);
    }
  });

  it('shows Amal’s plan with catalogue goals in Arabic and the district’s untranslated entry in German, marked', async () => {
    const login = await fetch(`${cms.url}/api/auth/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: newcomers[0].email, password: DEMO_PASSWORDS.newcomer }),
    });
    const { jwt } = await login.json();
    const response = await fetch(`${site.url}/ar/plan`, {
      headers: { cookie: `mobio_session=${jwt}` },
      redirect: 'manual',
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const key of [
      'language.goal.b2-job-language',
      'work.goal.qualification-recognition',
      'housing.goal.own-flat',
      'housing.measure.wbs-application',
    ]) {
      expect(html).toContain(catalogueLabel(key, 'ar'));
    }
    expect(html).toContain('Fachsprachprüfung Pharmazie (C1) bestehen');
    expect(html).toContain(catalogueEntries[0].labelDe);
    expect(html).toContain(PLAN_LABELS.untranslated.ar);
  });

  it('gives every demo newcomer a valid name in Latin letters, as staff search for it', async () => {
    const profiles = await cms.strapi.db
      .query('api::profile.profile')
      .findMany({ select: ['givenNames', 'familyName', 'latinName'] });
    expect(profiles.map((p: { latinName: string }) => p.latinName).sort()).toEqual(
      newcomers.map((person) => person.profile.latinName).sort(),
    );
    for (const person of newcomers)
      expect(profileSchema.safeParse(person.profile).success, person.email).toBe(true);
    expect(profiles.find((p: { givenNames: string }) => p.givenNames === 'أمل')?.latinName).toBe(
      'Amal Haddad',
    );
  });
});
