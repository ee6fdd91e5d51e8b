import { request } from 'node:http';
import { dirOf, loadSiteConfig, LOCALE_NAMES, LOCALES, type Locale } from '@mobio/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTimeRange, t } from '../i18n';
import {
  EVENT_END,
  EVENT_START,
  eventLocation,
  eventTitle,
  FAKE_JWT,
  type FakeCms,
  pageTitle,
  startFakeCms,
} from './helpers/fake-cms';
import {
  type RunningSite,
  startSite,
  startSiteWithoutCms,
  TEST_MUNICIPALITY,
} from './helpers/site-server';

/** Astro escapes text; turn the few entities it writes back into characters for comparisons. */
function text(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function get(site: RunningSite, path: string) {
  const response = await fetch(site.url + path, { redirect: 'manual' });
  return { response, html: await response.text() };
}

const htmlTag = (locale: Locale) => `<html lang="${locale}" dir="${dirOf(locale)}">`;

describe('site server with the CMS down', () => {
  let site: RunningSite;

  beforeAll(async () => {
    // Its CMS resets every connection: every CMS call fails at once.
    site = await startSiteWithoutCms();
  });
  afterAll(() => site?.stop());

  it('answers /health with status ok', async () => {
    const { response, html } = await get(site, '/health');
    expect(response.status).toBe(200);
    expect(JSON.parse(html)).toEqual({ status: 'ok' });
  });

  it('redirects / to the German start page', async () => {
    const { response } = await get(site, '/');
    expect([301, 302, 307, 308]).toContain(response.status);
    expect(response.headers.get('location')).toBe('/de/');
  });

  it('remembers the UI language: /, the reset link of the e-mail and the invitation link lead to it, else to the browser’s', async () => {
    const visited = await fetch(`${site.url}/fa/`, { redirect: 'manual' });
    const cookie = visited.headers.getSetCookie().find((line) => line.startsWith('mobio_locale='));
    expect(cookie).toMatch(/^mobio_locale=fa; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    const home = (headers: Record<string, string>, path = '/') =>
      fetch(site.url + path, { headers, redirect: 'manual' }).then((response) =>
        response.headers.get('location'),
      );
    expect(await home({ cookie: 'mobio_locale=fa' })).toBe('/fa/');
    expect(await home({ cookie: 'mobio_locale=fa', 'accept-language': 'fr' })).toBe('/fa/');
    expect(await home({ 'accept-language': 'tr-TR, ar;q=0.8, en;q=0.9' })).toBe('/en/');
    expect(await home({ 'accept-language': 'tr, ku' })).toBe('/de/');
    expect(await home({ cookie: 'mobio_locale=xx', 'accept-language': 'fr-CH' })).toBe('/fr/');
    expect(await home({ cookie: 'mobio_locale=ar' }, '/reset-password?code=abc123')).toBe(
      '/ar/reset-password?code=abc123',
    );
    expect(
      await home({ cookie: 'mobio_locale=fa' }, '/sharing/invitation?code=ABCDE-FGHJK-LMNPQ'),
    ).toBe('/fa/sharing/invitation?code=ABCDE-FGHJK-LMNPQ');
    expect(
      await home({ 'accept-language': 'uk, de;q=0.5' }, '/sharing/invitation?code=ABCDE-FGHJK'),
    ).toBe('/uk/sharing/invitation?code=ABCDE-FGHJK');
    expect(await home({}, '/sharing/invitation?code=ABCDE&x=1')).toBe(
      '/de/sharing/invitation?code=ABCDE',
    );
    // Pages in the remembered language do not set the cookie again.
    const again = await fetch(`${site.url}/fa/`, {
      headers: { cookie: 'mobio_locale=fa' },
      redirect: 'manual',
    });
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it.each(LOCALES)(
    'renders /%s/ with status 200, lang and dir, the language switcher and the CMS notice',
    async (locale) => {
      const { response, html } = await get(site, `/${locale}/`);
      expect(response.status, site.output()).toBe(200);
      expect(html).toContain(htmlTag(locale));
      const page = text(html);
      for (const other of LOCALES.filter((l) => l !== locale)) {
        expect(page).toMatch(
          new RegExp(
            `<a href="/${other}/" lang="${other}" hreflang="${other}"[^>]*>\\s*${LOCALE_NAMES[other]}\\s*</a>`,
          ),
        );
      }
      expect(page).toContain(t(locale)('cms.unavailable'));
      expect(page).toContain(t(locale)('landing.title'));
    },
  );

  it('renders Ukrainian pages left to right, in Cyrillic', async () => {
    const { html } = await get(site, '/uk/register');
    expect(html).toContain('<html lang="uk" dir="ltr">');
    expect(text(html)).toContain('Створити обліковий запис');
  });

  it('shows the municipality contact and the privacy officer from the configuration', async () => {
    const page = text((await get(site, '/en/')).html);
    for (const value of Object.values(TEST_MUNICIPALITY)) expect(page).toContain(value);
    expect(page).toContain('href="tel:+49123456780"');
  });

  it('answers an unknown locale /xx/ with the German 404 page', async () => {
    const { response, html } = await get(site, '/xx/');
    expect(response.status).toBe(404);
    expect(html).toContain(htmlTag('de'));
    expect(text(html)).toContain(t('de')('notFound.title'));
  });

  it.each([
    ['de', '/de/does-not-exist'],
    ['ar', '/ar/does-not-exist'],
    ['fa', '/fa/a/b/c'],
  ] as const)('answers a missing page in %s with a 404 in that language', async (locale, path) => {
    const { response, html } = await get(site, path);
    expect(response.status).toBe(404);
    expect(html).toContain(htmlTag(locale));
    expect(text(html)).toContain(t(locale)('notFound.title'));
  });

  it('sends the security headers on pages and on the 404 page', async () => {
    for (const path of ['/de/', '/xx/']) {
      const { response } = await get(site, path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('accepts a same-origin form POST addressed to the public URL and refuses a cross-site one', async () => {
    // The build took its trusted host from SITE_PUBLIC_URL; without it Astro would think every
    // request came to http://localhost and refuse real same-origin posts.
    const publicUrl = new URL(loadSiteConfig().site.publicUrl);
    // node:http, because fetch() does not let a caller set the Host header.
    const post = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${site.url}/de/`, {
          method: 'POST',
          headers: {
            host: publicUrl.host,
            origin,
            'content-type': 'application/x-www-form-urlencoded',
          },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('a=1');
      });
    expect(await post(publicUrl.origin)).toBe(200);
    expect(await post('https://evil.example')).toBe(403);
  });

  it('has no inline script or style that the policy would block', async () => {
    const { html } = await get(site, '/ar/');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/\sstyle="/);
  });
});

describe('an installation that offers some of the languages (LOCALES)', () => {
  let site: RunningSite;

  beforeAll(async () => {
    site = await startSiteWithoutCms({
      LOCALES: 'de,ar,en',
    });
  });
  afterAll(() => site?.stop());

  it('lists only the offered languages in the switcher, in the configured order', async () => {
    const page = text((await get(site, '/ar/')).html);
    const switcher = page.split('class="languages"')[1].split('</nav>')[0];
    expect([...switcher.matchAll(/ lang="([a-z]+)"/g)].map((match) => match[1])).toEqual([
      'de',
      'ar',
      'en',
    ]);
  });

  it.each(['/fr/', '/fr/login', '/fr/manifest.webmanifest'])(
    'answers %s, a language with catalogues but not offered, with the German 404',
    async (path) => {
      const { response, html } = await get(site, path);
      expect(response.status).toBe(404);
      expect(html).toContain(htmlTag('de'));
      expect(response.headers.getSetCookie().join()).not.toContain('mobio_locale=fr');
    },
  );

  it('leads / to an offered language only, whatever the cookie or the browser asks for', async () => {
    const home = (headers: Record<string, string>) =>
      fetch(`${site.url}/`, { headers, redirect: 'manual' }).then((r) => r.headers.get('location'));
    expect(await home({ 'accept-language': 'fr, en;q=0.5' })).toBe('/en/');
    expect(await home({ cookie: 'mobio_locale=fr', 'accept-language': 'fa' })).toBe('/de/');
  });
});

describe('landing page with a CMS', () => {
  let cms: FakeCms;
  let site: RunningSite;

  beforeAll(async () => {
    cms = await startFakeCms();
    site = await startSite({ CMS_INTERNAL_URL: cms.url });
  });
  afterAll(async () => {
    await site?.stop();
    await cms?.close();
  });

  it.each(LOCALES)(
    'in %s: an empty staff directory is a sentence and the way to the code, not the whole form',
    async (locale) => {
      cms.mode = 'content';
      const response = await fetch(`${site.url}/${locale}/sharing/new?via=directory`, {
        headers: { cookie: `mobio_session=${FAKE_JWT}` },
        redirect: 'manual',
      });
      const html = await response.text();
      expect(response.status, site.output()).toBe(200);
      expect(text(html)).toContain(t(locale)('grant.directoryEmpty'));
      expect(html).toContain(`href="/${locale}/sharing/new?via=code"`);
      expect(html).not.toContain('name="sections"');
    },
  );

  it.each(LOCALES)(
    'lists the info pages and events of the CMS in %s and asks for that locale',
    async (locale) => {
      cms.mode = 'content';
      cms.requests.length = 0;
      const { response, html } = await get(site, `/${locale}/`);
      expect(response.status, site.output()).toBe(200);
      const page = text(html);
      expect(page).toContain(pageTitle(locale));
      expect(page).toContain(`Summary in ${locale}`);
      expect(page).toContain(eventTitle(locale));
      expect(page).toContain(eventLocation(locale));
      expect(page).not.toContain(t(locale)('cms.unavailable'));

      const asked = Object.fromEntries(cms.requests.map((url) => [url.pathname, url.searchParams]));
      expect(asked['/api/info-pages']?.get('locale')).toBe(locale);
      expect(asked['/api/info-pages']?.get('sort')).toBe('order:asc');
      expect(asked['/api/info-events']?.get('locale')).toBe(locale);
      expect(asked['/api/info-events']?.get('sort')).toBe('startsAt:asc');
    },
  );

  it('writes event times with Intl for the locale, in a machine-readable <time>', async () => {
    cms.mode = 'content';
    for (const locale of ['ar', 'fa', 'de'] as const) {
      const page = text((await get(site, `/${locale}/`)).html);
      expect(page).toContain(`<time datetime="${EVENT_START}">`);
      expect(page).toContain(
        formatDateTimeRange(locale, new Date(EVENT_START), new Date(EVENT_END)),
      );
    }
  });

  it('shows the empty-state texts when the CMS has nothing published', async () => {
    cms.mode = 'empty';
    const page = text((await get(site, '/fr/')).html);
    expect(page).toContain(t('fr')('info.empty'));
    expect(page).toContain(t('fr')('events.empty'));
  });

  it.each([400, 500, 503])(
    'shows the notice with status 200 when the CMS answers %i',
    async (status) => {
      cms.mode = status;
      const { response, html } = await get(site, '/fa/');
      expect(response.status).toBe(200);
      expect(text(html)).toContain(t('fa')('cms.unavailable'));
    },
  );

  it('gives up on a CMS that does not answer and shows the notice within a few seconds', async () => {
    cms.mode = 'hang';
    const started = Date.now();
    const { response, html } = await get(site, '/de/');
    expect(response.status).toBe(200);
    expect(text(html)).toContain(t('de')('cms.unavailable'));
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('escapes markup in CMS texts instead of rendering it', async () => {
    cms.mode = 'content';
    cms.extraPages = [
      {
        id: 2,
        documentId: 'evil',
        title: '<img src=x onerror=alert(1)>',
        slug: 'x',
        summary: null,
      },
    ];
    try {
      const { html } = await get(site, '/en/');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    } finally {
      cms.extraPages = [];
    }
  });
});
