/**
 * Typing in the terminal while the lesson reacts to the engine: the live state panel appears
 * when the first container does, and goes when the last one does. None of that may take the
 * keyboard from the terminal — a keystroke that lands elsewhere is a keystroke the learner lost
 * (it once did: the pane's tree changed shape and remounted the terminal).
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import type {} from '../../renderer/src/terminal/terminal-inspector';

const LABEL = 'dockside.test=e2e-terminal-focus';
const activeText = (page: Page) => page.evaluate(() => window.docksideTerminals?.activeText() ?? '');

test('no keystroke is lost while containers come and go', async ({ app }) => {
  test.setTimeout(120_000);
  try {
    await app.evaluate(() => (window.location.hash = '#/lesson/docker/containers'));
    await app.getByTestId('terminal-body').click();
    await expect.poll(() => activeText(app)).toMatch(/[$#] ?$/);
    await app.evaluate(() => {
      const w = window as unknown as { strayKeys: string[] };
      w.strayKeys = [];
      document.addEventListener(
        'keydown',
        (event) => {
          if (!(event.target as HTMLElement).closest?.('.xterm')) w.strayKeys.push(event.key);
        },
        true,
      );
    });
    for (let i = 0; i < 12; i++) {
      const name = `focus-${process.pid}-${i >> 1}`;
      const command = i % 2 === 0 ? `docker run -l ${LABEL} --name ${name} busybox echo ${name}` : `docker rm --force ${name}`;
      const before = (await activeText(app)).length;
      await app.keyboard.type(command);
      await app.keyboard.press('Enter');
      await expect.poll(async () => (await activeText(app)).slice(before)).toMatch(/\n.*[$#] ?$/);
      // What the shell received is exactly what was typed.
      expect((await activeText(app)).slice(before)).toContain(command);
    }
    expect(await app.evaluate(() => (window as unknown as { strayKeys: string[] }).strayKeys)).toEqual([]);
  } finally {
    execFileSync('sh', ['-c', `docker ps -aq --filter label=${LABEL} | xargs -r docker rm -f >/dev/null`]);
  }
});
