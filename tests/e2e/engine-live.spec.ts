/** The status bar follows the engine live: it goes away (its socket dies) and comes back. */
import { test as base, expect } from '@playwright/test';
import { EngineSocketProxy } from '../helpers/socket-proxy';
import { openApp, startDockside, stopDockside } from './fixtures';

base('the status bar says what was tried and how to fix it, then reconnects by itself', async ({ page }) => {
  const proxy = new EngineSocketProxy();
  await proxy.start();
  const server = await startDockside({ DOCKER_HOST: proxy.host });
  try {
    await openApp(page, server);
    const status = page.getByTestId('engine-status');
    await expect(status).toHaveAttribute('data-engine-state', 'connected');
    await expect(status).toContainText(proxy.host);

    await proxy.stop();
    await expect(status).toHaveAttribute('data-engine-state', 'unreachable');
    await expect(status).toContainText(`No engine at ${proxy.host}`);
    await status.click();
    const help = page.getByTestId('engine-help');
    await expect(help).toContainText(`${proxy.host} (DOCKER_HOST)`);
    await expect(help).toContainText(/start/i);

    await proxy.start();
    await expect(status).toHaveAttribute('data-engine-state', 'connected', { timeout: 4000 });
    await expect(page.getByTestId('engine-help')).toHaveCount(0);
  } finally {
    await stopDockside(server);
    await proxy.dispose();
  }
});
