/**
 * `dockside web`: core plus the browser-mode server, until Ctrl-C. The server listens first and
 * core loads behind it (its modules, the lessons, the first engine probe take most of start-up):
 * the browser fetches the page meanwhile, and the page's first requests wait for core.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../core/app';
import { messageOf } from '../core/errors';
import { startWebServer } from '../web/server';
import { appVersion, lessonsDir, rendererDir } from './app-root';

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
  const loading: Promise<Core> = import('../core/app').then(({ createCore }) =>
    createCore({ lessonsDir: process.env.DOCKSIDE_LESSONS_DIR || lessonsDir, version: appVersion() }),
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
