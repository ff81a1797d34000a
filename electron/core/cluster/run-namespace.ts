/**
 * The run's namespace: created and labelled by Dockside (lesson, run), the default namespace of
 * the lesson kubeconfig, and the unit of reset — deleting it deletes what the lesson made in it.
 * A namespace Dockside did not label as this run's is never deleted.
 */
import type { V1Namespace } from '@kubernetes/client-node';
import { statusOf, type ClusterConnection } from './cluster-connection';

export const LESSON_LABEL = 'dockside.dev/lesson';
export const RUN_LABEL = 'dockside.dev/run';
export const MANAGED_LABEL = 'app.kubernetes.io/managed-by';

/** "dockside-first-pod-3f9a1c": a DNS label (≤ 63 characters, lowercase, digits and dashes). */
export function runNamespaceName(lessonId: string, runId: string): string {
  const clean = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const run = clean(runId).slice(0, 8) || 'run';
  const lesson = clean(lessonId)
    .slice(0, 63 - 'dockside--'.length - run.length)
    .replace(/-+$/g, '');
  return `dockside-${lesson}-${run}`;
}

export function labelValue(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .slice(0, 63)
      .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '') || 'none'
  );
}

/** Creates the namespace, or adopts it when it is already this run's (a restarted app). */
export async function ensureRunNamespace(
  connection: ClusterConnection,
  run: { namespace: string; lessonId: string; runId: string },
): Promise<V1Namespace> {
  const labels = { [LESSON_LABEL]: labelValue(run.lessonId), [RUN_LABEL]: labelValue(run.runId), [MANAGED_LABEL]: 'dockside' };
  try {
    return await connection.core.createNamespace({ body: { metadata: { name: run.namespace, labels } } });
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
  const existing = await connection.core.readNamespace({ name: run.namespace });
  if (existing.metadata?.labels?.[RUN_LABEL] !== labels[RUN_LABEL])
    throw new Error(`namespace ${run.namespace} exists and is not this run's; Dockside will not use it`);
  if (existing.status?.phase === 'Terminating')
    throw new Error(`namespace ${run.namespace} is still being deleted by a reset; try again in a moment`);
  return existing;
}

export interface NamespaceDeletion {
  /** What the deletion is waiting for, in words ("12 objects left"), and the time spent. */
  progress(message: string, elapsedMs: number): void;
}

/**
 * Deletes the run's namespace and waits until the API server no longer has it. Refuses a
 * namespace without this run's label. Resolves false when it was already gone.
 */
export async function deleteRunNamespace(
  connection: ClusterConnection,
  run: { namespace: string; runId: string },
  options: { timeoutMs?: number; pollMs?: number; listener?: NamespaceDeletion } = {},
): Promise<boolean> {
  const started = Date.now();
  const existing = await readOrNull(connection, run.namespace);
  if (!existing) return false;
  if (existing.metadata?.labels?.[RUN_LABEL] !== labelValue(run.runId))
    throw new Error(`namespace ${run.namespace} was not created by this run; Dockside leaves it alone`);
  await connection.core.deleteNamespace({ name: run.namespace }).catch((error: unknown) => {
    if (statusOf(error) !== 404) throw error;
  });
  const deadline = started + (options.timeoutMs ?? 120_000);
  for (;;) {
    const now = await readOrNull(connection, run.namespace);
    if (!now) {
      options.listener?.progress(`namespace ${run.namespace} is gone`, Date.now() - started);
      return true;
    }
    options.listener?.progress(describeTermination(now), Date.now() - started);
    if (Date.now() > deadline) throw new Error(`namespace ${run.namespace} is still terminating: ${describeTermination(now)}`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
}

async function readOrNull(connection: ClusterConnection, name: string): Promise<V1Namespace | null> {
  try {
    return await connection.core.readNamespace({ name });
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/** The namespace controller's own account of what is left ("Some resources are remaining: pods. has 2 resource instances"). */
function describeTermination(namespace: V1Namespace): string {
  const remaining = namespace.status?.conditions?.find((c) => c.type === 'NamespaceContentRemaining' && c.status === 'True');
  const finalizers = namespace.status?.conditions?.find((c) => c.type === 'NamespaceFinalizersRemaining' && c.status === 'True');
  const detail = remaining?.message ?? finalizers?.message;
  return `namespace ${namespace.metadata?.name ?? ''} is terminating${detail ? `: ${detail}` : ''}`;
}
