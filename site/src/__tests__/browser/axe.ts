import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/** Where browser tests leave screenshots for people to look at (git-ignored). */
export const RESULTS = fileURLToPath(new URL('../../../test-results/', import.meta.url));
/** A cheap phone. */
export const PHONE = { width: 360, height: 740 };

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe's findings as lines a person can act on. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');

/**
 * Readies a browser context for runAxe with the site's Content-Security-Policy left on: axe-core
 * comes in as an init script (added through the DevTools protocol, which the page's CSP does not
 * govern, unlike an inline <script>), and every CSP violation on a page is recorded for runAxe.
 */
export async function withAxe(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript({ path: AXE });
  await context.addInitScript(() => {
    const blocked: string[] = [];
    Object.assign(window, { __cspViolations: blocked });
    document.addEventListener('securitypolicyviolation', (event) =>
      blocked.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} at ${event.sourceFile || location.href}:${event.lineNumber}`,
      ),
    );
  });
  return context;
}

/**
 * Runs axe-core's WCAG 2.1 A/AA rules on a page of a context readied by withAxe; fails if axe
 * checked nothing at all or if the page's CSP blocked anything on it (`expectedBlocks`: what a
 * page not ours is known to try, e.g. Strapi's admin bundle probing for eval).
 */
export async function runAxe(page: Page, expectedBlocks?: RegExp): Promise<AxeViolation[]> {
  const blocked = await page.evaluate(
    () => (window as { __cspViolations?: string[] }).__cspViolations,
  );
  expect(blocked, 'the page has no axe: open it in a context readied by withAxe').toBeDefined();
  const unexpected = blocked!.filter((line) => !expectedBlocks?.test(line));
  expect(unexpected, `the Content-Security-Policy blocked something on ${page.url()}`).toEqual([]);
  const result = (await page.evaluate(() =>
    // @ts-expect-error axe is the global the init script defines
    axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  )) as { violations: AxeViolation[]; passes: unknown[] };
  expect(result.passes.length, 'axe ran no rule').toBeGreaterThan(0);
  return result.violations;
}
