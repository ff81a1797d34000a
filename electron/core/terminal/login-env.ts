/**
 * The macOS PATH problem: an app started from Finder or the Dock inherits launchd's minimal
 * environment, so `docker`, `colima`, `kind` in /opt/homebrew/bin or /usr/local/bin are not found.
 * Resolve the login shell's environment once (`$SHELL -ilc` printing `env` between markers, with
 * a timeout, cached for the app's life), and fall back to adding the two usual directories.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { messageOf } from '../errors';

export type Env = Record<string, string | undefined>;

export const LOGIN_ENV_TIMEOUT_MS = 10_000;
export const FALLBACK_PATH_DIRS = ['/opt/homebrew/bin', '/usr/local/bin'];

/** Variables the login shell sets for itself that must not leak into the app's terminals. */
const SHELL_PRIVATE = new Set(['_', 'SHLVL', 'PWD', 'OLDPWD']);

/**
 * Reads `env` output printed between two markers. Whatever the learner's rc prints before or
 * after (a motd, nvm's chatter) lies outside them. A line without `=` continues the value above
 * it: values may hold newlines.
 */
export function parseMarkedEnv(output: string, marker: string): Env | null {
  const lines = output.split('\n').map((line) => line.replace(/\r$/, ''));
  const start = lines.indexOf(marker);
  const end = start === -1 ? -1 : lines.indexOf(marker, start + 1);
  if (end === -1) return null;
  const env: Env = {};
  let last: string | null = null;
  for (const line of lines.slice(start + 1, end)) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(line);
    if (match) {
      last = match[1]!;
      env[last] = match[2]!;
    } else if (last !== null) {
      env[last] = `${env[last]}\n${line}`;
    }
  }
  for (const key of SHELL_PRIVATE) delete env[key];
  return Object.keys(env).length > 0 ? env : null;
}

/** PATH with the Homebrew directories added where missing. */
export function withFallbackPath(env: Env): Env {
  const parts = (env.PATH ?? '/usr/bin:/bin:/usr/sbin:/sbin').split(':').filter((p) => p !== '');
  for (const dir of FALLBACK_PATH_DIRS) if (!parts.includes(dir)) parts.push(dir);
  return { ...env, PATH: parts.join(':') };
}

export type RunShell = (shell: string, args: string[], env: Env, timeoutMs: number) => Promise<string>;

const runShell: RunShell = (shell, args, env, timeoutMs) =>
  new Promise((resolve, reject) => {
    execFile(shell, args, { env, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => {
      // A non-zero exit after printing both markers (an rc that ends with `false`) is still fine.
      if (error && !stdout) reject(new Error(error.message));
      else resolve(stdout);
    });
  });

export interface LoginEnvOptions {
  env: Env;
  platform: NodeJS.Platform;
  timeoutMs?: number;
  run?: RunShell;
}

/**
 * The environment terminals should start from. Only macOS needs the login shell's; elsewhere the
 * app was started from a shell or a desktop session that already ran the learner's profile.
 */
export async function resolveLoginEnv(options: LoginEnvOptions): Promise<{ env: Env; note: string | null }> {
  const { env, platform } = options;
  if (platform !== 'darwin') return { env, note: null };
  const shell = env.SHELL && env.SHELL.startsWith('/') ? env.SHELL : '/bin/zsh';
  const marker = `__DOCKSIDE_ENV_${randomBytes(8).toString('hex')}__`;
  // `command env` skips any alias or function called env the learner defined.
  const script = `printf '%s\\n' '${marker}'; command env; printf '%s\\n' '${marker}'`;
  try {
    const output = await (options.run ?? runShell)(
      shell,
      ['-ilc', script],
      { ...env, DISABLE_AUTO_UPDATE: 'true' },
      options.timeoutMs ?? LOGIN_ENV_TIMEOUT_MS,
    );
    const parsed = parseMarkedEnv(output, marker);
    if (parsed) return { env: { ...env, ...parsed }, note: null };
    return {
      env: withFallbackPath(env),
      note: `${shell} -ilc printed no environment; added ${FALLBACK_PATH_DIRS.join(' and ')} to PATH instead.`,
    };
  } catch (error) {
    const reason = messageOf(error);
    return {
      env: withFallbackPath(env),
      note: `Could not read your login shell's environment (${reason}); added ${FALLBACK_PATH_DIRS.join(' and ')} to PATH instead.`,
    };
  }
}

/** Resolves once per app run; every terminal awaits the same answer. */
export class LoginEnvCache {
  private pending: Promise<{ env: Env; note: string | null }> | null = null;

  constructor(private readonly options: LoginEnvOptions) {}

  get(): Promise<{ env: Env; note: string | null }> {
    this.pending ??= resolveLoginEnv(this.options);
    return this.pending;
  }
}
