/**
 * Stops and starts the test cluster's kube-apiserver process only (etcd, the controllers and
 * kwok keep running), the way tests/kube/lib.sh runs it: the same command line, in a session of
 * its own, logging to logs/kube-apiserver.log, its pid in pids/kube-apiserver.pid (so stop.sh
 * still stops it).
 */
import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class ApiServerProcess {
  private command: string[] = [];

  constructor(
    private readonly stateDir: string,
    private readonly kubectl: string,
    private readonly kubeconfig: string,
  ) {}

  private get pidFile(): string {
    return join(this.stateDir, 'pids', 'kube-apiserver.pid');
  }

  private alive(pid: number): boolean {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** TERM to its process group, and wait until it is gone. */
  async stop(): Promise<void> {
    const pid = Number(readFileSync(this.pidFile, 'utf8').trim());
    this.command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    process.kill(-pid, 'SIGTERM');
    const deadline = Date.now() + 20_000;
    while (this.alive(pid)) {
      if (Date.now() > deadline) process.kill(-pid, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The same command line again; resolves once /readyz answers ok. */
  async start(): Promise<void> {
    const [binary, ...args] = this.command;
    if (!binary) throw new Error('stop() first: it reads the command line of the running API server');
    const log = openSync(join(this.stateDir, 'logs', 'kube-apiserver.log'), 'a');
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    child.unref();
    writeFileSync(this.pidFile, `${child.pid}\n`);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ready = await run(this.kubectl, ['--kubeconfig', this.kubeconfig, 'get', '--raw', '/readyz']).then(
        ({ stdout }) => stdout.trim() === 'ok',
        () => false,
      );
      if (ready) return;
      if (Date.now() > deadline) throw new Error('the API server did not become ready within 60 s of its restart');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
