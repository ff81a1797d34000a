/**
 * Every Kubernetes check kind against a real API server (the tests/kube control plane with kwok
 * nodes): each passes on what kubectl and helm made, and names its nearest miss in one sentence.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteRunNamespace } from '../../electron/core/cluster/run-namespace';
import { ClusterReader } from '../../electron/core/checks/cluster-reader';
import type { CheckResult } from '../../electron/core/checks/kind';
import { checkKind } from '../../electron/core/checks/registry';
import { EngineReader } from '../../electron/core/checks/engine-reader';
import Docker from 'dockerode';
import { workloads } from './helpers/manifests';
import { openLessonCluster, type LessonCluster } from './helpers/lesson-cluster';
import { Kubectl } from './helpers/test-cluster';

const run = promisify(execFile);
let lesson: LessonCluster;
let kubectl: Kubectl;
const stepStartedAt = Date.now();

/** Evaluates one check as the runner does: schema first, then the kind, with a fresh reader per pass. */
async function check(kind: string, spec: unknown): Promise<CheckResult> {
  const definition = checkKind(kind);
  const parsed = definition.schema.parse(spec);
  const cluster = new ClusterReader({ connection: lesson.connection });
  // An engine reader that is never used by Kubernetes kinds (no socket is opened until a call).
  const engine = new EngineReader(new Docker({ socketPath: '/nonexistent' }));
  return definition.evaluate(parsed, { engine, cluster, run: lesson.facts(stepStartedAt - 60_000) });
}

async function helm(...args: string[]): Promise<void> {
  const home = join(lesson.workspace, 'helm-home');
  await run(join(inject('kubeBin'), 'helm'), [...args, '--kubeconfig', lesson.kubeconfigPath], {
    env: { PATH: process.env.PATH ?? '', HOME: home, HELM_CACHE_HOME: home, HELM_CONFIG_HOME: home, HELM_DATA_HOME: home },
  });
}

function writeChart(): string {
  const chart = join(lesson.workspace, 'greeting');
  mkdirSync(join(chart, 'templates'), { recursive: true });
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: greeting\nversion: 0.3.1\nappVersion: "1.0"\n');
  writeFileSync(join(chart, 'values.yaml'), 'replicaCount: 1\nmessage: hello\n');
  writeFileSync(
    join(chart, 'templates', 'cm.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-greeting\ndata:\n  message: {{ .Values.message | quote }}\n',
  );
  return chart;
}

beforeAll(async () => {
  lesson = await openLessonCluster(inject('kubeconfig'), 'kubernetes/check-kinds');
  kubectl = new Kubectl(inject('kubeBin'), lesson.kubeconfigPath);
  await kubectl.apply(...workloads(lesson.namespace));
  await kubectl.run('rollout', 'status', 'deployment/web', '--timeout=60s');
  await kubectl.run('wait', '--for=condition=complete', 'job/once', '--timeout=60s');
  const chart = writeChart();
  await helm('install', 'demo', chart, '--set', 'replicaCount=2');
  await helm('upgrade', 'demo', chart, '--set', 'replicaCount=3', '--set', 'message=bye');
}, 180_000);

afterAll(async () => {
  if (lesson) await deleteRunNamespace(lesson.connection, lesson, { timeoutMs: 60_000 });
});

describe('workloads', () => {
  it('deployment', async () => {
    expect(
      await check('deployment', {
        name: 'web',
        replicas: 2,
        ready: 2,
        image: 'busybox:latest',
        strategy: 'RollingUpdate',
        maxSurge: 1,
        env: { MODE: 'demo' },
        probes: ['readiness'],
        revision: 1,
      }),
    ).toEqual({
      pass: true,
      explanation:
        'deployment web wants 2 replicas, has 2 ready replicas, rolls out by RollingUpdate, allows a surge of 1, is at revision 1, runs busybox:latest, sets MODE=demo in its containers and has a readiness probe',
    });
    expect(await check('deployment', { name: 'web', replicas: 3, image: 'nginx:1.27', probes: ['liveness'] })).toEqual({
      pass: false,
      explanation: 'deployment web wants 2 replicas, not 3, runs busybox:latest, not nginx:1.27 and has no liveness probe',
    });
    expect(await check('deployment', { name: 'api' })).toEqual({
      pass: false,
      explanation: `there is no deployment named api in namespace ${lesson.namespace} (there: web)`,
    });
  });

  it('pod, selected by labels with a count', async () => {
    expect(
      await check('pod', { labels: { app: 'web' }, count: 2, phase: 'Running', ready: true, restarts: 0, node: 'kwok-node-0' }),
    ).toMatchObject({
      pass: true,
    });
    const miss = await check('pod', { labels: { app: 'web' }, count: 2, phase: 'Succeeded', containers: ['sidecar'] });
    expect(miss.pass).toBe(false);
    expect(miss.explanation).toMatch(
      /^only 0 of 2 match; pod web-[a-z0-9]+-[a-z0-9]+ is Running, not Succeeded and has no container sidecar \(it has main\)$/,
    );
  });

  it('replicaSet, statefulSet, daemonSet, job', async () => {
    expect(await check('replicaSet', { labels: { app: 'web' }, replicas: 2, ready: 2, ownedBy: 'web' })).toMatchObject({
      pass: true,
    });
    expect((await check('replicaSet', { labels: { app: 'web' }, ownedBy: 'api' })).explanation).toMatch(
      /^replica set web-[a-z0-9]+ belongs to deployment web, not api$/,
    );
    expect(await check('statefulSet', { name: 'db', replicas: 1, ready: 1, serviceName: 'db' })).toMatchObject({ pass: true });
    expect(await check('statefulSet', { name: 'db', replicas: 3 })).toEqual({
      pass: false,
      explanation: 'stateful set db wants 1 replicas, not 3',
    });
    expect(await check('daemonSet', { name: 'agent', ready: true, image: 'busybox:latest' })).toMatchObject({ pass: true });
    expect(await check('daemonSet', { name: 'agent', ready: 4 })).toEqual({
      pass: false,
      explanation: 'daemon set agent has 1 ready, not 4',
    });
    expect(await check('job', { name: 'once', complete: true, succeeded: 1 })).toMatchObject({ pass: true });
    expect(await check('job', { name: 'once', failed: true })).toEqual({ pass: false, explanation: 'job once has completed' });
  });
});

describe('networking, config, storage, scaling', () => {
  it('service with ready endpoints from its EndpointSlices', async () => {
    expect(
      await check('service', {
        name: 'web',
        type: 'ClusterIP',
        ports: [{ port: 80, targetPort: 8080 }],
        selector: { app: 'web' },
        endpoints: 2,
      }),
    ).toMatchObject({
      pass: true,
    });
    expect(await check('service', { name: 'web', type: 'NodePort', ports: [443], endpoints: 3 })).toEqual({
      pass: false,
      explanation: 'service web is of type ClusterIP, not NodePort, serves 80→8080, not 443 and has 2 ready endpoints, not 3',
    });
  });

  it('configMap and secret (whose values never appear)', async () => {
    expect(await check('configMap', { name: 'settings', keys: ['color'], data: { size: 'L' } })).toMatchObject({ pass: true });
    expect(await check('configMap', { name: 'settings', keys: ['shape'], data: { color: 'red' } })).toEqual({
      pass: false,
      explanation: 'config map settings has no shape (it holds color and size) and has color=blue, not red',
    });
    expect(await check('secret', { name: 'db', keys: ['user'], data: { password: 'hunter2' } })).toMatchObject({ pass: true });
    const miss = await check('secret', { name: 'db', data: { password: 'letmein' }, keys: ['token'] });
    expect(miss).toEqual({
      pass: false,
      explanation: 'secret db has no token (it holds password and user) and has a different value for password',
    });
    expect(miss.explanation).not.toMatch(/hunter2|letmein|admin/);
  });

  it('pvc, hpa, ingress', async () => {
    expect(await check('pvc', { name: 'data', phase: 'Pending', storage: '1Gi', accessModes: ['ReadWriteOnce'] })).toMatchObject({
      pass: true,
    });
    expect(await check('pvc', { name: 'data', phase: 'Bound', storage: '2Gi' })).toEqual({
      pass: false,
      explanation: 'persistent volume claim data is Pending, not Bound and requests 1Gi, not 2Gi',
    });
    expect(await check('hpa', { name: 'web', target: 'web', min: 1, max: 5, cpu: 50 })).toMatchObject({ pass: true });
    expect(await check('hpa', { name: 'web', max: 10, cpu: 80 })).toEqual({
      pass: false,
      explanation: 'autoscaler web allows at most 5 replicas, not 10 and targets 50% CPU, not 80',
    });
    expect(
      await check('ingress', { name: 'web', rules: [{ host: 'demo.localhost', path: '/', service: 'web', port: 80 }] }),
    ).toMatchObject({
      pass: true,
    });
    expect(await check('ingress', { name: 'web', rules: [{ path: '/api', service: 'api' }] })).toEqual({
      pass: false,
      explanation: 'ingress web routes demo.localhost/ → web:80, not */api → api',
    });
  });
});

describe('namespace, events, Helm releases, the lesson kubeconfig', () => {
  it('namespace: the run namespace carries its labels', async () => {
    expect(
      await check('namespace', { name: lesson.namespace, labelsHave: { 'app.kubernetes.io/managed-by': 'dockside' } }),
    ).toMatchObject({
      pass: true,
    });
    const missing = await check('namespace', { name: 'nowhere' });
    expect(missing.pass).toBe(false);
    expect(missing.explanation).toMatch(/^there is no namespace named nowhere \(there: /);
  });

  it('event: the scheduler placed a pod since the step began', async () => {
    expect(await check('event', { reason: 'Scheduled', type: 'Normal', object: { kind: 'Pod' } })).toMatchObject({ pass: true });
    const none = await check('event', { reason: 'Killing', object: { kind: 'Pod' } });
    expect(none.pass).toBe(false);
    expect(none.explanation).toMatch(/^no event Killing about Pod since this step began \(recorded: .*Scheduled/);
  });

  it('helmRelease: read from Helm’s own records, no helm binary', async () => {
    expect(
      await check('helmRelease', {
        name: 'demo',
        chart: 'greeting',
        chartVersion: '0.3.1',
        revision: 2,
        status: 'deployed',
        values: { replicaCount: 3 },
      }),
    ).toMatchObject({ pass: true });
    expect(await check('helmRelease', { name: 'demo', revision: 1, values: { replicaCount: 2, message: 'hello' } })).toEqual({
      pass: false,
      explanation:
        'Helm release demo (revision 2, deployed) is at revision 2, not 1, sets replicaCount=3, not 2 and sets message=bye, not hello',
    });
    expect(await check('helmRelease', { name: 'other' })).toEqual({
      pass: false,
      explanation: `there is no Helm release named other in namespace ${lesson.namespace} (releases there: demo)`,
    });
  });

  it('kubeContext: the lesson kubeconfig’s context and namespace', async () => {
    const context = lesson.facts().cluster!.context;
    expect(await check('kubeContext', { current: context, namespace: lesson.namespace })).toMatchObject({ pass: true });
    await kubectl.run('config', 'set-context', '--current', '--namespace', 'elsewhere');
    expect(await check('kubeContext', { namespace: lesson.namespace, contexts: ['kind-dockside'] })).toEqual({
      pass: false,
      explanation: `in the lesson kubeconfig, its namespace is elsewhere, not ${lesson.namespace} and there is no context kind-dockside (there: ${context})`,
    });
    await kubectl.run('config', 'set-context', '--current', '--namespace', lesson.namespace);
  });
});
