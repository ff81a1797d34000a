/**
 * Every screen, in light and in dark, checked by axe-core in the real app against the real
 * engine: no serious or critical violation (contrast, names, roles) anywhere. The lesson page is
 * checked in each state a learner meets: steps not reached, current, failed and passed, hints
 * shown, the solution and reset dialogs, the live state with objects, two terminal tabs and the
 * find bar, and the notices a reset leaves. Tests run one after another: they use the first
 * lesson's names.
 */
import type { Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectAccessible, SCHEMES, type Scheme } from './axe';
import { openApp, startDockside, stopDockside } from './fixtures';
import {
  LESSON_UI_LABEL,
  docker,
  expect,
  focusTerminal,
  openLesson,
  removeOwnContainer,
  resetLessonIfRunning,
  step,
  test,
  typeCommand,
} from './lesson-helpers';

const LESSON = 'docker/containers';

test.describe.configure({ mode: 'serial' });
test.afterEach(async ({ app }) => resetLessonIfRunning(app));

async function checkDialog(page: Page, testId: string, screen: string): Promise<void> {
  const dialog = page.getByTestId(testId);
  await expect(dialog).toBeVisible();
  await expectAccessible(page, screen);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
}

/** Steps passed, current and not reached; then a failed one with hints and the solution shown. */
async function stepStates(app: Page, scheme: Scheme): Promise<void> {
  await openLesson(app, LESSON);
  await expectAccessible(app, `the lesson page, first step current (${scheme})`);
  await focusTerminal(app);
  await typeCommand(app, 'docker run --name hello busybox echo "Hello from a container"');
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed');
  await expect(step(app, 1)).toHaveAttribute('data-step-status', 'current');
  await expectAccessible(app, `the lesson page, a step passed (${scheme})`);

  // A near miss: the container is made but not started, so step 2 fails with its reason.
  await typeCommand(app, 'docker create --name web busybox httpd -f -p 80');
  await expect(step(app, 1)).toHaveAttribute('data-step-status', 'failed', { timeout: 15_000 });
  await typeCommand(app, 'docker run --name web busybox true');
  await expect(step(app, 1).getByTestId('step-feedback')).toBeVisible();
  await step(app, 1).getByTestId('reveal-hint').click();
  await expect(step(app, 1).getByTestId('step-hint')).toHaveCount(1);
  await step(app, 1).getByTestId('show-solution').click();
  await checkDialog(app, 'confirm-solution', `the solution dialog (${scheme})`);
  await step(app, 1).getByTestId('show-solution').click();
  await app.getByTestId('confirm-solution').getByRole('button', { name: 'Show it' }).click();
  await expect(step(app, 1).getByTestId('step-solution')).toBeVisible();
  await expectAccessible(app, `the lesson page, a failed step with hint, feedback and solution (${scheme})`);
}

/** Objects of every kind in the live state, a second terminal tab, the reset dialogs and their notices. */
async function liveStateAndResets(app: Page, scheme: Scheme): Promise<void> {
  await typeCommand(app, 'docker volume create demo-notes && docker network create demo-net');
  await typeCommand(
    app,
    'docker run -d --name demo-store --network demo-net -v demo-notes:/data -p 8081:80 busybox httpd -f -p 80',
  );
  await typeCommand(app, "docker commit -m 'a layer' demo-store demo/store:v1");
  const live = app.getByTestId('live-state');
  await expect(live.getByTestId('live-network')).toHaveCount(1, { timeout: 15_000 });
  await expect(live.getByTestId('live-image')).toHaveCount(1);
  await expect(live.getByTestId('live-volume')).toHaveCount(1);
  await app.getByRole('button', { name: 'New terminal' }).click();
  await expect(app.getByRole('tab')).toHaveCount(2);
  await app.getByRole('button', { name: 'Find in terminal' }).click();
  await expect(app.getByRole('search')).toBeVisible();
  await expectAccessible(app, `the lesson page with the live state, two terminals and the find bar (${scheme})`);

  await step(app, 1).getByTestId('reset-step').click();
  await checkDialog(app, 'confirm-reset-step', `the reset step dialog (${scheme})`);
  await app.getByTestId('reset-lesson').click();
  const confirm = app.getByTestId('confirm-reset-lesson');
  await expect(confirm).toBeVisible();
  await expectAccessible(app, `the reset lesson dialog (${scheme})`);
  await confirm.getByRole('button', { name: 'Reset lesson' }).click();
  await expect(app.getByTestId('toasts')).toContainText('Removed');
  await expectAccessible(app, `the lesson page with a notice (${scheme})`);
}

for (const scheme of SCHEMES) {
  test.describe(scheme, () => {
    test.use({ colorScheme: scheme });

    test(`the welcome, the catalog and the shortcuts, ${scheme}`, async ({ app }) => {
      await expect(app.getByTestId('welcome-engine')).toBeVisible({ timeout: 15_000 });
      await expect(app.getByTestId('catalog-lesson').first()).toBeVisible();
      await expectAccessible(app, `the welcome and the catalog (${scheme})`);
      await app.getByTestId('welcome-prefetch').click();
      await expect(app.getByTestId('image-pull').first()).toHaveAttribute('data-phase', 'present', { timeout: 15_000 });
      await expectAccessible(app, `the welcome with the images list (${scheme})`);
      await app.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectAccessible(app, `the shortcuts (${scheme})`);
    });

    test(`the lesson page in every state, ${scheme}`, async ({ app }) => {
      test.setTimeout(120_000);
      await stepStates(app, scheme);
      await liveStateAndResets(app, scheme);
      // The catalog beside a lesson: one lesson started.
      await app.getByTestId('catalog-toggle').click();
      await expect(app.getByTestId('catalog')).toBeVisible();
      await expectAccessible(app, `the lesson page with the catalog open (${scheme})`);
    });

    test(`before you start: an object in the way, ${scheme}`, async ({ app }) => {
      const own = 'hello';
      docker('create', '--name', own, '--label', LESSON_UI_LABEL, 'busybox', 'true');
      try {
        await app.evaluate((id) => (window.location.hash = `#/lesson/${id}`), LESSON);
        const setup = app.getByTestId('lesson-setup');
        await expect(setup.getByTestId('preflight-conflict')).toHaveCount(1);
        await expectAccessible(app, `before you start (${scheme})`);
        await setup.getByRole('checkbox').check();
        await setup.getByTestId('remove-conflicts').click();
        await checkDialog(app, 'confirm-remove-conflicts', `the remove dialog (${scheme})`);
      } finally {
        removeOwnContainer(own);
      }
    });

    test(`the doctor, ${scheme}`, async ({ app }) => {
      await app.getByTestId('status-doctor').click();
      await expect(app.getByTestId('doctor-view')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
      await expect(app.getByRole('heading', { name: 'Docker engines' })).toBeVisible();
      await expectAccessible(app, `the doctor (${scheme})`);
    });

    test(`no engine: the welcome and a lesson, ${scheme}`, async ({ page }) => {
      const server = await startDockside({ DOCKER_HOST: `unix:///tmp/nothing-here-${randomBytes(4).toString('hex')}.sock` });
      try {
        await openApp(page, server);
        await expect(page.getByTestId('welcome-no-engine')).toBeVisible({ timeout: 15_000 });
        await expectAccessible(page, `the welcome without an engine (${scheme})`);
        await page.evaluate((id) => (window.location.hash = `#/lesson/${id}`), LESSON);
        await expect(page.getByTestId('lesson-setup')).toContainText('cannot read your engine', { timeout: 15_000 });
        await expectAccessible(page, `a lesson without an engine (${scheme})`);
      } finally {
        await stopDockside(server);
      }
    });
  });
}
