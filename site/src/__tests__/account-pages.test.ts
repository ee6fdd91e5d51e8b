import { dirOf, LOCALES } from '@mobio/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../i18n';
import { send, text } from './helpers/http';
import { type RunningSite, startSiteWithoutCms } from './helpers/site-server';

// Rendering and routing of the account pages; the journeys against the real CMS are in
// accounts-with-cms.test.ts. The CMS is down here: these pages must not need it to show.
const PUBLIC_PAGES = ['register', 'login', 'forgot-password', 'reset-password'] as const;
const SESSION = 'mobio_session=aaaa.bbbb.cccc';

describe('account pages without a CMS', () => {
  let site: RunningSite;

  beforeAll(async () => {
    site = await startSiteWithoutCms();
  });
  afterAll(() => site?.stop());

  describe.each(LOCALES)('in %s', (locale) => {
    it.each(PUBLIC_PAGES)(
      'renders /%s with lang, dir and a language switcher that stays on the page',
      async (page) => {
        const response = await send(site, 'GET', `/${locale}/${page}`);
        expect(response.status, site.output()).toBe(200);
        expect(response.html).toContain(`<html lang="${locale}" dir="${dirOf(locale)}">`);
        for (const other of LOCALES.filter((l) => l !== locale)) {
          expect(response.html).toContain(`<a href="/${other}/${page}" lang="${other}"`);
        }
      },
    );

    it('offers "Log in" and "Register" in the header when logged out', async () => {
      const page = text((await send(site, 'GET', `/${locale}/`)).html);
      expect(page).toContain(`<a href="/${locale}/login">${t(locale)('nav.login')}</a>`);
      expect(page).toContain(`<a href="/${locale}/register">${t(locale)('nav.register')}</a>`);
      expect(page).not.toContain(`action="/${locale}/logout"`);
    });

    it('offers "My data" and a logout form in the header when there is a session cookie', async () => {
      const response = await send(site, 'GET', `/${locale}/`, { cookie: SESSION });
      const page = text(response.html);
      expect(page).toContain(`<a href="/${locale}/dashboard">${t(locale)('nav.dashboard')}</a>`);
      expect(page).toMatch(
        new RegExp(
          `<form method="post" action="/${locale}/logout">\\s*<button type="submit">${t(locale)('nav.logout')}</button>`,
        ),
      );
      expect(page).not.toContain(`href="/${locale}/login"`);
      // A page for one person is not cached.
      expect(response.headers['cache-control']).toBe('no-store');
    });
  });

  it.each(LOCALES)(
    'in %s: "forgot password" leads to the recovery code too; accounts without e-mail are told how they are kept, where they pass',
    async (locale) => {
      const tr = t(locale);
      const forgot = text((await send(site, 'GET', `/${locale}/forgot-password`)).html);
      expect(forgot).toContain(tr('forgot.noEmail'));
      expect(forgot).toContain(`<a href="/${locale}/recover">${tr('forgot.recoverLink')}</a>`);
      // The number of days is the installation's: the text around it must be there.
      const around = (key: 'retention.noEmail' | 'privacy.retentionNoEmail') =>
        tr(key, { totalDays: 7 }).split(new Intl.NumberFormat(locale).format(7));
      const login = text((await send(site, 'GET', `/${locale}/login`)).html);
      for (const part of around('retention.noEmail')) expect(login).toContain(part);
      const withoutEmail = text((await send(site, 'GET', `/${locale}/register-username`)).html);
      for (const part of around('retention.noEmail')) expect(withoutEmail).toContain(part);
      // No promise to keep an e-mail address that the person does not give.
      const controller = 'Landkreis Testhausen';
      expect(withoutEmail).toContain(tr('register.privacyTextNoEmail', { controller }));
      expect(withoutEmail).not.toContain(tr('register.privacyText', { controller }));
      // The address of the privacy officer is a word of its own, after a space (not glued to the comma).
      expect(withoutEmail).toMatch(/[:،,] <a href="mailto:/);
      const privacy = text((await send(site, 'GET', `/${locale}/privacy`)).html);
      for (const part of around('privacy.retentionNoEmail')) expect(privacy).toContain(part);
    },
  );

  it('names the username beside the e-mail address when a login fails', () => {
    expect(t('de')('error.invalidCredentials')).toContain('Benutzername');
    expect(t('en')('error.invalidCredentials')).toContain('username');
    expect(t('fr')('error.invalidCredentials')).toContain('nom d’utilisateur');
  });

  it('keeps the code of a reset link when the language is switched', async () => {
    const response = await send(site, 'GET', '/de/reset-password?code=abc123');
    expect(response.html).toContain('<a href="/ar/reset-password?code=abc123" lang="ar"');
    expect(response.html).toContain('name="code" value="abc123"');
  });

  it.each(['dashboard', 'account/password'])(
    'sends /en/%s without a session to the login, with headers and no caching',
    async (page) => {
      const response = await send(site, 'GET', `/en/${page}`);
      expect(response.status).toBe(303);
      expect(response.location).toBe(`/en/login?next=${encodeURIComponent(`/en/${page}`)}`);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    },
  );

  it('answers /xx/login with the 404 page', async () => {
    expect((await send(site, 'GET', '/xx/login')).status).toBe(404);
  });

  // The middleware checks the locale once for every route under [locale], endpoints included: none
  // of them acts (clears a cookie, asks the CMS) for a locale the site does not have.
  it.each([
    ['POST', '/xx/logout'],
    ['POST', '/xx/german-beside'],
    ['GET', '/xx/manifest.webmanifest'],
    ['GET', '/xx/account/export'],
    ['GET', '/xx/records/education'],
  ] as const)('answers %s %s with the 404 page, its session cookie kept', async (method, path) => {
    const response = await send(site, method, path, { cookie: SESSION, form: {} });
    expect(response.status).toBe(404);
    expect(response.html).toContain(t('de')('notFound.title'));
    expect(response.setCookies).toEqual([]);
  });

  it('never writes a password back into the page', async () => {
    const response = await send(site, 'POST', '/en/register', {
      form: {
        email: 'a@example.test',
        password: 'Geheim-Geheim-1',
        passwordConfirmation: 'Anders-Anders-2',
        privacy: 'on',
      },
    });
    expect(response.status).toBe(400);
    expect(response.html).not.toContain('Geheim-Geheim-1');
    expect(response.html).not.toContain('Anders-Anders-2');
    expect(response.html).toMatch(/<input[^>]*id="field-privacy"[^>]*checked/);
  });

  it('reads a body that is not a form as an empty form: 400 with errors, not 500', async () => {
    const response = await send(site, 'POST', '/de/login', {
      body: 'email=a',
      contentType: 'text/plain',
    });
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain(t('de')('error.required'));
  });
});
