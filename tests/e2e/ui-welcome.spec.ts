/**
 * First run: the welcome finds the engine, or, when none answers, says how to start one on this
 * operating system, links to the environment doctor, and moves on by itself when an engine
 * appears. Read-only towards the engine: these tests create nothing on it.
 */
import { test as base } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EngineSocketProxy } from '../helpers/socket-proxy';
import { expect, openApp, startDockside, stopDockside, test } from './fixtures';

test('with an engine: the welcome names it and leads into the first lesson', async ({ app }) => {
  const version = execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }).trim();
  const found = app.getByTestId('welcome-engine');
  await expect(found).toContainText(`Found Docker Engine ${version}`);
  await expect(found).toContainText('unix:///var/run/docker.sock');
  // The lessons' images, fetched ahead through the engine: busybox is here already.
  await app.getByTestId('welcome-prefetch').click();
  const pull = app.getByTestId('image-pull').filter({ hasText: 'busybox:latest' });
  await expect(pull).toHaveAttribute('data-phase', 'present');
  await expect(pull).toContainText('Ready');
  await expect(pull.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');

  const start = app.getByTestId('welcome-start');
  await expect(start).toBeVisible();
  await start.click();
  await expect(app).toHaveURL(/#\/lesson\//);
  await expect(app.locator('article[data-lesson-id]')).toBeVisible();
  await expect(app.getByRole('heading', { level: 1 })).not.toBeEmpty();
});

base('without an engine: how to start one here, a way to the doctor, and on by itself once one answers', async ({ page }) => {
  const proxy = new EngineSocketProxy();
  // The proxy's socket path exists only once started: until then no engine answers there.
  const server = await startDockside({ DOCKER_HOST: proxy.host });
  try {
    await openApp(page, server);
    const missing = page.getByTestId('welcome-no-engine');
    await expect(missing).toBeVisible({ timeout: 15_000 });
    await expect(missing).toContainText('No Docker engine answers yet');
    await expect(missing).toContainText(proxy.path);
    await expect(page.getByTestId('engine-status')).toHaveAttribute('data-engine-state', 'unreachable');
    if (process.platform === 'linux') {
      const ways = page.getByRole('region', { name: 'Start an engine on Linux' });
      await expect(ways).toBeVisible();
      await expect(ways.getByText('sudo systemctl start docker', { exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Copy systemctl --user start docker', exact: true })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: 'The environment doctor', exact: true })).toHaveAttribute('href', '#/doctor');

    await proxy.start();
    await expect(page.getByTestId('welcome-engine')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('welcome-no-engine')).toHaveCount(0);
  } finally {
    await stopDockside(server);
    await proxy.dispose();
  }
});

base('the doctor is one click away from the no-engine welcome', async ({ page }) => {
  const server = await startDockside({ DOCKER_HOST: `unix:///tmp/nothing-here-${randomBytes(4).toString('hex')}.sock` });
  try {
    await openApp(page, server);
    await page.getByRole('link', { name: 'The environment doctor', exact: true }).click();
    await expect(page.getByTestId('doctor-view')).toBeVisible();
    await expect(page).toHaveURL(/#\/doctor$/);
    await page.getByTestId('status-doctor').click();
    await expect(page.getByTestId('doctor-view')).toBeVisible();
  } finally {
    await stopDockside(server);
  }
});
