/**
 * Drives the test cluster's scripts (tests/kube/*.sh) and its kubectl from tests: start and stop,
 * kubectl with the admin kubeconfig, the daemons' pids and memory.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const KUBE_DIR = join(import.meta.dirname, '..');
export const STATE_DIR = process.env.DOCKSIDE_KUBE_STATE ?? '/tmp/dockside-kube';

/** Runs one of the tests/kube scripts; its stderr (progress, errors) is kept for the failure message. */
export async function script(name: string, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await run('bash', [join(KUBE_DIR, name), ...args], { maxBuffer: 16 << 20 });
    return stdout.trim();
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`${name} ${args.join(' ')} failed:\n${stderr ?? String(error)}`);
  }
}

export class Cluster {
  private constructor(
    readonly binDir: string,
    readonly kubeconfig: string,
  ) {}

  /** Builds (or reuses) the binaries and starts the cluster; resolves once it is ready. */
  static async start(...args: string[]): Promise<Cluster> {
    const binDir = await script('build.sh');
    const kubeconfig = await script('start.sh', ...args);
    return new Cluster(binDir, kubeconfig);
  }

  async kubectl(...args: string[]): Promise<string> {
    try {
      const { stdout } = await run(join(this.binDir, 'kubectl'), ['--kubeconfig', this.kubeconfig, ...args], {
        maxBuffer: 16 << 20,
      });
      return stdout.trim();
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(`kubectl ${args.join(' ')} failed: ${stderr ?? String(error)}`);
    }
  }

  async kubectlJson<T>(...args: string[]): Promise<T> {
    return JSON.parse(await this.kubectl(...args, '-o', 'json')) as T;
  }

  /** Applies a manifest given as an object (JSON is YAML). */
  async apply(manifest: object): Promise<void> {
    const child = spawn(join(this.binDir, 'kubectl'), ['--kubeconfig', this.kubeconfig, 'apply', '-f', '-']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(JSON.stringify(manifest));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`kubectl apply failed: ${stderr}`);
  }
}

/** Resident memory (MB) of each daemon the scripts started, with its children (e.g. containerd's shims). */
export function daemonRssMb(): Record<string, number> {
  const pidsDir = join(STATE_DIR, 'pids');
  const result: Record<string, number> = {};
  for (const file of readdirSync(pidsDir)) {
    const pid = Number(readFileSync(join(pidsDir, file), 'utf8').trim());
    result[file.replace(/\.pid$/, '')] = Math.round(treeRssKb(pid) / 1024);
  }
  return result;
}

function treeRssKb(pid: number): number {
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    total += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) total += treeRssKb(Number(child));
    }
  } catch {
    // The process ended while being read: it holds no memory.
  }
  return total;
}

/** The pinned versions, read from versions.sh (KEY=value lines). */
export function pinnedVersions(): PinnedVersions {
  const text = readFileSync(join(KUBE_DIR, 'versions.sh'), 'utf8');
  const read = (key: string): string => {
    const value = new RegExp(`^${key}=(\\S+)$`, 'm').exec(text)?.[1];
    if (!value) throw new Error(`versions.sh has no ${key}`);
    return value;
  };
  return {
    kubernetes: read('KUBERNETES_VERSION'),
    etcd: read('ETCD_VERSION'),
    kwok: read('KWOK_VERSION'),
    helm: read('HELM_VERSION'),
    k9s: read('K9S_VERSION'),
  };
}

export interface PinnedVersions {
  kubernetes: string;
  etcd: string;
  kwok: string;
  helm: string;
  k9s: string;
}

/** Runs a built binary and returns its stdout. */
export async function runBinary(binDir: string, name: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(join(binDir, name), args, { env: { ...process.env, ...binaryEnv() } });
  return stdout.trim();
}

/** Keeps k9s's and helm's files out of the user's home and off the network. */
function binaryEnv(): Record<string, string> {
  return {
    K9S_CONFIG_DIR: join(STATE_DIR, 'k9s'),
    HELM_CACHE_HOME: join(STATE_DIR, 'helm/cache'),
    HELM_CONFIG_HOME: join(STATE_DIR, 'helm/config'),
    HELM_DATA_HOME: join(STATE_DIR, 'helm/data'),
  };
}
