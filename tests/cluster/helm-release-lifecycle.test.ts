/**
 * `helmRelease` through a release's whole life as the Helm lessons drive it, with the real helm
 * (v3.22, built by tests/kube) against the real API server: install -f with nested values, an
 * upgrade --set that drops earlier values, a failed upgrade --wait, a rollback, and uninstall with
 * and without --keep-history. Each state is read from Helm's own records, as the lessons' checks are.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ClusterReader } from '../../electron/core/checks/cluster-reader';
import { EngineReader } from '../../electron/core/checks/engine-reader';
import type { CheckResult } from '../../electron/core/checks/kind';
import { checkKind } from '../../electron/core/checks/registry';
import { deleteRunNamespace } from '../../electron/core/cluster/run-namespace';
import { openLessonCluster, type LessonCluster } from './helpers/lesson-cluster';

const run = promisify(execFile);
let lesson: LessonCluster;
let chart: string;

async function release(spec: Record<string, unknown>): Promise<CheckResult> {
  const definition = checkKind('helmRelease');
  const cluster = new ClusterReader({ connection: lesson.connection });
  // Kubernetes kinds never use the engine reader (no socket is opened until a call).
  const engine = new EngineReader(new Docker({ socketPath: '/nonexistent' }));
  return definition.evaluate(definition.schema.parse(spec), { engine, cluster, run: lesson.facts() });
}

/** helm as the lesson terminal runs it: the lesson kubeconfig (its namespace), Helm's homes in the workspace. */
async function helm(...args: string[]): Promise<void> {
  const home = join(lesson.workspace, '.helm');
  await run(join(inject('kubeBin'), 'helm'), args, {
    cwd: lesson.workspace,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: lesson.workspace,
      KUBECONFIG: lesson.kubeconfigPath,
      HELM_CONFIG_HOME: join(home, 'config'),
      HELM_CACHE_HOME: join(home, 'cache'),
      HELM_DATA_HOME: join(home, 'data'),
    },
  });
}

/** A chart whose Deployment can be sent nowhere (nodeSelector), so that an upgrade --wait fails. */
function writeChart(): string {
  const dir = join(lesson.workspace, 'hello');
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: hello\nversion: 0.1.0\nappVersion: "1.38"\n');
  writeFileSync(join(dir, 'values.yaml'), 'replicaCount: 1\nimage:\n  repository: busybox\n  tag: "1.38"\nnodeSelector: {}\n');
  writeFileSync(
    join(dir, 'templates', 'deployment.yaml'),
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: {{ .Release.Name }}-hello }',
      'spec:',
      '  replicas: {{ .Values.replicaCount }}',
      '  selector: { matchLabels: { app: {{ .Release.Name }} } }',
      '  template:',
      '    metadata: { labels: { app: {{ .Release.Name }} } }',
      '    spec:',
      '      nodeSelector: {{- toYaml .Values.nodeSelector | nindent 8 }}',
      '      containers:',
      '        - name: hello',
      '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '          imagePullPolicy: IfNotPresent',
      '          command: [sleep, "3600"]',
      '',
    ].join('\n'),
  );
  writeFileSync(join(lesson.workspace, 'my-values.yaml'), 'replicaCount: 2\nimage:\n  tag: "1.38"\n');
  return dir;
}

beforeAll(async () => {
  lesson = await openLessonCluster(inject('kubeconfig'), 'helm/lifecycle');
  chart = writeChart();
});

afterAll(async () => {
  if (lesson) await deleteRunNamespace(lesson.connection, lesson, { timeoutMs: 60_000 });
});

describe('helmRelease through a release’s life (real helm)', () => {
  it('install -f: nested values by dotted path, in the namespace of the lesson kubeconfig', async () => {
    await helm('install', 'web', chart, '-f', 'my-values.yaml');
    expect(
      await release({
        name: 'web',
        chart: 'hello',
        chartVersion: '0.1.0',
        revision: 1,
        status: 'deployed',
        values: { replicaCount: 2, 'image.tag': '1.38' },
      }),
    ).toMatchObject({ pass: true });
    expect(await release({ name: 'web', values: { 'image.tag': '1.37' } })).toEqual({
      pass: false,
      explanation: 'Helm release web (revision 1, deployed) sets image.tag=1.38, not 1.37',
    });
  });

  it('upgrade --set without --reuse-values keeps only what this upgrade set', async () => {
    await helm('upgrade', 'web', chart, '--set', 'replicaCount=3');
    expect(await release({ name: 'web', revision: 2, values: { replicaCount: 3 } })).toMatchObject({ pass: true });
    expect(await release({ name: 'web', values: { 'image.tag': '1.38' } })).toEqual({
      pass: false,
      explanation: 'Helm release web (revision 2, deployed) does not set image.tag',
    });
  });

  it('a failed upgrade --wait is the latest revision, marked failed', async () => {
    await expect(
      helm('upgrade', 'web', chart, '--reuse-values', '--set-string', 'nodeSelector.nowhere=yes', '--wait', '--timeout', '3s'),
    ).rejects.toThrow(/UPGRADE FAILED/);
    expect(
      await release({ name: 'web', revision: 3, status: 'failed', values: { 'nodeSelector.nowhere': 'yes' } }),
    ).toMatchObject({
      pass: true,
    });
    expect(await release({ name: 'web', status: 'deployed' })).toEqual({
      pass: false,
      explanation: 'Helm release web (revision 3, failed) is failed, not deployed',
    });
  });

  it('rollback is a new revision carrying the old values', async () => {
    await helm('rollback', 'web', '2');
    expect(await release({ name: 'web', revision: 4, status: 'deployed', values: { replicaCount: 3 } })).toMatchObject({
      pass: true,
    });
    expect(await release({ name: 'web', values: { 'nodeSelector.nowhere': 'yes' } })).toMatchObject({ pass: false });
  });

  it('uninstall --keep-history: gone for present, there for status uninstalled; plain uninstall: no records', async () => {
    await helm('uninstall', 'web', '--keep-history');
    expect(await release({ name: 'web' })).toEqual({
      pass: false,
      explanation: 'Helm release web was uninstalled (revision 4; only its history is kept)',
    });
    expect(await release({ name: 'web', present: false })).toMatchObject({ pass: true });
    expect(await release({ name: 'web', status: 'uninstalled', revision: 4 })).toMatchObject({ pass: true });
    await helm('uninstall', 'web');
    expect(await release({ name: 'web' })).toEqual({
      pass: false,
      explanation: `there is no Helm release named web in namespace ${lesson.namespace}`,
    });
    expect(await release({ name: 'web', present: false })).toMatchObject({ pass: true });
  });
});
