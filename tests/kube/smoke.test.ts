/**
 * The test cluster, proved end to end: start it with a real node, run a Deployment on kwok and
 * real busybox pods on the kubelet (exec, logs, a liveness restart, a mounted ServiceAccount
 * token), then stop it and find nothing of it left on the host. Needs root and the binaries
 * (built on first use, ~10-35 min cold). Part of `npm test`; alone: `npm run test:kube`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, STATE_DIR, daemonRssMb, pinnedVersions, runBinary, script } from './helpers/cluster';
import { hostTraces, leftBehind, type HostTraces } from './helpers/host-traces';
import { busyboxPod, failingLivenessPod, kwokDeployment } from './helpers/manifests';

const BRIDGE = process.env.DOCKSIDE_KUBE_BRIDGE ?? 'dskube0';
let cluster: Cluster;
let before: HostTraces;

interface Pod {
  spec: { nodeName?: string };
  status: { podIP?: string; containerStatuses?: { restartCount: number; ready: boolean }[] };
}

beforeAll(async () => {
  before = hostTraces(STATE_DIR, BRIDGE);
  await script('build.sh');
  const started = performance.now();
  cluster = await Cluster.start('--real-node');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`cluster with a real node ready in ${seconds} s; RSS MB ${JSON.stringify(daemonRssMb())}`);
}, 3_600_000);

afterAll(async () => {
  await script('stop.sh');
});

describe('the test cluster', () => {
  it('has every binary at its pinned version', async () => {
    const pinned = pinnedVersions();
    const version = (name: string, ...args: string[]) => runBinary(cluster.binDir, name, ...args);
    for (const name of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet']) {
      expect(await version(name, '--version')).toBe(`Kubernetes ${pinned.kubernetes}`);
    }
    expect(await version('kubectl', 'version', '--client')).toContain(`Client Version: ${pinned.kubernetes}`);
    expect(await version('etcd', '--version')).toContain(`etcd Version: ${pinned.etcd.slice(1)}`);
    expect(await version('kwok', '--version')).toContain(`kwok version ${pinned.kwok}`);
    expect(await version('helm', 'version', '--short')).toBe(pinned.helm);
    expect(await version('k9s', 'version', '--short')).toContain(pinned.k9s);
  });

  it('runs a Deployment on the simulated node until every replica is ready', async () => {
    await cluster.apply(kwokDeployment('smoke-kwok', 3));
    await cluster.kubectl('rollout', 'status', 'deployment/smoke-kwok', '--timeout=60s');
    const pods = await cluster.kubectlJson<{ items: Pod[] }>('get', 'pods', '-l', 'app=smoke-kwok');
    expect(pods.items.map((pod) => pod.spec.nodeName)).toEqual(['kwok-node-0', 'kwok-node-0', 'kwok-node-0']);
  });

  it('runs a real busybox on the real node, with exec and logs through the API server', async () => {
    await cluster.apply(busyboxPod('smoke-busybox', 'hello-from-busybox'));
    await cluster.kubectl('wait', '--for=condition=Ready', 'pod/smoke-busybox', '--timeout=60s');
    const pod = await cluster.kubectlJson<Pod>('get', 'pod', 'smoke-busybox');
    expect(pod.spec.nodeName).toBe('dockside-node');
    expect(await cluster.kubectl('exec', 'smoke-busybox', '--', 'hostname')).toBe('smoke-busybox');
    expect(await cluster.kubectl('logs', 'smoke-busybox')).toBe('hello-from-busybox');
    // The official busybox, not a stand-in: BusyBox 1.38 built against glibc.
    expect(await cluster.kubectl('exec', 'smoke-busybox', '--', 'sh', '-c', 'busybox | head -1')).toMatch(/^BusyBox v1\.38/);
  });

  it('mounts the ServiceAccount token into the container (volumes reach containerd)', async () => {
    const namespace = await cluster.kubectl(
      'exec',
      'smoke-busybox',
      '--',
      'cat',
      '/var/run/secrets/kubernetes.io/serviceaccount/namespace',
    );
    expect(namespace).toBe('default');
    const token = await cluster.kubectl(
      'exec',
      'smoke-busybox',
      '--',
      'cat',
      '/var/run/secrets/kubernetes.io/serviceaccount/token',
    );
    expect(token.split('.')).toHaveLength(3);
  });

  it("gives pods no way off the machine: no default route, a nameserver only on the pod's loopback", async () => {
    const routes = await cluster.kubectl('exec', 'smoke-busybox', '--', 'ip', 'route');
    expect(routes).not.toMatch(/default/);
    expect(routes).toMatch(/^10\.252\.0\.0\/24 dev eth0/);
    const resolv = await cluster.kubectl('exec', 'smoke-busybox', '--', 'cat', '/etc/resolv.conf');
    expect(resolv.match(/^nameserver .*/gm)).toEqual(['nameserver 127.0.0.1']);
  });

  it('restarts a container whose liveness probe fails', async () => {
    await cluster.apply(failingLivenessPod('smoke-liveness'));
    const deadline = Date.now() + 60_000;
    let restarts = 0;
    while (restarts < 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const pod = await cluster.kubectlJson<Pod>('get', 'pod', 'smoke-liveness');
      restarts = pod.status.containerStatuses?.[0]?.restartCount ?? 0;
    }
    expect(restarts).toBeGreaterThanOrEqual(1);
    const events = await cluster.kubectl(
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=smoke-liveness,reason=Unhealthy',
      '-o',
      'name',
    );
    expect(events).not.toBe('');
  });

  it('stops and leaves nothing behind on the host', async () => {
    await script('stop.sh');
    expect(leftBehind(before, hostTraces(STATE_DIR, BRIDGE))).toEqual({});
  });
});
