/** How the UI names the cluster the Kubernetes lessons use: "kind-dockside · kind", or "No local cluster". */
import type { ClusterStatus } from '@contract';

export function clusterLabel(status: ClusterStatus): string {
  const context = status.lessonContext;
  return context ? `${context.name} · ${context.tool}` : 'No local cluster';
}

/** One sentence for a tooltip or the doctor: which cluster, and why that one. */
export function clusterSentence(status: ClusterStatus): string {
  const context = status.lessonContext;
  if (!context)
    return 'Kubernetes lessons have no local cluster to use: the Kubernetes section of the lessons says how to get one.';
  const why =
    status.source === 'current'
      ? 'your current context'
      : status.source === 'chosen'
        ? 'chosen by you'
        : `offered instead of your current context ${status.guard?.current.name ?? ''}, which is not on this machine`.trim();
  const where = context.local ? 'on this machine' : 'NOT on this machine';
  return `Kubernetes lessons use ${context.name} (${context.tool}, ${where}): ${why}.`;
}
