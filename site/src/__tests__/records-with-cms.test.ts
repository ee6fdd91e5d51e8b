import { randomBytes } from 'node:crypto';
import { CONFIG_CATALOGUES, type Locale } from '@mobio/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createStaff, freshEnv, startCms, type TestCms } from '../../../cms/test/harness';
import { formatDate, t } from '../i18n';
import { dayOf } from '../lib/plan';
import { multipart, send, sessionCookie, text } from './helpers/http';
import { type RunningSite, startSite, TEST_MUNICIPALITY } from './helpers/site-server';

/*
 * The newcomer's own data through the site's HTML forms against the real CMS: the profile, the
 * language skills, education and work entries (create, list, edit, delete), documents (upload,
 * list, download byte for byte, link to an entry, refusals beside the file field, delete), and the
 * dashboard that sums it up. Errors come back beside the field in the page's language, with
 * everything typed still in the form.
 */

const PASSWORD = 'Sonnenblume-7';
const UPLOAD_MAX_BYTES = 200_000;
const pdf = (size = 20_000) =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    randomBytes(size).map((b) => (b === 0x3c ? 0x3d : b)),
    Buffer.from('\n%%EOF\n'),
  ]);

let cms: TestCms;
let site: RunningSite;

beforeAll(async () => {
  cms = await startCms(
    await freshEnv({ ...TEST_MUNICIPALITY, UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) }),
  );
  cms.strapi.config.set('plugin::users-permissions.ratelimit', { enabled: false });
  site = await startSite({ CMS_INTERNAL_URL: cms.url, UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) });
}, 120_000);

afterAll(async () => {
  await site?.stop();
  await cms?.stop();
});

let counter = 0;
async function newcomer(locale: Locale = 'de') {
  const email = `records-${locale}-${++counter}-${Date.now()}@example.test`;
  const response = await send(site, 'POST', `/${locale}/register`, {
    form: { email, password: PASSWORD, passwordConfirmation: PASSWORD, privacy: 'on' },
  });
  expect(response.status, site.output()).toBe(303);
  const cookie = sessionCookie(response)!;
  return { cookie, jwt: cookie.split('=')[1] };
}

/** The value attribute of an input, the selected option of a select, or a textarea's text. */
function fieldValue(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  if (input) return text(/value="([^"]*)"/.exec(input)?.[1] ?? '');
  const textarea = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(html);
  if (textarea) return text(textarea[1]);
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(
    html,
  )?.[1];
  if (select) return /<option value="([^"]*)" selected/.exec(select)?.[1] ?? '';
  return undefined;
}

/** The documentIds a list page links to. */
const idsIn = (html: string, kind: string) =>
  [...html.matchAll(new RegExp(`/records/${kind}/([a-z0-9]{24})"`, 'g'))].map((m) => m[1]);

describe('profile', () => {
  it('is saved from the form, shown again for editing, and refused with messages beside the fields', async () => {
    const { cookie, jwt } = await newcomer('fr');
    const empty = await send(site, 'GET', '/fr/profile', { cookie });
    expect(empty.status).toBe(200);
    expect(fieldValue(empty.html, 'givenNames')).toBe('');

    const wrong = await send(site, 'POST', '/fr/profile', {
      cookie,
      form: {
        givenNames: 'ليلى',
        familyName: '',
        birthDate: '2999-01-01',
        phone: 'call me',
        children: '2.5',
        nationality: 'DD',
      },
    });
    expect(wrong.status).toBe(400);
    const fr = t('fr');
    const page = text(wrong.html);
    for (const key of [
      'error.required',
      'error.future',
      'error.phone',
      'error.number',
      'error.country',
    ] as const) {
      expect(page).toContain(fr(key));
    }
    // Everything typed comes back, Arabic included.
    expect(fieldValue(wrong.html, 'givenNames')).toBe('ليلى');
    expect(fieldValue(wrong.html, 'phone')).toBe('call me');
    expect(wrong.html).toContain('aria-invalid="true"');

    const saved = await send(site, 'POST', '/fr/profile', {
      cookie,
      body: new URLSearchParams([
        ['givenNames', 'ليلى'],
        ['familyName', 'Haddad'],
        ['birthDate', '1994-03-02'],
        ['nationality', 'SY'],
        ['phone', '+49 151 2345678'],
        ['correspondenceLanguages', 'ar'],
        ['correspondenceLanguages', 'de'],
        ['children', '2'],
        ['textLanguage', 'ar'],
      ]).toString(),
    });
    expect(saved.status, text(saved.html)).toBe(303);
    expect(saved.location).toBe('/fr/dashboard?saved=profile');

    const stored = await api(cms, 'GET', '/api/profiles/me', { token: jwt });
    expect(stored.body.data).toMatchObject({
      givenNames: 'ليلى',
      familyName: 'Haddad',
      birthDate: '1994-03-02',
      nationality: 'SY',
      correspondenceLanguages: ['ar', 'de'],
      children: 2,
      textLanguage: 'ar',
    });
    const again = await send(site, 'GET', '/fr/profile', { cookie });
    expect(fieldValue(again.html, 'familyName')).toBe('Haddad');
    expect(fieldValue(again.html, 'nationality')).toBe('SY');
    expect(again.html).toMatch(/value="de" checked/);
    // Free text is written in whatever direction it has.
    expect(again.html).toMatch(/name="givenNames"[^>]*dir="auto"|dir="auto"[^>]*name="givenNames"/);
  });

  it('takes the name in Latin letters, and refuses another script with a message in the person’s language, keeping what was typed', async () => {
    const { cookie, jwt } = await newcomer('ar');
    const ar = t('ar');
    const form = await send(site, 'GET', '/ar/profile', { cookie });
    expect(text(form.html)).toContain(CONFIG_CATALOGUES.ar.field.latinName);
    expect(text(form.html)).toContain(CONFIG_CATALOGUES.ar.field.latinNameHint);

    const wrong = await send(site, 'POST', '/ar/profile', {
      cookie,
      form: { givenNames: 'ليلى', familyName: 'حدّاد', latinName: 'ليلى Haddad' },
    });
    expect(wrong.status).toBe(400);
    expect(text(/id="field-latinName-error"[^>]*>([^<]*)</.exec(wrong.html)?.[1] ?? '')).toBe(
      ar('error.latinName'),
    );
    expect(fieldValue(wrong.html, 'latinName')).toBe('ليلى Haddad');
    expect(fieldValue(wrong.html, 'givenNames')).toBe('ليلى');
    expect((await api(cms, 'GET', '/api/profiles/me', { token: jwt })).status).toBe(404);

    const saved = await send(site, 'POST', '/ar/profile', {
      cookie,
      form: { givenNames: 'ليلى', familyName: 'حدّاد', latinName: 'Laylā Haddād' },
    });
    expect(saved.status, text(saved.html)).toBe(303);
    expect((await api(cms, 'GET', '/api/profiles/me', { token: jwt })).body.data).toMatchObject({
      givenNames: 'ليلى',
      latinName: 'Laylā Haddād',
    });
    const again = await send(site, 'GET', '/ar/profile', { cookie });
    expect(fieldValue(again.html, 'latinName')).toBe('Laylā Haddād');
    // Left to right in the Arabic page once typed.
    expect(again.html).toMatch(/name="latinName"[^>]*dir="auto"|dir="auto"[^>]*name="latinName"/);
  });
});

describe.each([
  [
    'languages',
    { language: 'ar', native: 'on', notes: 'لغتي الأم' },
    { language: 'xx-nonsense' },
    'error.language',
    'language-skills',
    'notes',
  ],
  [
    'education',
    {
      kind: 'university',
      institution: 'Universität Damaskus',
      from: '2012-09-01',
      to: '2016-07-01',
      iscedLevel: 'isced6',
      textLanguage: 'de',
    },
    {
      kind: 'university',
      institution: 'Universität Damaskus',
      from: '2016-09-01',
      to: '2012-07-01',
    },
    'error.dateOrder',
    'education-entries',
    'notes',
  ],
  [
    'employment',
    { occupation: 'Krankenpflegerin', employer: 'Al-Mouwasat', country: 'SY', from: '2016-09-01' },
    { occupation: '' },
    'error.required',
    'employment-entries',
    'tasks',
  ],
] as const)('%s entries', (kind, valid, invalid, errorKey, path, freeText) => {
  it('are created, listed, edited and deleted; wrong input is refused in the UI language and kept', async () => {
    const { cookie, jwt } = await newcomer('ar');
    const ar = t('ar');

    const refused = await send(site, 'POST', `/ar/records/${kind}/new`, { cookie, form: invalid });
    expect(refused.status).toBe(400);
    expect(text(refused.html)).toContain(ar(errorKey));
    for (const [name, value] of Object.entries(invalid))
      expect(fieldValue(refused.html, name)).toBe(value);

    const created = await send(site, 'POST', `/ar/records/${kind}/new`, { cookie, form: valid });
    expect(created.status, text(created.html)).toBe(303);
    expect(created.location).toBe(`/ar/records/${kind}?done=saved`);
    const list = await send(site, 'GET', created.location!, { cookie });
    expect(text(list.html)).toContain(ar('records.saved'));
    const [id] = idsIn(list.html, kind);
    expect(id).toBeDefined();

    const edit = await send(site, 'GET', `/ar/records/${kind}/${id}`, { cookie });
    for (const [name, value] of Object.entries(valid)) {
      if (name !== 'native') expect(fieldValue(edit.html, name)).toBe(value);
    }
    const changed = { ...valid, [freeText]: 'تم التعديل' };
    expect(
      (await send(site, 'POST', `/ar/records/${kind}/${id}`, { cookie, form: changed })).status,
    ).toBe(303);
    const stored = await api(cms, 'GET', `/api/${path}/${id}`, { token: jwt });
    expect(stored.body.data[freeText]).toBe('تم التعديل');

    // Deleting asks first; the GET deletes nothing.
    const ask = await send(site, 'GET', `/ar/records/${kind}/${id}/delete`, { cookie });
    expect(ask.status).toBe(200);
    expect((await api(cms, 'GET', `/api/${path}/${id}`, { token: jwt })).status).toBe(200);
    const deleted = await send(site, 'POST', `/ar/records/${kind}/${id}/delete`, { cookie });
    expect(deleted.location).toBe(`/ar/records/${kind}?done=deleted`);
    expect((await api(cms, 'GET', `/api/${path}/${id}`, { token: jwt })).status).toBe(404);
    expect((await send(site, 'GET', `/ar/records/${kind}/${id}`, { cookie })).status).toBe(404);
  });
});

describe('records of someone else', () => {
  it('are not found, not editable and not deletable through the site', async () => {
    const owner = await newcomer();
    const other = await newcomer();
    await send(site, 'POST', '/de/records/employment/new', {
      cookie: owner.cookie,
      form: { occupation: 'Bäcker' },
    });
    const [id] = idsIn(
      (await send(site, 'GET', '/de/records/employment', { cookie: owner.cookie })).html,
      'employment',
    );
    expect(
      (await send(site, 'GET', `/de/records/employment/${id}`, { cookie: other.cookie })).status,
    ).toBe(404);
    expect(
      (
        await send(site, 'POST', `/de/records/employment/${id}`, {
          cookie: other.cookie,
          form: { occupation: 'Dieb' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await send(site, 'POST', `/de/records/employment/${id}/delete`, { cookie: other.cookie }))
        .status,
    ).toBe(404);
    const stored = await api(cms, 'GET', `/api/employment-entries/${id}`, { token: owner.jwt });
    expect(stored.body.data.occupation).toBe('Bäcker');
  });

  it('an unknown kind of record is a 404, and every page asks for the login', async () => {
    const { cookie } = await newcomer();
    expect((await send(site, 'GET', '/de/records/passwords', { cookie })).status).toBe(404);
    for (const path of [
      '/de/profile',
      '/de/records/languages',
      '/de/records/education/new',
      '/de/documents/upload',
    ]) {
      const response = await send(site, 'GET', path);
      expect(response.status).toBe(303);
      expect(response.location).toBe(`/de/login?next=${encodeURIComponent(path)}`);
    }
  });
});

describe('documents', () => {
  it('are uploaded with their metadata and a link to an entry, listed, downloaded byte for byte and deleted with the file', async () => {
    const { cookie, jwt } = await newcomer('fa');
    await send(site, 'POST', '/fa/records/education/new', {
      cookie,
      form: { kind: 'school', institution: 'دبیرستان البرز' },
    });
    const [entry] = idsIn(
      (await send(site, 'GET', '/fa/records/education', { cookie })).html,
      'education',
    );

    const form = await send(site, 'GET', `/fa/documents/upload?educationEntry=${entry}`, {
      cookie,
    });
    expect(form.html).toContain('enctype="multipart/form-data"');
    expect(fieldValue(form.html, 'educationEntry')).toBe(entry);
    // The progress script is a file of the site (the CSP forbids inline scripts).
    expect(form.html).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);

    const file = pdf();
    const upload = await multipart(
      {
        file: new Blob([file]),
        title: 'دیپلم',
        kind: 'diploma',
        educationEntry: entry,
        language: 'fa',
      },
      'دیپلم.pdf',
    );
    const uploaded = await send(site, 'POST', '/fa/documents/upload', {
      cookie,
      body: upload.body,
      contentType: upload.contentType,
    });
    expect(uploaded.status, text(uploaded.html)).toBe(303);
    expect(uploaded.location).toBe('/fa/records/documents?done=uploaded');

    const list = await send(site, 'GET', '/fa/records/documents', { cookie });
    expect(text(list.html)).toContain('دیپلم');
    const [id] = idsIn(list.html, 'documents');
    const stored = await api(
      cms,
      'GET',
      `/api/documents/${id}?populate[educationEntry][fields][0]=documentId`,
      { token: jwt },
    );
    expect(stored.body.data).toMatchObject({
      title: 'دیپلم',
      kind: 'diploma',
      language: 'fa',
      educationEntry: { documentId: entry },
    });

    const download = await fetch(`${site.url}/fa/documents/${id}/file`, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(Buffer.from(await download.arrayBuffer()).equals(file)).toBe(true);

    // The metadata can be edited; the link shows as chosen.
    const edit = await send(site, 'GET', `/fa/records/documents/${id}`, { cookie });
    expect(fieldValue(edit.html, 'educationEntry')).toBe(entry);

    await send(site, 'POST', `/fa/records/documents/${id}/delete`, { cookie });
    expect(
      (await fetch(`${site.url}/fa/documents/${id}/file`, { headers: { cookie } })).status,
    ).toBe(404);
  });

  it('refusals show beside the file field in the UI language, with the typed metadata kept', async () => {
    const { cookie } = await newcomer('de');
    const de = t('de');
    const cases: [string, Record<string, string | Blob>, number, Parameters<typeof de>[0]][] = [
      ['no file', { title: 'Zeugnis', kind: 'certificate' }, 400, 'error.fileMissing'],
      [
        'a program called .pdf',
        {
          file: new Blob([Buffer.from('MZ\x90\x00 this is not a pdf'.padEnd(400, 'x'))]),
          title: 'Zeugnis',
          kind: 'certificate',
        },
        400,
        'error.fileType',
      ],
      [
        'too large',
        { file: new Blob([pdf(UPLOAD_MAX_BYTES)]), title: 'Zeugnis', kind: 'certificate' },
        413,
        'error.fileTooLarge',
      ],
      [
        'missing title',
        { file: new Blob([pdf()]), title: '', kind: 'certificate' },
        400,
        'error.required',
      ],
    ];
    // Far over the limit, the body is not even read: the message comes, the typed metadata is lost.
    const huge = await multipart(
      { file: new Blob([pdf(UPLOAD_MAX_BYTES * 2)]), title: 'Zeugnis', kind: 'certificate' },
      'zeugnis.pdf',
    );
    const refusedUnread = await send(site, 'POST', '/de/documents/upload', {
      cookie,
      body: huge.body,
      contentType: huge.contentType,
    });
    expect(refusedUnread.status).toBe(413);
    expect(text(refusedUnread.html)).toContain(de('error.fileTooLarge'));
    for (const [label, fields, status, key] of cases) {
      const body = await multipart(fields, 'zeugnis.pdf');
      const response = await send(site, 'POST', '/de/documents/upload', {
        cookie,
        body: body.body,
        contentType: body.contentType,
      });
      expect(response.status, label).toBe(status);
      expect(text(response.html), label).toContain(de(key));
      expect(fieldValue(response.html, 'kind'), label).toBe('certificate');
    }
    const list = await send(site, 'GET', '/de/records/documents', { cookie });
    expect(text(list.html)).toContain(de('records.empty'));
  });
});

describe('dashboard', () => {
  it('says what is filled in and what is missing, who has access, and the latest plan', async () => {
    const { cookie, jwt } = await newcomer('en');
    const en = t('en');
    const before = text((await send(site, 'GET', '/en/dashboard', { cookie })).html);
    expect(before).toContain(en('dashboard.nobody'));
    expect(before).toContain(en('dashboard.noPlan'));
    expect(before.split(en('dashboard.missing')).length - 1).toBe(5);

    await send(site, 'POST', '/en/profile', {
      cookie,
      form: { givenNames: 'Layla', familyName: 'Haddad' },
    });
    await send(site, 'POST', '/en/records/languages/new', {
      cookie,
      form: { language: 'de', reading: 'B1' },
    });
    await send(site, 'POST', '/en/records/languages/new', {
      cookie,
      form: { language: 'ar', native: 'on' },
    });
    const after = text((await send(site, 'GET', '/en/dashboard', { cookie })).html);
    expect(after).toContain(en('dashboard.fieldsFilled', { filled: 2, total: 16 }));
    expect(after).toContain(en('dashboard.entries', { count: 2 }));
    expect(after.split(en('dashboard.missing')).length - 1).toBe(3);

    const advisor = await createStaff(cms, 'Amira');
    const code = (await api(cms, 'POST', '/sharing/invitations', { token: advisor.token })).body
      .data.code;
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const grant = await api(cms, 'POST', '/api/sharing/grants', {
      token: jwt,
      body: {
        data: {
          invitationCode: code,
          sections: ['profile', 'languages'],
          purpose: 'Beratung',
          expiresAt: until,
        },
      },
    });
    expect(grant.status).toBe(200);
    const shared = text((await send(site, 'GET', '/en/dashboard', { cookie })).html);
    expect(shared).not.toContain(en('dashboard.nobody'));
    expect(shared).toContain('Amira');
    expect(shared).toContain(
      en('dashboard.grantLine', {
        sections: 'Personal data and Language skills',
        until: formatDate('en', dayOf(until)),
      }),
    );

    // A revoked grant is no longer "who has access".
    expect(
      (
        await api(cms, 'POST', `/api/sharing/grants/${grant.body.data.documentId}/revoke`, {
          token: jwt,
        })
      ).status,
    ).toBe(204);
    const revoked = text((await send(site, 'GET', '/en/dashboard', { cookie })).html);
    expect(revoked).toContain(en('dashboard.nobody'));
    expect(revoked).not.toContain('Amira');
  });
});
