// Build main, preload and renderer with electron-vite, keeping stdout clean (browser mode's one
// line must be the only thing there); build errors still reach stderr.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function buildApp(root) {
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    console.error('dockside: the build failed (see above).');
    process.exit(build.status ?? 1);
  }
}
