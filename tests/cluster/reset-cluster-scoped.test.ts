/**
 * Reset's Kubernetes attribution beyond the run's namespace: cluster-scoped objects created while
 * the run is live (a Namespace, a ClusterRole, a PersistentVolume) are recorded from the watches
 * by uid and deleted; what existed before the run stays, and so does an object that has the same
 * name as one the run made but another uid (deleted and made again by someone else).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { openRunCluster, resetRunCluster } from '../../electron/core/runner/run-cluster';
import { until } from './helpers/cutting-proxy';
import { Kubectl } from './helpers/test-cluster';

const suffix = Math.random().toString(16).slice(2, 8);
const names = {
  before: `dockside-before-${suffix}`,
  role: `dockside-role-${suffix}`,
  remade: `dockside-remade-${suffix}`,
  volume: `dockside-pv-${suffix}`,
  namespace: `dockside-extra-${suffix}`,
};

it('deletes the cluster-scoped objects made during the run by uid, and nothing else', async () => {
  const workspaceDir = mkdtempSync(join(tmpdir(), 'dockside-reset-scoped-'));
  const admin = new Kubectl(inject('kubeBin'), inject('kubeconfig'));
  await admin.run('create', 'clusterrole', names.before, '--verb=get', '--resource=pods');
  // Creation times have whole seconds: the run begins in a later second than the bystander.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const runId = `${suffix}00-run`;
  const outcome = await openRunCluster({
    env: { KUBECONFIG: inject('kubeconfig') },
    homeDir: workspaceDir,
    platform: 'linux',
    lessonId: 'kubernetes/scoped',
    runId,
    startedAt: Date.now(),
    workspaceDir,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  const { source } = outcome;
  try {
    expect(await source.created!.start()).toEqual([]);
    const learner = new Kubectl(inject('kubeBin'), source.facts.kubeconfigPath);
    await learner.run('create', 'clusterrole', names.role, '--verb=list', '--resource=pods');
    await learner.run('create', 'clusterrole', names.remade, '--verb=list', '--resource=pods');
    await learner.run('create', 'namespace', names.namespace);
    await learner.apply({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: names.volume },
      spec: { capacity: { storage: '1Mi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/tmp/dockside-pv' } },
    });
    const recorded = () => source.created!.all.map((o) => o.name).sort();
    const made = [names.namespace, names.remade, names.role, names.volume].sort();
    await until('the watches to record four objects', () => recorded().join() === made.join());

    // The watches stop following (an app that lost them), and someone else deletes one of the
    // run's objects and makes one of the same name: another uid, not the run's to delete.
    source.watches.stop();
    const uidOf = (name: string) => admin.run('get', 'clusterrole', name, '-o', 'jsonpath={.metadata.uid}');
    const runsUid = await uidOf(names.remade);
    await admin.run('delete', 'clusterrole', names.remade);
    await admin.run('create', 'clusterrole', names.remade, '--verb=get', '--resource=pods');
    const survivorUid = await uidOf(names.remade);
    expect(survivorUid).not.toBe(runsUid);

    const reset = await resetRunCluster(source, runId);
    expect(reset.removed).toEqual(
      expect.arrayContaining([
        `namespace ${source.facts.namespace}`,
        `ClusterRole ${names.role}`,
        `Namespace ${names.namespace}`,
        `PersistentVolume ${names.volume}`,
      ]),
    );
    expect(reset.kept).toEqual([`ClusterRole ${names.remade} is no longer the one made during this lesson; left alone`]);
    await expect(admin.run('get', 'clusterrole', names.role)).rejects.toThrow(/NotFound/);
    await expect(admin.run('get', 'persistentvolume', names.volume)).rejects.toThrow(/NotFound/);
    // A namespace goes in the background (its contents first): it is terminating or gone.
    const phase = await admin.run('get', 'namespace', names.namespace, '-o', 'jsonpath={.status.phase}').catch(() => 'gone');
    expect(['Terminating', 'gone']).toContain(phase);
    expect(await admin.run('get', 'clusterrole', names.before, '-o', 'name')).toBe(
      `clusterrole.rbac.authorization.k8s.io/${names.before}`,
    );
    expect(await uidOf(names.remade)).toBe(survivorUid);
  } finally {
    source.watches.stop();
    for (const name of [names.before, names.remade, names.role])
      await admin.run('delete', 'clusterrole', name, '--ignore-not-found').catch(() => undefined);
    await admin.run('delete', 'persistentvolume', names.volume, '--ignore-not-found').catch(() => undefined);
    await admin.run('delete', 'namespace', names.namespace, '--ignore-not-found', '--wait=false').catch(() => undefined);
  }
});
