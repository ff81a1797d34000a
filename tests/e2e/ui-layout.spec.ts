/**
 * The shell around the lessons: the catalog and its filter, the lesson/terminal split that
 * remembers its size, light and dark (the OS's, or the learner's pick), a layout that fits
 * 1280x800 and 1920x1080, and the status bar's Kubernetes context. Each test has a server of its
 * own; nothing is created on the engine.
 */
import { test as base } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, startDockside, stopDockside } from './fixtures';
import { expect, openLesson, test } from './lesson-helpers';

const LESSON = 'docker/containers';

test('the catalog lists the tracks with progress per lesson, and the filter narrows it', async ({ app }) => {
  const lessons = app.getByTestId('catalog-lesson');
  await expect(lessons.first()).toBeVisible();
  const total = await lessons.count();
  expect(total).toBeGreaterThan(1);
  await expect(app.getByRole('region', { name: 'Docker track' })).toBeVisible();
  for (const state of await lessons.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-lesson-state')))) {
    expect(state).toBe('not-started');
  }

  await app.getByTestId('catalog-filter').fill('volume');
  await expect.poll(() => lessons.count()).toBeLessThan(total);
  expect(await lessons.count()).toBeGreaterThanOrEqual(1);
  // Words match the title or the summary (shown as the link's tooltip).
  const shown = await lessons.evaluateAll((nodes) => nodes.map((n) => `${n.textContent} ${n.getAttribute('title')}`));
  for (const text of shown) expect(text.toLowerCase()).toContain('volume');

  await app.getByTestId('catalog-filter').fill('');
  await app.getByRole('radio', { name: 'Done' }).click();
  await expect(lessons).toHaveCount(0);
  await expect(app.getByText('No lesson matches this filter.')).toBeVisible();
  await app.getByRole('radio', { name: 'All' }).click();
  await expect(lessons).toHaveCount(total);

  // Opening one marks it as the current page and shows its progress as started.
  await lessons.filter({ hasText: 'Your first containers' }).click();
  await expect(app.locator(`article[data-lesson-id="${LESSON}"]`)).toHaveAttribute('data-run-status', 'active', {
    timeout: 20_000,
  });
  await expect(app.getByTestId('status-lesson-progress')).toContainText('0/5 steps');
});

test('the lesson/terminal split follows a drag and the keyboard, and is remembered', async ({ app, fresh }) => {
  await openLesson(app, LESSON, { running: false });
  const handle = app.getByRole('separator', { name: 'Resize the lesson and the terminal' });
  const lessonPane = app.locator('.split-pane').first();
  const before = (await lessonPane.boundingBox())!.width;
  const box = (await handle.boundingBox())!;
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.mouse.down();
  await app.mouse.move(box.x + 160, box.y + box.height / 2, { steps: 8 });
  await app.mouse.up();
  await expect.poll(async () => (await lessonPane.boundingBox())!.width).toBeGreaterThan(before + 140);
  const dragged = (await lessonPane.boundingBox())!.width;

  // Kept in core's settings, so a reload (or another window) gets the same split.
  await expect
    .poll(
      () => (JSON.parse(readFileSync(join(fresh.dataDir, 'settings.json'), 'utf8')) as { terminalSplit: number }).terminalSplit,
    )
    .toBeGreaterThan(0.45);
  await app.reload();
  await expect(app.locator(`article[data-lesson-id="${LESSON}"]`)).toBeVisible();
  await expect.poll(async () => Math.round((await lessonPane.boundingBox())!.width)).toBe(Math.round(dragged));

  const now = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await app.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', String(now - 2));
});

test('light and dark follow the OS, and the learner’s pick wins and is remembered', async ({ app }) => {
  const background = () => app.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await app.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(247, 247, 245)');
  await app.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(20, 22, 26)');

  const theme = app.getByTestId('theme-switch');
  await expect(theme).toHaveAttribute('data-theme-choice', 'system');
  await theme.click(); // light, although the OS is dark
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background()).toBe('rgb(247, 247, 245)');
  await theme.click(); // dark
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(20, 22, 26)');

  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.getByTestId('theme-switch').click(); // back to the system's
  await expect(app.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await background()).toBe('rgb(247, 247, 245)');
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`a lesson fits ${size.width}x${size.height}: nothing overflows, the terminal is wide enough to work in`, async ({
    app,
  }) => {
    await app.setViewportSize(size);
    await openLesson(app, LESSON, { running: false });
    const overflow = await app.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const part of [
      app.locator('.app-sidebar'),
      app.getByRole('heading', { level: 1 }),
      app.getByTestId('terminal-pane'),
      app.getByTestId('live-state'),
      app.getByTestId('engine-status'),
    ]) {
      const box = (await part.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width + 0.5);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height + 0.5);
    }
    // Prose stays at a readable measure; the terminal gets enough columns for docker's output.
    const prose = (await app.locator('.lesson-intro').boundingBox())!.width;
    expect(prose).toBeLessThanOrEqual(760);
    expect(prose).toBeGreaterThanOrEqual(420);
    await expect.poll(() => app.evaluate(() => window.docksideTerminals?.size()?.cols ?? 0)).toBeGreaterThanOrEqual(80);
  });
}

base('the status bar shows the Kubernetes context when there is one', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-kube-'));
  const kubeconfig = join(dir, 'config');
  // A local cluster that is not running: the context is still the learner's current one.
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: kind-lesson-ui',
      'clusters:',
      '- name: kind-lesson-ui',
      '  cluster: { server: "https://127.0.0.1:1" }',
      'users:',
      '- name: kind-lesson-ui',
      '  user: {}',
      'contexts:',
      '- name: kind-lesson-ui',
      '  context: { cluster: kind-lesson-ui, user: kind-lesson-ui }',
      '',
    ].join('\n'),
  );
  const server = await startDockside({ KUBECONFIG: kubeconfig });
  try {
    await openApp(page, server);
    const item = page.getByTestId('kube-context');
    await expect(item).toHaveText('kind-lesson-ui · kind', { timeout: 20_000 });
    await expect(item).toHaveAttribute(
      'title',
      'Kubernetes lessons use kind-lesson-ui (kind, on this machine): your current context.',
    );
  } finally {
    await stopDockside(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
