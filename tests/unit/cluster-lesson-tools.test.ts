import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isClusterLessonId, lessonToolEnv, prepareLessonTools } from '../../electron/core/cluster/lesson-tools';

const dirs: string[] = [];
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-lesson-tools-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("a cluster lesson's tools", () => {
  it('belong to the kubernetes, k9s and helm tracks only', () => {
    expect(['kubernetes/pods', 'k9s/first-look', 'helm/charts'].map(isClusterLessonId)).toEqual([true, true, true]);
    expect(['docker/containers', 'kubernetesish/x', 'fixture/every-kube-kind'].map(isClusterLessonId)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("point kubectl, k9s and helm into the workspace, never at the learner's own homes", () => {
    const env = lessonToolEnv('/ws/kubernetes/pods');
    expect(env).toEqual({
      KUBECONFIG: '/ws/kubernetes/pods/.kube/config',
      K9S_CONFIG_DIR: '/ws/kubernetes/pods/.k9s',
      K9S_LOGS_DIR: '/ws/kubernetes/pods/.k9s',
      HELM_CONFIG_HOME: '/ws/kubernetes/pods/.helm/config',
      HELM_CACHE_HOME: '/ws/kubernetes/pods/.helm/cache',
      HELM_DATA_HOME: '/ws/kubernetes/pods/.helm/data',
    });
  });

  it('write a k9s config with the update check off, private to the learner', async () => {
    const dir = workspace();
    await prepareLessonTools(dir);
    const file = join(dir, '.k9s', 'config.yaml');
    const config = parse(readFileSync(file, 'utf8')) as { k9s: Record<string, unknown> };
    // Without it k9s asks GitHub for a newer release at every start.
    expect(config.k9s.skipLatestRevCheck).toBe(true);
    expect(config.k9s.shellPod).toMatchObject({ image: 'busybox:1.38', imagePullPolicy: 'IfNotPresent' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const sub of ['.kube', '.k9s', '.helm/config', '.helm/cache', '.helm/data'])
      expect(statSync(join(dir, sub)).mode & 0o777).toBe(0o700);
  });

  it('keep a k9s config that is already there (k9s and the learner change it)', async () => {
    const dir = workspace();
    await prepareLessonTools(dir);
    const file = join(dir, '.k9s', 'config.yaml');
    writeFileSync(file, 'k9s:\n  skipLatestRevCheck: true\n  refreshRate: 5\n');
    await prepareLessonTools(dir);
    expect(readFileSync(file, 'utf8')).toContain('refreshRate: 5');
  });
});
