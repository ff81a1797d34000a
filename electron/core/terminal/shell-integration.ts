/**
 * How each shell is launched so that it reports its commands: the scripts are written once per
 * app run into a private temporary directory, and each session adds its own nonce to the env.
 * The learner's rc files are never touched; shells we have no script for simply run as they are.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BASH_SCRIPT } from './shell-scripts/bash';
import { FISH_SCRIPT } from './shell-scripts/fish';
import { ZSH_FILES } from './shell-scripts/zsh';

export type IntegratedShell = 'bash' | 'zsh' | 'fish';

export interface ShellLaunch {
  args: string[];
  /** Added to the session's environment. */
  env: Record<string, string>;
  /** Which script is active, or null for a shell we run without integration. */
  integration: IntegratedShell | null;
  nonce: string | null;
}

/** "bash" for /bin/bash, /usr/local/bin/bash-5.2 too; null for anything we have no script for. */
export function integratedShellKind(shellPath: string): IntegratedShell | null {
  const name = basename(shellPath).replace(/\.exe$/i, '');
  if (/^bash(-[\d.]+)?$/.test(name)) return 'bash';
  if (/^zsh(-[\d.]+)?$/.test(name)) return 'zsh';
  if (name === 'fish') return 'fish';
  return null;
}

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

export class ShellIntegration {
  private dir: string | null = null;

  /** `login`: start a login shell (macOS terminals do, so the learner's profile runs). */
  launch(shellPath: string, options: { login: boolean; env: Record<string, string | undefined> }): ShellLaunch {
    const kind = integratedShellKind(shellPath);
    const plain: ShellLaunch = { args: options.login ? ['-l'] : [], env: {}, integration: null, nonce: null };
    if (kind === null) return plain;
    let dir: string;
    try {
      dir = this.scriptsDir();
    } catch (error) {
      console.error('dockside: could not write the shell integration scripts; terminals run without them', error);
      return plain;
    }
    const nonce = newNonce();
    const env: Record<string, string> = { DOCKSIDE_NONCE: nonce };
    switch (kind) {
      case 'bash':
        // A login shell would ignore --init-file: the script sources the login files itself.
        if (options.login) env.DOCKSIDE_SHELL_LOGIN = '1';
        return { args: ['--init-file', join(dir, 'bash', 'dockside.bash')], env, integration: kind, nonce };
      case 'zsh': {
        const userZdotdir = options.env.ZDOTDIR;
        if (userZdotdir) env.DOCKSIDE_USER_ZDOTDIR = userZdotdir;
        env.ZDOTDIR = join(dir, 'zsh');
        return { args: options.login ? ['-il'] : ['-i'], env, integration: kind, nonce };
      }
      case 'fish': {
        const script = join(dir, 'fish', 'dockside.fish');
        const args = ['--init-command', `source ${quoteForFish(script)}`];
        return { args: options.login ? ['-l', ...args] : args, env, integration: kind, nonce };
      }
    }
  }

  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  private scriptsDir(): string {
    if (this.dir) return this.dir;
    // mkdtemp makes it 0700: no other user can swap a script under a running app.
    const dir = mkdtempSync(join(tmpdir(), 'dockside-shell-'));
    mkdirSync(join(dir, 'bash'));
    writeFileSync(join(dir, 'bash', 'dockside.bash'), BASH_SCRIPT);
    mkdirSync(join(dir, 'zsh'));
    for (const [name, text] of Object.entries(ZSH_FILES)) writeFileSync(join(dir, 'zsh', name), text);
    mkdirSync(join(dir, 'fish'));
    writeFileSync(join(dir, 'fish', 'dockside.fish'), FISH_SCRIPT);
    this.dir = dir;
    return dir;
  }
}

function quoteForFish(path: string): string {
  return `'${path.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
