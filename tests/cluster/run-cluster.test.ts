/**
 * Setting up a Kubernetes lesson run as the run service does: the local context chosen, the
 * lesson kubeconfig in the workspace, the namespace made; a reset deletes only that namespace;
 * a kubeconfig with nothing local is one sentence, and nothing is contacted.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { expect, inject, it } from 'vitest';
import { openRunCluster, resetRunCluster } from '../../electron/core/runner/run-cluster';
import { Kubectl } from './helpers/test-cluster';

it('sets up the lesson kubeconfig and namespace, and a reset deletes that namespace and nothing else', async () => {
  const workspaceDir = mkdtempSync(join(tmpdir(), 'dockside-run-cluster-'));
  const admin = new Kubectl(inject('kubeBin'), inject('kubeconfig'));
  const bystander = `dockside-bystander-${Math.random().toString(16).slice(2, 8)}`;
  await admin.run('create', 'namespace', bystander);
  await admin.run('create', 'configmap', 'keep-me', '-n', bystander);
  const outcome = await openRunCluster({
    env: { KUBECONFIG: inject('kubeconfig') },
    homeDir: workspaceDir,
    platform: 'linux',
    lessonId: 'kubernetes/first-pod',
    runId: 'ab12cd34-0000',
    startedAt: Date.now(),
    workspaceDir,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  try {
    const { facts } = outcome.source;
    expect(facts.namespace).toBe('dockside-kubernetes-first-pod-ab12cd34');
    expect(facts.kubeconfigPath).toBe(join(workspaceDir, '.kube', 'config'));
    expect(statSync(facts.kubeconfigPath).mode & 0o777).toBe(0o600);
    const lessonKubectl = new Kubectl(inject('kubeBin'), facts.kubeconfigPath);
    await lessonKubectl.run('create', 'configmap', 'made-in-lesson');
    expect(await admin.run('get', 'configmap', 'made-in-lesson', '-n', facts.namespace, '-o', 'name')).toBe(
      'configmap/made-in-lesson',
    );

    expect(await resetRunCluster(outcome.source, 'ab12cd34-0000')).toEqual({
      removed: [`namespace ${facts.namespace}`],
      kept: [],
    });
    await expect(admin.run('get', 'namespace', facts.namespace)).rejects.toThrow(/NotFound/);
    expect(await admin.run('get', 'configmap', 'keep-me', '-n', bystander, '-o', 'name')).toBe('configmap/keep-me');
  } finally {
    outcome.source.watches.stop();
    await admin.run('delete', 'namespace', bystander, '--wait=false');
  }
});

it('says so in one sentence when the kubeconfig has no local context', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-run-cluster-'));
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'prod', server: 'https://10.0.0.5:6443', skipTLSVerify: false }],
    users: [{ name: 'prod', token: 'x' }],
    contexts: [{ name: 'prod', cluster: 'prod', user: 'prod' }],
    currentContext: 'prod',
  });
  writeFileSync(join(dir, 'config'), config.exportConfig());
  const outcome = await openRunCluster({
    env: { KUBECONFIG: join(dir, 'config') },
    homeDir: dir,
    platform: 'linux',
    lessonId: 'kubernetes/first-pod',
    runId: 'r1',
    startedAt: Date.now(),
    workspaceDir: dir,
  });
  expect(outcome).toEqual({
    ok: false,
    error:
      'no local Kubernetes cluster is in your kubeconfig: context prod is not on this machine (its server 10.0.0.5 is another machine)',
  });
});
