/**
 * k9s in the lesson terminal, for docs/screenshots/k9s-*.png: a real k9s (v0.50.16, the lesson's
 * K9S_CONFIG_DIR with the update check off) on a real cluster, in the app's terminal pane, light
 * and dark, and again after the window shrinks — k9s draws on the alternate screen in colour and
 * must follow a resize. Needs a running test cluster with the real node (tests/kube/start.sh
 * --real-node); retake with
 *
 *     npm run build && DOCKSIDE_K9S_KUBECONFIG=/tmp/dockside-kube/admin.kubeconfig \
 *       npx playwright test tests/e2e/k9s-screenshots.spec.ts --workers 1
 *
 * Skipped without the variable: it rewrites files in the repository and needs a cluster.
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { openApp, startDockside, stopDockside } from './fixtures';
import { dismissToasts, expect, focusTerminal, openLesson, resetLessonIfRunning, test, typeCommand } from './lesson-helpers';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const KUBECONFIG = process.env.DOCKSIDE_K9S_KUBECONFIG;

test.skip(!KUBECONFIG, 'writes docs/screenshots/k9s-*.png on a running cluster: set DOCKSIDE_K9S_KUBECONFIG');
test.setTimeout(180_000);

const terminalText = (page: Page) => page.evaluate(() => window.docksideTerminals?.activeText() ?? '');
const terminalSize = (page: Page) => page.evaluate(() => window.docksideTerminals?.size() ?? null);

async function shot(page: Page, name: string): Promise<void> {
  await dismissToasts(page);
  await page.waitForTimeout(2500); // k9s refreshes every 2 s: let it draw the current state
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

test('k9s in the lesson terminal: light, dark, and after a resize', async ({ page }) => {
  // The built kubectl and k9s first on the PATH, as lessons:cluster has them.
  const bin = execFileSync('bash', [join(ROOT, 'tests', 'kube', 'build.sh')], { encoding: 'utf8' }).trim();
  const server = await startDockside({ KUBECONFIG: KUBECONFIG!, PATH: `${bin}:${process.env.PATH ?? ''}` });
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, server);
    await openLesson(page, 'k9s/first-look');
    await focusTerminal(page);
    await typeCommand(page, 'kubectl apply -f ticker.yaml && kubectl rollout status deployment/ticker --timeout=90s');
    await page.keyboard.type('k9s');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page), { timeout: 30_000 }).toMatch(/pods\(dockside-k9s-first-look-[^)]*\)\[2\]/);
    await expect.poll(() => terminalText(page)).toMatch(/ticker-\S+\s+●?\s*1\/1\s+Running/);
    const wide = await terminalSize(page);

    await page.emulateMedia({ colorScheme: 'light' });
    await shot(page, 'k9s-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'k9s-dark');

    // A smaller window: the pane refits, the pty gets the new size, and k9s redraws to it.
    await page.setViewportSize({ width: 1000, height: 640 });
    await expect.poll(async () => (await terminalSize(page))?.cols).toBeLessThan(wide!.cols);
    expect((await terminalSize(page))!.rows).toBeLessThan(wide!.rows);
    // Shrinking cuts rows off the screen (the crumbs, <pod>, at the bottom or the title at the
    // top): both are there again only once k9s has drawn its whole screen at the new size.
    await expect
      .poll(async () => {
        const text = await terminalText(page);
        return text.includes('<pod>') && text.includes('pods(dockside-k9s-first-look-');
      })
      .toBe(true);
    await shot(page, 'k9s-resized-dark');

    await page.keyboard.type(':q');
    await page.keyboard.press('Enter');
    await expect.poll(() => terminalText(page)).toMatch(/[$#] ?$/);
    await resetLessonIfRunning(page);
  } finally {
    await stopDockside(server);
  }
});
