/**
 * Exact attribution, end to end: while a lesson runs, a second client on the same engine (the
 * docker CLI at the real socket, like an IDE or a script) creates a container, a volume and a
 * network. Reset lesson's dialog lists them apart, "made outside Dockside's terminal", unticked;
 * confirming removes the lesson's own (made in the terminal, through its proxy) and leaves theirs.
 */
import { test as base } from '@playwright/test';
import {
  LESSON_UI_LABEL,
  containerExists,
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
const other = `lesson-ui-other-${Date.now().toString(36)}`;

test.afterEach(async ({ app }) => resetLessonIfRunning(app));

base.afterAll(() => {
  removeOwnContainer(other);
  for (const args of [
    ['volume', 'rm', other],
    ['network', 'rm', other],
  ]) {
    try {
      docker(...args);
    } catch {
      // already gone
    }
  }
});

test('Reset lesson removes the lesson’s own objects and lists another client’s apart, unticked, and leaves them', async ({
  app,
}, testInfo) => {
  test.setTimeout(90_000);
  await openLesson(app, LESSON);
  await focusTerminal(app);
  await typeCommand(app, 'docker run --name hello busybox echo "Hello from a container"');
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed');

  // Mid-lesson, another client makes a container, a volume and a network.
  docker('run', '-d', '--name', other, '--label', LESSON_UI_LABEL, 'busybox', 'sleep', '300');
  docker('volume', 'create', '--label', LESSON_UI_LABEL, other);
  docker('network', 'create', '--label', LESSON_UI_LABEL, other);

  await app.getByTestId('reset-lesson').click();
  const dialog = app.getByTestId('confirm-reset-lesson');
  await expect(dialog.getByTestId('reset-ours')).toContainText('container hello');
  const outside = dialog.getByTestId('reset-outside');
  await expect(outside).toContainText("Made outside Dockside's terminal");
  for (const kind of ['container', 'volume', 'network']) {
    const box = outside.getByRole('checkbox', { name: `${kind} ${other}` });
    await expect(box).toBeVisible();
    await expect(box).not.toBeChecked();
  }
  await expect(dialog.getByTestId('reset-ours')).not.toContainText(other);
  await dialog.screenshot({ path: testInfo.outputPath('reset-dialog.png') });

  await dialog.getByRole('button', { name: 'Reset lesson' }).click();
  await expect(app.getByTestId('toasts')).toContainText(/Removed (.*, )?hello\b/);
  await expect(app.getByTestId('toasts')).toContainText("Left what was made outside Dockside's terminal");
  expect(containerExists('hello')).toBe(false);
  expect(containerExists(other)).toBe(true);
  expect(docker('volume', 'inspect', '--format', '{{.Name}}', other)).toBe(other);
  expect(docker('network', 'inspect', '--format', '{{.Name}}', other)).toBe(other);
});
