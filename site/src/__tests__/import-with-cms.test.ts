import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LOCALES, SECTIONS } from '@mobio/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  freshEnv,
  registerNewcomer,
  startCms,
  uploadDocument,
  type TestCms,
} from '../../../cms/test/harness';
import { t } from '../i18n';
import { multipart, send, sessionCookie, text } from './helpers/http';
import { type RunningSite, startSite, TEST_MUNICIPALITY } from './helpers/site-server';

/*
 * "Import my data from another MoBio" on the account page, in every language: offered while the
 * account is empty, the result ("N records and M documents imported") in the page's language, and
 * the CMS's refusals (an account in use, a damaged zip) as localized messages. The checks
 * of the archive itself are tried in plugins/sharing/server/src/__tests__/import.test.ts.
 */

const PASSWORD = 'Sonnenblume-7';
let cms: TestCms;
let site: RunningSite;
let archive: Buffer;

beforeAll(async () => {
  cms = await startCms(await freshEnv({ ...TEST_MUNICIPALITY }));
  cms.strapi.config.set('plugin::users-permissions.ratelimit', { enabled: false });
  site = await startSite({ CMS_INTERNAL_URL: cms.url });
  // The export someone took with them from their old district.
  const mover = await registerNewcomer(cms);
  await api(cms, 'PUT', '/api/profiles/me', {
    token: mover.jwt,
    body: { data: { givenNames: 'Amal', familyName: 'Haddad' } },
  });
  await api(cms, 'POST', '/api/employment-entries', {
    token: mover.jwt,
    body: { data: { occupation: 'Apothekerin' } },
  });
  expect(
    (
      await uploadDocument(cms, mover.jwt, Buffer.from('%PDF-1.7\n%%EOF\n'), {
        kind: 'certificate',
        title: 'Zeugnis',
        fileName: 'zeugnis.pdf',
      })
    ).status,
  ).toBe(201);
  const response = await fetch(`${cms.url}/api/sharing/export`, {
    headers: { authorization: `Bearer ${mover.jwt}` },
  });
  archive = Buffer.from(await response.arrayBuffer());
}, 120_000);

afterAll(async () => {
  await site?.stop();
  await cms?.stop();
});

let counter = 0;
async function newcomer(locale: string) {
  const email = `import-${locale}-${++counter}-${Date.now()}@example.test`;
  const response = await send(site, 'POST', `/${locale}/register`, {
    form: { email, password: PASSWORD, passwordConfirmation: PASSWORD, privacy: 'on' },
  });
  expect(response.status, site.output()).toBe(303);
  return sessionCookie(response)!;
}

async function postImport(locale: string, cookie: string, zip: Buffer) {
  const body = await multipart({ file: new Blob([new Uint8Array(zip)]) }, 'mobio-export.zip');
  return send(site, 'POST', `/${locale}/account/import`, {
    cookie,
    body: body.body,
    contentType: body.contentType,
  });
}

describe('import on the account page', () => {
  for (const locale of LOCALES) {
    it(`imports into an empty account and then offers it no more (${locale})`, async () => {
      const tr = t(locale);
      const cookie = await newcomer(locale);
      const before = await send(site, 'GET', `/${locale}/account`, { cookie });
      expect(text(before.html)).toContain(tr('account.importHeading'));
      // Moving explained on both sides: what comes along, and what stays with the old district.
      expect(text(before.html)).toContain(tr('account.exportMoving'));
      expect(text(before.html)).toContain(tr('account.importLeftBehind'));
      expect(before.html).toContain(`action="/${locale}/account/import"`);

      const done = await postImport(locale, cookie, archive);
      expect(done.status, text(done.html)).toBe(200);
      expect(text(done.html)).toContain(tr('account.importDone', { records: 2, documents: 1 }));
      // …and what was taken over, by name.
      const list = text(done.html);
      expect(list).toContain(tr('account.importList'));
      expect(list).toMatch(new RegExp(`<li>\\s*${SECTIONS.label('profile', locale)}\\s*</li>`));
      expect(list).toMatch(
        new RegExp(
          `<li>\\s*${SECTIONS.label('employment', locale)}:\\s*<bdi>Apothekerin</bdi>\\s*</li>`,
        ),
      );
      expect(list).toMatch(
        new RegExp(
          `<li>\\s*${SECTIONS.label('documents', locale)}:\\s*<bdi>Zeugnis</bdi>\\s*</li>`,
        ),
      );

      const after = await send(site, 'GET', `/${locale}/account`, { cookie });
      // (The export section names the heading, to say where to upload the file in the new district.)
      expect(after.html).not.toContain(`<h2 id="import-heading">`);
      expect(after.html).not.toContain(`action="/${locale}/account/import"`);
      const again = await postImport(locale, cookie, archive);
      expect(again.status).toBe(400);
      expect(text(again.html)).toContain(tr('error.importNotFresh'));
    });
  }

  it('shows why a damaged archive or a missing file was refused, and keeps the account empty', async () => {
    const fa = t('fa');
    const cookie = await newcomer('fa');
    const truncated = await postImport(
      'fa',
      cookie,
      archive.subarray(0, Math.floor(archive.length / 2)),
    );
    expect(truncated.status).toBe(400);
    expect(text(truncated.html)).toContain(fa('error.importNotArchive'));

    const empty = await multipart({ note: 'no file' });
    const missing = await send(site, 'POST', '/fa/account/import', {
      cookie,
      body: empty.body,
      contentType: empty.contentType,
    });
    expect(missing.status).toBe(400);
    expect(text(missing.html)).toContain(fa('error.fileMissing'));

    const page = await send(site, 'GET', '/fa/account', { cookie });
    expect(text(page.html)).toContain(fa('account.importHeading'));
  });

  it('passes a 100 MB file on to the CMS as it arrives, without holding it', async () => {
    const de = t('de');
    const SIZE = 100 * 1024 * 1024;
    // Not an archive: the CMS can tell only from its end, so all of it goes through. Made before
    // the login: making it takes longer than the site keeps an idle connection open.
    const big = await multipart({ file: new Blob([randomBytes(SIZE)]) }, 'a.zip');
    const cookie = await newcomer('de');
    const rss = () =>
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${site.pid}/status`, 'utf8'))![1]) * 1024;
    const before = rss();
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, rss())), 5);
    const response = await send(site, 'POST', '/de/account/import', {
      cookie,
      body: big.body,
      contentType: big.contentType,
      // A connection of its own: on a loaded machine the login's kept-alive one may be closing.
      localAddress: '127.0.0.9',
    }).finally(() => clearInterval(timer));
    expect(response.status).toBe(400);
    expect(text(response.html)).toContain(de('error.importNotArchive'));
    // Read whole (Request.formData()), the site grew by about six times the file (876 MB for
    // 150 MB); passed on as it arrives, by 1.2–1.9 times (the garbage of the chunks passed on).
    expect(peak - before).toBeLessThan(2 * SIZE);
  }, 120_000);
});
