/** `dockside web`: core plus the browser-mode server, until Ctrl-C. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../core/app';
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
  const core = await createCore({ lessonsDir: process.env.DOCKSIDE_LESSONS_DIR || lessonsDir, version: appVersion() });
  const server = await startWebServer({ core, staticDir: rendererDir, ...options });
  // Exactly one line on stdout: scripts and tests read the address from it.
  console.log(`Dockside is running at ${server.url}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Closing the server closes every socket, which kills every terminal it owned.
    void server
      .close()
      .then(() => core.dispose())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
}
