/**
 * The practice cluster's failure paths, for real: kind missing from PATH, a real kind (built from
 * the Go module proxy) whose node image is not on the engine and whose registry is a loopback
 * port nobody serves, no engine at all, and a cancel while kind waits on a registry that never
 * answers — which must end kind and its `docker pull` child (the whole process group).
 * Nothing here pulls from the internet: every image name points at 127.0.0.1.
 */
import Docker from 'dockerode';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeJob } from '../../electron/core/contract';
import { PracticeCluster } from '../../electron/core/cluster/practice-cluster';
import { practiceNodeOn } from '../../electron/core/cluster/practice-ownership';
import { until } from '../helpers/until';

const ENGINE = { host: 'unix:///var/run/docker.sock', context: 'default' };
const engine = new Docker({ socketPath: '/var/run/docker.sock' });
/** A PATH with the docker CLI and no kind (checked below). */
const PATH_WITHOUT_KIND = '/usr/local/bin:/usr/bin:/bin';

let kind: string;
let home: string;

beforeAll(() => {
  // Built once and cached by version; a machine that cannot build it fails here, saying why.
  kind = execFileSync('bash', [join(import.meta.dirname, 'kind-cli.sh')], { encoding: 'utf8', timeout: 600_000 }).trim();
  home = mkdtempSync(join(tmpdir(), 'dockside-practice-'));
}, 600_000);

afterAll(() => rmSync(home, { recursive: true, force: true }));

function practice(env: Record<string, string>, endpoint = ENGINE): { cluster: PracticeCluster; seen: PracticeJob[] } {
  const seen: PracticeJob[] = [];
  const cluster = new PracticeCluster({
    // Its own HOME and KUBECONFIG: kind never touches this machine's kubeconfig.
    env: { PATH: PATH_WITHOUT_KIND, HOME: home, KUBECONFIG: join(home, 'kubeconfig'), ...env },
    platform: 'linux',
    endpoint: () => endpoint,
    onChange: (job) => seen.push(job),
    dataDir: home,
    nodeContainer: () => practiceNodeOn(engine),
  });
  return { cluster, seen };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('practice cluster', () => {
  it('without kind on PATH: one sentence with the install command (go install when Go is on PATH, else the release)', async () => {
    const onPath = (binary: string, path: string) =>
      execFileSync('bash', ['-c', `PATH=${path} command -v ${binary} || echo none`], { encoding: 'utf8' }).trim();
    expect(onPath('kind', PATH_WITHOUT_KIND)).toBe('none');
    expect(onPath('go', PATH_WITHOUT_KIND)).toBe('none');
    const { cluster } = practice({});
    await cluster.start('create');
    const job = await cluster.settled();
    expect(job).toMatchObject({ action: 'create', state: 'failed' });
    const cpu = process.arch === 'arm64' ? 'arm64' : 'amd64';
    expect(job?.error).toBe(
      'The kind CLI is not on your PATH. Install kind with ' +
        `\`curl -Lo ./kind https://kind.sigs.k8s.io/dl/v0.33.0/kind-linux-${cpu} && chmod +x ./kind && sudo mv ./kind /usr/local/bin/kind\`, then try again.`,
    );
    // A go on the PATH (the real toolchain the kind CLI is built with) turns the advice into go install.
    const go = execFileSync('bash', [join(import.meta.dirname, '../kube/go-toolchain.sh')], { encoding: 'utf8' }).trim();
    const withGo = practice({ PATH: `${PATH_WITHOUT_KIND}:${dirname(go)}` }).cluster;
    await withGo.start('create');
    expect((await withGo.settled())?.error).toBe(
      'The kind CLI is not on your PATH. Install kind with `go install sigs.k8s.io/kind@v0.33.0` ' +
        '(it lands in ~/go/bin: put that on your PATH), then try again.',
    );
  });

  it('with a node image that is not on the engine and a registry that refuses: the image sentence', async () => {
    const image = '127.0.0.1:1/dockside/missing:1';
    const { cluster, seen } = practice({ DOCKSIDE_KIND: kind, DOCKSIDE_KIND_NODE_IMAGE: image });
    const started = await cluster.start('create');
    expect(started.state).toBe('running');
    const job = await cluster.settled();
    expect(job?.state).toBe('failed');
    expect(job?.error).toBe(
      `The node image ${image} is not on your engine and its registry could not be reached: ` +
        `pull it while you are online (docker pull ${image}) and try again.`,
    );
    // kind's own output streamed on the way, and its first stage showed as progress.
    expect(seen.some((j) => j.state === 'running' && j.stage === 'Ensuring node image')).toBe(true);
    expect(job?.lines.join('\n')).toContain('Creating cluster "dockside"');
  }, 120_000);

  it('with no engine: the engine sentence', async () => {
    const nowhere = { host: `unix://${join(home, 'no-engine.sock')}`, context: 'default' };
    const { cluster } = practice({ DOCKSIDE_KIND: kind, DOCKSIDE_KIND_NODE_IMAGE: '127.0.0.1:1/dockside/missing:1' }, nowhere);
    await cluster.start('create');
    const job = await cluster.settled();
    expect(job?.error).toBe(
      `kind could not reach a Docker engine at ${nowhere.host}: start your engine (the doctor shows how) and try again.`,
    );
  });

  describe('cancel', () => {
    let registry: Server;
    const held: Socket[] = [];
    beforeAll(async () => {
      // A registry that accepts and never answers: kind's `docker pull` waits on it.
      registry = createServer((socket) => held.push(socket));
      await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => registry.close(resolve));
    });

    it('ends kind and its docker pull child, and says cancelled', async () => {
      const port = (registry.address() as { port: number }).port;
      const { cluster } = practice({ DOCKSIDE_KIND: kind, DOCKSIDE_KIND_NODE_IMAGE: `127.0.0.1:${port}/dockside/hangs:1` });
      await cluster.start('create');
      const pgid = cluster.pid!;
      await until('the engine to reach the hanging registry', () => held.length > 0, 30_000);
      expect(groupAlive(pgid)).toBe(true);
      const cancelledAt = Date.now();
      cluster.cancel();
      const job = await cluster.settled();
      expect(job).toMatchObject({ state: 'cancelled', error: null });
      await until('kind’s process group to be gone', () => !groupAlive(pgid), 5_000);
      expect(Date.now() - cancelledAt).toBeLessThan(5_000);
    }, 60_000);
  });
});
