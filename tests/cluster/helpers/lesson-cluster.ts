/** A run's view of the test cluster, as the runner builds it: lesson kubeconfig, guarded connection, namespace. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterConnection } from '../../../electron/core/cluster/cluster-connection';
import { readLearnerKubeconfig } from '../../../electron/core/cluster/learner-kubeconfig';
import { writeLessonKubeconfig } from '../../../electron/core/cluster/lesson-kubeconfig';
import { ensureRunNamespace, runNamespaceName } from '../../../electron/core/cluster/run-namespace';
import type { RunFacts } from '../../../electron/core/checks/kind';

export interface LessonCluster {
  connection: ClusterConnection;
  namespace: string;
  kubeconfigPath: string;
  workspace: string;
  runId: string;
  facts(stepStartedAt?: number): RunFacts;
}

export async function openLessonCluster(adminKubeconfig: string, lessonId: string): Promise<LessonCluster> {
  const learner = await readLearnerKubeconfig({ env: { KUBECONFIG: adminKubeconfig }, homeDir: tmpdir(), platform: 'linux' });
  const context = learner.config.getCurrentContext();
  const runId = Math.random().toString(16).slice(2, 10);
  const namespace = runNamespaceName(lessonId, runId);
  const workspace = mkdtempSync(join(tmpdir(), 'dockside-cluster-test-'));
  const kubeconfigPath = join(workspace, 'kubeconfig');
  const config = await writeLessonKubeconfig(learner.config, { context, namespace }, kubeconfigPath);
  const connection = ClusterConnection.open(config);
  await ensureRunNamespace(connection, { namespace, lessonId, runId });
  const startedAt = Date.now();
  return {
    connection,
    namespace,
    kubeconfigPath,
    workspace,
    runId,
    facts: (stepStartedAt = startedAt) => ({
      startedAt,
      stepStartedAt,
      workspaceDir: workspace,
      createdDuringRun: () => true,
      createdNames: () => [],
      commandsSince: () => [],
      cluster: { context, namespace, kubeconfigPath },
    }),
  };
}
