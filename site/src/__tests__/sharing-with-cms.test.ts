import { LOCALES, receiptLabels, SECTIONS, type Locale } from '@mobio/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createStaff, freshEnv, startCms, type TestCms } from '../../../cms/test/harness';
import { t } from '../i18n';
import { send, sessionCookie, type SiteResponse, text } from './helpers/http';
import { type RunningSite, startSite, TEST_MUNICIPALITY } from './helpers/site-server';

/*
 * Sharing and the account's rights through the site's HTML forms, against the real CMS on a fresh
 * database: give a grant by invitation code and from the directory, see it, its receipt and its
 * PDF, revoke it (the staff member is refused at once), the access log, the export, the CV, and
 * deleting the account.
 */

const PASSWORD = 'Sonnenblume-7';
let counter = 0;
const newEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.test`;

let cms: TestCms;
let site: RunningSite;
let advisor: Awaited<ReturnType<typeof createStaff>>;
let listed: Awaited<ReturnType<typeof createStaff>>;
let listingId: string;
const LISTED_NAME = 'Jonas Verzeichnis';

beforeAll(async () => {
  // The CMS names the same district as the site (receipts, PDFs).
  cms = await startCms(await freshEnv(TEST_MUNICIPALITY));
  // Every request of the site comes from 127.0.0.1; the CMS's per-address login limit is not under test here.
  cms.strapi.config.set('plugin::users-permissions.ratelimit', { enabled: false });
  site = await startSite({ CMS_INTERNAL_URL: cms.url });
  advisor = await createStaff(cms, 'Amira');
  listed = await createStaff(cms, 'Jonas');
  const listing = await cms.strapi.db
    .query('plugin::sharing.staff-listing')
    .create({ data: { staff: listed.id, displayName: LISTED_NAME, listed: true } });
  listingId = listing.documentId;
}, 120_000);

afterAll(async () => {
  await site?.stop();
  await cms?.stop();
});

/** Registers through the site's form; returns the cookie and the JWT in it. */
async function newcomer(locale: Locale) {
  const email = newEmail(`sharing-${locale}`);
  const response = await send(site, 'POST', `/${locale}/register`, {
    form: { email, password: PASSWORD, passwordConfirmation: PASSWORD, privacy: 'on' },
  });
  expect(response.status, site.output()).toBe(303);
  const cookie = sessionCookie(response)!;
  const user = await cms.strapi.db
    .query('plugin::users-permissions.user')
    .findOne({ where: { email: email.toLowerCase() } });
  return { email, cookie, jwt: cookie.split('=')[1], documentId: user.documentId as string };
}

/** A fresh one-time code of a staff member, as XXXXX-XXXXX-XXXXX. */
async function invitationCode(staff: { token: string }): Promise<string> {
  const { status, body } = await api(cms, 'POST', '/sharing/invitations', { token: staff.token });
  expect(status).toBe(200);
  return body.data.code;
}

/** Posts the grant form: pairs, because sections come as several values. */
function postGrant(
  locale: Locale,
  cookie: string,
  fields: [string, string][],
  options: { origin?: string } = {},
) {
  return send(site, 'POST', `/${locale}/sharing/new`, {
    cookie,
    body: new URLSearchParams(fields).toString(),
    ...options,
  });
}

/** Who a staff member sees in "shared with me" right now. */
async function sharedWith(staff: { token: string }): Promise<string[]> {
  const { status, body } = await api(cms, 'GET', '/sharing/shared-with-me', { token: staff.token });
  expect(status).toBe(200);
  return body.data.map((row: { ownerId: string }) => row.ownerId);
}

const receiptIds = (html: string, locale: Locale) =>
  [...html.matchAll(new RegExp(`href="/${locale}/sharing/receipt/([a-z0-9]+)"`, 'g'))].map(
    (m) => m[1],
  );

describe.each(LOCALES)('sharing journey in %s', (locale) => {
  const tr = t(locale);
  let person: Awaited<ReturnType<typeof newcomer>>;
  let byCode: string;
  let byDirectory: string;

  beforeAll(async () => {
    person = await newcomer(locale);
    // A profile, so a staff member's read of that section has something to read (and to log).
    const profile = await api(cms, 'PUT', '/api/profiles/me', {
      token: person.jwt,
      body: { data: { givenNames: 'Layla', familyName: 'Haddad' } },
    });
    expect(profile.status, JSON.stringify(profile.body)).toBe(200);
  });

  it('opens the invitation link of a QR code with the code filled in', async () => {
    const code = await invitationCode(advisor);
    const response = await send(site, 'GET', `/${locale}/sharing/invitation?code=${code}`, {
      cookie: person.cookie,
    });
    expect(response.status, site.output()).toBe(200);
    expect(response.html).toMatch(new RegExp(`name="invitationCode" type="text" value="${code}"`));
    expect(text(response.html)).toContain(tr('grant.code'));
  });

  it('gives a grant by invitation code: the confirmation step names the staff member, then the grant is listed', async () => {
    const code = await invitationCode(advisor);
    const fields: [string, string][] = [
      ['via', 'code'],
      ['invitationCode', code.toLowerCase()],
      ['sections', 'profile'],
      ['sections', 'languages'],
      ['access', 'read'],
      ['purpose', 'Beratung zur Anerkennung'],
      ['expiresAt', ''],
    ];
    const review = await postGrant(locale, person.cookie, [...fields, ['step', 'review']]);
    expect(review.status, site.output()).toBe(200);
    const page = text(review.html);
    expect(page).toContain('Amira Berater');
    expect(page).toContain(tr('grant.confirm'));
    expect(page).toContain(SECTIONS.label('languages', locale));
    // Nothing is given before the confirmation.
    expect(await sharedWith(advisor)).not.toContain(person.documentId);

    const confirmed = await postGrant(locale, person.cookie, [...fields, ['step', 'confirm']]);
    expect(confirmed.status, site.output()).toBe(303);
    expect(confirmed.location).toBe(`/${locale}/sharing?done=created`);
    expect(await sharedWith(advisor)).toContain(person.documentId);

    const list = await send(site, 'GET', confirmed.location!, { cookie: person.cookie });
    expect(list.status).toBe(200);
    const listed = text(list.html);
    expect(listed).toContain(tr('sharing.created'));
    expect(listed).toContain('Amira Berater');
    expect(listed).toContain('Beratung zur Anerkennung');
    expect(listed).toContain(SECTIONS.label('profile', locale));
    byCode = receiptIds(list.html, locale)[0];
    expect(byCode).toMatch(/^[a-z0-9]{24}$/);
  });

  it('gives a grant to a person picked from the directory, with an end date and write access to plans', async () => {
    const form = await send(site, 'GET', `/${locale}/sharing/new?via=directory`, {
      cookie: person.cookie,
    });
    expect(form.status).toBe(200);
    expect(text(form.html)).toContain(LISTED_NAME);
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const fields: [string, string][] = [
      ['via', 'directory'],
      ['grantee', listingId],
      ['sections', 'plans'],
      ['access', 'write'],
      ['purpose', 'Integrationsplan'],
      ['expiresAt', until],
    ];
    const review = await postGrant(locale, person.cookie, [...fields, ['step', 'review']]);
    expect(review.status, site.output()).toBe(200);
    expect(text(review.html)).toContain(LISTED_NAME);
    expect(text(review.html)).toContain(tr('sharing.accessWrite'));
    const confirmed = await postGrant(locale, person.cookie, [...fields, ['step', 'confirm']]);
    expect(confirmed.status, site.output()).toBe(303);
    expect(await sharedWith(listed)).toContain(person.documentId);

    const ids = receiptIds(
      (await send(site, 'GET', `/${locale}/sharing`, { cookie: person.cookie })).html,
      locale,
    );
    expect(ids).toHaveLength(2);
    byDirectory = ids.find((id) => id !== byCode)!;
  });

  it('shows the consent receipt with the labels in the UI language and downloads it as a PDF', async () => {
    const response = await send(site, 'GET', `/${locale}/sharing/receipt/${byCode}`, {
      cookie: person.cookie,
    });
    expect(response.status, site.output()).toBe(200);
    const page = text(response.html);
    const labels = receiptLabels(locale);
    for (const key of [
      'title',
      'controller',
      'recipient',
      'purpose',
      'validUntil',
      'status',
    ] as const)
      expect(page).toContain(labels[key]);
    expect(page).toContain('Amira Berater');
    const receipt = text(response.html.match(/<dl class="facts receipt"[\s\S]*?<\/dl>/)?.[0] ?? '');
    for (const value of [
      'Layla Haddad',
      'Landkreis Testhausen',
      'Prüfweg 7, 54321 Testhausen',
      'Dana Datenschutz',
      'Beratung zur Anerkennung',
    ]) {
      expect(receipt).toContain(value);
    }
    expect(receipt).toContain(SECTIONS.label('languages', locale));
    // How to revoke: a link to this site's sharing page.
    expect(response.html).toMatch(
      new RegExp(`<a href="/${locale}/sharing" dir="ltr">[^<]*/${locale}/sharing</a>`),
    );

    const pdf = await send(site, 'GET', `/${locale}/sharing/receipt/${byCode}/pdf`, {
      cookie: person.cookie,
    });
    expect(pdf.status, site.output()).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment/);
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdf.html.startsWith('%PDF')).toBe(true);
  });

  it('lists the staff member reading a section in the access log, by name, one line for the visit', async () => {
    // Two looks a minute apart are one visit: one line, the two reads inside it.
    for (let i = 0; i < 2; i++)
      expect(
        (await api(cms, 'GET', `/sharing/records/${person.documentId}`, { token: advisor.token }))
          .status,
      ).toBe(200);
    const log = await send(site, 'GET', `/${locale}/sharing/access-log`, { cookie: person.cookie });
    expect(log.status, site.output()).toBe(200);
    const page = text(log.html);
    expect(page.split('Amira Berater')).toHaveLength(2);
    expect(page).toContain(
      tr('accessLog.actionOn', {
        action: tr('log.action.read'),
        sections: SECTIONS.label('profile', locale),
      }),
    );
    const details =
      /<details class="log__details"[^>]*>([\s\S]*?)<\/details>/.exec(log.html)?.[1] ?? '';
    expect(text(details)).toContain(tr('accessLog.details', { count: 2 }));
    expect(details.match(/<li>/g)).toHaveLength(2);
    expect(page).toContain(tr('log.action.read'));
    expect(page).toContain(tr('log.action.grant.create'));
    expect(page).toContain(tr('log.actor.you'));
    expect(page).toContain(SECTIONS.label('profile', locale));
  });

  it('revokes one grant: the staff member is refused at once, the other grant stays', async () => {
    const response = await send(site, 'POST', `/${locale}/sharing`, {
      cookie: person.cookie,
      form: { action: 'revoke', grant: byCode },
    });
    expect(response.status, site.output()).toBe(303);
    expect(response.location).toBe(`/${locale}/sharing?done=revoked`);
    expect(await sharedWith(advisor)).not.toContain(person.documentId);
    expect(
      (await api(cms, 'GET', `/sharing/records/${person.documentId}`, { token: advisor.token }))
        .status,
    ).toBe(404);
    expect(await sharedWith(listed)).toContain(person.documentId);
    const page = text(
      (await send(site, 'GET', response.location!, { cookie: person.cookie })).html,
    );
    expect(page).toContain(tr('sharing.revoked'));
    expect(page).toContain(tr('sharing.endedHeading'));
  });

  it('revokes all grants at once', async () => {
    const response = await send(site, 'POST', `/${locale}/sharing`, {
      cookie: person.cookie,
      form: { action: 'revokeAll' },
    });
    expect(response.status, site.output()).toBe(303);
    expect(await sharedWith(listed)).not.toContain(person.documentId);
    const page = text(
      (await send(site, 'GET', response.location!, { cookie: person.cookie })).html,
    );
    expect(page).toContain(tr('sharing.revokedAll'));
    expect(page).toContain(tr('sharing.noActive'));
    expect(byDirectory).toBeDefined();
  });

  it('shows the revocations in the access log', async () => {
    const page = text(
      (await send(site, 'GET', `/${locale}/sharing/access-log`, { cookie: person.cookie })).html,
    );
    expect(page).toContain(tr('log.action.grant.revoke'));
  });

  it('downloads everything as a zip', async () => {
    const response = await send(site, 'GET', `/${locale}/account/export`, {
      cookie: person.cookie,
    });
    expect(response.status, site.output()).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="mobio-export-/);
    expect(response.html.startsWith('PK')).toBe(true);
  });

  it('downloads the CV as a PDF in the chosen language', async () => {
    const response = await send(
      site,
      'GET',
      `/${locale}/account/cv?language=fa&include=birth&include=contact&include=evil`,
      {
        cookie: person.cookie,
      },
    );
    expect(response.status, site.output()).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('lebenslauf-fa.pdf');
    expect(response.html.startsWith('%PDF')).toBe(true);
  });

  it('keeps the account when the password for deleting it is wrong, with the message at the field', async () => {
    const response = await send(site, 'POST', `/${locale}/account`, {
      cookie: person.cookie,
      form: { password: 'Nicht-das-Passwort', confirm: 'on' },
    });
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain(tr('error.wrongPassword'));
    expect(response.html).toMatch(/id="field-password"[^>]*aria-invalid="true"/);
    expect(response.setCookies.filter((c) => c.startsWith('mobio_session'))).toEqual([]);
    expect((await api(cms, 'GET', '/api/users/me', { token: person.jwt })).status).toBe(200);
  });

  it('asks for the confirmation checkbox before deleting', async () => {
    const response = await send(site, 'POST', `/${locale}/account`, {
      cookie: person.cookie,
      form: { password: PASSWORD },
    });
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain(tr('error.confirmDeletion'));
    expect((await api(cms, 'GET', '/api/users/me', { token: person.jwt })).status).toBe(200);
  });

  it('deletes the account with the right password: the cookie goes and the CMS refuses the old JWT', async () => {
    const response = await send(site, 'POST', `/${locale}/account`, {
      cookie: person.cookie,
      form: { password: PASSWORD, confirm: 'on' },
    });
    expect(response.status, site.output()).toBe(303);
    expect(response.location).toBe(`/${locale}/account-deleted`);
    expect(response.setCookies.join('\n')).toMatch(/mobio_session=deleted/);
    expect((await api(cms, 'GET', '/api/users/me', { token: person.jwt })).status).toBe(401);
    const page = await send(site, 'GET', response.location!);
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain(tr('accountDeleted.text'));
  });
});

describe('giving a grant: failures', () => {
  let person: Awaited<ReturnType<typeof newcomer>>;
  beforeAll(async () => {
    person = await newcomer('ar');
  });

  const base = (code: string): [string, string][] => [
    ['via', 'code'],
    ['invitationCode', code],
    ['sections', 'documents'],
    ['access', 'read'],
    ['purpose', 'Bewerbung'],
    ['step', 'review'],
  ];

  it('says an unknown code is not valid, in the UI language, keeping what was typed', async () => {
    const response = await postGrant('ar', person.cookie, base('ABCDE-FGHJK-MNPQR'));
    expect(response.status).toBe(400);
    const page = text(response.html);
    expect(page).toContain(t('ar')('error.invitationCode'));
    expect(page).toContain('value="Bewerbung"');
    expect(response.html).toMatch(/id="section-documents"[^>]*checked/);
  });

  it('refuses a code that was already used', async () => {
    const code = await invitationCode(advisor);
    const used = base(code).map(([k, v]): [string, string] =>
      k === 'step' ? [k, 'confirm'] : [k, v],
    );
    expect((await postGrant('ar', person.cookie, used)).status).toBe(303);
    const other = await newcomer('de');
    const again = await postGrant('de', other.cookie, base(code));
    expect(again.status).toBe(400);
    expect(text(again.html)).toContain(t('de')('error.invitationCode'));
  });

  it('shows every schema message next to its field: code, sections, write without plans, purpose, past end date', async () => {
    const response = await postGrant('de', person.cookie, [
      ['via', 'code'],
      ['invitationCode', 'zu-kurz'],
      ['access', 'write'],
      ['purpose', ''],
      ['expiresAt', '2001-01-01'],
      ['step', 'review'],
    ]);
    expect(response.status).toBe(400);
    const page = text(response.html);
    const de = t('de');
    for (const key of [
      'error.invitationCode',
      'error.sections',
      'error.writeOnlyPlans',
      'error.required',
      'error.pastExpiry',
    ] as const) {
      expect(page).toContain(de(key));
    }
    expect(page).toContain('value="zu-kurz"');
    expect(response.html).toMatch(/id="field-expiresAt"[^>]*aria-invalid="true"/);
  });

  it('asks for a person when none was picked from the directory', async () => {
    const response = await postGrant('fr', person.cookie, [
      ['via', 'directory'],
      ['sections', 'profile'],
      ['purpose', 'Conseil'],
      ['step', 'review'],
    ]);
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain(t('fr')('error.granteeMissing'));
    expect(text(response.html)).toContain(LISTED_NAME);
  });

  it('refuses an end date further away than four years with the CMS message', async () => {
    const fields: [string, string][] = [
      ['via', 'directory'],
      ['grantee', listingId],
      ['sections', 'profile'],
      ['purpose', 'Lange'],
      ['expiresAt', new Date(Date.now() + 5 * 366 * 86_400_000).toISOString().slice(0, 10)],
    ];
    const response = await postGrant('en', person.cookie, [...fields, ['step', 'confirm']]);
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain(t('en')('error.expiryTooLate'));
  });

  it('goes back from the confirmation step to the form with everything kept', async () => {
    const code = await invitationCode(advisor);
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    const response = await postGrant('fa', person.cookie, [
      ['via', 'code'],
      ['invitationCode', code],
      ['sections', 'education'],
      ['sections', 'plans'],
      ['access', 'write'],
      ['purpose', 'Kurs'],
      ['expiresAt', inAYear],
      ['step', 'edit'],
    ]);
    expect(response.status).toBe(200);
    expect(response.html).toMatch(new RegExp(`name="invitationCode" type="text" value="${code}"`));
    expect(response.html).toMatch(/id="section-education"[^>]*checked/);
    expect(response.html).toMatch(/id="section-plans"[^>]*checked/);
    expect(response.html).not.toMatch(/id="section-profile"[^>]*checked/);
    expect(response.html).toMatch(/id="access-write"[^>]*checked/);
    expect(response.html).toContain('value="Kurs"');
    expect(response.html).toContain(`value="${inAYear}"`);
    // Nothing was given, and the code is still good.
    expect(
      (await api(cms, 'GET', `/api/sharing/invitations/${code}`, { token: person.jwt })).status,
    ).toBe(200);
  });

  it('says a grant that is not mine cannot be found when revoking it', async () => {
    const response = await send(site, 'POST', '/en/sharing', {
      cookie: person.cookie,
      form: { action: 'revoke', grant: 'a'.repeat(24) },
    });
    expect(response.status).toBe(404);
    expect(text(response.html)).toContain(t('en')('error.notFound'));
  });

  it('refuses a cross-site grant or revocation with 403', async () => {
    const grant = await postGrant('de', person.cookie, base('ABCDE-FGHJK-MNPQR'), {
      origin: 'https://evil.example',
    });
    expect(grant.status).toBe(403);
    const revoke = await send(site, 'POST', '/de/sharing', {
      cookie: person.cookie,
      origin: 'https://evil.example',
      form: { action: 'revokeAll' },
    });
    expect(revoke.status).toBe(403);
  });
});

describe('sharing pages: access', () => {
  it('sends a visitor without a session to the login, keeping the invitation code', async () => {
    const response = await send(site, 'GET', '/de/sharing/invitation?code=ABCD-EFGH');
    expect(response.status).toBe(303);
    expect(response.location).toBe(
      `/de/login?next=${encodeURIComponent('/de/sharing/invitation?code=ABCD-EFGH')}`,
    );
    const login = await send(site, 'GET', response.location!);
    expect(login.html).toContain('name="next" value="/de/sharing/invitation?code=ABCD-EFGH"');
  });

  it.each([
    '/en/sharing',
    '/en/sharing/new',
    '/en/sharing/access-log',
    '/en/account',
    '/en/account/export',
  ])('sends a visitor without a session from %s to the login', async (path) => {
    const response = await send(site, 'GET', path);
    expect(response.status).toBe(303);
    expect(response.location).toMatch(/^\/en\/login\?next=/);
  });

  it("shows no receipt of another person's grant", async () => {
    const owner = await newcomer('de');
    const code = await invitationCode(advisor);
    const given = await api(cms, 'POST', '/api/sharing/grants', {
      token: owner.jwt,
      body: { data: { invitationCode: code, sections: ['profile'], purpose: 'Test' } },
    });
    expect(given.status).toBe(200);
    const stranger = await newcomer('de');
    const response = await send(site, 'GET', `/de/sharing/receipt/${given.body.data.documentId}`, {
      cookie: stranger.cookie,
    });
    expect(response.status).toBe(404);
    expect(text(response.html)).toContain(t('de')('error.notFound'));
    expect(text(response.html)).not.toContain('Amira');
    const pdf = await send(site, 'GET', `/de/sharing/receipt/${given.body.data.documentId}/pdf`, {
      cookie: stranger.cookie,
    });
    expect(pdf.status).toBe(303);
  });

  it('shows the privacy notice to everyone, with the retention periods and the district', async () => {
    for (const locale of LOCALES) {
      const response: SiteResponse = await send(site, 'GET', `/${locale}/privacy`);
      expect(response.status).toBe(200);
      const page = text(response.html);
      expect(page).toContain(t(locale)('privacy.retention', { inactiveDays: 730, noticeDays: 60 }));
      expect(page).toContain('Landkreis Testhausen');
      expect(page).toContain('datenschutz@testhausen.example');
    }
  });
});

describe('guessing invitation codes', () => {
  it('stops after ten wrong codes with 429 and the localized message, keeping what was typed', async () => {
    const person = await newcomer('fa');
    const form = (code: string): [string, string][] => [
      ['via', 'code'],
      ['invitationCode', code],
      ['sections', 'languages'],
      ['access', 'read'],
      ['purpose', 'Kurs'],
      ['step', 'review'],
    ];
    for (let i = 0; i < 10; i++)
      expect(
        (await postGrant('fa', person.cookie, form(`ABCDE-FGHJK-MN${'PQRSTUVWXY'[i]}QR`))).status,
      ).toBe(400);
    const blocked = await postGrant('fa', person.cookie, form('ABCDE-FGHJK-MNPQZ'));
    expect(blocked.status).toBe(429);
    expect(text(blocked.html)).toContain(t('fa')('error.tooMany'));
    expect(blocked.html).toContain('value="Kurs"');
  });
});
