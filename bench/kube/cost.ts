/**
 * (b) Evaluating every check of the 10-step Kubernetes fixture lesson, three ways: ours as the
 * runner does (the watches' stores: no API call), ours without watches (one list per resource),
 * and the way shell verify scripts do it (`kubectl get ... -o json`, one process per read). Then
 * 500 pods in another namespace, on kwok's nodes, and the same again: the API calls must not grow.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import Docker from 'dockerode';
import type { Standalone } from '../../electron/core/authoring/standalone-context';
import { ClusterReader } from '../../electron/core/checks/cluster-reader';
import { EngineReader } from '../../electron/core/checks/engine-reader';
import { checkKind } from '../../electron/core/checks/registry';
import type { ClusterWatches } from '../../electron/core/cluster/cluster-watches';
import { loadCatalog } from '../../electron/core/lessons/catalog';
import type { LoadedCheck, LoadedLesson } from '../../electron/core/lessons/types';
import { startClusterRun } from '../../tests/cluster/helpers/cluster-run';
import type { LessonCluster } from '../../tests/cluster/helpers/lesson-cluster';
import type { Kubectl } from '../../tests/cluster/helpers/test-cluster';
import { median, ms } from '../stats';

const EXTRA_PODS = 500;
const FILLER_NAMESPACE = 'bench-filler';
const fixtureDir = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'lessons', 'kubernetes');

/** kubectl's resource name for each kind the fixture uses. */
const KUBECTL_RESOURCE: Record<string, string> = {
  configMap: 'configmap',
  secret: 'secret',
  deployment: 'deployment',
  pod: 'pods',
  service: 'service',
  pvc: 'pvc',
  hpa: 'hpa',
  ingress: 'ingress',
  statefulSet: 'statefulset',
  job: 'job',
};

/** The reads a shell verify script makes for one check: `kubectl get` processes. */
function kubectlReads(check: LoadedCheck): string[][] {
  const spec = check.spec as { name?: string; labels?: Record<string, string> };
  const resource = KUBECTL_RESOURCE[check.kind];
  if (!resource) throw new Error(`the bench has no kubectl equivalent for ${check.kind}`);
  const which = spec.name
    ? [spec.name]
    : [
        '-l',
        Object.entries(spec.labels ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(','),
      ];
  const reads = [['get', resource, ...which, '-o', 'json']];
  if (check.kind === 'service')
    reads.push(['get', 'endpointslices', '-l', `kubernetes.io/service-name=${spec.name!}`, '-o', 'json']);
  return reads;
}

function fixtureLesson(): LoadedLesson {
  return loadCatalog(fixtureDir).lessons.find((l) => l.summary.id === 'fixture/every-kube-kind')!;
}

/** Runs every solution of the lesson in its workspace, kubectl pointed at the lesson kubeconfig. */
function solveAll(lesson: LoadedLesson, cluster: LessonCluster, binDir: string): void {
  const env = { ...process.env, KUBECONFIG: cluster.kubeconfigPath, PATH: `${binDir}:${process.env.PATH ?? ''}` };
  for (const step of lesson.steps)
    for (const script of step.solution) {
      const result = spawnSync('sh', ['-c', script], { cwd: cluster.workspace, env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`setting up "${step.title}" failed: ${result.stderr}`);
    }
}

async function evaluateAll(checks: LoadedCheck[], reader: ClusterReader, cluster: LessonCluster, engine: EngineReader) {
  const verdicts = await Promise.all(
    checks.map((check) => checkKind(check.kind).evaluate(check.spec, { engine, cluster: reader, run: cluster.facts() })),
  );
  const failed = verdicts.filter((v) => !v.pass).map((v) => v.explanation);
  if (failed.length > 0) throw new Error(`the fixture's checks should all pass: ${failed.join('; ')}`);
}

/** Median wall time of `passes` evaluations and the API calls one evaluation made. */
async function timeOurs(passes: number, evaluate: () => Promise<void>, cluster: LessonCluster) {
  await evaluate(); // warm-up
  const times: number[] = [];
  let calls = 0;
  for (let i = 0; i < passes; i += 1) {
    const before = cluster.connection.calls;
    const began = performance.now();
    await evaluate();
    times.push(performance.now() - began);
    calls = cluster.connection.calls - before;
  }
  return { ms: median(times), calls };
}

function timeShell(checks: LoadedCheck[], kubectl: Kubectl): { ms: number; processes: number } {
  const reads = checks.flatMap(kubectlReads);
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const began = performance.now();
    for (const args of reads) {
      const result = spawnSync(join(kubectl.binDir, 'kubectl'), ['--kubeconfig', kubectl.kubeconfig, ...args], {
        stdio: 'ignore',
      });
      if (result.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed`);
    }
    times.push(performance.now() - began);
  }
  return { ms: median(times), processes: reads.length };
}

async function fillAnotherNamespace(kubectl: Kubectl, cluster: LessonCluster): Promise<number> {
  const began = performance.now();
  await kubectl.apply(
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: FILLER_NAMESPACE } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'filler', namespace: FILLER_NAMESPACE },
      spec: {
        replicas: EXTRA_PODS,
        selector: { matchLabels: { app: 'filler' } },
        template: {
          metadata: { labels: { app: 'filler' } },
          spec: { nodeSelector: { 'dockside.test/node': 'kwok' }, containers: [{ name: 'main', image: 'busybox:latest' }] },
        },
      },
    },
  );
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { items } = await cluster.connection.list('pods', FILLER_NAMESPACE);
    const running = items.filter((pod) => (pod as { status?: { phase?: string } }).status?.phase === 'Running').length;
    if (running >= EXTRA_PODS) return performance.now() - began;
    if (Date.now() > deadline) throw new Error(`only ${running} of ${EXTRA_PODS} extra pods Running after 5 min`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function measureKubeCost(
  cluster: LessonCluster,
  standalone: Standalone,
  watches: ClusterWatches,
  kubectl: Kubectl,
): Promise<void> {
  const lesson = fixtureLesson();
  solveAll(lesson, cluster, kubectl.binDir);
  // A real run of the lesson: it starts the watches its checks need, and every step passes.
  const { run } = await startClusterRun(lesson, cluster, standalone, watches);
  const checks = lesson.steps.flatMap((step) => step.checks);
  const engine = new EngineReader(new Docker({ socketPath: '/var/run/docker.sock' }));
  const measure = async (label: string) => {
    const watched = await timeOurs(
      20,
      () => evaluateAll(checks, new ClusterReader({ connection: cluster.connection, watches }), cluster, engine),
      cluster,
    );
    const listed = await timeOurs(
      20,
      () => evaluateAll(checks, new ClusterReader({ connection: cluster.connection }), cluster, engine),
      cluster,
    );
    const shell = timeShell(checks, kubectl);
    console.log(`  ${label}`);
    const row = (what: string, ours: { ms: number; calls: number }) =>
      console.log(
        `    ${what.padEnd(26)} ${ms(ours.ms).padStart(9)} (${ours.calls} API calls)   kubectl ${ms(shell.ms).padStart(10)} (${shell.processes} processes)   ${(shell.ms / ours.ms).toFixed(0)}x`,
      );
    row('ours, from the watches:', watched);
    row('ours, without watches:', listed);
    return { watched, listed };
  };
  try {
    console.log(
      `\n(b) evaluating all ${checks.length} checks of the 10-step lesson ${lesson.summary.id} (median of 20 passes; kubectl: median of 3)`,
    );
    const before = await measure('with no extra pods:');
    const filled = await fillAnotherNamespace(kubectl, cluster);
    console.log(`  (${EXTRA_PODS} extra pods Running in namespace ${FILLER_NAMESPACE} on kwok nodes after ${ms(filled)})`);
    const after = await measure(`with ${EXTRA_PODS} extra pods in another namespace:`);
    console.log(
      `  API calls per evaluation: from the watches ${before.watched.calls} -> ${after.watched.calls}, without watches ${before.listed.calls} -> ${after.listed.calls}: constant.   (goal: >= 50x)`,
    );
  } finally {
    run.stop();
  }
}
