/**
 * "Another machine" for the context guard's tests: a TCP listener on 10.254.<n>.2:6443 inside a
 * network namespace the test creates, reached from the host over a veth pair (10.254.<n>.1/30 on
 * the host side), so a kubeconfig can point at an address that is not this machine's and every
 * connection to it is counted. Nothing leaves the machine: the /30 is the only route into the
 * namespace and the namespace has no other interface. Root only. `stop()` removes the namespace
 * (and with it both ends of the veth) and is safe to call twice.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OffMachineListener {
  /** https://10.254.<n>.2:6443 */
  server: string;
  host: string;
  port: number;
  /** TCP connections accepted so far. */
  connections(): number;
  stop(): void;
}

const PORT = 6443;
const ip = (...args: string[]) => execFileSync('ip', args, { encoding: 'utf8' });

/** A /30 in 10.254.0.0/16 that nothing on this host uses yet. */
function freeSubnet(): number {
  const used = ip('-o', 'addr') + ip('route');
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const n = 1 + (randomBytes(1)[0]! % 254);
    if (!used.includes(`10.254.${n}.`)) return n;
  }
  throw new Error('no free 10.254.<n>.0/30 for the test namespace');
}

export async function startOffMachineListener(scratchDir: string): Promise<OffMachineListener> {
  const tag = randomBytes(3).toString('hex');
  const ns = `dockside-guard-${tag}`;
  const n = freeSubnet();
  const [hostIf, nsIf] = [`dsg${tag}h`, `dsg${tag}n`];
  const host = `10.254.${n}.2`;
  const countFile = join(scratchDir, `connections-${tag}`);
  let child: ChildProcess | null = null;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    child?.kill('SIGKILL');
    try {
      ip('netns', 'del', ns); // takes the veth pair with it
    } catch {
      // never made
    }
  };
  try {
    ip('netns', 'add', ns);
    ip('link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf);
    ip('link', 'set', nsIf, 'netns', ns);
    ip('addr', 'add', `10.254.${n}.1/30`, 'dev', hostIf);
    ip('link', 'set', hostIf, 'up');
    ip('-n', ns, 'addr', 'add', `${host}/30`, 'dev', nsIf);
    ip('-n', ns, 'link', 'set', nsIf, 'up');
    ip('-n', ns, 'link', 'set', 'lo', 'up');
    // The listener: counts every accepted connection into a file, then closes it.
    const script = `
      const fs = require('node:fs'); let count = 0; fs.writeFileSync(${JSON.stringify(countFile)}, '0');
      require('node:net').createServer((socket) => { count += 1; fs.writeFileSync(${JSON.stringify(countFile)}, String(count)); socket.destroy(); })
        .listen(${PORT}, ${JSON.stringify(host)}, () => console.log('listening'));`;
    child = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.once('data', () => resolve());
      child!.once('exit', (code) => reject(new Error(`the listener in ${ns} exited (${code})`)));
    });
  } catch (error) {
    stop();
    throw error;
  }
  return {
    server: `https://${host}:${PORT}`,
    host,
    port: PORT,
    connections: () => Number(readFileSync(countFile, 'utf8')),
    stop,
  };
}
