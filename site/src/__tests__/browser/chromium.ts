import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * The Chromium to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium. Playwright cannot
 * download browsers on these machines, so the system one is used.
 */
export function findChromium(): string | undefined {
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => existsSync(path));
}

/**
 * Chromium's path, or undefined after one loud line saying the browser tests are skipped.
 * With REQUIRE_BROWSER=1 (CI) a missing browser is an error, not a skip.
 */
export function chromiumOrSkip(): string | undefined {
  const path = findChromium();
  if (path) return path;
  const looked = process.env.CHROMIUM_PATH ? ` at CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : '';
  const reason = `Chromium not found${looked} (set CHROMIUM_PATH or apt-get install chromium)`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${reason}`);
  console.warn(`BROWSER TESTS SKIPPED: ${reason}`);
  return undefined;
}

/**
 * Launches headless Chromium; Playwright gives it a fresh temporary profile each time. With a
 * proxy, every request goes through it, loopback addresses included.
 */
export function launchChromium(
  executablePath: string,
  options: { proxy?: string } = {},
): Promise<Browser> {
  return chromium.launch({
    executablePath,
    proxy: options.proxy ? { server: options.proxy, bypass: '<-loopback>' } : undefined,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
