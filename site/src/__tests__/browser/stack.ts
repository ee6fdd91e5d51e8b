import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { freshEnv, startCms, type TestCms } from '../../../../cms/test/harness';
import { type PublicProxy, publicProxy } from '../helpers/public-proxy';
import { type RunningSite, startSite, TEST_MUNICIPALITY } from '../helpers/site-server';
import { PHONE, RESULTS, describeViolations, runAxe, withAxe } from './axe';
import { mixedDirectionProblems } from './bidi';
import { launchChromium } from './chromium';

/*
 * The set-up every browser test of the site repeats, in one place: the real CMS, the built site on
 * it, Chromium, and a phone-sized context readied for axe (with the site's CSP on) and logged in.
 */

export interface BrowserStack {
  cms: TestCms;
  site: RunningSite;
  browser: Browser;
  /** With `proxy`: the proxy the browser goes through (a test may hold an answer back with it). */
  proxy?: PublicProxy;
  /** Stops everything started, the browser first. */
  stop: () => Promise<void>;
}

/**
 * Creates the screenshots folder and starts the CMS on a fresh database naming the site's district
 * (its login rate limit off: the tests log in more often than a person), the built site on it and
 * Chromium. With `proxy`, the browser reaches the site on the public URL it was built for (form
 * posts must pass Astro's origin check) through publicProxy.
 */
export async function startStack(
  executablePath: string,
  options: { proxy?: boolean } = {},
): Promise<BrowserStack> {
  mkdirSync(RESULTS, { recursive: true });
  const started: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const close of started.reverse()) await close();
  };
  try {
    const cms = await startCms(await freshEnv(TEST_MUNICIPALITY));
    started.push(() => cms.stop());
    cms.strapi.config.set('plugin::users-permissions.ratelimit', { enabled: false });
    const site = await startSite({ CMS_INTERNAL_URL: cms.url });
    started.push(() => site.stop());
    let proxy: PublicProxy | undefined;
    if (options.proxy) {
      proxy = await publicProxy(site);
      started.push(() => proxy!.close());
    }
    const browser = await launchChromium(executablePath, { proxy: proxy?.server });
    started.push(() => browser.close());
    return { cms, site, browser, proxy, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A new 360 px phone context readied for runAxe; with `jwt`, logged in as that newcomer on `siteUrl`
 * (the session cookie as the site sets it: httpOnly, SameSite=Strict).
 */
export async function phoneContext(
  browser: Browser,
  session?: { jwt: string; siteUrl: string },
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await withAxe(await browser.newContext({ viewport: PHONE, ...options }));
  if (session) {
    await context.addCookies([
      {
        name: 'mobio_session',
        value: session.jwt,
        url: session.siteUrl,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
  }
  return context;
}

/**
 * A page in a new phoneContext, for a file's checks to share: each visit loads the page anew, and
 * a new page costs Chromium more than the visit itself.
 */
export async function phonePage(
  browser: Browser,
  session?: { jwt: string; siteUrl: string },
  options: BrowserContextOptions = {},
): Promise<Page> {
  return (await phoneContext(browser, session, options)).newPage();
}

/**
 * What every page a browser test opens on the phone must be: no sideways scrolling at 360 px, no
 * value broken or glued in its line (mixedDirectionProblems), no axe finding; with `screenshot`,
 * saved for people to look at first.
 */
export async function expectFitsPhone(page: Page, screenshot?: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  if (screenshot) await page.screenshot({ path: `${RESULTS}${screenshot}`, fullPage: true });
  expect(await mixedDirectionProblems(page)).toEqual([]);
  const violations = await runAxe(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}
