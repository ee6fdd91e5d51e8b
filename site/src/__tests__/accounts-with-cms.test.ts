import { ACCOUNT_REASONS, LOCALES, NON_IDENTIFYING_USERNAME, type Locale } from '@mobio/config';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createStaff, freshEnv, startCms, type TestCms } from '../../../cms/test/harness';
import { t } from '../i18n';
import { send, sessionCookie, text } from './helpers/http';
import { type RunningSite, startSite, startSiteWithoutCms } from './helpers/site-server';

/*
 * The account journeys through the site's HTML forms, against the real CMS on a fresh database
 * and a local SMTP server that catches the password-reset mail.
 */

const PASSWORD = 'Sonnenblume-7';
const NEW_PASSWORD = 'Regenbogen-42';
let mailCounter = 0;
const newEmail = (label: string) => `${label}-${++mailCounter}-${Date.now()}@example.test`;

/** Mails the test SMTP server received, raw. */
const mails: { to: string[]; raw: string }[] = [];

/** Undoes quoted-printable (soft line breaks, =XX) so a link in the mail can be read. */
const unQuote = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));

async function mailTo(address: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const mail = mails.find((m) => m.to.includes(address));
    if (mail) return unQuote(mail.raw);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `no mail to ${address}; received: ${mails.map((m) => m.to.join(',')).join('; ')}`,
  );
}

const USER = 'plugin::users-permissions.user';
let smtp: SMTPServer;
let cms: TestCms;
let district: Awaited<ReturnType<typeof createStaff>>;
let site: RunningSite;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  cms = await startCms(
    await freshEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_SECURE: 'false' }),
  );
  // Strapi's own coarse limiter (per route and address, in memory) is not what is tested here: this
  // file makes many logins a minute from 127.0.0.1. The limits that hold are the sharing plugin's.
  cms.strapi.config.set('plugin::users-permissions.ratelimit', { enabled: false });
  site = await startSite({ CMS_INTERNAL_URL: cms.url });
  district = await createStaff(cms, 'Kreis', 'district-administrator');
}, 120_000);

afterAll(async () => {
  await site?.stop();
  await cms?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

/** Registers through the site's form and returns the session cookie. */
async function registerThroughSite(locale: Locale, email: string, password = PASSWORD) {
  const response = await send(site, 'POST', `/${locale}/register`, {
    form: { email, password, passwordConfirmation: password, privacy: 'on' },
  });
  expect(response.status, site.output()).toBe(303);
  return { response, cookie: sessionCookie(response)! };
}

const login = (locale: Locale, email: string, password: string) =>
  send(site, 'POST', `/${locale}/login`, { form: { email, password } });

describe.each(LOCALES)('account journey in %s', (locale) => {
  const tr = t(locale);
  const email = newEmail(`journey-${locale}`);
  let cookie: string;

  it('shows the registration form with the password rules and the privacy notice of the district', async () => {
    const response = await send(site, 'GET', `/${locale}/register`);
    expect(response.status).toBe(200);
    const page = text(response.html);
    expect(page).toContain(tr('form.passwordRules'));
    expect(page).toContain(tr('register.privacyText', { controller: 'Landkreis Testhausen' }));
    expect(page).toContain('datenschutz@testhausen.example');
  });

  it('registers through the form and sets an httpOnly, SameSite=Strict session cookie', async () => {
    const { response, cookie: set } = await registerThroughSite(locale, email);
    expect(response.location).toBe(`/${locale}/dashboard`);
    const line = response.setCookies.find((c) => c.startsWith('mobio_session='))!;
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Strict/);
    expect(line).toMatch(/; Path=\//);
    expect(line).toMatch(/; Max-Age=604800/);
    // The test site's public URL is http: no Secure flag, or the browser would drop the cookie.
    expect(line).not.toMatch(/Secure/);
    cookie = set;
  });

  it('makes up a username that does not name the person, and shows the account number on the account page', async () => {
    const user = await cms.strapi.db
      .query(USER)
      .findOne({ where: { email: email.toLowerCase() }, select: ['username', 'documentId'] });
    expect(user.username).toMatch(NON_IDENTIFYING_USERNAME);
    const page = text((await send(site, 'GET', `/${locale}/account`, { cookie })).html);
    expect(page).toContain(tr('account.numberHeading'));
    expect(page).toContain(user.documentId.match(/.{4}/g).join(' '));
  });

  it('says in its language that an account locked on request is locked, and lets the person in once it is unlocked', async () => {
    const other = newEmail(`locked-${locale}`);
    await registerThroughSite(locale, other);
    const { documentId } = await cms.strapi.db
      .query(USER)
      .findOne({ where: { email: other.toLowerCase() }, select: ['documentId'] });
    const act = (action: string) =>
      api(cms, 'POST', `/sharing/accounts/${documentId}/${action}`, {
        token: district.token,
        body: { data: { reason: 'misuse', note: 'Auf Wunsch der Person' } },
      });
    expect((await act('lock')).status).toBe(200);
    const refused = await login(locale, other, PASSWORD);
    expect(refused.status).toBe(400);
    expect(text(refused.html)).toContain(tr('error.blocked'));
    expect((await act('unlock')).status).toBe(200);
    const admitted = await login(locale, other, PASSWORD);
    expect(admitted.status).toBe(303);
    const log = text(
      (
        await send(site, 'GET', `/${locale}/sharing/access-log`, {
          cookie: sessionCookie(admitted)!,
        })
      ).html,
    );
    expect(log).toContain(tr('log.action.account.lock'));
    expect(log).toContain(tr('log.action.account.unlock'));
    expect(log).toContain(`${ACCOUNT_REASONS.label('misuse', locale)} — Auf Wunsch der Person`);
  });

  it('shows an erasure the district office announced at login and on the dashboard, in its language, and stops it with one button', async () => {
    const other = newEmail(`announced-${locale}`);
    await registerThroughSite(locale, other);
    const { id, documentId } = await cms.strapi.db
      .query(USER)
      .findOne({ where: { email: other.toLowerCase() }, select: ['id', 'documentId'] });
    const why = { reason: 'movedAway', note: 'Umzug' };
    const found = await api(cms, 'POST', '/sharing/accounts/lookup', {
      token: district.token,
      body: { data: { ...why, email: other } },
    });
    expect(found.status).toBe(200);
    const announced = await api(cms, 'POST', `/sharing/accounts/${documentId}/delete`, {
      token: district.token,
      body: { data: why },
    });
    expect(announced.status).toBe(202);

    // Whatever page the login was for, the notice comes first.
    const loggedIn = await send(site, 'POST', `/${locale}/login`, {
      form: { email: other, password: PASSWORD, next: `/${locale}/profile` },
    });
    expect(loggedIn.status).toBe(303);
    expect(loggedIn.location).toBe(`/${locale}/dashboard`);
    const cookie = sessionCookie(loggedIn)!;
    const dashboard = await send(site, 'GET', `/${locale}/dashboard`, { cookie });
    const page = text(dashboard.html);
    expect(page).toContain(tr('dashboard.erasureHeading'));
    expect(page).toContain(`${ACCOUNT_REASONS.label('movedAway', locale)} — Umzug`);
    expect(dashboard.html).toContain(`action="/${locale}/account/keep"`);

    const kept = await send(site, 'POST', `/${locale}/account/keep`, { cookie });
    expect(kept.status).toBe(303);
    expect(kept.location).toBe(`/${locale}/dashboard?erasure=stopped`);
    const after = text((await send(site, 'GET', kept.location!, { cookie })).html);
    expect(after).toContain(tr('dashboard.erasureStopped'));
    expect(after).not.toContain(tr('dashboard.erasureHeading'));
    expect(await cms.strapi.db.query(USER).count({ where: { id } })).toBe(1);
    const log = text((await send(site, 'GET', `/${locale}/sharing/access-log`, { cookie })).html);
    for (const action of ['lookup', 'erasure.announce', 'erasure.stop'] as const)
      expect(log).toContain(tr(`log.action.account.${action}`));
  });

  it('shows a deletion code on the account page, without JavaScript, with which the district office deletes at once', async () => {
    const other = newEmail(`code-${locale}`);
    const { cookie: own } = await registerThroughSite(locale, other);
    const account = await send(site, 'GET', `/${locale}/account`, { cookie: own });
    expect(text(account.html)).toContain(tr('account.deletionCodeText'));
    expect(account.html).toContain(`action="/${locale}/account/deletion-code"`);
    const shown = await send(site, 'POST', `/${locale}/account/deletion-code`, { cookie: own });
    expect(shown.status).toBe(200);
    expect(text(shown.html)).toContain(tr('account.deletionCodeWarning'));
    const code = /[A-Z0-9]{5}(?:-[A-Z0-9]{5}){3}/.exec(shown.html)![0];
    const { id, documentId } = await cms.strapi.db
      .query(USER)
      .findOne({ where: { email: other.toLowerCase() }, select: ['id', 'documentId'] });
    const erased = await api(cms, 'POST', `/sharing/accounts/${documentId}/delete`, {
      token: district.token,
      body: { data: { reason: 'request', code } },
    });
    expect(erased.status).toBe(204);
    expect(await cms.strapi.db.query(USER).count({ where: { id } })).toBe(0);
  });

  it('opens the dashboard with the cookie and greets the user by e-mail', async () => {
    const response = await send(site, 'GET', `/${locale}/dashboard`, { cookie });
    expect(response.status, site.output()).toBe(200);
    const page = text(response.html);
    expect(page).toContain(tr('dashboard.greeting', { email: email.toLowerCase() }));
    // The header offers logging out, not logging in.
    expect(page).toContain(`action="/${locale}/logout"`);
    expect(page).not.toContain(`href="/${locale}/login"`);
  });

  it('logs out with the POST form, which removes the cookie', async () => {
    const response = await send(site, 'POST', `/${locale}/logout`, { cookie });
    expect(response.status).toBe(303);
    expect(response.setCookies.join('\n')).toMatch(
      /mobio_session=deleted;.*Expires=Thu, 01 Jan 1970/,
    );
  });

  it('sends a visitor without a session from the dashboard to the login, with a way back', async () => {
    const response = await send(site, 'GET', `/${locale}/dashboard`);
    expect(response.status).toBe(303);
    expect(response.location).toBe(
      `/${locale}/login?next=${encodeURIComponent(`/${locale}/dashboard`)}`,
    );
    const loginPage = await send(site, 'GET', response.location!);
    expect(text(loginPage.html)).toContain(tr('login.loginRequired'));
    expect(loginPage.html).toContain(`name="next" value="/${locale}/dashboard"`);
  });

  it('logs in again and goes to the dashboard', async () => {
    const response = await login(locale, email, PASSWORD);
    expect(response.status).toBe(303);
    expect(response.location).toBe(`/${locale}/dashboard`);
    cookie = sessionCookie(response)!;
    expect((await send(site, 'GET', `/${locale}/dashboard`, { cookie })).status).toBe(200);
  });

  it('changes the password when logged in: this device stays logged in, every other session ends, only the new password works', async () => {
    const other = sessionCookie(await login(locale, email, PASSWORD))!;
    const response = await send(site, 'POST', `/${locale}/account/password`, {
      cookie,
      form: {
        currentPassword: PASSWORD,
        password: NEW_PASSWORD,
        passwordConfirmation: NEW_PASSWORD,
      },
    });
    expect(response.status, site.output()).toBe(200);
    expect(text(response.html)).toContain(tr('password.changed'));
    const kept = sessionCookie(response)!;
    expect(kept).toBeDefined();
    expect((await send(site, 'GET', `/${locale}/dashboard`, { cookie: kept })).status).toBe(200);
    for (const ended of [cookie, other]) {
      const page = await send(site, 'GET', `/${locale}/dashboard`, { cookie: ended });
      expect(page.status).toBe(303);
      expect(page.location).toContain(`/${locale}/login`);
    }
    cookie = kept;
    expect((await login(locale, email, PASSWORD)).status).toBe(400);
    expect((await login(locale, email, NEW_PASSWORD)).status).toBe(303);
  });

  it('refuses a wrong current password with a localized message at that field', async () => {
    const response = await send(site, 'POST', `/${locale}/account/password`, {
      cookie,
      form: {
        currentPassword: 'Falsch-Falsch',
        password: 'Noch-ein-neues',
        passwordConfirmation: 'Noch-ein-neues',
      },
    });
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain(tr('error.currentPasswordWrong'));
  });
});

describe('login failures', () => {
  it('answers a wrong password with 400, a localized error and the e-mail kept, never the password', async () => {
    const email = newEmail('wrong');
    await registerThroughSite('fa', email);
    const response = await login('fa', email, 'Nicht-das-Passwort');
    expect(response.status).toBe(400);
    const page = text(response.html);
    expect(page).toContain(t('fa')('error.invalidCredentials'));
    expect(page).toContain(`value="${email}"`);
    expect(page).not.toContain('Nicht-das-Passwort');
    expect(response.setCookies.filter((c) => c.startsWith('mobio_session'))).toEqual([]);
  });

  it('refuses a cross-site login POST with 403', async () => {
    const response = await send(site, 'POST', '/en/login', {
      origin: 'https://evil.example',
      form: { email: 'a@example.test', password: PASSWORD },
    });
    expect(response.status).toBe(403);
  });

  it('refuses a cross-site logout POST with 403 and keeps the session', async () => {
    const { cookie } = await registerThroughSite('de', newEmail('csrf'));
    const response = await send(site, 'POST', '/de/logout', {
      cookie,
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(response.setCookies.filter((c) => c.startsWith('mobio_session'))).toEqual([]);
    expect((await send(site, 'GET', '/de/dashboard', { cookie })).status).toBe(200);
  });

  it('does not log out on a GET', async () => {
    expect((await send(site, 'GET', '/de/logout')).status).toBe(405);
  });

  it('answers the sixth failed login within 15 minutes with 429 and a localized message, even with the right password', async () => {
    const email = newEmail('limit');
    await registerThroughSite('ar', email);
    for (let i = 0; i < 5; i++)
      expect((await login('ar', email, `Falsch-${i}-Falsch`)).status).toBe(400);
    const blocked = await login('ar', email, 'Falsch-6-Falsch');
    expect(blocked.status).toBe(429);
    expect(text(blocked.html)).toContain(t('ar')('error.tooMany'));
    expect((await login('ar', email, PASSWORD)).status).toBe(429);
    // Another address of the same client is not blocked.
    expect((await login('ar', newEmail('other'), 'Falsch-Falsch')).status).toBe(400);
  });

  it('sends a session the CMS does not accept to the login and removes its cookie', async () => {
    const response = await send(site, 'GET', '/en/dashboard', {
      cookie: 'mobio_session=aaaa.bbbb.cccc',
    });
    expect(response.status).toBe(303);
    expect(response.location).toMatch(/^\/en\/login\?next=/);
    expect(response.setCookies.join('\n')).toMatch(/mobio_session=deleted/);
  });
});

describe('registration failures', () => {
  it.each(LOCALES)(
    'says in %s that the e-mail is already used, keeping it in the form',
    async (locale) => {
      const email = newEmail(`taken-${locale}`);
      await registerThroughSite(locale, email);
      const response = await send(site, 'POST', `/${locale}/register`, {
        form: { email, password: PASSWORD, passwordConfirmation: PASSWORD, privacy: 'on' },
      });
      expect(response.status).toBe(400);
      const page = text(response.html);
      expect(page).toContain(t(locale)('error.emailTaken'));
      expect(page).not.toContain('already taken');
      expect(page).toContain(`value="${email}"`);
      expect(page).toContain('aria-invalid="true"');
      expect(page).toContain('role="alert"');
      expect(response.setCookies.filter((c) => c.startsWith('mobio_session'))).toEqual([]);
    },
  );

  it('shows the validation errors next to the fields, keeps what was typed except the passwords', async () => {
    const response = await send(site, 'POST', '/fr/register', {
      form: { email: 'pas-une-adresse', password: 'court', passwordConfirmation: 'autre' },
    });
    expect(response.status).toBe(400);
    const page = text(response.html);
    const fr = t('fr');
    for (const key of [
      'error.email',
      'error.passwordShort',
      'error.passwordMismatch',
      'error.privacyRequired',
    ] as const) {
      expect(page).toContain(fr(key));
    }
    expect(page).toContain('value="pas-une-adresse"');
    expect(page).not.toContain('court"');
    expect(page).toMatch(
      /id="field-email"[^>]*aria-invalid="true"[^>]*aria-describedby="field-email-error"/,
    );
  });
});

describe('forgotten password by e-mail', () => {
  it('mails a reset link; the code in it sets a new password through the site, once', async () => {
    const email = newEmail('forgot');
    await registerThroughSite('en', email);

    const asked = await send(site, 'POST', '/en/forgot-password', { form: { email } });
    expect(asked.status, site.output()).toBe(200);
    expect(text(asked.html)).toContain(t('en')('forgot.sent'));

    const mail = await mailTo(email.toLowerCase());
    // The CMS builds the link from its "email_reset_password" setting (set by its bootstrap).
    const link = mail.match(/https?:\/\/[^\s"'<>]*reset-password\?code=[0-9a-f]+/)?.[0];
    expect(link, mail).toBeDefined();
    const code = new URL(link!).searchParams.get('code')!;
    // The link has no language: the browser that used the site in English gets the English form.
    const opened = await send(site, 'GET', new URL(link!).pathname + new URL(link!).search, {
      cookie: 'mobio_locale=en',
    });
    expect(opened.status).toBe(302);
    expect(opened.location).toBe(`/en/reset-password?code=${code}`);

    const form = await send(site, 'GET', `/en/reset-password?code=${code}`);
    expect(form.status).toBe(200);
    expect(form.html).toContain(`name="code" value="${code}"`);

    const reset = await send(site, 'POST', '/en/reset-password', {
      form: { code, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD },
    });
    expect(reset.status, site.output()).toBe(303);
    expect(reset.location).toBe('/en/login?reset=done');
    expect(text((await send(site, 'GET', reset.location!)).html)).toContain(
      t('en')('login.passwordReset'),
    );

    expect((await login('en', email, NEW_PASSWORD)).status).toBe(303);
    expect((await login('en', email, PASSWORD)).status).toBe(400);

    const again = await send(site, 'POST', '/en/reset-password', {
      form: { code, password: 'Drittes-Passwort', passwordConfirmation: 'Drittes-Passwort' },
    });
    expect(again.status).toBe(400);
    expect(text(again.html)).toContain(t('en')('error.resetCode'));
  });

  it('says the same for an address without an account, and sends no mail', async () => {
    const email = newEmail('nobody');
    const asked = await send(site, 'POST', '/de/forgot-password', { form: { email } });
    expect(asked.status).toBe(200);
    expect(text(asked.html)).toContain(t('de')('forgot.sent'));
    // A request for an existing account, made after it: once its mail is here, a mail for the first
    // request would have been sent too (no fixed wait that a slow machine outlasts).
    const known = newEmail('known');
    await registerThroughSite('de', known);
    expect(
      (await send(site, 'POST', '/de/forgot-password', { form: { email: known } })).status,
    ).toBe(200);
    await mailTo(known.toLowerCase());
    expect(mails.some((m) => m.to.includes(email))).toBe(false);
  });

  it('answers the sixth request for one address within 15 minutes with 429', async () => {
    const email = newEmail('many');
    for (let i = 0; i < 5; i++)
      expect((await send(site, 'POST', '/fr/forgot-password', { form: { email } })).status).toBe(
        200,
      );
    const blocked = await send(site, 'POST', '/fr/forgot-password', { form: { email } });
    expect(blocked.status).toBe(429);
    expect(text(blocked.html)).toContain(t('fr')('error.tooMany'));
  });

  it('explains a reset link without a code instead of showing an empty form', async () => {
    const response = await send(site, 'GET', '/ar/reset-password');
    expect(response.status).toBe(200);
    expect(text(response.html)).toContain(t('ar')('reset.noCode'));
    expect(response.html).not.toContain('name="password"');
  });
});

describe('account pages with the CMS down', () => {
  let down: RunningSite;

  beforeAll(async () => {
    down = await startSiteWithoutCms();
  });
  afterAll(() => down?.stop());

  it.each(LOCALES)(
    'keeps the registration form with a localized notice in %s, never a 500',
    async (locale) => {
      const email = 'still-here@example.test';
      const response = await send(down, 'POST', `/${locale}/register`, {
        form: { email, password: PASSWORD, passwordConfirmation: PASSWORD, privacy: 'on' },
      });
      expect(response.status).toBe(503);
      const page = text(response.html);
      expect(page).toContain(t(locale)('auth.cmsUnavailable'));
      expect(page).toContain(`value="${email}"`);
    },
  );

  it('shows the notice on login and forgot-password, and does not count it as a failed login', async () => {
    for (let i = 0; i < 6; i++) {
      const response = await send(down, 'POST', '/de/login', {
        form: { email: 'x@example.test', password: 'whatever' },
      });
      expect(response.status).toBe(503);
      expect(text(response.html)).toContain(t('de')('auth.cmsUnavailable'));
    }
    const forgot = await send(down, 'POST', '/de/forgot-password', {
      form: { email: 'x@example.test' },
    });
    expect(forgot.status).toBe(503);
    expect(text(forgot.html)).toContain(t('de')('auth.cmsUnavailable'));
  });

  it('shows the dashboard of a session it cannot check with the notice, not a 500', async () => {
    const response = await send(down, 'GET', '/fa/dashboard', {
      cookie: 'mobio_session=aaaa.bbbb.cccc',
    });
    expect(response.status).toBe(503);
    expect(text(response.html)).toContain(t('fa')('auth.cmsUnavailable'));
  });
});

describe.each(LOCALES)('registration without e-mail in %s', (locale) => {
  const tr = t(locale);
  const username = `Amal_${locale}.${Date.now() % 100000}`;
  let code: string;

  /** The recovery code on the sheet: four groups of five, shown once. */
  const codeOn = (html: string) => /recovery-sheet__code">([A-Z2-9-]{23})</.exec(html)?.[1];

  it('registers with a username and shows the recovery code once, with the district’s name, and stores only its hash', async () => {
    const response = await send(site, 'POST', `/${locale}/register-username`, {
      form: { username, password: PASSWORD, passwordConfirmation: PASSWORD, privacy: 'on' },
    });
    expect(response.status, site.output()).toBe(200);
    expect(response.headers['cache-control']).toContain('no-store');
    const page = text(response.html);
    expect(page).toContain(tr('recovery.sheetTitle'));
    expect(page).toContain(tr('recovery.sheetUse', { district: 'Landkreis Testhausen' }));
    expect(page).toContain(username.toLowerCase());
    code = codeOn(response.html)!;
    expect(code).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
    const stored = await cms.strapi.db.query(USER).findOne({
      where: { username: username.toLowerCase() },
      select: ['email', 'recoveryCodeHash'],
    });
    expect(stored.email).toBeNull();
    expect(stored.recoveryCodeHash).not.toContain(code.replace(/-/g, ''));
    const cookie = sessionCookie(response)!;
    // Logged in: the dashboard greets by the username and says how an account without e-mail is
    // kept (no mail can warn it), the account page offers to add an address.
    const dashboard = text((await send(site, 'GET', `/${locale}/dashboard`, { cookie })).html);
    expect(dashboard).toContain(username.toLowerCase());
    for (const part of tr('retention.noEmail', { totalDays: 7 }).split(
      new Intl.NumberFormat(locale).format(7),
    ))
      expect(dashboard).toContain(part);
    expect(dashboard).toContain(`href="/${locale}/account/email"`);
    expect(text((await send(site, 'GET', `/${locale}/account`, { cookie })).html)).toContain(
      tr('addEmail.link'),
    );
  });

  it('logs in with the username in any case; after recovery only the new password and the new code work', async () => {
    expect((await login(locale, username.toUpperCase(), PASSWORD)).status).toBe(303);
    const recovered = await send(site, 'POST', `/${locale}/recover`, {
      form: {
        username,
        code: code.toLowerCase(),
        password: NEW_PASSWORD,
        passwordConfirmation: NEW_PASSWORD,
      },
    });
    expect(recovered.status, site.output()).toBe(200);
    expect(text(recovered.html)).toContain(tr('recover.done'));
    const newCode = codeOn(recovered.html)!;
    expect(newCode).toBeTruthy();
    expect(newCode).not.toBe(code);
    expect((await login(locale, username, PASSWORD)).status).toBe(400);
    expect((await login(locale, username, NEW_PASSWORD)).status).toBe(303);
    const again = await send(site, 'POST', `/${locale}/recover`, {
      form: { username, code, password: PASSWORD, passwordConfirmation: PASSWORD },
    });
    expect(again.status).toBe(400);
    const page = text(again.html);
    expect(page).toContain(tr('error.recoveryCode'));
    expect(page).toContain(`value="${username}"`);
    expect(page).not.toContain(`${PASSWORD}"`);
    code = newCode;
  });

  it('takes an e-mail address on the account page; then login by e-mail works too', async () => {
    const cookie = sessionCookie(await login(locale, username, NEW_PASSWORD))!;
    const bad = await send(site, 'POST', `/${locale}/account/email`, {
      cookie,
      form: { email: 'keine-adresse' },
    });
    expect(bad.status).toBe(400);
    expect(text(bad.html)).toContain(tr('error.email'));
    expect(bad.html).toContain('value="keine-adresse"');
    const other = sessionCookie(await login(locale, username, NEW_PASSWORD))!;
    const email = newEmail(`later-${locale}`);
    const added = await send(site, 'POST', `/${locale}/account/email`, { cookie, form: { email } });
    expect(added.status).toBe(200);
    expect(text(added.html)).toContain(tr('addEmail.present'));
    // A new address ends the other sessions; this device keeps the new one the site stored.
    const kept = sessionCookie(added)!;
    expect((await send(site, 'GET', `/${locale}/account`, { cookie: kept })).status).toBe(200);
    expect((await send(site, 'GET', `/${locale}/account`, { cookie: other })).status).toBe(303);
    expect((await login(locale, email, NEW_PASSWORD)).status).toBe(303);
  });
});

describe('registration without e-mail: bad input', () => {
  it.each(LOCALES)(
    'says in %s what is wrong with the username, keeping what was typed, never a 500',
    async (locale) => {
      const tr = t(locale);
      for (const [username, key] of [
        ['amal@example.test', 'error.usernameIsEmail'],
        ['ab', 'error.usernameLength'],
        ['a b', 'error.usernameCharacters'],
      ] as const) {
        const response = await send(site, 'POST', `/${locale}/register-username`, {
          form: { username, password: PASSWORD, passwordConfirmation: PASSWORD, privacy: 'on' },
        });
        expect(response.status).toBe(400);
        expect(text(response.html)).toContain(tr(key));
        expect(response.html).toContain(`value="${username}"`);
        expect(response.html).not.toContain(PASSWORD);
      }
      const name = `taken-${locale}-${Date.now() % 100000}`;
      expect(
        (
          await send(site, 'POST', `/${locale}/register-username`, {
            form: {
              username: name,
              password: PASSWORD,
              passwordConfirmation: PASSWORD,
              privacy: 'on',
            },
          })
        ).status,
      ).toBe(200);
      const taken = await send(site, 'POST', `/${locale}/register-username`, {
        form: {
          username: name.toUpperCase(),
          password: PASSWORD,
          passwordConfirmation: PASSWORD,
          privacy: 'on',
        },
      });
      expect(taken.status).toBe(400);
      expect(text(taken.html)).toContain(tr('error.usernameTaken'));
      expect(taken.html).toContain(`value="${name.toUpperCase()}"`);
    },
  );

  it('stops wrong recovery codes for a name after five tries with a localized 429', async () => {
    const name = `guess-${Date.now() % 100000}`;
    await send(site, 'POST', '/ar/register-username', {
      form: { username: name, password: PASSWORD, passwordConfirmation: PASSWORD, privacy: 'on' },
    });
    const attempt = () =>
      send(site, 'POST', '/ar/recover', {
        form: {
          username: name,
          code: 'AAAAA-AAAAA-AAAAA-AAAAA',
          password: NEW_PASSWORD,
          passwordConfirmation: NEW_PASSWORD,
        },
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(400);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(text(blocked.html)).toContain(t('ar')('error.tooMany'));
  });
});

describe('the person’s address, as the site names it to the CMS', () => {
  const WRONG = 'AAAAA-AAAAA-AAAAA-AAAAA';
  const recoverFrom = (
    username: string,
    code: string,
    options: { localAddress?: string; headers?: Record<string, string> },
  ) =>
    send(site, 'POST', '/de/recover', {
      ...options,
      form: { username, code, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD },
    });
  const registerName = async (username: string) => {
    const response = await send(site, 'POST', '/de/register-username', {
      form: { username, password: PASSWORD, passwordConfirmation: PASSWORD, privacy: 'on' },
    });
    expect(response.status, site.output()).toBe(200);
    return /recovery-sheet__code">([A-Z2-9-]{23})</.exec(response.html)![1];
  };

  it('counts two people apart: wrong codes from one address do not block the right code from another', async () => {
    const name = `zwei-${Date.now() % 100000}`;
    const code = await registerName(name);
    for (let i = 0; i < 5; i++)
      expect((await recoverFrom(name, WRONG, { localAddress: '127.0.0.2' })).status).toBe(400);
    expect((await recoverFrom(name, code, { localAddress: '127.0.0.2' })).status).toBe(429);
    const other = await recoverFrom(name, code, { localAddress: '127.0.0.3' });
    expect(other.status, site.output()).toBe(200);
  });

  it('ignores an X-Forwarded-For (or a client-address header) that does not come from nginx', async () => {
    const name = `xff-${Date.now() % 100000}`;
    const code = await registerName(name);
    // Each try names another address, as a guesser would to get fresh counts: all count as one.
    const forged = (i: number) => ({
      localAddress: '127.0.0.4',
      headers: {
        'x-forwarded-for': `192.0.2.${i}`,
        ...(i % 2
          ? { 'x-mobio-client-address': `192.0.2.${i}`, 'x-mobio-client-proof': 'guessed-secret' }
          : { 'x-real-ip': `192.0.2.${i}`, forwarded: `for=192.0.2.${i}` }),
      },
    });
    for (let i = 0; i < 5; i++)
      expect((await recoverFrom(name, WRONG, forged(i))).status).toBe(400);
    expect((await recoverFrom(name, code, forged(5))).status).toBe(429);
    expect((await recoverFrom(name, code, forged(6))).status).toBe(429);
    // nginx names the person's address with the secret: that one is believed.
    const viaNginx = {
      localAddress: '127.0.0.4',
      headers: {
        'x-forwarded-for': '198.51.100.77',
        'x-mobio-client-address': '198.51.100.77',
        'x-mobio-client-proof': process.env.CLIENT_ADDRESS_SECRET!,
      },
    };
    expect((await recoverFrom(name, code, viaNginx)).status, site.output()).toBe(200);
  });
});
