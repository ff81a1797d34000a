/**
 * Start-up: from starting the app's process to an interactive catalog with the engine shown —
 * browser mode's server spawned (`out/main/cli.js web`), the page opened in a running Chromium,
 * until a lesson in the catalog can be clicked and the status bar shows the connected engine.
 * Warm (one round of each first that is not counted: disk caches, Chromium up), median of 5
 * rounds, goal <= 1.0 s. Each round is a new server process and a new browser context (no HTTP
 * cache). Side by side in one run with the baseline: the app as it was before issue 11 (commit
 * BASELINE_REF, built from this repository's history into a temporary worktree), rounds
 * alternating so both meet the same machine. Needs /usr/bin/chromium; builds this checkout first
 * unless DOCKSIDE_BENCH_NO_BUILD=1.
 */
import { chromium, type Browser } from 'playwright-core';
import { startDockside, stopDockside } from '../tests/helpers/dockside-server';
import { buildBaselineApp } from './baseline-app';
import { buildAppForBench } from './build-app';

const ROUNDS = Number(process.env.BENCH_STARTUP_ROUNDS ?? 5);
const GOAL_MS = 1000;
/** Main just before issue 11 (one 1.16 MB renderer chunk, core loaded before the server listened). */
const BASELINE_REF = process.env.DOCKSIDE_BENCH_STARTUP_BASELINE ?? '1ee739f';

interface Round {
  total: number;
  /** Process start to the address printed (core up, engine probe started). */
  server: number;
}

async function round(browser: Browser, appRoot?: string): Promise<Round> {
  const started = performance.now();
  const server = await startDockside({}, appRoot);
  const listening = performance.now();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('[data-testid="engine-status"][data-engine-state="connected"]').waitFor();
    const lesson = page.getByTestId('catalog-lesson').first();
    await lesson.waitFor();
    // Interactive: the lesson answers a click (React has attached its handlers).
    await lesson.click({ trial: true });
    return { total: performance.now() - started, server: listening - started };
  } finally {
    await context.close();
    await stopDockside(server);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function report(name: string, rounds: Round[]): number {
  const total = median(rounds.map((r) => r.total));
  console.log(`  ${name}`);
  console.log(`    rounds: ${rounds.map((r) => `${r.total.toFixed(0)} ms`).join(', ')}`);
  console.log(`    of which process start -> address printed: median ${median(rounds.map((r) => r.server)).toFixed(0)} ms`);
  console.log(`    median ${(total / 1000).toFixed(2)} s`);
  return total;
}

async function main(): Promise<void> {
  buildAppForBench();
  const baseline = buildBaselineApp(BASELINE_REF);
  const browser = await chromium.launch({ executablePath: process.env.DOCKSIDE_CHROMIUM ?? '/usr/bin/chromium' });
  try {
    await round(browser, baseline.root); // warm-up, not counted
    await round(browser);
    const now: Round[] = [];
    const before: Round[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      before.push(await round(browser, baseline.root));
      now.push(await round(browser));
    }
    console.log(`start-up: process start -> interactive catalog with the engine shown, warm, ${ROUNDS} rounds each, alternating`);
    const current = report('this checkout', now);
    const old = report(`baseline ${baseline.commit} (before issue 11)`, before);
    console.log(
      `  -> ${(current / 1000).toFixed(2)} s vs ${(old / 1000).toFixed(2)} s: ${(old / current).toFixed(2)}x faster (goal <= ${(GOAL_MS / 1000).toFixed(1)} s)`,
    );
  } finally {
    await browser.close();
    baseline.dispose();
  }
}

await main();
