/**
 * The screenshots in docs/screenshots/, taken from the real app against the real engine, in light
 * and dark: the catalog, a lesson midway, a failed step naming its nearest miss, the live
 * state panel, and the welcome when no engine answers. They are retaken with
 *
 *     npm run build && DOCKSIDE_SCREENSHOTS=1 npx playwright test tests/e2e/screenshots.spec.ts --workers 1
 *
 * Without the variable the file is skipped: it rewrites files in the repository, and a normal
 * test run should not.
 */
import type { Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { openApp, startDockside, stopDockside } from './fixtures';
import {
  containerExists,
  dismissToasts,
  expect,
  firstStep,
  focusTerminal,
  imageExists,
  openLesson,
  resetLessonIfRunning,
  step,
  test,
  typeCommand,
} from './lesson-helpers';

const OUT = resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const LESSON = 'docker/containers';
const NEXT_LESSON = 'docker/container-lifecycle';
const NEXT_FILE = 'lessons/docker/02-container-lifecycle.md';
const SCHEMES = ['light', 'dark'] as const;

test.skip(!process.env.DOCKSIDE_SCREENSHOTS, 'writes docs/screenshots/*.png: run with DOCKSIDE_SCREENSHOTS=1');
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

async function shot(page: Page, name: string): Promise<void> {
  await dismissToasts(page);
  await page.waitForTimeout(400); // let transitions and the terminal's last frame settle
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

async function lessonScreens(app: Page, scheme: (typeof SCHEMES)[number]): Promise<void> {
  await app.emulateMedia({ colorScheme: scheme });
  await openLesson(app, LESSON);
  await focusTerminal(app);
  await typeCommand(app, 'docker run --name hello busybox echo "Hello from a container"');
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed');

  // A near miss on step 2: the container is made but never started.
  await typeCommand(app, 'docker create --name web busybox httpd -f -p 80');
  await expect(step(app, 1).getByTestId('step-explanation')).toContainText(/created/, { timeout: 15_000 });
  await expect(step(app, 1)).toHaveAttribute('data-step-status', 'failed'); // acted on, and still a miss
  await typeCommand(app, 'docker ps -a --format "table {{.Names}}\\t{{.Status}}"');
  await step(app, 1).scrollIntoViewIfNeeded();
  await app.locator('.lesson-scroll').evaluate((el) => el.scrollBy(0, 160));
  await shot(app, `step-explanation-${scheme}`);

  await typeCommand(app, 'docker rm web');
  await typeCommand(app, 'docker run -d --name web -p 8080:80 busybox httpd -f -p 80');
  await expect(step(app, 2)).toHaveAttribute('data-step-status', 'current');
  await typeCommand(app, 'docker ps');
  await step(app, 2).scrollIntoViewIfNeeded();
  await shot(app, `lesson-midway-${scheme}`);

  // The live state: objects of every kind, made during this run (so Reset lesson removes them).
  await typeCommand(app, 'docker volume create demo-notes && docker network create demo-net');
  await typeCommand(app, 'docker run -d --name demo-api --network demo-net -p 8081:80 busybox httpd -f -p 80');
  await typeCommand(app, 'docker run -d --name demo-store --network demo-net -v demo-notes:/data busybox sleep 600');
  await typeCommand(app, "docker exec web sh -c 'echo hi > /index.html' && docker commit -m 'a page' web demo/web:v1");
  const live = app.getByTestId('live-state');
  await expect(live.getByTestId('live-network')).toHaveCount(1, { timeout: 15_000 });
  await expect(live.getByTestId('live-image')).toHaveCount(1);
  await expect(live.getByTestId('live-volume')).toHaveCount(1);
  await app.setViewportSize({ width: 1920, height: 1080 });
  await shot(app, `live-state-${scheme}`);
  await app.setViewportSize({ width: 1280, height: 800 });

  // Finish the lesson, then put away everything this run made.
  await typeCommand(app, "docker ps --format '{{.Names}}' > running.txt");
  await expect(step(app, 2)).toHaveAttribute('data-step-status', 'passed');
  await typeCommand(app, 'docker stop -t 1 web');
  await typeCommand(app, 'docker rm web hello');
  await expect(app.getByTestId('lesson-complete')).toBeVisible();
  await resetLessonIfRunning(app);
  await expect.poll(() => ['demo-api', 'demo-store'].some(containerExists)).toBe(false);
  expect(imageExists('demo/web:v1')).toBe(false);

  // The catalog: this lesson done, the next one started (its first step passed).
  const next = firstStep(NEXT_FILE);
  await openLesson(app, NEXT_LESSON);
  for (const line of next.solution) await typeCommand(app, line);
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed', { timeout: 20_000 });
  await app.evaluate(() => (window.location.hash = '#/'));
  await expect(app.getByTestId('welcome')).toBeVisible();
  await expect(app.locator(`[data-testid="catalog-lesson"][data-lesson="${LESSON}"]`)).toHaveAttribute(
    'data-lesson-state',
    'done',
  );
  await expect(app.locator(`[data-testid="catalog-lesson"][data-lesson="${NEXT_LESSON}"]`)).toHaveAttribute(
    'data-lesson-state',
    'in-progress',
  );
  await shot(app, `catalog-${scheme}`);
  await openLesson(app, NEXT_LESSON);
  await resetLessonIfRunning(app);
}

for (const scheme of SCHEMES) {
  test(`lesson screens, ${scheme}`, async ({ app }) => {
    try {
      await lessonScreens(app, scheme);
    } finally {
      await resetLessonIfRunning(app);
    }
  });

  test(`the welcome without an engine, ${scheme}`, async ({ page }) => {
    const server = await startDockside({ DOCKER_HOST: 'unix:///tmp/nothing-here.sock' });
    try {
      await page.emulateMedia({ colorScheme: scheme });
      await openApp(page, server);
      await expect(page.getByTestId('welcome-no-engine')).toBeVisible({ timeout: 15_000 });
      await shot(page, `no-engine-${scheme}`);
    } finally {
      await stopDockside(server);
    }
  });
}
