/**
 * The lesson UI end to end, in Chromium through browser mode, against the real engine: a whole
 * lesson done by typing in the terminal, a reload in the middle, hints and the solution, the
 * nearest miss, Reset step, preflight conflicts and the keyboard. Each test has a server of its
 * own (fresh progress). Tests in this file run one after another: they use the same lesson and
 * so the same container names.
 */
import {
  LESSON_UI_LABEL,
  containerExists,
  docker,
  expect,
  focusTerminal,
  lessonBlocks,
  openLesson,
  recordStatusChanges,
  removeOwnContainer,
  resetLessonIfRunning,
  statusChanges,
  step,
  stepStatuses,
  test,
  typeCommand,
} from './lesson-helpers';

const LESSON = 'docker/containers';
const FILE = 'lessons/docker/01-containers.md';

test.describe.configure({ mode: 'serial' });

// The lesson's own names; a test that fails midway must not leave them for the next one.
test.afterEach(async ({ app }) => resetLessonIfRunning(app));

test('a whole lesson done by typing in the terminal: steps pass in order, and a reload keeps the progress', async ({ app }) => {
  test.setTimeout(120_000);
  const lesson = await openLesson(app, LESSON);
  await expect(lesson).toHaveAttribute('data-run-status', 'active');
  expect(await stepStatuses(app)).toEqual(['current', 'pending', 'pending', 'pending', 'pending']);
  await expect(step(app, 0)).toHaveAccessibleName('Step 1 of 5: Run your first container, current step');
  await recordStatusChanges(app);

  await focusTerminal(app);
  await typeCommand(app, 'docker run --name hello busybox echo "Hello from a container"');
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed');
  await expect(step(app, 1)).toHaveAttribute('data-step-status', 'current');
  await typeCommand(app, 'docker run -d --name web busybox httpd -f -p 80');
  await expect(step(app, 1)).toHaveAttribute('data-step-status', 'passed');
  await expect(step(app, 2)).toHaveAttribute('data-step-status', 'current');
  expect(await statusChanges(app)).toEqual(['0:passed', '1:current', '1:passed', '2:current']);
  await expect(app.getByTestId('lesson-progress')).toHaveText('2 of 5 steps passed');
  await expect(app.getByTestId('status-lesson-progress')).toContainText('2/5 steps');

  // A reload in the middle: the page comes back on the same lesson with the same progress.
  await app.reload();
  await expect(app.locator(`article[data-lesson-id="${LESSON}"]`)).toHaveAttribute('data-run-status', 'active');
  await expect.poll(() => stepStatuses(app)).toEqual(['passed', 'passed', 'current', 'pending', 'pending']);
  await expect(app.getByTestId('lesson-progress')).toHaveText('2 of 5 steps passed');
  await expect(app.locator(`[data-testid="catalog-rail"], [data-testid="catalog"]`).first()).toBeVisible();

  await recordStatusChanges(app);
  await focusTerminal(app);
  await typeCommand(app, "docker ps --format '{{.Names}}' > running.txt");
  await expect(step(app, 2)).toHaveAttribute('data-step-status', 'passed');
  await typeCommand(app, 'docker stop -t 1 web');
  await expect(step(app, 3)).toHaveAttribute('data-step-status', 'passed');
  await typeCommand(app, 'docker rm web hello');
  await expect(step(app, 4)).toHaveAttribute('data-step-status', 'passed');
  expect(await statusChanges(app)).toEqual(['2:passed', '3:current', '3:passed', '4:current', '4:passed']);

  await expect(app.getByTestId('lesson-complete')).toBeVisible();
  await expect(app.locator(`article[data-lesson-id="${LESSON}"]`)).toHaveAttribute('data-run-status', 'complete');
  await expect(app.getByTestId('lesson-progress')).toHaveText('5 of 5 steps passed');
  expect(containerExists('web') || containerExists('hello')).toBe(false);

  // The catalog remembers it too, after another reload.
  await app.reload();
  await expect.poll(() => stepStatuses(app)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
  await app.getByTestId('catalog-toggle').click();
  await expect(app.locator(`[data-testid="catalog-lesson"][data-lesson="${LESSON}"]`)).toHaveAttribute(
    'data-lesson-state',
    'done',
  );
});

test('hints come one at a time, and the solution only after a confirmation', async ({ app }) => {
  const hints = lessonBlocks(FILE, 'Run your first container', 'hint');
  const [solution] = lessonBlocks(FILE, 'Run your first container', 'solution');
  expect(hints.length).toBeGreaterThanOrEqual(2);
  await openLesson(app, LESSON);
  const first = step(app, 0);
  const hintButton = first.getByTestId('reveal-hint');
  await expect(first.getByTestId('step-hint')).toHaveCount(0);
  await expect(hintButton).toHaveText(`Hint (${hints.length})`);

  await hintButton.click();
  await expect(first.getByTestId('step-hint')).toHaveCount(1);
  await expect(first.getByTestId('step-hint').nth(0)).toContainText(hints[0]!.replace(/`/g, ''));
  await expect(hintButton).toHaveText(`Next hint (2/${hints.length})`);
  for (let i = 1; i < hints.length; i++) await hintButton.click();
  await expect(first.getByTestId('step-hint')).toHaveCount(hints.length);
  await expect(first.getByTestId('step-hint').nth(1)).toContainText(hints[1]!.replace(/`/g, '').replace(/^Type exactly: /, ''));
  await expect(hintButton).toBeDisabled();

  // Revealed hints are part of the progress: a reload shows them again.
  await app.reload();
  await expect(step(app, 0).getByTestId('step-hint')).toHaveCount(hints.length, { timeout: 15_000 });

  // The solution: asked first; Cancel keeps it hidden.
  const solutionButton = step(app, 0).getByTestId('show-solution');
  await solutionButton.click();
  const dialog = app.getByTestId('confirm-solution');
  await expect(dialog).toBeVisible();
  await expect(step(app, 0).getByTestId('step-solution')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(step(app, 0).getByTestId('step-solution')).toHaveCount(0);
  await solutionButton.click();
  await app.getByTestId('confirm-solution').getByRole('button', { name: 'Show it' }).click();
  await expect(step(app, 0).getByTestId('step-solution')).toContainText(solution!);
  await expect(solutionButton).toBeDisabled();
  // Showing it passes nothing: the engine decides.
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'current');
});

test('the current step names its nearest miss, and a failed docker command says why', async ({ app }) => {
  await openLesson(app, LESSON);
  await focusTerminal(app);
  // Close, but not it: the container exits with 3, the step wants 0.
  await typeCommand(app, "docker run --name hello busybox sh -c 'exit 3'");
  const explanation = step(app, 0).getByTestId('step-explanation');
  await expect(explanation).toContainText('hello');
  await expect(explanation).toContainText('3');
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'failed'); // an attempt that misses
  await expect(step(app, 0).locator('[data-check-state="miss"]')).toHaveCount(1);

  // The name is taken now: docker refuses, and the step says so beside the explanation.
  await typeCommand(app, 'docker run --name hello busybox echo "Hello from a container"');
  await expect(step(app, 0).getByTestId('step-feedback')).toContainText('125');

  await typeCommand(app, 'docker rm hello');
  await typeCommand(app, 'docker run --name hello busybox echo "Hello from a container"');
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed');
  await expect(step(app, 0).getByTestId('step-status-line')).toContainText('Passed');
});

test('Reset step removes what the step made and nothing of the learner’s own', async ({ app }) => {
  const own = `lesson-ui-own-${Date.now().toString(36)}`;
  docker('run', '-d', '--name', own, '--label', LESSON_UI_LABEL, 'busybox', 'sleep', '300');
  try {
    await openLesson(app, LESSON);
    await focusTerminal(app);
    await typeCommand(app, 'docker run --name hello busybox echo "Hello from a container"');
    await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed');
    await expect(step(app, 1)).toHaveAttribute('data-step-status', 'current');

    await step(app, 0).getByTestId('reset-step').click();
    const dialog = app.getByTestId('confirm-reset-step');
    await expect(dialog).toContainText('container hello');
    await expect(dialog).not.toContainText(own);
    await dialog.getByRole('button', { name: 'Reset step' }).click();
    // Other suites share this engine; what they create meanwhile is listed apart and left alone.
    await expect(app.getByTestId('toasts')).toContainText(/Removed (.*, )?hello\b/);

    await expect.poll(() => stepStatuses(app)).toEqual(['current', 'pending', 'pending', 'pending', 'pending']);
    expect(containerExists('hello')).toBe(false);
    expect(containerExists(own)).toBe(true);
    await expect(step(app, 0).getByTestId('step-explanation')).toContainText('hello');

    // And the step can be done again.
    await typeCommand(app, 'docker run --name hello busybox echo "Hello from a container"');
    await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed');
  } finally {
    removeOwnContainer(own);
  }
});

test('preflight: an object in the way is removed only after an explicit confirmation', async ({ app }) => {
  // A container named like the lesson's, made before the lesson: the learner's, not the lesson's.
  docker('create', '--name', 'hello', '--label', LESSON_UI_LABEL, 'busybox', 'true');
  try {
    await app.evaluate((id) => (window.location.hash = `#/lesson/${id}`), LESSON);
    const setup = app.getByTestId('lesson-setup');
    await expect(setup).toBeVisible();
    const conflict = setup.getByTestId('preflight-conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('hello');
    await expect(app.locator(`article[data-lesson-id="${LESSON}"]`)).toHaveAttribute('data-run-status', 'none');

    const remove = setup.getByTestId('remove-conflicts');
    await expect(remove).toBeDisabled();
    await conflict.getByRole('checkbox').check();
    await remove.click();
    const dialog = app.getByTestId('confirm-remove-conflicts');
    await expect(dialog).toContainText('hello');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(containerExists('hello')).toBe(true);

    await remove.click();
    await app.getByTestId('confirm-remove-conflicts').getByRole('button', { name: 'Remove' }).click();
    await expect(app.getByTestId('toasts')).toContainText('Removed hello.');
    expect(containerExists('hello')).toBe(false);
    // Nothing stands in the way any more: the lesson starts by itself.
    await expect(app.locator(`article[data-lesson-id="${LESSON}"]`)).toHaveAttribute('data-run-status', 'active');
    await expect(app.getByTestId('lesson-setup')).toHaveCount(0);
  } finally {
    removeOwnContainer('hello');
  }
});

test('keyboard: Alt+arrows move between steps, Ctrl+Enter runs the highlighted command, Ctrl+` focuses the terminal', async ({
  app,
}) => {
  await openLesson(app, LESSON);
  await expect(step(app, 0)).toHaveClass(/is-selected/);
  await app.locator('.lesson-title').click();
  await app.keyboard.press('Alt+ArrowDown');
  await expect(step(app, 1)).toHaveClass(/is-selected/);
  await app.keyboard.press('Alt+ArrowUp');
  await expect(step(app, 0)).toHaveClass(/is-selected/);
  await expect(step(app, 0).locator('[data-highlighted="true"]')).toHaveCount(1);

  await app.keyboard.press('Control+Backquote');
  await expect.poll(() => app.evaluate(() => Boolean(document.activeElement?.closest('.xterm')))).toBe(true);
  await expect.poll(() => app.evaluate(() => window.docksideTerminals?.activeText() ?? '')).toMatch(/[$#] ?$/);

  // From inside the terminal too: Ctrl+Enter types the highlighted command and runs it.
  await app.keyboard.press('Control+Enter');
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed', { timeout: 20_000 });
  await expect(step(app, 1)).toHaveClass(/is-selected/);
});

test('no layout jumps: a step passing and the next becoming current move nothing on the page', async ({ app }) => {
  await openLesson(app, LESSON);
  // Where each step starts within the lesson's scrolling column (independent of scrolling).
  const tops = () =>
    app.locator('[data-testid="step"]').evaluateAll((nodes) => nodes.map((n) => Math.round((n as HTMLElement).offsetTop)));
  const before = await tops();
  await focusTerminal(app);
  await typeCommand(app, 'docker run --name hello busybox echo "Hello from a container"');
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed');
  await expect(step(app, 1)).toHaveAttribute('data-step-status', 'current');
  await expect(step(app, 1).getByTestId('step-explanation')).toBeVisible();
  expect(await tops()).toEqual(before);
});
