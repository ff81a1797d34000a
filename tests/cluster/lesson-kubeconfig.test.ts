/**
 * The lesson kubeconfig and the run's namespace on the real API server: the file holds only the
 * lesson's context (mode 0600, the run's namespace as default) and works for kubectl; the
 * learner's file is never written; reset deletes the run's namespace and waits for it to go,
 * and refuses a namespace the run did not create.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readLearnerKubeconfig, summariseContexts } from '../../electron/core/cluster/learner-kubeconfig';
import { writeLessonKubeconfig } from '../../electron/core/cluster/lesson-kubeconfig';
import { deleteRunNamespace, RUN_LABEL } from '../../electron/core/cluster/run-namespace';
import { openLessonCluster, type LessonCluster } from './helpers/lesson-cluster';
import { Kubectl } from './helpers/test-cluster';

let lesson: LessonCluster;
let admin: Kubectl;
const other = `dockside-not-ours-${Math.random().toString(16).slice(2, 8)}`;

beforeAll(async () => {
  lesson = await openLessonCluster(inject('kubeconfig'), 'kubernetes/first-pod');
  admin = new Kubectl(inject('kubeBin'), inject('kubeconfig'));
});

afterAll(async () => {
  await admin.run('delete', 'namespace', other, '--ignore-not-found', '--wait=false');
  await deleteRunNamespace(lesson.connection, lesson, { timeoutMs: 60_000 }).catch(() => undefined);
});

describe('the lesson kubeconfig', () => {
  it('holds only the lesson context, credentials inlined, the run namespace as default, mode 0600', async () => {
    // The learner's kubeconfig: the test cluster beside a production context.
    const learnerFile = join(lesson.workspace, 'learner-config');
    const learner = new KubeConfig();
    learner.loadFromFile(inject('kubeconfig'));
    learner.addCluster({ name: 'prod', server: 'https://prod.example.com', skipTLSVerify: false });
    learner.addUser({
      name: 'prod',
      exec: { command: 'aws', args: ['eks', 'get-token'], apiVersion: 'client.authentication.k8s.io/v1beta1' },
    });
    learner.addContext({ name: 'prod', cluster: 'prod', user: 'prod' });
    writeFileSync(learnerFile, learner.exportConfig());
    const before = { text: readFileSync(learnerFile, 'utf8'), mtime: statSync(learnerFile).mtimeMs };

    const read = await readLearnerKubeconfig({ env: { KUBECONFIG: learnerFile }, homeDir: lesson.workspace, platform: 'linux' });
    const summary = summariseContexts(read.config);
    expect(summary.map((c) => [c.name, c.local])).toEqual([
      [learner.currentContext, true],
      ['prod', false],
    ]);
    const path = join(lesson.workspace, 'lesson-kubeconfig');
    await writeLessonKubeconfig(read.config, { context: learner.currentContext, namespace: lesson.namespace }, path);

    expect(statSync(path).mode & 0o777).toBe(0o600);
    const written = new KubeConfig();
    written.loadFromFile(path);
    expect(written.contexts).toEqual([
      {
        name: learner.currentContext,
        cluster: expect.any(String) as string,
        user: expect.any(String) as string,
        namespace: lesson.namespace,
      },
    ]);
    expect(written.getCurrentContext()).toBe(learner.currentContext);
    expect(readFileSync(path, 'utf8')).not.toContain('prod');
    // kubectl with it reaches the run's namespace by default.
    await new Kubectl(inject('kubeBin'), path).run('create', 'configmap', 'typed-in-lesson');
    expect(await admin.run('get', 'configmap', 'typed-in-lesson', '-n', lesson.namespace, '-o', 'name')).toBe(
      'configmap/typed-in-lesson',
    );
    // The learner's file is untouched.
    expect(readFileSync(learnerFile, 'utf8')).toBe(before.text);
    expect(statSync(learnerFile).mtimeMs).toBe(before.mtime);
  });

  it('says which definition is missing instead of writing a broken file', async () => {
    const broken = new KubeConfig();
    broken.loadFromOptions({
      clusters: [],
      users: [],
      contexts: [{ name: 'kind-x', cluster: 'kind-x', user: 'kind-x' }],
      currentContext: 'kind-x',
    });
    await expect(
      writeLessonKubeconfig(broken, { context: 'kind-x', namespace: 'n' }, join(lesson.workspace, 'x')),
    ).rejects.toThrow('context kind-x names cluster "kind-x", which the kubeconfig does not define');
  });
});

describe('the run namespace', () => {
  it('is labelled with the lesson and run', async () => {
    const labels = JSON.parse(
      await admin.run('get', 'namespace', lesson.namespace, '-o', 'jsonpath={.metadata.labels}'),
    ) as Record<string, string>;
    expect(labels).toMatchObject({
      'dockside.dev/lesson': 'kubernetes-first-pod',
      [RUN_LABEL]: lesson.runId,
      'app.kubernetes.io/managed-by': 'dockside',
    });
  });

  it('is never deleted when the run did not create it', async () => {
    await admin.run('create', 'namespace', other);
    await expect(deleteRunNamespace(lesson.connection, { namespace: other, runId: lesson.runId })).rejects.toThrow(
      `namespace ${other} was not created by this run; Dockside leaves it alone`,
    );
    expect(await admin.run('get', 'namespace', other, '-o', 'jsonpath={.status.phase}')).toBe('Active');
  });

  it('is deleted with what it holds, waiting until it is gone, with progress', async () => {
    await admin.run('create', 'configmap', 'inside', '-n', lesson.namespace);
    const progress: string[] = [];
    const deleted = await deleteRunNamespace(lesson.connection, lesson, {
      pollMs: 100,
      listener: { progress: (message) => progress.push(message) },
    });
    expect(deleted).toBe(true);
    expect(progress.at(-1)).toBe(`namespace ${lesson.namespace} is gone`);
    expect(progress.some((m) => m.startsWith(`namespace ${lesson.namespace} is terminating`))).toBe(true);
    await expect(admin.run('get', 'namespace', lesson.namespace)).rejects.toThrow(/NotFound/);
    expect(await deleteRunNamespace(lesson.connection, lesson)).toBe(false);
  });
});
