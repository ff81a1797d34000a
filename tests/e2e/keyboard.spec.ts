/**
 * The app without a mouse: a learner opens the first Docker lesson from the catalog, leaves the
 * terminal with Ctrl+Shift+L, runs the first step's command with its Run button and hears it pass
 * once. Tab goes round the welcome and the doctor without getting stuck, every control it lands
 * on shows a focus ring, the terminal tabs answer the arrow keys, and with the OS asking for less
 * motion the progress bars and steps do not animate. Only `page.keyboard` acts in these tests.
 */
import type { Page } from '@playwright/test';
import { announcements, focused, recordAnnouncements, tabUntil, type Focused } from './keyboard-helpers';
import { expect, firstStep, openLesson, resetLessonIfRunning, step, test, typeCommand } from './lesson-helpers';

const LESSON = 'docker/containers';
const FILE = 'lessons/docker/01-containers.md';

test.describe.configure({ mode: 'serial' });
test.afterEach(async ({ app }) => resetLessonIfRunning(app));

const activeText = (page: Page) => page.evaluate(() => window.docksideTerminals?.activeText() ?? '');

async function expectTerminalReady(page: Page): Promise<void> {
  await expect.poll(() => activeText(page), { timeout: 15_000 }).toMatch(/[$#] ?$/);
  await expect.poll(async () => (await focused(page)).inTerminal).toBe(true);
}

test('keyboard only: open the first Docker lesson, run its first command, see it pass, hear it once', async ({ app }) => {
  test.setTimeout(90_000);
  const { title } = firstStep(FILE);
  await tabUntil(app, (f) => f.lesson === LESSON);
  await app.keyboard.press('Enter');
  await expect(app.locator(`article[data-lesson-id="${LESSON}"]`)).toHaveAttribute('data-run-status', 'active', {
    timeout: 20_000,
  });
  // The lesson hands the keyboard to its terminal, which keeps Tab for the shell's completion.
  await expectTerminalReady(app);
  await recordAnnouncements(app);
  await app.keyboard.type('ech');
  await app.keyboard.press('Tab');
  expect((await focused(app)).inTerminal).toBe(true);
  await app.keyboard.press('Control+U');

  // Ctrl+Shift+L is the way out: back to the selected step, then Tab to its Run button.
  await app.keyboard.press('Control+Shift+L');
  await expect(step(app, 0)).toBeFocused();
  await tabUntil(app, (f) => f.testId === 'command-run');
  await expect(step(app, 0).getByTestId('command-run')).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed', { timeout: 20_000 });
  await expect(step(app, 1)).toHaveAttribute('data-step-status', 'current');

  const passed = `Step 1 passed: ${title}.`;
  // The pass is said once; the next step may be named in the same message or in one of its own,
  // depending on whether both statuses reach the page in one update.
  const saidPassed = async () => (await announcements(app)).filter((said) => said.includes(passed));
  await expect.poll(saidPassed).toHaveLength(1);
  await expect.poll(async () => (await announcements(app)).join(' ')).toContain(`Step 2 is next:`);
  // More engine events and re-renders later, the pass has still been said once.
  await app.keyboard.press('Control+Backquote');
  await typeCommand(app, 'docker ps -a');
  await typeCommand(app, 'docker inspect hello >/dev/null');
  expect(await saidPassed()).toHaveLength(1);
});

test('Tab goes round the welcome and the doctor: every control shows its focus, and none keeps it', async ({ app }) => {
  // A round of Tab covers what is on the page: core loads behind the page, so wait for what it sends.
  await expect(app.getByTestId('catalog-lesson').first()).toBeVisible();
  await expect(app.getByTestId('welcome-start')).toBeVisible();
  const first = await tabUntil(app, () => true);
  const round = await tabUntil(app, (f) => f.what === first[0]!.what, 200);
  const names = round.map((f) => f.testId);
  expect(names).toContain('catalog-lesson');
  expect(names).toContain('welcome-start');
  expect(names).toContain('status-doctor');

  await tabUntil(app, (f) => f.testId === 'status-doctor');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('doctor-view')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  const start = await tabUntil(app, () => true);
  const doctorRound = await tabUntil(app, (f) => f.what === start[0]!.what, 200);
  expect(doctorRound.map((f) => f.testId)).toContain('doctor-refresh');
});

test('the lesson page: focus rings up to the terminal, Ctrl+Shift+L out of it, arrows and Delete on its tabs', async ({
  app,
}) => {
  await openLesson(app, LESSON);
  await expectTerminalReady(app);
  await app.keyboard.press('Control+Shift+L');
  await expect(step(app, 0)).toBeFocused();
  const toTerminal = await tabUntil(app, (f) => f.inTerminal);
  const tabWords = toTerminal.map((f) => f.what).join('\n');
  expect(tabWords).toContain('[terminal-tab]');
  expect(tabWords).toContain('[New terminal]');

  // A second terminal, opened from the keyboard; the arrows move between the two, Delete closes one.
  await app.keyboard.press('Control+Shift+L');
  await tabUntil(app, (f) => f.what.includes('[New terminal]'));
  await app.keyboard.press('Enter');
  const tabs = app.getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await expectTerminalReady(app);
  await app.keyboard.press('Control+Shift+L');
  await tabUntil(app, (f: Focused) => f.testId === 'terminal-tab');
  await expect(tabs.nth(1)).toBeFocused();
  await app.keyboard.press('ArrowLeft');
  await expect(tabs.nth(0)).toBeFocused();
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Delete');
  await expect(tabs).toHaveCount(1);
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
});

test('with reduced motion asked for, the progress bars and the steps do not animate', async ({ app }) => {
  await openLesson(app, LESSON);
  const moving = ['.lesson-progress .progress-fill', '.step-main', '.lesson-command', '.live-state-chevron'];
  const motion = () =>
    app.evaluate(
      (selectors) =>
        selectors.map((selector) => {
          const el = document.querySelector(selector);
          if (!el) return `${selector}: missing`;
          const style = getComputedStyle(el);
          return `${selector}: transition ${style.transitionDuration}, animation ${style.animationName}`;
        }),
      moving,
    );
  await app.emulateMedia({ reducedMotion: 'no-preference' });
  for (const line of await motion()) expect(line).not.toMatch(/transition 0s, animation none$/);
  await app.emulateMedia({ reducedMotion: 'reduce' });
  expect(await motion()).toEqual(moving.map((selector) => `${selector}: transition 0s, animation none`));
});
