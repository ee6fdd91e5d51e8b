import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
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
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');

/** Injects axe-core and runs the WCAG 2.1 A/AA rules; fails if axe checked nothing at all. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(() =>
    // @ts-expect-error axe is the global the injected script defines
    axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  )) as { violations: AxeViolation[]; passes: unknown[] };
  expect(result.passes.length, 'axe ran no rule').toBeGreaterThan(0);
  return result.violations;
}
