/**
 * The live panel's tree of a Kubernetes run's namespace, from the real API server's watches:
 * a Deployment with its ReplicaSet and Pods (phase, readiness), a Service with the ready
 * endpoints of its EndpointSlices, a bare Pod apart; a rollout adds a second ReplicaSet, newest
 * revision first. Each change is sent as it lands, with no list call beyond the watches' first.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ClusterWatches } from '../../electron/core/cluster/cluster-watches';
import { deleteRunNamespace } from '../../electron/core/cluster/run-namespace';
import type { KubeLiveState } from '../../electron/core/contract';
import { KubeLiveFeed } from '../../electron/core/runner/kube-live-feed';
import { until } from './helpers/cutting-proxy';
import { openLessonCluster, type LessonCluster } from './helpers/lesson-cluster';
import { workloads } from './helpers/manifests';
import { Kubectl } from './helpers/test-cluster';

let lesson: LessonCluster;
let kubectl: Kubectl;

beforeAll(async () => {
  lesson = await openLessonCluster(inject('kubeconfig'), 'kubernetes/live-tree');
  kubectl = new Kubectl(inject('kubeBin'), lesson.kubeconfigPath);
});

afterAll(async () => {
  if (lesson) await deleteRunNamespace(lesson.connection, lesson, { timeoutMs: 60_000 });
});

it('draws the namespace as Deployment → ReplicaSets → Pods and Services with ready endpoints, live', async () => {
  const watches = new ClusterWatches(lesson.connection);
  const sent: KubeLiveState[] = [];
  const feed = new KubeLiveFeed(
    { watches, facts: lesson.facts().cluster! },
    { runId: lesson.runId, lessonId: 'kubernetes/live-tree' },
    (state) => sent.push(state),
  );
  try {
    const first = await feed.start();
    expect(first).toMatchObject({ namespace: lesson.namespace, deployments: [], pods: [], services: [], error: null });
    const callsAfterStart = lesson.connection.calls;

    const [deployment, service] = workloads(lesson.namespace);
    await kubectl.apply(deployment!, service!);
    await kubectl.run(
      'run',
      'loner',
      '--image=busybox:latest',
      '--overrides={"spec":{"nodeSelector":{"dockside.test/node":"kwok"}}}',
    );
    const latest = () => sent.at(-1)!;
    await until(
      'two ready pods under web and two ready endpoints',
      () => {
        const web = latest().deployments[0];
        const pods = web?.replicaSets[0]?.pods ?? [];
        const endpoints = latest().services[0]?.endpoints ?? [];
        return pods.length === 2 && pods.every((p) => p.phase === 'Running') && endpoints.filter((e) => e.ready).length === 2;
      },
      30_000,
    );
    const tree = latest();
    expect(tree.deployments).toHaveLength(1);
    expect(tree.deployments[0]).toMatchObject({ name: 'web', desired: 2, image: 'busybox:latest' });
    expect(tree.deployments[0]!.replicaSets).toHaveLength(1);
    expect(tree.deployments[0]!.replicaSets[0]).toMatchObject({ revision: '1', desired: 2 });
    for (const pod of tree.deployments[0]!.replicaSets[0]!.pods) expect(pod).toMatchObject({ containers: 1, restarts: 0 });
    expect(tree.services[0]).toMatchObject({ name: 'web', type: 'ClusterIP', ports: ['80→8080/TCP'] });
    const podNames = tree.deployments[0]!.replicaSets[0]!.pods.map((p) => p.name);
    expect(tree.services[0]!.endpoints.map((e) => e.pod).sort()).toEqual([...podNames].sort());
    // The bare pod is shown apart, not under the Deployment.
    await until('the bare pod', () => latest().pods.some((p) => p.name === 'loner'));

    // A rollout: a second ReplicaSet, newest revision first.
    await kubectl.run('set', 'image', 'deployment/web', 'main=busybox:musl');
    await until(
      'two ReplicaSets, revision 2 first',
      () => {
        const sets = latest().deployments[0]?.replicaSets ?? [];
        return sets.length === 2 && sets[0]!.revision === '2' && sets[0]!.image === 'busybox:musl';
      },
      30_000,
    );
    // Everything came from the watches: no list beyond the ones they made at start.
    expect(lesson.connection.calls).toBe(callsAfterStart);
  } finally {
    feed.stop();
    watches.stop();
  }
});
