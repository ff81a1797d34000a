/**
 * A real browser-mode server for tests and benches: the built app (`out/main/cli.js web`), with
 * a data directory and a home of its own, so runs never share progress, settings or dotfiles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface DocksideServer {
  /** The printed address, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** The app's data directory (progress, settings, workspaces). */
  dataDir: string;
  /** Everything this server owns on disk (data dir, the shells' home), removed at stop. */
  scratchDir: string;
  process: ChildProcess;
}

const root = resolve(import.meta.dirname, '..', '..');

/** `appRoot`: another build of the app (a bench's baseline); by default this checkout's. */
export async function startDockside(env: Record<string, string> = {}, appRoot = root): Promise<DocksideServer> {
  const scratch = mkdtempSync(join(tmpdir(), 'dockside-e2e-'));
  const dataDir = join(scratch, 'data');
  // The shells the tests open must not depend on this machine's dotfiles (a slow or stuck
  // ~/.bashrc would stall every prompt): they get a home of their own, like a new user's.
  const home = join(scratch, 'home');
  mkdirSync(home);
  const child = spawn(process.execPath, [join(appRoot, 'out', 'main', 'cli.js'), 'web'], {
    cwd: appRoot,
    env: { ...process.env, HOME: home, DOCKSIDE_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolveLine, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`dockside web did not start in 20 s:\n${stderr}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Dockside is running at (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveLine(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`dockside web exited (${code}):\n${stderr}`)));
  });
  const url = new URL(line);
  return {
    url: line,
    origin: url.origin,
    port: Number(url.port),
    token: url.searchParams.get('token')!,
    dataDir,
    scratchDir: scratch,
    process: child,
  };
}

export async function stopDockside(server: DocksideServer): Promise<void> {
  if (server.process.exitCode === null) {
    const exited = new Promise((r) => server.process.once('exit', r));
    server.process.kill('SIGTERM');
    await exited;
  }
  rmSync(server.scratchDir, { recursive: true, force: true });
}
