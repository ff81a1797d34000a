/**
 * Helpers for the lesson UI's end-to-end tests: a fresh browser-mode server per test (its own
 * data directory, so progress starts empty), opening a lesson, typing into its terminal, and
 * reading the steps' states as the page shows them.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApp, startDockside, stopDockside, type DocksideServer } from './fixtures';

export const LESSON_UI_LABEL = 'dockside.test=lesson-ui';

/** A server of its own for each test: tests here change progress and engine state. */
export const test = base.extend<{ fresh: DocksideServer; app: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured.
  fresh: async ({}, use) => {
    const server = await startDockside();
    await use(server);
    await stopDockside(server);
  },
  app: async ({ page, fresh }, use) => {
    await openApp(page, fresh);
    await use(page);
  },
});

export { expect };

export function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function containerExists(name: string): boolean {
  try {
    docker('container', 'inspect', name);
    return true;
  } catch {
    return false;
  }
}

export function imageExists(reference: string): boolean {
  try {
    docker('image', 'inspect', reference);
    return true;
  } catch {
    return false;
  }
}

/** Remove a container only if it carries this suite's label (never anyone else's). */
export function removeOwnContainer(name: string): void {
  try {
    const label = docker('container', 'inspect', '--format', '{{index .Config.Labels "dockside.test"}}', name);
    if (label === LESSON_UI_LABEL.split('=')[1]) docker('rm', '-f', name);
  } catch {
    // already gone
  }
}

/** Open a lesson by its address and wait until its run is under way (or, with `running: false`, until it shows). */
export async function openLesson(page: Page, lessonId: string, options: { running?: boolean } = {}): Promise<Locator> {
  await page.evaluate((id) => (window.location.hash = `#/lesson/${id}`), lessonId);
  const lesson = page.locator(`article[data-lesson-id="${lessonId}"]`);
  await expect(lesson).toBeVisible();
  await expect(lesson.getByTestId('step').first()).toBeVisible();
  if (options.running !== false) await expect(lesson).toHaveAttribute('data-run-status', /active|complete/, { timeout: 20_000 });
  return lesson;
}

export function steps(page: Page): Locator {
  return page.getByTestId('step');
}

export function step(page: Page, index: number): Locator {
  return page.locator(`[data-testid="step"][data-step-index="${index}"]`);
}

export async function stepStatuses(page: Page): Promise<string[]> {
  return steps(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-step-status') ?? ''));
}

const activeText = (page: Page) => page.evaluate(() => window.docksideTerminals?.activeText() ?? '');

/** Click into the lesson's terminal and wait for the shell's prompt. */
export async function focusTerminal(page: Page): Promise<void> {
  await page.getByTestId('terminal-body').click();
  await expect.poll(() => activeText(page), { timeout: 15_000 }).toMatch(/[$#] ?$/);
}

/** Type a command line as the learner would, press Enter, and wait for the next prompt. */
export async function typeCommand(page: Page, line: string): Promise<void> {
  const inTerminal = await page.evaluate(() => Boolean(document.activeElement?.closest('.xterm')));
  if (!inTerminal) await focusTerminal(page);
  const before = (await activeText(page)).length;
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await activeText(page)).slice(before), { timeout: 30_000 }).toMatch(/\n.*[$#] ?$/);
}

/**
 * Record every change of a step's `data-step-status` from now on, in order, in the page; read
 * them back with `statusChanges`.
 */
export async function recordStatusChanges(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { stepLog: string[] }).stepLog = log;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLElement;
        log.push(`${el.dataset.stepIndex}:${el.dataset.stepStatus}`);
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-step-status'] });
  });
}

export async function statusChanges(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { stepLog: string[] }).stepLog);
}

/** The blocks of one kind (hint, solution) of a lesson step, read from the lesson's file. */
export function lessonBlocks(file: string, stepTitle: string, kind: string): string[] {
  const text = readFileSync(resolve(import.meta.dirname, '..', '..', file), 'utf8');
  const start = text.indexOf(`\n## ${stepTitle}\n`);
  if (start === -1) throw new Error(`no step "${stepTitle}" in ${file}`);
  const next = text.indexOf('\n## ', start + 4);
  const body = text.slice(start, next === -1 ? undefined : next);
  return [...body.matchAll(new RegExp('```' + kind + '\\n([\\s\\S]*?)\\n```', 'g'))].map((m) => m[1]!.trim());
}

/** Reset the lesson through its own button, if a run is open: a failed test leaves nothing behind. */
export async function resetLessonIfRunning(page: Page): Promise<void> {
  await page.keyboard.press('Escape'); // a dialog a failed test left open
  const reset = page.getByTestId('reset-lesson');
  if (!(await reset.isVisible())) return;
  await reset.click();
  await page.getByTestId('confirm-reset-lesson').getByRole('button', { name: 'Reset lesson' }).click();
  await expect(page.getByTestId('toasts')).toContainText(/Removed|Nothing to remove/);
}

/** The first step of a lesson file: its title and its solution's command lines. */
export function firstStep(file: string): { title: string; solution: string[] } {
  const text = readFileSync(resolve(import.meta.dirname, '..', '..', file), 'utf8');
  const title = /^## (.+)$/m.exec(text)?.[1];
  if (!title) throw new Error(`${file} has no step`);
  const [solution = ''] = lessonBlocks(file, title, 'solution');
  return { title, solution: solution.split('\n').filter((line) => line.trim() !== '') };
}

/** Close the notices, so a screenshot shows the page rather than the last action's toast. */
export async function dismissToasts(page: Page): Promise<void> {
  for (const close of await page.locator('.toast-close').all()) await close.click();
  await expect(page.locator('.toast')).toHaveCount(0);
}
