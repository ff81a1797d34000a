/**
 * A cluster whose API server does not serve a resource a lesson reads (an older Kubernetes, or a
 * group version switched off): one sentence in preflight and on the step, nothing else breaks.
 * A real API server of its own, started with autoscaling/v2 switched off (`--runtime-config`),
 * on ports apart from the suite's cluster.
 */
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Standalone } from '../../electron/core/authoring/standalone-context';
import { clusterPreflight } from '../../electron/core/cluster/cluster-preflight';
import { ClusterWatches } from '../../electron/core/cluster/cluster-watches';
import { lessonFromSource, standaloneInTempDir, startClusterRun } from './helpers/cluster-run';
import { until } from './helpers/cutting-proxy';
import { openLessonCluster, type LessonCluster } from './helpers/lesson-cluster';
import { startTestCluster, stopTestCluster, type TestCluster } from './helpers/test-cluster';

const UNSERVED_ENV: Record<string, string> = {
  DOCKSIDE_KUBE_STATE: '/tmp/dockside-kube-unserved-tests',
  DOCKSIDE_KUBE_APISERVER_PORT: '28443',
  DOCKSIDE_KUBE_ETCD_PORT: '28379',
  DOCKSIDE_KUBE_CONTROLLER_MANAGER_PORT: '28257',
  DOCKSIDE_KUBE_SCHEDULER_PORT: '28259',
  DOCKSIDE_KUBE_KWOK_PORT: '28247',
  DOCKSIDE_KUBE_KWOK_NODES: '0',
  DOCKSIDE_KUBE_APISERVER_ARGS: '--runtime-config=autoscaling/v2=false',
};

const SOURCE = `---
id: kubernetes/unserved
title: An autoscaler
summary: s
track: kubernetes
order: 1
minutes: 1
requires: [kubernetes]
---
## Scale automatically
\`\`\`check
hpa: { name: web, min: 2, max: 5 }
\`\`\`
\`\`\`solution
kubectl autoscale deployment web --min 2 --max 5
\`\`\`
## Keep a setting
\`\`\`check
configMap: { name: settings, keys: [color] }
\`\`\`
\`\`\`solution
kubectl create configmap settings --from-literal=color=blue
\`\`\`
`;

let cluster: TestCluster;
let lesson: LessonCluster;
let standalone: Standalone;
let watches: ClusterWatches;

beforeAll(async () => {
  cluster = await startTestCluster(UNSERVED_ENV);
  lesson = await openLessonCluster(cluster.kubeconfig, 'kubernetes/unserved');
  watches = new ClusterWatches(lesson.connection, { initialMs: 100, maxMs: 500 });
  standalone = await standaloneInTempDir('unserved');
}, 120_000);

afterAll(async () => {
  watches?.stop();
  standalone?.dispose();
  if (cluster) await stopTestCluster(cluster);
}, 60_000);

it('preflight names the resource the cluster does not serve, in one sentence', async () => {
  const preflight = await clusterPreflight(lessonFromSource(SOURCE), {
    env: { KUBECONFIG: cluster.kubeconfig, PATH: process.env.PATH },
    homeDir: tmpdir(),
    platform: 'linux',
  });
  expect(preflight.ok).toBe(false);
  expect(preflight.detail).toMatch(
    /^this cluster \(Kubernetes v1\.\d+\.\d+\) does not serve HorizontalPodAutoscaler \(autoscaling\/v2\), which this lesson's checks read$/,
  );
});

it('the step says so too, and the run goes on reading what the cluster does serve', async () => {
  const { run } = await startClusterRun(SOURCE, lesson, standalone, watches);
  try {
    await until('the step to name the missing resource', () =>
      /does not serve HorizontalPodAutoscaler \(autoscaling\/v2\)/.test(
        `${run.stepState(0).error ?? ''} ${run.stepState(0).checks[0]!.explanation}`,
      ),
    );
    expect(run.stepState(0).status).not.toBe('passed');
    // The rest of the lesson still reads the cluster: a config map check answers for real.
    expect(run.stepState(1).checks[0]!.explanation).not.toMatch(/does not serve/);
  } finally {
    run.stop();
  }
});
