/** Status fields the replicated workload kinds (replicaSet, statefulSet, daemonSet) share. */
import type { KubeObject } from '../cluster/resources';

export interface Workload extends KubeObject {
  spec?: { replicas?: number; serviceName?: string; template?: { spec?: { containers?: unknown[] } } };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    desiredNumberScheduled?: number;
    numberReady?: number;
  };
}

export function ownerName(object: KubeObject, kind: string): string | undefined {
  return object.metadata?.ownerReferences?.find((owner) => owner.kind === kind)?.name;
}
