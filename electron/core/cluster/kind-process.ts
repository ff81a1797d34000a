/**
 * One run of the kind CLI: its output split into lines as it prints them, and a cancel that ends
 * kind's whole process group (kind runs `docker pull`, `docker save`, `docker exec` ... as
 * children, which must not outlive it): SIGTERM, then SIGKILL after a grace period.
 */
import { spawn } from 'node:child_process';
import { messageOf } from '../errors';

const KILL_GRACE_MS = 3000;

export interface KindProcess {
  /** kind's pid, which is also its process group's id. */
  pid: number | null;
  /** Resolves when kind has exited: its exit code (null when killed), or why it could not start. */
  done: Promise<{ code: number | null; output: string; startError: string | null; missing: boolean }>;
  cancel(): void;
}

export function runKind(
  kind: string,
  args: string[],
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  onLine: (line: string) => void,
): KindProcess {
  const child = spawn(kind, args, { env, detached: platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let partial = '';
  const take = (chunk: Buffer) => {
    output += chunk.toString();
    const lines = (partial + chunk.toString()).split(/\r?\n|\r/);
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(line);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const done = new Promise<Awaited<KindProcess['done']>>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ code: null, output, startError: messageOf(error), missing: error.code === 'ENOENT' }),
    );
    child.on('close', (code) => {
      if (partial.trim()) onLine(partial);
      resolve({ code, output, startError: null, missing: false });
    });
  });
  return {
    pid: child.pid ?? null,
    done,
    cancel() {
      const pid = child.pid;
      if (!pid || child.exitCode !== null) return;
      if (platform === 'win32') {
        child.kill(); // no process groups there; kind's children end with their console
        return;
      }
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), KILL_GRACE_MS);
      timer.unref();
      child.once('close', () => clearTimeout(timer));
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}
