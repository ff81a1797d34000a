/// <reference lib="dom" />
/**
 * Commands from lessons, end to end: a step's Run button types its command into the real
 * terminal, the container it creates is seen by the step's check; Paste types without running;
 * Copy copies; and a failed docker command is explained beside the current step.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import type {} from '../../renderer/src/terminal/terminal-inspector';
import { expect, test } from './fixtures';

const LESSON = 'docker/containers';

function containerId(name: string): string | null {
  const result = spawnSync('docker', ['container', 'inspect', '--format', '{{.Id}}', name], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

const screen = (page: Page) => page.evaluate(() => (window.docksideTerminals?.activeText() ?? '').trimEnd());

test.describe.configure({ mode: 'serial' });

test('Run types the command and the step sees the container; Paste and Copy do not run anything', async ({ app, context }) => {
  // The lesson's first step names its container `hello`: a `hello` we did not create is not ours to touch.
  test.skip(
    containerId('hello') !== null,
    'a container named hello already exists on this engine (not ours); the lesson would report it as a conflict',
  );
  test.skip(containerId('web') !== null, 'a container named web already exists on this engine (not ours)');
  const created: string[] = [];
  try {
    await app.evaluate((lesson) => (window.location.hash = `#/lesson/${lesson}`), LESSON);
    // A run may already be under way for this lesson (the server is shared by a worker's tests).
    const start = app.getByTestId('start-lesson');
    const first = app.getByTestId('step').first();
    // The page starts a run by itself when nothing stands in the way; otherwise, start it.
    await start.click({ timeout: 3_000 }).catch(() => undefined);
    await expect(first).toHaveAttribute('data-step-status', 'current');
    await expect.poll(() => screen(app)).toMatch(/[$#]$/);

    // Paste: the command appears at the prompt, and nothing runs.
    const second = app.getByTestId('step').nth(1);
    // The step is not selected: the first click on its button must still count.
    await second.getByTestId('command-paste').first().click();
    // (read with wrapped lines joined: the pane may be narrower than the prompt and command)
    await expect.poll(() => screen(app)).toMatch(/[$#] docker run -d --name web busybox httpd -f -p 80$/);
    await app.waitForTimeout(1_000);
    expect(containerId('web')).toBeNull();
    await app.getByTestId('terminal-body').click();
    await app.keyboard.press('Control+C'); // drop the pasted line: a fresh prompt, nothing run
    await expect.poll(() => screen(app)).toMatch(/[$#]$/);

    // Copy: the clipboard holds the command.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await first.getByTestId('command-copy').first().click();
    expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(
      'docker run --name hello busybox echo "Hello from a container"',
    );

    // Run: the container is created from the terminal and the step's check passes.
    await first.getByTestId('command-run').first().click();
    await expect.poll(() => containerId('hello'), { timeout: 20_000 }).not.toBeNull();
    created.push(containerId('hello')!);
    await expect(first).toHaveAttribute('data-step-status', 'passed', { timeout: 20_000 });
    await expect.poll(() => screen(app)).toContain('\nHello from a container\n');

    // The same command again fails: the current step says why.
    await app.getByTestId('terminal-body').click();
    await app.keyboard.type('docker run --name hello busybox echo again');
    await app.keyboard.press('Enter');
    await expect(app.getByTestId('step-feedback')).toContainText('`docker run` exited 125: the name hello is already in use');
  } finally {
    for (const id of created) execFileSync('docker', ['rm', '-f', id]);
  }
});
