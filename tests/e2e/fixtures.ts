/**
 * Playwright fixtures: `dockside` is a real browser-mode server (built app, real core, real
 * engine) started once per worker with its own data directory; `app` is a page already past
 * the token exchange, showing the app.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startDockside, stopDockside, type DocksideServer } from '../helpers/dockside-server';

export { startDockside, stopDockside, type DocksideServer };

/** Open the printed address and wait until the app has drawn itself. */
export async function openApp(page: Page, server: DocksideServer): Promise<void> {
  await page.goto(server.url);
  await expect(page.getByTestId('engine-status')).toBeVisible();
}

export const test = base.extend<{ app: Page }, { dockside: DocksideServer }>({
  dockside: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured.
    async ({}, use) => {
      const server = await startDockside();
      await use(server);
      await stopDockside(server);
    },
    { scope: 'worker' },
  ],
  app: async ({ page, dockside }, use) => {
    await openApp(page, dockside);
    await use(page);
  },
});

export { expect };
