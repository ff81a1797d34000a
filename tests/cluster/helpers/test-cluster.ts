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
};

async function script(name: string, env: Record<string, string>, ...args: string[]): Promise<string> {
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
  /** Its ports and state directory (another suite passes its own, so the two never meet). */
  env: Record<string, string>;
}

/** Builds (or reuses) the binaries and starts a cluster on these ports and state directory. */
export async function startTestCluster(env: Record<string, string> = CLUSTER_ENV): Promise<TestCluster> {
  const binDir = await script('build.sh', env);
  const reuse = process.env.DOCKSIDE_TEST_KUBECONFIG;
  if (reuse) return { kubeconfig: reuse, binDir, owned: false, env };
  const kubeconfig = await script('start.sh', env);
  return { kubeconfig, binDir, owned: true, env };
}

export async function stopTestCluster(cluster: TestCluster): Promise<void> {
  if (cluster.owned) await script('stop.sh', cluster.env);
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
