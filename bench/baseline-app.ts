/**
 * A baseline build of the app from an earlier commit, for a side-by-side figure in one run: the
 * commit is checked out into a temporary worktree (this repository's history; nothing fetched),
 * given this checkout's node_modules, and built with electron-vite. `dispose` removes it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

export interface BaselineApp {
  /** The worktree's root: out/main/cli.js is under it. */
  root: string;
  /** The commit, short, as built. */
  commit: string;
  dispose(): void;
}

export function buildBaselineApp(ref: string): BaselineApp {
  const dir = join(mkdtempSync(join(tmpdir(), 'dockside-baseline-')), 'app');
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const commit = git('rev-parse', '--short', `${ref}^{commit}`);
  git('worktree', 'add', '--detach', dir, commit);
  const dispose = () => {
    spawnSync('git', ['worktree', 'remove', '--force', dir], { cwd: root });
    rmSync(resolve(dir, '..'), { recursive: true, force: true });
  };
  try {
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`the baseline ${commit} did not build:\n${build.stderr}${build.stdout}`);
  } catch (error) {
    dispose();
    throw error;
  }
  return { root: dir, commit, dispose };
}
