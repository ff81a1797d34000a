/**
 * The cluster reads one evaluation pass makes, shared by every Kubernetes check in the pass, as
 * the engine reader is for Docker checks. A resource the run watches is answered from the
 * watch's store (no API call at all); any other is one namespaced list per pass (memoised), so
 * a pass costs the same however many objects the rest of the cluster holds.
 *
 * Anything that fails is thrown as `ClusterUnavailable`: the step shows an error, never a
 * failed check.
 */
import { describeClusterError, statusOf, type ClusterConnection } from '../cluster/cluster-connection';
import type { ClusterWatches } from '../cluster/cluster-watches';
import { resourceType, type KubeObject, type ResourceName } from '../cluster/resources';
import { messageOf } from '../errors';

/** Reading the cluster failed: the step is in an error state, not failed. */
export class ClusterUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterUnavailable';
  }
}

export interface ClusterSource {
  connection: ClusterConnection;
  watches?: ClusterWatches;
}

export class ClusterReader {
  private readonly memo = new Map<string, Promise<KubeObject[]>>();

  /** `source` null: the lesson has no cluster (none found, or the guard refused it); `why` says so. */
  constructor(
    private readonly source: ClusterSource | null,
    private readonly why = 'no Kubernetes cluster is connected for this lesson',
    private readonly timeoutMs = 5000,
  ) {}

  /** Every object of a resource in a namespace (cluster-scoped resources ignore it). */
  list(resource: ResourceName, namespace?: string): Promise<KubeObject[]> {
    const source = this.source;
    if (!source) return Promise.reject(new ClusterUnavailable(this.why));
    const scope = resourceType(resource).namespaced ? namespace : undefined;
    const key = `${resource}@${scope ?? '*'}`;
    const existing = this.memo.get(key);
    if (existing) return existing;
    const stored = source.watches?.stored(resource, scope);
    const read = stored
      ? Promise.resolve(stored)
      : withTimeout(source.connection.list(resource, scope), this.timeoutMs).then((list) => list.items);
    const guarded = read.catch((error: unknown) => {
      throw this.unavailable(error, resource);
    });
    this.memo.set(key, guarded);
    return guarded;
  }

  /** One object by name, or null. */
  async get(resource: ResourceName, namespace: string | undefined, name: string): Promise<KubeObject | null> {
    return (await this.list(resource, namespace)).find((object) => object.metadata?.name === name) ?? null;
  }

  private unavailable(error: unknown, resource: ResourceName): ClusterUnavailable {
    if (error instanceof ClusterUnavailable) return error;
    const type = resourceType(resource);
    const text = messageOf(error);
    if (statusOf(error) === 404 || /Unrecognized API version and kind/i.test(text))
      return new ClusterUnavailable(
        `this cluster does not serve ${type.kind} (${type.apiVersion}); the lesson needs a newer Kubernetes`,
      );
    return new ClusterUnavailable(describeClusterError(error, this.source?.connection.server ?? ''));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the API server did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
