/**
 * What a cluster lesson's terminal (and `lessons:check`'s replay of it) gets so that kubectl,
 * helm and k9s work on the lesson's cluster and nothing of the learner's own: the lesson
 * kubeconfig, a k9s config directory and Helm's three homes, all inside the lesson workspace.
 * A `helm repo add` in a lesson never lands in the learner's repositories.yaml, and k9s never
 * runs with a config that lets it ask GitHub for a newer release (the update check is off here).
 *
 * Paths only and one small file write: no Kubernetes client is loaded for this (the terminal's
 * start path uses it).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// In the contract, so the renderer tells cluster lessons by the same list.
export { CLUSTER_TRACKS, isClusterLessonId } from '../contract/protocol';

/** Where the lesson kubeconfig lives in a workspace (the lesson terminal's KUBECONFIG). */
export function lessonKubeconfigPath(workspaceDir: string): string {
  return join(workspaceDir, '.kube', 'config');
}

/** The k9s configuration directory of a lesson (K9S_CONFIG_DIR). */
export function lessonK9sDir(workspaceDir: string): string {
  return join(workspaceDir, '.k9s');
}

/** The environment a cluster lesson's shell gets on top of the session's. */
export function lessonToolEnv(workspaceDir: string): Record<string, string> {
  const helm = join(workspaceDir, '.helm');
  return {
    KUBECONFIG: lessonKubeconfigPath(workspaceDir),
    K9S_CONFIG_DIR: lessonK9sDir(workspaceDir),
    HELM_CONFIG_HOME: join(helm, 'config'),
    HELM_CACHE_HOME: join(helm, 'cache'),
    HELM_DATA_HOME: join(helm, 'data'),
  };
}

/**
 * k9s v0.50's configuration for lessons. skipLatestRevCheck: k9s otherwise asks GitHub for a
 * newer release at every start. The node-shell pod uses the busybox lessons already have (its
 * default, busybox:1.35.0, would be pulled). No splash or logo: more rows for the lesson.
 */
const K9S_CONFIG = `# Written by Dockside for this lesson's k9s (K9S_CONFIG_DIR points here).
k9s:
  skipLatestRevCheck: true
  refreshRate: 2
  readOnly: false
  ui:
    enableMouse: false
    splashless: true
    logoless: true
    reactive: false
  shellPod:
    image: busybox:1.38
    imagePullPolicy: IfNotPresent
    namespace: default
    limits:
      cpu: 100m
      memory: 100Mi
  imageScans:
    enable: false
`;

/**
 * Make the tools' homes in the workspace; write the k9s config unless one is there (the learner
 * may have changed it during the lesson, and k9s itself rewrites it).
 */
export async function prepareLessonTools(workspaceDir: string): Promise<void> {
  const env = lessonToolEnv(workspaceDir);
  await mkdir(join(workspaceDir, '.kube'), { recursive: true, mode: 0o700 });
  for (const dir of [env.K9S_CONFIG_DIR!, env.HELM_CONFIG_HOME!, env.HELM_CACHE_HOME!, env.HELM_DATA_HOME!])
    await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(env.K9S_CONFIG_DIR!, 'config.yaml'), K9S_CONFIG, { flag: 'wx', mode: 0o600 }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
}
