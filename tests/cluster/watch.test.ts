/**
 * The watch against the real API server: list then watch; a dropped connection reconnects with
 * backoff and the change made meanwhile is not lost.
 *
 * 410 Gone and the re-list: gone-watch.test.ts (a resource watched straight from etcd, compacted).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ClusterConnection } from '../../electron/core/cluster/cluster-connection';
import { deleteRunNamespace } from '../../electron/core/cluster/run-namespace';
import { ResourceWatch, type WatchChange } from '../../electron/core/cluster/resource-watch';
import { CuttingProxy, until, viaProxy } from './helpers/cutting-proxy';
import { openLessonCluster, type LessonCluster } from './helpers/lesson-cluster';
import { Kubectl } from './helpers/test-cluster';

let lesson: LessonCluster;
let kubectl: Kubectl;
let proxy: CuttingProxy;
let proxied: ClusterConnection;

function recorder() {
  const changes: WatchChange[] = [];
  const gaps: string[] = [];
  const troubles: string[] = [];
  return {
    changes,
    gaps,
    troubles,
    listener: {
      change: (change: WatchChange) => changes.push(change),
      gap: (resource: string) => gaps.push(resource),
      trouble: (_: string, message: string) => troubles.push(message),
    },
    names: (type: string) => changes.filter((c) => c.type === type).map((c) => c.object.metadata?.name),
  };
}

beforeAll(async () => {
  lesson = await openLessonCluster(inject('kubeconfig'), 'kubernetes/watch');
  kubectl = new Kubectl(inject('kubeBin'), lesson.kubeconfigPath);
  proxy = await CuttingProxy.inFrontOf(lesson.connection.server);
  proxied = ClusterConnection.open(viaProxy(lesson.connection.config, proxy));
});

afterAll(async () => {
  await proxy?.cut();
  if (lesson) await deleteRunNamespace(lesson.connection, lesson, { timeoutMs: 60_000 });
});

describe('a resource watch', () => {
  it('lists, then sees each change as it happens', async () => {
    await kubectl.run('create', 'configmap', 'before');
    const seen = recorder();
    const watch = new ResourceWatch(proxied, 'configmaps', lesson.namespace, seen.listener);
    await watch.start();
    try {
      expect(watch.objects().map((o) => o.metadata?.name)).toContain('before');
      await kubectl.run('create', 'configmap', 'after');
      await until('the ADDED change', () => seen.names('ADDED').includes('after'));
      await kubectl.run('delete', 'configmap', 'before');
      await until('the DELETED change', () => seen.names('DELETED').includes('before'));
      expect(watch.lists).toBe(1);
    } finally {
      watch.stop();
    }
  });

  it('reconnects after a drop with backoff, and the change made meanwhile is not lost', async () => {
    const seen = recorder();
    const watch = new ResourceWatch(proxied, 'configmaps', lesson.namespace, seen.listener, { initialMs: 100, maxMs: 400 });
    await watch.start();
    try {
      await proxy.cut();
      await kubectl.run('create', 'configmap', 'during-drop'); // straight to the API server, not through the proxy
      await until('a failed reconnect', () => seen.troubles.length >= 2);
      expect(seen.troubles[0]).toMatch(/nothing listens at https:\/\/127\.0\.0\.1:\d+|cannot be read/);
      await proxy.restore();
      await until('the change made during the drop', () => seen.names('ADDED').includes('during-drop'));
      await until('a gap, so the runner re-evaluates everything', () => seen.gaps.length > 0);
      expect(watch.store.has(`${lesson.namespace}/during-drop`)).toBe(true);
      expect(watch.lists).toBe(1); // replayed from the resourceVersion: no re-list was needed
    } finally {
      watch.stop();
    }
  });
});
