/**
 * A Kubernetes lesson run: the runner takes state from the cluster's watches as it takes it from
 * engine events — a step passes when kubectl makes what it asks, within a watch event's
 * latency, and a step reached while the watch is cut (the API server unreachable) is not lost.
 * Uses the real engine too (the run's engine half): run under the engine lock.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Standalone } from '../../electron/core/authoring/standalone-context';
import { ClusterConnection } from '../../electron/core/cluster/cluster-connection';
import { ClusterWatches } from '../../electron/core/cluster/cluster-watches';
import { deleteRunNamespace } from '../../electron/core/cluster/run-namespace';
import { standaloneInTempDir, startClusterRun } from './helpers/cluster-run';
import { CuttingProxy, until, viaProxy } from './helpers/cutting-proxy';
import { openLessonCluster, type LessonCluster } from './helpers/lesson-cluster';
import { Kubectl } from './helpers/test-cluster';

const SOURCE = `---
id: kubernetes/run-test
title: A run on the cluster
summary: s
track: kubernetes
order: 1
minutes: 1
---
## Make a config map
\`\`\`check
configMap: { name: settings, data: { color: blue } }
\`\`\`
\`\`\`solution
kubectl create configmap settings --from-literal=color=blue
\`\`\`
## Run a deployment
\`\`\`check
deployment: { name: web, ready: 1 }
\`\`\`
\`\`\`solution
kubectl create deployment web --image=busybox:latest
\`\`\`
`;

let lesson: LessonCluster;
let kubectl: Kubectl;
let standalone: Standalone;
let proxy: CuttingProxy;
let watches: ClusterWatches;

beforeAll(async () => {
  lesson = await openLessonCluster(inject('kubeconfig'), 'kubernetes/run-test');
  kubectl = new Kubectl(inject('kubeBin'), lesson.kubeconfigPath);
  proxy = await CuttingProxy.inFrontOf(lesson.connection.server);
  watches = new ClusterWatches(ClusterConnection.open(viaProxy(lesson.connection.config, proxy)), { initialMs: 100, maxMs: 500 });
  standalone = await standaloneInTempDir('cluster-run');
});

afterAll(async () => {
  watches?.stop();
  standalone?.dispose();
  await proxy?.cut();
  if (lesson) await deleteRunNamespace(lesson.connection, lesson, { timeoutMs: 60_000 });
});

it('passes steps from watch changes, and keeps one reached while the watch was cut', async () => {
  const { run, steps, passed: hasPassed } = await startClusterRun(SOURCE, lesson, standalone, watches);
  try {
    expect(run.stepState(0).checks[0]!.explanation).toBe(
      `there is no config map named settings in namespace ${lesson.namespace}`,
    );
    const listsBefore = lesson.connection.calls + watches.connection.calls;

    const typed = Date.now();
    await kubectl.run('create', 'configmap', 'settings', '--from-literal=color=blue');
    await until('step 1 to pass', () => hasPassed(0));
    const passed = steps.find((s) => s.state.index === 0 && s.state.status === 'passed')!;
    // kubectl's own exit is part of this; the watch event itself lands within a few ms.
    expect(passed.at - typed).toBeLessThan(2000);
    // Evaluating read the watch's store: no list call was made for it.
    expect(lesson.connection.calls + watches.connection.calls).toBe(listsBefore);

    // The API server goes away (for the run), the learner finishes the step meanwhile.
    await proxy.cut();
    await kubectl.run('create', 'deployment', 'web', '--image=busybox:latest');
    await until('the run to put its checks on hold', () => run.state().engineError !== null);
    expect(run.stepState(1).error).toMatch(/^The Kubernetes cluster cannot be read: /);
    expect(run.stepState(1).status).toBe('current'); // on hold, not failed
    await proxy.restore();
    await until('the lesson to complete', () => run.state().status === 'complete', 30_000);
    expect(run.state().engineError).toBeNull();
  } finally {
    run.stop();
  }
});
