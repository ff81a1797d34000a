/**
 * 410 Gone, for real: the API server here watches secrets straight from etcd (its watch cache is
 * off for them, see CLUSTER_ENV), so once etcd's history is compacted past the watch's
 * resourceVersion, watching again from it is answered 410 Gone. The watch must list again,
 * report what changed while it was away as changes (an object added, one modified, one deleted),
 * and the runner's step on one of them must not be lost.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Standalone } from '../../electron/core/authoring/standalone-context';
import { ClusterConnection } from '../../electron/core/cluster/cluster-connection';
import { ClusterWatches } from '../../electron/core/cluster/cluster-watches';
import { deleteRunNamespace } from '../../electron/core/cluster/run-namespace';
import type { WatchChange } from '../../electron/core/cluster/resource-watch';
import { standaloneInTempDir, startClusterRun } from './helpers/cluster-run';
import { CuttingProxy, until, viaProxy } from './helpers/cutting-proxy';
import { openLessonCluster, type LessonCluster } from './helpers/lesson-cluster';
import { ETCD_URL, Kubectl } from './helpers/test-cluster';

let lesson: LessonCluster;
let kubectl: Kubectl;
let proxy: CuttingProxy;
let proxied: ClusterConnection;
let standalone: Standalone;

const SOURCE = `---
id: kubernetes/gone-test
title: A step reached while the watch is gone
summary: s
track: kubernetes
order: 1
minutes: 1
---
## Make a secret
\`\`\`check
secret: { name: made-while-away, keys: [token] }
\`\`\`
\`\`\`solution
kubectl create secret generic made-while-away --from-literal=token=x
\`\`\`
`;

/** etcd's v3 JSON gateway: the current revision, then a compaction up to it. */
async function compactEtcd(): Promise<number> {
  const post = async (path: string, body: object) => {
    const response = await fetch(`${ETCD_URL}${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`etcd ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { header: { revision: string } };
  };
  const revision = Number((await post('/v3/kv/range', { key: Buffer.from('/').toString('base64') })).header.revision);
  await post('/v3/kv/compaction', { revision: String(revision), physical: true });
  return revision;
}

beforeAll(async () => {
  lesson = await openLessonCluster(inject('kubeconfig'), 'kubernetes/gone');
  kubectl = new Kubectl(inject('kubeBin'), lesson.kubeconfigPath);
  proxy = await CuttingProxy.inFrontOf(lesson.connection.server);
  proxied = ClusterConnection.open(viaProxy(lesson.connection.config, proxy));
  standalone = await standaloneInTempDir('cluster-gone');
});

afterAll(async () => {
  standalone?.dispose();
  await proxy?.cut();
  if (lesson) await deleteRunNamespace(lesson.connection, lesson, { timeoutMs: 60_000 });
});

describe('a watch whose resourceVersion is compacted away (410 Gone)', () => {
  it('lists again, reports every change made meanwhile, and the step reached meanwhile passes', async () => {
    await kubectl.run('create', 'secret', 'generic', 'stays', '--from-literal=a=1');
    await kubectl.run('create', 'secret', 'generic', 'goes', '--from-literal=a=1');
    const watches = new ClusterWatches(proxied, { initialMs: 100, maxMs: 400 });
    const changes: WatchChange[] = [];
    let gaps = 0;
    watches.subscribe({ change: (c) => changes.push(c), gap: () => (gaps += 1) });
    const watch = await watches.ensure('secrets', lesson.namespace);
    const versionBefore = watch.resourceVersion;
    const { run, passed } = await startClusterRun(SOURCE, lesson, standalone, watches);
    try {
      expect(run.stepState(0).status).toBe('current');
      const callsBefore = proxied.calls;
      await proxy.cut();
      // Straight to the API server while the watch is away: an add, a change, a delete.
      await kubectl.run('create', 'secret', 'generic', 'made-while-away', '--from-literal=token=x');
      await kubectl.run('label', 'secret', 'stays', 'changed=yes');
      await kubectl.run('delete', 'secret', 'goes');
      const compactedAt = await compactEtcd();
      expect(compactedAt).toBeGreaterThan(Number(versionBefore));
      await proxy.restore();
      await until('the re-list after 410 Gone', () => watch.lists === 2, 20_000);
      const seen = (type: string) => changes.filter((c) => c.type === type).map((c) => c.object.metadata?.name);
      expect(seen('ADDED')).toContain('made-while-away');
      expect(seen('MODIFIED')).toContain('stays');
      expect(seen('DELETED')).toContain('goes');
      expect(gaps).toBeGreaterThan(0);
      expect([...watch.store.keys()].sort()).toEqual([`${lesson.namespace}/made-while-away`, `${lesson.namespace}/stays`]);
      expect(Number(watch.resourceVersion)).toBeGreaterThanOrEqual(compactedAt);
      await until('the step reached while the watch was gone to pass', () => passed(0));
      expect(run.state().status).toBe('complete');
      expect(proxied.calls).toBe(callsBefore + 1); // the re-list; the checks read the watch's store
      // And the watch is live again after the re-list.
      await kubectl.run('create', 'secret', 'generic', 'after', '--from-literal=a=1');
      await until('a change after the re-list', () => seen('ADDED').includes('after'));
    } finally {
      run.stop();
      watches.stop();
    }
  });
});
