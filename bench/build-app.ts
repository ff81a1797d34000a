/** Benches measure the built app: build it first unless DOCKSIDE_BENCH_NO_BUILD=1. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

export function buildAppForBench(): void {
  if (process.env.DOCKSIDE_BENCH_NO_BUILD === '1') return;
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}${build.stdout}`);
}
