/**
 * axe-core over the page as it stands: every serious or critical violation fails the test, with
 * the rule, the elements and axe's own summary of what is wrong in the message, so a failure says
 * what to fix without opening a trace.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];

const BLOCKING = new Set(['serious', 'critical']);

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Let the last transition finish: axe reads colours mid-fade as they are painted.
  await page.waitForTimeout(300);
  // label-content-name-mismatch is experimental in axe, so off by default; the catalog once failed it.
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const problems = results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`,
      ),
    );
  expect.soft(problems, `serious or critical axe violations on ${screen}`).toEqual([]);
}
