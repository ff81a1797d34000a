/**
 * Controllers go on changing objects after a step passed (pods turn ready, old ReplicaSets go).
 * Such a change must not show the next step as failed before the learner did anything: it counts
 * as their attempt only once they ran a command during that step. Real API server, real runner.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Standalone } from '../../electron/core/authoring/standalone-context';
import { ClusterWatches } from '../../electron/core/cluster/cluster-watches';
import { deleteRunNamespace } from '../../electron/core/cluster/run-namespace';
import { ATTEMPT_GRACE_MS, ATTEMPT_SETTLE_MS } from '../../electron/core/runner/step-progress';
import { standaloneInTempDir, startClusterRun } from './helpers/cluster-run';
import { until } from './helpers/cutting-proxy';
import { openLessonCluster, type LessonCluster } from './helpers/lesson-cluster';
import { Kubectl } from './helpers/test-cluster';

const SOURCE = `---
id: kubernetes/controller-changes
title: Changes nobody typed
summary: s
track: kubernetes
order: 1
minutes: 1
---
## Make a config map
\`\`\`check
configMap: { name: first, keys: [a] }
\`\`\`
\`\`\`solution
kubectl create configmap first --from-literal=a=1
\`\`\`
## Colour it blue
\`\`\`check
configMap: { name: second, data: { color: blue } }
\`\`\`
\`\`\`solution
kubectl create configmap second --from-literal=color=blue
\`\`\`
`;

let lesson: LessonCluster;
let kubectl: Kubectl;
let standalone: Standalone;
let watches: ClusterWatches;

beforeAll(async () => {
  lesson = await openLessonCluster(inject('kubeconfig'), 'kubernetes/controller-changes');
  kubectl = new Kubectl(inject('kubeBin'), lesson.kubeconfigPath);
  watches = new ClusterWatches(lesson.connection);
  standalone = await standaloneInTempDir('controller-changes');
});

afterAll(async () => {
  watches?.stop();
  standalone?.dispose();
  if (lesson) await deleteRunNamespace(lesson.connection, lesson, { timeoutMs: 60_000 });
});

const quietSpell = () => new Promise((resolve) => setTimeout(resolve, ATTEMPT_GRACE_MS + ATTEMPT_SETTLE_MS + 700));

it('shows the next step failed only after the learner ran a command in it', async () => {
  const { run, passed } = await startClusterRun(SOURCE, lesson, standalone, watches);
  try {
    await kubectl.run('create', 'configmap', 'first', '--from-literal=a=1');
    await until('step 1 to pass', () => passed(0));
    // Past the grace period, a change to the next step's object that no command of the learner made.
    await new Promise((resolve) => setTimeout(resolve, ATTEMPT_GRACE_MS + 100));
    await kubectl.run('create', 'configmap', 'second', '--from-literal=color=red');
    await quietSpell();
    await run.settled();
    expect(run.stepState(1).status).toBe('current');
    expect(run.stepState(1).checks[0]!.explanation).toContain('red');

    // Now the learner runs a command in this step, and the change after it is their attempt.
    // As shell integration reports it: the command starts, changes the cluster, then ends.
    const startedAt = Date.now();
    standalone.context.commands.started('test', startedAt);
    await kubectl.run('label', 'configmap', 'second', 'tried=yes');
    standalone.context.commands.publish({
      sessionId: 'test',
      line: 'kubectl label configmap second tried=yes',
      exitCode: 0,
      cwd: lesson.workspace,
      startedAt,
      endedAt: Date.now(),
    });
    await until('step 2 to show failed', () => run.stepState(1).status === 'failed', 10_000);
  } finally {
    run.stop();
  }
});
