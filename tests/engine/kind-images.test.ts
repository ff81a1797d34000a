/**
 * A lesson's images and a kind cluster, against the real engine and the real kind CLI (v0.33.0,
 * built from the Go module proxy). A kind node cannot start on our test machines, so the node is
 * tests/helpers/kind-node.ts: a container kind itself recognises as the node of its cluster,
 * running a real containerd. Covered for real: reading which images the node has (through the
 * engine, as preflight does), kind finding the node, saving the image from the engine and
 * streaming its output; the failures kind reports (no node container, image not on the engine,
 * no kind), and cancel ending kind's process group. Not covered here: kind's final step
 * (`docker exec --privileged <node> ctr images import`) succeeding, because this kernel refuses
 * privileged execs ("unable to apply caps"); where it does not, the load test below expects
 * the image in the node instead.
 */
import Docker from 'dockerode';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineReader } from '../../electron/core/checks/engine-reader';
import { KindImageLoader } from '../../electron/core/cluster/kind-images';
import { readKindImages } from '../../electron/core/cluster/kind-node-images';
import type { KindLoadJob } from '../../electron/core/contract';
import { loadLesson } from '../../electron/core/lessons/catalog';
import { runPreflight } from '../../electron/core/runner/preflight';
import { machineProbes } from '../../electron/core/runner/requirements';
import { startKindNode, type KindNode } from '../helpers/kind-node';
import { kubeLessonFile } from '../helpers/kube-lesson-file';
import { until } from '../helpers/until';

const ENGINE = { host: 'unix:///var/run/docker.sock', context: 'default' };
const PATH = '/usr/local/bin:/usr/bin:/bin';
const CLUSTER = 'dockside-k13-images';
const engine = new Docker({ socketPath: '/var/run/docker.sock' });
const IMAGES = [
  { name: 'busybox:musl', present: true },
  { name: 'busybox', present: true },
];

let kind: string;
let node: KindNode;
let home: string;

beforeAll(async () => {
  kind = execFileSync('bash', [join(import.meta.dirname, 'kind-cli.sh')], { encoding: 'utf8', timeout: 600_000 }).trim();
  home = mkdtempSync(join(tmpdir(), 'dockside-kind-images-'));
  node = await startKindNode(CLUSTER);
}, 600_000);

afterAll(() => {
  node?.remove();
  rmSync(home, { recursive: true, force: true });
});

function loader(env: Record<string, string> = {}, endpoint = ENGINE): { load: KindImageLoader; seen: KindLoadJob[] } {
  const seen: KindLoadJob[] = [];
  const load = new KindImageLoader({
    env: { PATH, HOME: home, DOCKSIDE_KIND: kind, ...env },
    platform: 'linux',
    endpoint: () => endpoint,
    onChange: (job) => seen.push(job),
  });
  return { load, seen };
}

const K8S_LESSON = kubeLessonFile({ id: 't/x', title: 'x', track: 't', images: ['busybox:musl', 'busybox:1.38'] });

function kindKubeconfig(cluster: string, server: string): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: `kind-${cluster}`, cluster: { server } }],
    users: [{ name: 'learner', user: { token: 'not-a-secret' } }],
    contexts: [{ name: `kind-${cluster}`, context: { cluster: `kind-${cluster}`, user: 'learner' } }],
    'current-context': `kind-${cluster}`,
  });
}

function privilegedExecWorks(): boolean {
  try {
    execFileSync('docker', ['exec', '--privileged', node.name, 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('which images a kind node has, read through the engine', () => {
  it('says per image whether the node’s containerd has it, and sees an import', async () => {
    const before = await readKindImages(new EngineReader(engine), CLUSTER, IMAGES);
    expect(before).toEqual({
      cluster: CLUSTER,
      nodes: [node.name],
      problem: null,
      images: [
        { name: 'busybox:musl', inEngine: true, inCluster: false },
        { name: 'busybox', inEngine: true, inCluster: false },
      ],
    });
    node.importImage('busybox:musl');
    const after = await readKindImages(new EngineReader(engine), CLUSTER, IMAGES);
    expect(after.images).toEqual([
      { name: 'busybox:musl', inEngine: true, inCluster: true },
      { name: 'busybox', inEngine: true, inCluster: false },
    ]);
  }, 60_000);

  it('a cluster without a node container: one sentence, nothing known', async () => {
    const none = await readKindImages(new EngineReader(engine), 'dockside-k13-none', IMAGES);
    expect(none.problem).toBe(
      'kind cluster dockside-k13-none has no node container on your Docker engine (dockside-k13-none-control-plane is not there): create it again with `kind create cluster --name dockside-k13-none`, or use another cluster.',
    );
    expect(none.images.map((i) => i.inCluster)).toEqual([null, null]);
  });
});

describe('preflight of a Kubernetes lesson on a kind cluster', () => {
  it('reports per image whether the node has it, and holds the start while one is missing', async () => {
    const dir = join(home, 'lessons');
    mkdirSync(join(dir, 't'), { recursive: true });
    const file = join(dir, 't', '01-x.md');
    writeFileSync(file, K8S_LESSON);
    const loaded = loadLesson(dir, file);
    if (!('lesson' in loaded)) throw new Error(loaded.problems.join('\n'));
    const kubeconfig = join(home, 'kubeconfig');
    // kind-<cluster> on a loopback port nobody serves: the guard judges it local; the API server does not answer.
    writeFileSync(kubeconfig, kindKubeconfig(CLUSTER, 'https://127.0.0.1:1'));
    const preflight = await runPreflight({
      lesson: loaded.lesson,
      docker: engine,
      engineError: null,
      ours: () => false,
      probes: machineProbes({ PATH, HOME: home, KUBECONFIG: kubeconfig }),
    });
    expect(preflight.requirements.find((r) => r.name === 'kubernetes')).toMatchObject({ met: false });
    expect(preflight.kindImages).toEqual({
      cluster: CLUSTER,
      nodes: [node.name],
      problem: null,
      images: [
        { name: 'busybox:musl', inEngine: true, inCluster: true }, // imported above
        { name: 'busybox:1.38', inEngine: true, inCluster: false },
      ],
    });
    expect(preflight.ok).toBe(false);
  }, 30_000);
});

describe('kind load docker-image, for real', () => {
  it('without kind: one sentence with the install command', async () => {
    const { load } = loader({ DOCKSIDE_KIND: '' });
    await load.start(CLUSTER, ['busybox']);
    const job = await load.settled();
    expect(job?.state).toBe('failed');
    expect(job?.error).toMatch(
      /^The kind CLI is not on your PATH, so the lesson's images cannot be copied into kind cluster dockside-k13-images\. Install kind with `curl -Lo \.\/kind https:\/\/kind\.sigs\.k8s\.io\/dl\/v0\.33\.0\//,
    );
  });

  it('a cluster whose node container is gone: kind’s answer as one sentence', async () => {
    const { load } = loader();
    await load.start('dockside-k13-none', ['busybox:musl']);
    const job = await load.settled();
    expect(job).toMatchObject({ state: 'failed', images: [{ name: 'busybox:musl', state: 'failed' }] });
    expect(job?.error).toBe(
      'Kind cluster dockside-k13-none has no node container on your Docker engine (dockside-k13-none-control-plane is not there): create it again with `kind create cluster --name dockside-k13-none`, or use another cluster.',
    );
  });

  it('an image the engine does not have: kind’s answer as one sentence, nothing pulled', async () => {
    const { load } = loader();
    await load.start(CLUSTER, ['dockside.test/absent:1']);
    const job = await load.settled();
    expect(job?.error).toBe(
      'Image dockside.test/absent:1 is not on your Docker engine, so kind cannot copy it: pull it while you are online (docker pull dockside.test/absent:1) and try again.',
    );
  });

  it('copies into the node with progress per image, or says why the engine refused kind', async () => {
    const { load, seen } = loader();
    const started = await load.start(CLUSTER, ['busybox']);
    expect(started).toMatchObject({ state: 'running', images: [{ name: 'busybox', state: 'loading' }], progress: 0.5 });
    const job = await load.settled();
    // kind found our node, compared the image ids and began loading: its own line streamed in.
    expect(seen.some((j) => j.state === 'running' && j.images[0]?.state === 'loading' && j.progress === 0.5)).toBe(true);
    expect(job?.lines.join('\n')).toMatch(
      /Image: "busybox" with ID "sha256:[0-9a-f]{64}" not yet present on node "dockside-k13-images-control-plane", loading\.\.\./,
    );
    if (privilegedExecWorks()) {
      expect(job).toMatchObject({ state: 'done', progress: 1, error: null });
      const read = await readKindImages(new EngineReader(engine), CLUSTER, [{ name: 'busybox', present: true }]);
      expect(read.images[0]?.inCluster).toBe(true);
    } else {
      // This kernel: kind's `docker exec --privileged` into the node is refused.
      expect(job).toMatchObject({ state: 'failed', images: [{ name: 'busybox', state: 'failed' }] });
      expect(job?.error).toMatch(
        /^kind could not copy busybox into cluster dockside-k13-images: failed to detect containerd snapshotter: .*docker exec --privileged dockside-k13-images-control-plane containerd config dump.* — OCI runtime exec failed: .*unable to apply caps: operation not permitted/,
      );
    }
  }, 60_000);

  describe('cancel', () => {
    let hanging: Server;
    const held: Socket[] = [];
    const socket = () => join(home, 'engine-that-never-answers.sock');
    beforeAll(async () => {
      // An engine socket that accepts and never answers: kind's first `docker image inspect` waits on it.
      hanging = createServer((s) => held.push(s));
      await new Promise<void>((resolve) => hanging.listen(socket(), resolve));
    });
    afterAll(async () => {
      for (const s of held) s.destroy();
      await new Promise((resolve) => hanging.close(resolve));
    });

    it('ends kind and its docker child, and says cancelled', async () => {
      const { load } = loader({}, { host: `unix://${socket()}`, context: 'default' });
      await load.start(CLUSTER, ['busybox:musl', 'busybox']);
      const pgid = load.pid!;
      await until('kind’s docker CLI to reach the engine socket', () => held.length > 0, 20_000);
      load.cancel();
      const job = await load.settled();
      expect(job).toMatchObject({ state: 'cancelled', error: null });
      expect(job?.images.map((i) => i.state)).toEqual(['waiting', 'waiting']);
      await until(
        'kind’s process group to be gone',
        () => {
          try {
            process.kill(-pgid, 0);
            return false;
          } catch {
            return true;
          }
        },
        5_000,
      );
    }, 30_000);
  });
});
