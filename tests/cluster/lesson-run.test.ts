/**
 * A Kubernetes lesson run: the runner takes state from the cluster's watches as it takes it from
 * engine events — a step passes when kubectl makes what it asks, within a watch event's
 * latency, and a step reached while the watch is cut (the API server unreachable) is not lost.
 * Uses the real engine too (the run's engine half): run under the engine lock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createStandaloneContext, type Standalone } from '../../electron/core/authoring/standalone-context';
import { ClusterConnection } from '../../electron/core/cluster/cluster-connection';
import { ClusterWatches } from '../../electron/core/cluster/cluster-watches';
import { deleteRunNamespace } from '../../electron/core/cluster/run-namespace';
import type { StepState } from '../../electron/core/contract';
import { LessonRun } from '../../electron/core/runner/lesson-run';
import { CuttingProxy, until, viaProxy } from './helpers/cutting-proxy';
import { openLessonCluster, type LessonCluster } from './helpers/lesson-cluster';
import { loadLessonSource } from './helpers/load-lesson';
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
  const dataDir = mkdtempSync(join(tmpdir(), 'dockside-cluster-run-'));
  standalone = await createStandaloneContext({ dataDir, lessonsDir: dataDir });
});

afterAll(async () => {
  watches?.stop();
  standalone?.dispose();
  await proxy?.cut();
  if (lesson) await deleteRunNamespace(lesson.connection, lesson, { timeoutMs: 60_000 });
});

it('passes steps from watch changes, and keeps one reached while the watch was cut', async () => {
  const steps: Array<{ at: number; state: StepState }> = [];
  const run = new LessonRun({
    lesson: loadLessonSource(SOURCE),
    context: standalone.context,
    workspaceDir: lesson.workspace,
    runId: lesson.runId,
    startedAt: Date.now(),
    created: [],
    passed: {},
    hintsRevealed: {},
    listener: {
      step: (state) => steps.push({ at: Date.now(), state }),
      changed: () => undefined,
      persist: () => undefined,
      objects: () => undefined,
    },
    cluster: { watches, facts: lesson.facts().cluster! },
  });
  await run.start();
  try {
    expect(run.stepState(0).checks[0]!.explanation).toBe(
      `there is no config map named settings in namespace ${lesson.namespace}`,
    );
    const listsBefore = lesson.connection.calls + watches.connection.calls;

    const typed = Date.now();
    await kubectl.run('create', 'configmap', 'settings', '--from-literal=color=blue');
    await until('step 1 to pass', () => steps.some((s) => s.state.index === 0 && s.state.status === 'passed'));
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
