/**
 * A CheckContext for the check kinds that read only files (the workspace, the lesson
 * kubeconfig): no engine behind it, a run that began a minute ago and made nothing.
 */
import type { CheckContext, RunCluster } from '../../electron/core/checks/kind';

export function offlineCheckContext(workspaceDir: string, cluster?: RunCluster): CheckContext {
  return {
    // These kinds never touch the engine: a reader they would fail loudly on if they did.
    engine: null as unknown as CheckContext['engine'],
    run: {
      startedAt: Date.now() - 60_000,
      stepStartedAt: Date.now() - 60_000,
      workspaceDir,
      createdDuringRun: () => false,
      createdNames: () => [],
      commandsSince: () => [],
      ...(cluster ? { cluster } : {}),
    },
  };
}
