/**
 * The Docker track end to end: the lesson "Inside a running container" (docker/exec) done from
 * start to finish by typing in the real terminal of browser mode — including an interactive
 * `docker exec -it ... sh` session inside the container — with each step turning passed from the
 * engine's real state, in order, until the lesson is complete and its containers are gone.
 */
import { connect } from 'node:net';
import type { Page } from '@playwright/test';
import { containerExists, expect, focusTerminal, openLesson, step, stepStatuses, test, typeCommand } from './lesson-helpers';

const LESSON = 'docker/exec';
const NAMES = ['shop', 'shop2'];
const PORTS = [18081, 18082];

const activeText = (page: Page) => page.evaluate(() => window.docksideTerminals?.activeText() ?? '');

/** True when something already listens on the port (the lesson's steps would then fail for a reason of ours). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test.describe.configure({ mode: 'serial' });

// A test that fails midway must not leave the lesson's containers behind: Reset removes exactly
// what this run created, and nothing else.
test.afterEach(async ({ app }) => {
  await app.keyboard.press('Escape');
  const reset = app.getByTestId('reset-lesson');
  if (!(await reset.isVisible())) return;
  await reset.click();
  await app.getByTestId('confirm-reset-lesson').getByRole('button', { name: 'Reset lesson' }).click();
  await expect(app.getByTestId('toasts')).toContainText(/Removed|Nothing to remove/);
});

test('the exec lesson, done by typing in the terminal, completes step by step', async ({ app }) => {
  test.setTimeout(150_000);
  for (const name of NAMES)
    test.skip(containerExists(name), `a container named ${name} already exists on this engine (not ours)`);
  for (const port of PORTS) test.skip(await portTaken(port), `port ${port} is already in use on this machine`);

  const lesson = await openLesson(app, LESSON);
  await expect(lesson).toHaveAttribute('data-run-status', 'active');
  expect(await stepStatuses(app)).toEqual(['current', 'pending', 'pending', 'pending', 'pending']);
  await focusTerminal(app);

  // 1. An empty web server: running, publishing 18081, answering 404.
  await typeCommand(app, 'docker run -d --name shop -w /www -p 18081:80 busybox httpd -f -p 80');
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed', { timeout: 20_000 });
  await expect(step(app, 1)).toHaveAttribute('data-step-status', 'current');

  // 2. A shell inside the container: its prompt, its process list, a page written from inside.
  await typeCommand(app, 'docker exec -it shop sh');
  await expect.poll(() => activeText(app)).toMatch(/\/www # $/);
  await typeCommand(app, 'ps');
  // PID USER TIME COMMAND: the official busybox prints a TIME column (some builds do not).
  await expect.poll(() => activeText(app)).toMatch(/^\s*1 \S+\s+(\d+:\d+\s+)?httpd -f -p 80\s*$/m);
  // Not passed yet: the page does not exist while only `ps` has run.
  await expect(step(app, 1)).toHaveAttribute('data-step-status', 'current');
  await typeCommand(app, 'echo "Welcome to the shop" > index.html');
  await typeCommand(app, 'exit');
  await expect(step(app, 1)).toHaveAttribute('data-step-status', 'passed', { timeout: 20_000 });
  // ... and seen from outside, over the published port.
  await typeCommand(app, 'curl -s http://localhost:18081/');
  await expect.poll(() => activeText(app)).toContain('Welcome to the shop');

  // 3. The file copied out into the lesson's workspace, where the terminal started.
  await typeCommand(app, 'docker cp shop:/www/index.html ./from-shop.html');
  await expect(step(app, 2)).toHaveAttribute('data-step-status', 'passed', { timeout: 20_000 });

  // 4. A second container from the same image starts without the page.
  await typeCommand(app, 'docker run -d --name shop2 -w /www -p 18082:80 busybox httpd -f -p 80');
  await expect(step(app, 3)).toHaveAttribute('data-step-status', 'passed', { timeout: 20_000 });

  // 5. Clean up: the lesson is complete and both containers are gone.
  await typeCommand(app, 'docker rm -f shop shop2');
  await expect(step(app, 4)).toHaveAttribute('data-step-status', 'passed', { timeout: 20_000 });
  expect(await stepStatuses(app)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
  await expect(app.getByTestId('lesson-complete')).toBeVisible();
  await expect(lesson).toHaveAttribute('data-run-status', 'complete');
  await expect(app.getByTestId('lesson-progress')).toHaveText('5 of 5 steps passed');
  expect(NAMES.some(containerExists)).toBe(false);
});
