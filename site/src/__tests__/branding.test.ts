import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '@mobio/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandColours, contrast } from '../lib/brand';
import { t } from '../i18n';
import { send, text } from './helpers/http';
import { type RunningSite, startSite, TEST_MUNICIPALITY } from './helpers/site-server';
import { PHONE, describeViolations, runAxe, withAxe } from './browser/axe';
import { chromiumOrSkip, launchChromium } from './browser/chromium';

/*
 * A district's branding from the configuration: its colour in the header (text kept readable
 * whatever the colour), its logo, its name in the installable web app's manifest.
 */

const LOGO = fileURLToPath(new URL('../../public/icons/icon-192.png', import.meta.url));
// A light yellow: white text on it would fail WCAG AA, so the header must turn its text dark.
const LIGHT = '#ffd700';

describe('brand colours', () => {
  it('keeps the header text readable on any colour', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    for (const colour of ['#1f5f8b', LIGHT, '#ffffff', '#000000', '#777777', '#e4002b']) {
      const { brand, text: fg, muted } = brandColours(colour);
      expect(contrast(brand, fg), colour).toBeGreaterThanOrEqual(4.5);
      expect(contrast(brand, muted), colour).toBeGreaterThanOrEqual(4.5);
    }
    expect(brandColours(LIGHT).text).toBe('#000000');
    expect(brandColours('#1f5f8b').text).toBe('#ffffff');
  });
});

describe('a branded site', () => {
  let site: RunningSite;

  beforeAll(async () => {
    site = await startSite({
      ...TEST_MUNICIPALITY,
      BRAND_COLOR: LIGHT,
      BRAND_LOGO: LOGO,
      CMS_INTERNAL_URL: 'http://127.0.0.1:9',
    });
  });
  afterAll(async () => site?.stop());

  it('serves its colours, its logo and names the district in every page head', async () => {
    const css = await send(site, 'GET', '/brand.css');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.html).toContain(`--brand: ${LIGHT};`);
    expect(css.html).toContain('--brand-text: #000000;');

    const logo = await fetch(`${site.url}/brand-logo`);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await logo.arrayBuffer()).equals(readFileSync(LOGO))).toBe(true);

    const page = await send(site, 'GET', '/fa/');
    expect(page.html).toContain('<link rel="stylesheet" href="/brand.css">');
    expect(page.html).toContain(`<meta name="theme-color" content="${LIGHT}">`);
    expect(page.html).toContain('<img class="brand__logo" src="/brand-logo" alt="">');
    expect(page.html).toContain('<link rel="manifest" href="/fa/manifest.webmanifest">');
  });

  it.each(LOCALES)(
    'is installable: the %s manifest is in that language and its icons exist',
    async (locale) => {
      const response = await send(site, 'GET', `/${locale}/manifest.webmanifest`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/manifest\+json/);
      const manifest = JSON.parse(response.html);
      expect(manifest).toMatchObject({
        name: `MoBio – ${TEST_MUNICIPALITY.MUNICIPALITY_NAME}`,
        short_name: 'MoBio',
        description: t(locale)('meta.description'),
        lang: locale,
        dir: locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr',
        start_url: `/${locale}/dashboard`,
        display: 'standalone',
        theme_color: LIGHT,
      });
      const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
      expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
      for (const icon of manifest.icons) {
        const file = await fetch(site.url + icon.src);
        expect(file.status, icon.src).toBe(200);
        expect(file.headers.get('content-type'), icon.src).toContain(icon.type);
      }
    },
  );

  it('has no logo route without a logo', async () => {
    const plain = await startSite({ CMS_INTERNAL_URL: 'http://127.0.0.1:9' });
    try {
      expect((await fetch(`${plain.url}/brand-logo`)).status).toBe(404);
      expect(text((await send(plain, 'GET', '/de/')).html)).not.toContain('brand__logo');
    } finally {
      await plain.stop();
    }
  });

  const executablePath = chromiumOrSkip();
  it.skipIf(!executablePath)('passes axe with the light colour in Chromium at 360 px', async () => {
    const browser = await launchChromium(executablePath!);
    try {
      const context = await withAxe(await browser.newContext({ viewport: PHONE }));
      const page = await context.newPage();
      await page.goto(`${site.url}/ar/`);
      expect(
        await page.evaluate(
          () => getComputedStyle(document.querySelector('.site-header')!).backgroundColor,
        ),
      ).toBe('rgb(255, 215, 0)');
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
