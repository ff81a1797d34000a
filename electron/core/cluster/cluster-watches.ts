/**
 * The watches of one lesson run's cluster: one ResourceWatch per (resource, namespace) that a
 * watched check needs, shared by every check; changes and gaps go to the subscribers (the
 * runner), the stores answer the cluster reader. The cluster's second source of state beside
 * the engine's events stream.
 */
import type { ClusterConnection } from './cluster-connection';
import { ResourceWatch, type Backoff, type WatchChange } from './resource-watch';
import type { KubeObject, ResourceName } from './resources';

export interface WatchTrouble {
  resource: ResourceName;
  message: string;
  retryInMs: number;
}

type Subscriber = {
  change?: (change: WatchChange) => void;
  gap?: (resource: ResourceName) => void;
  trouble?: (trouble: WatchTrouble | null) => void;
};

export class ClusterWatches {
  private readonly watches = new Map<string, ResourceWatch>();
  private readonly starting = new Map<string, Promise<ResourceWatch>>();
  private readonly subscribers = new Set<Subscriber>();
  private troubled = false;

  constructor(
    readonly connection: ClusterConnection,
    private readonly backoff?: Backoff,
  ) {}

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Starts watching (list + watch) unless already watched; resolves once the store is synced. */
  ensure(resource: ResourceName, namespace?: string): Promise<ResourceWatch> {
    const key = `${resource}@${namespace ?? '*'}`;
    const existing = this.watches.get(key);
    if (existing) return Promise.resolve(existing);
    const pending = this.starting.get(key);
    if (pending) return pending;
    const watch = new ResourceWatch(
      this.connection,
      resource,
      namespace,
      {
        change: (change) => {
          this.clearTrouble();
          for (const s of this.subscribers) s.change?.(change);
        },
        gap: (which) => {
          this.clearTrouble();
          for (const s of this.subscribers) s.gap?.(which);
        },
        trouble: (which, message, retryInMs) => {
          this.troubled = true;
          for (const s of this.subscribers) s.trouble?.({ resource: which, message, retryInMs });
        },
      },
      this.backoff,
    );
    const started = watch.start().then(
      () => {
        this.starting.delete(key);
        this.watches.set(key, watch);
        return watch;
      },
      (error: unknown) => {
        this.starting.delete(key);
        watch.stop();
        throw error;
      },
    );
    this.starting.set(key, started);
    return started;
  }

  /** The kept objects, when this resource is watched and synced; null otherwise (read the API instead). */
  stored(resource: ResourceName, namespace?: string): KubeObject[] | null {
    const watch = this.watches.get(`${resource}@${namespace ?? '*'}`);
    return watch?.synced ? watch.objects() : null;
  }

  /** Lists made by the watches (one per watch, plus re-lists after 410 Gone). */
  get lists(): number {
    let total = 0;
    for (const watch of this.watches.values()) total += watch.lists;
    return total;
  }

  stop(): void {
    for (const watch of this.watches.values()) watch.stop();
    this.watches.clear();
    this.subscribers.clear();
  }

  private clearTrouble(): void {
    if (!this.troubled) return;
    this.troubled = false;
    for (const s of this.subscribers) s.trouble?.(null);
  }
}
