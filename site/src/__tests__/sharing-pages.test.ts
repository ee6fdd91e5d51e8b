import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../i18n';
import { send, text } from './helpers/http';
import { type RunningSite, startSiteWithoutCms } from './helpers/site-server';

/*
 * The account and sharing pages when the CMS cannot be reached: a notice in the UI language and
 * 503, never a 500; and the retention periods of the privacy notice, taken from the environment.
 */

describe('sharing and account pages with the CMS down', () => {
  let down: RunningSite;
  const cookie = 'mobio_session=aaaa.bbbb.cccc';

  beforeAll(async () => {
    down = await startSiteWithoutCms({
      RETENTION_INACTIVE_DAYS: '400',
      RETENTION_NOTICE_DAYS: '30',
    });
  });
  afterAll(() => down?.stop());

  it.each([
    'sharing',
    'sharing/access-log',
    'sharing/receipt/abc',
    'sharing/new?via=directory',
    'account',
  ])('shows /ar/%s with a localized notice and 503, never a 500', async (path) => {
    const response = await send(down, 'GET', `/ar/${path}`, { cookie });
    expect(response.status, down.output()).toBe(503);
    expect(text(response.html)).toContain(t('ar')('auth.cmsUnavailable'));
  });

  it('sends a failed download back to the account page with a notice', async () => {
    const response = await send(down, 'GET', '/de/account/export', { cookie });
    expect(response.status).toBe(303);
    expect(response.location).toBe('/de/account?download=failed');
    const page = await send(down, 'GET', response.location!, { cookie });
    expect(text(page.html)).toContain(t('de')('account.downloadFailed'));
  });

  it.each(['de', 'ar'] as const)(
    'links the full privacy notice from the registration form and from the footer in %s',
    async (locale) => {
      const response = await send(down, 'GET', `/${locale}/register`);
      const links = [
        ...response.html.matchAll(new RegExp(`<a href="/${locale}/privacy">([^<]+)</a>`, 'g')),
      ].map((m) => text(m[1]));
      expect(links).toEqual([t(locale)('register.privacyFull'), t(locale)('footer.privacyNotice')]);
    },
  );

  it('states the retention periods the environment sets', async () => {
    const response = await send(down, 'GET', '/fr/privacy');
    expect(response.status).toBe(200);
    expect(text(response.html)).toContain(
      t('fr')('privacy.retention', { inactiveDays: 400, noticeDays: 30 }),
    );
  });
});
