/**
 * Cluster-scoped objects created while a run is live (a Namespace, a ClusterRole, a
 * PersistentVolume...), recorded from the watches by uid: the second half of Kubernetes
 * attribution beside the run's namespace. Reset deletes them by uid with a precondition the API
 * server enforces, so an object of the same name made again by someone else is never touched.
 */
import { statusOf, type ClusterConnection } from './cluster-connection';
import type { ClusterWatches } from './cluster-watches';
import { resourceType, type KubeObject, type ResourceName } from './resources';

/** The cluster-scoped resources a lesson may create and reset must undo. */
export const CLUSTER_SCOPED: readonly ResourceName[] = [
  'namespaces',
  'clusterroles',
  'clusterrolebindings',
  'persistentvolumes',
  'storageclasses',
  'ingressclasses',
  'priorityclasses',
  'customresourcedefinitions',
];

export interface ClusterCreatedObject {
  resource: ResourceName;
  name: string;
  uid: string;
}

export interface ClusterDeletion {
  removed: ClusterCreatedObject[];
  /** Left alone or not removable, with the reason. */
  kept: { object: ClusterCreatedObject; reason: string }[];
}

/** Created after the run began: creation times have whole seconds, so the run's own second does not count. */
function createdAfter(object: KubeObject, startedAt: number): boolean {
  const created = object.metadata?.creationTimestamp;
  if (!created) return false;
  return new Date(created).getTime() >= Math.floor(startedAt / 1000) * 1000 + 1000;
}

export class ClusterCreated {
  private readonly byUid = new Map<string, ClusterCreatedObject>();

  constructor(
    private readonly watches: ClusterWatches,
    private readonly run: { startedAt: number; namespace: string },
  ) {}

  /**
   * Watches every cluster-scoped resource: objects added from now on are the run's, and of what
   * is there already, those created after the run began (a resumed run). Resolves with what could
   * not be watched (a cluster without the resource, or no permission), in words.
   */
  async start(onChange?: () => void): Promise<string[]> {
    this.watches.subscribe({
      change: (change) => {
        if (!CLUSTER_SCOPED.includes(change.resource)) return;
        if (change.type === 'ADDED') this.note(change.resource, change.object);
        if (change.type === 'DELETED') this.byUid.delete(change.object.metadata?.uid ?? '');
        onChange?.();
      },
    });
    const started = await Promise.allSettled(CLUSTER_SCOPED.map((resource) => this.watches.ensure(resource)));
    const problems: string[] = [];
    started.forEach((outcome, i) => {
      const resource = CLUSTER_SCOPED[i]!;
      if (outcome.status === 'rejected') problems.push(`${resourceType(resource).kind}: not watched (${String(outcome.reason)})`);
      else
        for (const object of outcome.value.objects()) if (createdAfter(object, this.run.startedAt)) this.note(resource, object);
    });
    return problems;
  }

  get all(): ClusterCreatedObject[] {
    return [...this.byUid.values()];
  }

  private note(resource: ResourceName, object: KubeObject): void {
    const uid = object.metadata?.uid;
    const name = object.metadata?.name;
    if (!uid || !name || object.metadata?.deletionTimestamp) return;
    // The run's own namespace is reset as the namespace it is, with its label checked.
    if (resource === 'namespaces' && name === this.run.namespace) return;
    this.byUid.set(uid, { resource, name, uid });
  }

  /** Deletes each recorded object only while it still has its recorded uid. */
  async deleteAll(connection: ClusterConnection): Promise<ClusterDeletion> {
    const outcome: ClusterDeletion = { removed: [], kept: [] };
    for (const object of this.all) {
      const type = resourceType(object.resource);
      try {
        await connection.objects.delete(
          { apiVersion: type.apiVersion, kind: type.kind, metadata: { name: object.name } },
          undefined,
          undefined,
          undefined,
          undefined,
          'Background',
          { preconditions: { uid: object.uid } },
        );
        outcome.removed.push(object);
        this.byUid.delete(object.uid);
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) this.byUid.delete(object.uid);
        else if (status === 409) {
          outcome.kept.push({
            object,
            reason: `${type.kind} ${object.name} is no longer the one made during this lesson; left alone`,
          });
          this.byUid.delete(object.uid);
        } else outcome.kept.push({ object, reason: `could not delete ${type.kind} ${object.name}: ${String(error)}` });
      }
    }
    return outcome;
  }
}
