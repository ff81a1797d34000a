/**
 * A Kubernetes lesson runs without a Docker engine: its cluster, command and file checks count
 * while nothing answers at DOCKER_HOST, its Docker checks say the engine is not reachable (an
 * error, never a fail), and the run as a whole is not put on hold.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createStandaloneContext, type Standalone } from '../../electron/core/authoring/standalone-context';
import { ClusterWatches } from '../../electron/core/cluster/cluster-watches';
import { deleteRunNamespace } from '../../electron/core/cluster/run-namespace';
import { LessonRun } from '../../electron/core/runner/lesson-run';
import { until } from './helpers/cutting-proxy';
import { openLessonCluster, type LessonCluster } from './helpers/lesson-cluster';
import { loadLessonSource } from './helpers/load-lesson';
import { Kubectl } from './helpers/test-cluster';

const SOURCE = `---
id: kubernetes/no-engine
title: No engine needed
summary: s
track: kubernetes
order: 1
minutes: 1
requires: [kubernetes]
---
## Make a config map
\`\`\`check
configMap: { name: settings }
\`\`\`
\`\`\`solution
kubectl create configmap settings
\`\`\`
## Look at it and write it down
\`\`\`check
- command: { matches: "^kubectl get configmap" }
- file: { path: notes.txt, contains: settings }
\`\`\`
\`\`\`solution
kubectl get configmap settings > notes.txt
\`\`\`
## Run a container too
\`\`\`check
container: { name: web, state: running }
\`\`\`
\`\`\`solution
docker run -d --name web busybox sleep 60
\`\`\`
`;

let lesson: LessonCluster;
let standalone: Standalone;

beforeAll(async () => {
  lesson = await openLessonCluster(inject('kubeconfig'), 'kubernetes/no-engine');
  const dataDir = mkdtempSync(join(tmpdir(), 'dockside-no-engine-'));
  // Nothing listens here: the engine stays unreachable for the whole test.
  const env = { ...process.env, DOCKER_HOST: `unix://${join(dataDir, 'no-engine.sock')}`, DOCKER_CONTEXT: '' };
  standalone = await createStandaloneContext({ dataDir, lessonsDir: dataDir, env, engineTiming: { retryMs: 200 } });
});

afterAll(async () => {
  standalone?.dispose();
  if (lesson) await deleteRunNamespace(lesson.connection, lesson, { timeoutMs: 60_000 });
});

it('passes cluster, command and file checks with no engine, and says so only on the Docker check', async () => {
  expect(standalone.context.engine.connected).toBeNull();
  const run = new LessonRun({
    lesson: loadLessonSource(SOURCE),
    context: standalone.context,
    workspaceDir: lesson.workspace,
    runId: lesson.runId,
    startedAt: Date.now(),
    created: [],
    passed: {},
    hintsRevealed: {},
    listener: { step: () => undefined, changed: () => undefined, persist: () => undefined, objects: () => undefined },
    cluster: { watches: new ClusterWatches(lesson.connection), facts: lesson.facts().cluster! },
  });
  await run.start();
  try {
    expect(run.state().engineError).toBeNull();
    expect(run.stepState(0).checks[0]!.explanation).toBe(
      `there is no config map named settings in namespace ${lesson.namespace}`,
    );

    await new Kubectl(inject('kubeBin'), lesson.kubeconfigPath).run('create', 'configmap', 'settings');
    await until('step 1 to pass', () => run.stepState(0).status === 'passed');

    const at = Date.now();
    standalone.context.commands.publish({
      sessionId: 'terminal-1',
      line: 'kubectl get configmap settings',
      exitCode: 0,
      cwd: lesson.workspace,
      startedAt: at,
      endedAt: at + 40,
    });
    writeFileSync(join(lesson.workspace, 'notes.txt'), 'settings\n');
    await until('step 2 to pass', () => run.stepState(1).status === 'passed', 10_000);

    // The Docker check cannot be read: it says why, and the run is not on hold.
    await until('the Docker check to be evaluated', () => run.stepState(2).checks[0]!.explanation !== 'not checked yet');
    const docker = run.stepState(2).checks[0]!;
    expect(docker.pass).toBeNull();
    expect(docker.explanation).toMatch(/^could not be checked: the Docker engine is not reachable \(/);
    expect(run.stepState(2).status).toBe('current');
    expect(run.state().engineError).toBeNull();
  } finally {
    run.stop();
  }
});
