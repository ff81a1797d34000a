/**
 * Which shell a terminal runs: the learner's `$SHELL`, else bash, else sh. A `$SHELL` that does
 * not exist (a removed Homebrew zsh, a typo) is reported in the pane, not left as a blank one.
 */
import { accessSync, constants, statSync } from 'node:fs';

export const FALLBACK_SHELLS = ['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash', '/bin/sh'];

export interface ShellChoice {
  path: string;
  /** Why this is not the learner's $SHELL, for the pane; null when it is. */
  notice: string | null;
}

export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function chooseShell(requested: string | undefined, exists: (path: string) => boolean = isExecutableFile): ShellChoice {
  const fallback = FALLBACK_SHELLS.find(exists) ?? '/bin/sh';
  if (requested === undefined || requested.trim() === '') return { path: fallback, notice: null };
  if (!requested.startsWith('/')) {
    return { path: fallback, notice: `Your SHELL is "${requested}", which is not an absolute path; using ${fallback} instead.` };
  }
  if (!exists(requested)) {
    return { path: fallback, notice: `Your SHELL ${requested} does not exist or cannot be run; using ${fallback} instead.` };
  }
  return { path: requested, notice: null };
}

/** The shell to try when spawning the chosen one failed outright. */
export function lastResortShell(failed: string, exists: (path: string) => boolean = isExecutableFile): string | null {
  return FALLBACK_SHELLS.find((candidate) => candidate !== failed && exists(candidate)) ?? null;
}
