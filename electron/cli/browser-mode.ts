/**
 * `dockside web`: core plus the browser-mode server, until Ctrl-C. The server listens first and
 * core loads behind it (its modules, the lessons, the first engine probe take most of start-up):
 * the browser fetches the page meanwhile, and the page's first requests wait for core.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Core, createCore } from '../core/app';
import { messageOf } from '../core/errors';
import { startWebServer } from '../web/server';
import { appVersion, lessonsDir, parsedLessonsFile, rendererDir } from './app-root';

export interface BrowserModeOptions {
  port?: number;
  token?: string;
}

export async function runBrowserMode(options: BrowserModeOptions): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('dockside: the app is not built yet — run `npm run build` (or `npm run web`, which builds first).');
    process.exit(1);
  }
  // DOCKSIDE_LESSONS_DIR lets authors (and tests) serve another lessons folder.
  const loading: Promise<Core> = loadCoreInStages().then(({ createCore }) =>
    createCore({ lessonsDir: process.env.DOCKSIDE_LESSONS_DIR || lessonsDir, version: appVersion(), parsedLessonsFile }),
  );
  loading.catch((error: unknown) => {
    console.error(`dockside: core could not start: ${messageOf(error)}`);
    process.exit(1);
  });
  const server = await startWebServer({ core: loading, staticDir: rendererDir, ...options });
  // Exactly one line on stdout: scripts and tests read the address from it.
  console.log(`Dockside is running at ${server.url}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Closing the server closes every socket, which kills every terminal it owned.
    void server
      .close()
      .then(() => loading)
      .then((core) => core.dispose())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
}

/**
 * Core's modules, in a few stages with a turn of the event loop between them: evaluating all of
 * them is one block of some 150 ms, and the page's first requests, arriving meanwhile, would wait
 * for all of it. Each stage is a part of core with a heavy dependency (zod and the contract; the
 * lesson and check schemas with yaml); the last one finds them loaded. dockerode is not among
 * them: it loads with the first engine probe (engine/dockerode-lean.ts).
 */
async function loadCoreInStages(): Promise<{ createCore: typeof createCore }> {
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  await import('../core/contract');
  await turn();
  await import('../core/lessons/parse-lesson');
  await turn();
  return import('../core/app');
}
