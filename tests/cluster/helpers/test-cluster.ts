/**
 * The test cluster for the Kubernetes tests: the real control plane and kwok nodes that the
 * tests/kube scripts build and start (see tests/kube/README.md). Started once for the whole run
 * on ports of its own, so it never meets another cluster on this machine, and stopped after.
 *
 * DOCKSIDE_TEST_KUBECONFIG=<admin kubeconfig> reuses a cluster that is already running (and
 * leaves it running); DOCKSIDE_KUBE_SCRIPTS points at the scripts when they live elsewhere.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SCRIPTS = process.env.DOCKSIDE_KUBE_SCRIPTS ?? join(import.meta.dirname, '..', '..', 'kube');

/** Ports and state apart from the defaults the smoke test and a developer's cluster use. */
export const CLUSTER_ENV: Record<string, string> = {
  DOCKSIDE_KUBE_STATE: process.env.DOCKSIDE_KUBE_STATE ?? '/tmp/dockside-kube-cluster-tests',
  DOCKSIDE_KUBE_APISERVER_PORT: '26443',
  DOCKSIDE_KUBE_ETCD_PORT: '22379',
  DOCKSIDE_KUBE_CONTROLLER_MANAGER_PORT: '20257',
  DOCKSIDE_KUBE_SCHEDULER_PORT: '20259',
  DOCKSIDE_KUBE_KWOK_PORT: '20247',
  // Secrets are watched straight from etcd, so a watch from a compacted resourceVersion gets
  // 410 Gone (the watch cache would answer it from memory): gone-watch.test.ts.
  DOCKSIDE_KUBE_APISERVER_ARGS: '--watch-cache-sizes=secrets#0',
};

/** etcd's client URL (plain HTTP on loopback), for compacting its history in a test. */
export const ETCD_URL = `http://127.0.0.1:${CLUSTER_ENV.DOCKSIDE_KUBE_ETCD_PORT}`;

/** Runs one of the tests/kube scripts with this cluster's ports and state directory. */
async function script(env: Record<string, string>, name: string, ...args: string[]): Promise<string> {
  const path = join(SCRIPTS, name);
  if (!existsSync(path)) throw new Error(`the test cluster scripts are missing: ${path} (set DOCKSIDE_KUBE_SCRIPTS)`);
  try {
    const { stdout } = await run('bash', [path, ...args], { env: { ...process.env, ...env }, maxBuffer: 16 << 20 });
    return stdout.trim();
  } catch (error) {
    throw new Error(`${name} failed:\n${(error as { stderr?: string }).stderr ?? String(error)}`);
  }
}

export interface TestCluster {
  kubeconfig: string;
  binDir: string;
  /** Started by us (and to be stopped by us). */
  owned: boolean;
  env: Record<string, string>;
}

/** `env`: the cluster's ports and state directory (the bench starts one apart from the tests'). */
export async function startTestCluster(env = CLUSTER_ENV): Promise<TestCluster> {
  const binDir = await script(env, 'build.sh');
  const reuse = env === CLUSTER_ENV ? process.env.DOCKSIDE_TEST_KUBECONFIG : undefined;
  if (reuse) return { kubeconfig: reuse, binDir, owned: false, env };
  const kubeconfig = await script(env, 'start.sh');
  return { kubeconfig, binDir, owned: true, env };
}

export async function stopTestCluster(cluster: TestCluster): Promise<void> {
  if (cluster.owned) await script(cluster.env, 'stop.sh');
}

export class Kubectl {
  constructor(
    readonly binDir: string,
    readonly kubeconfig: string,
  ) {}

  async run(...args: string[]): Promise<string> {
    try {
      const { stdout } = await run(join(this.binDir, 'kubectl'), ['--kubeconfig', this.kubeconfig, ...args], {
        maxBuffer: 16 << 20,
      });
      return stdout.trim();
    } catch (error) {
      throw new Error(`kubectl ${args.join(' ')} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
    }
  }

  /** Applies manifests given as objects (JSON is YAML). */
  async apply(...manifests: object[]): Promise<void> {
    const child = spawn(join(this.binDir, 'kubectl'), ['--kubeconfig', this.kubeconfig, 'apply', '-f', '-']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: manifests }));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`kubectl apply failed: ${stderr}`);
  }
}
