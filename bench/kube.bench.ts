/**
 * The Kubernetes checks' figures, each beside its baseline, in one run (issue 13):
 *   (a) watch event -> step passed event latency, p50/p95 (goal: p95 <= 100 ms);
 *   (b) evaluating every check of a 10-step Kubernetes lesson from the watches vs the same reads
 *       as `kubectl get -o json` processes (goal: >= 50x), and the API calls per evaluation
 *       before and after 500 extra pods in another namespace (goal: constant).
 * Starts its own test cluster (tests/kube: control plane + 6 kwok nodes) on ports and a state
 * directory apart from the cluster tests' and stops it at the end. Needs root and the binaries
 * (tests/engine/provision.sh builds them); run under the kube lock, then the engine lock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStandaloneContext } from '../electron/core/authoring/standalone-context';
import { ClusterWatches } from '../electron/core/cluster/cluster-watches';
import { openLessonCluster } from '../tests/cluster/helpers/lesson-cluster';
import { Kubectl, startTestCluster, stopTestCluster, type TestCluster } from '../tests/cluster/helpers/test-cluster';
import { measureKubeCost } from './kube/cost';
import { measureWatchLatency } from './kube/latency';
import { ms } from './stats';

const BENCH_CLUSTER_ENV: Record<string, string> = {
  DOCKSIDE_KUBE_STATE: '/tmp/dockside-kube-bench',
  DOCKSIDE_KUBE_APISERVER_PORT: '36443',
  DOCKSIDE_KUBE_ETCD_PORT: '32379',
  DOCKSIDE_KUBE_CONTROLLER_MANAGER_PORT: '30257',
  DOCKSIDE_KUBE_SCHEDULER_PORT: '30259',
  DOCKSIDE_KUBE_KWOK_PORT: '30247',
  // 110 pods fit a kwok node: room for the 500 extra pods and the lesson's own.
  DOCKSIDE_KUBE_KWOK_NODES: '6',
};

async function main(): Promise<void> {
  const began = performance.now();
  let cluster: TestCluster | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'dockside-bench-kube-'));
  const onSignal = () => {
    if (cluster) void stopTestCluster(cluster).finally(() => process.exit(130));
    else process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    cluster = await startTestCluster(BENCH_CLUSTER_ENV);
    console.log(`(test cluster with 6 kwok nodes started in ${ms(performance.now() - began)})`);
    const standalone = await createStandaloneContext({ dataDir, lessonsDir: dataDir });
    try {
      const latencyRun = await openLessonCluster(cluster.kubeconfig, 'bench/kube-latency');
      const latencyWatches = new ClusterWatches(latencyRun.connection);
      await measureWatchLatency(latencyRun, standalone, latencyWatches).finally(() => latencyWatches.stop());
      const costRun = await openLessonCluster(cluster.kubeconfig, 'fixture/every-kube-kind');
      const costWatches = new ClusterWatches(costRun.connection);
      const kubectl = new Kubectl(cluster.binDir, costRun.kubeconfigPath);
      await measureKubeCost(costRun, standalone, costWatches, kubectl).finally(() => costWatches.stop());
    } finally {
      standalone.dispose();
    }
  } finally {
    if (cluster) await stopTestCluster(cluster);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('kube bench could not complete:', error);
    process.exit(1);
  },
);
