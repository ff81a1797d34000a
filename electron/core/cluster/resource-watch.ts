/**
 * One resource watched the way Kubernetes clients must: list, then watch from the list's
 * resourceVersion; keep the last resourceVersion seen (bookmarks included); when the connection
 * drops, watch again from it after a backoff — the API server replays what changed meanwhile,
 * so a change made while the watch reconnects is not lost; when that version is too old
 * (410 Gone), list again and report the difference as changes. Every object is kept in a
 * store, which the checks read instead of calling the API.
 */
import { messageOf } from '../errors';
import { describeClusterError, type ClusterConnection } from './cluster-connection';
import { collectionPath, type KubeObject, type ResourceName } from './resources';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchChange {
  type: ChangeType;
  resource: ResourceName;
  object: KubeObject;
}

export interface WatchListener {
  change(change: WatchChange): void;
  /** The watch was away (a drop, a re-list): what changed meanwhile may not have been seen one by one. */
  gap(resource: ResourceName): void;
  /** The watch could not be (re)established: why, and when it tries again. */
  trouble?(resource: ResourceName, message: string, retryInMs: number): void;
}

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

const defaultBackoff: Backoff = { initialMs: 250, maxMs: 8000 };

/** A watch that stayed up this long was healthy: the next drop starts the backoff over. */
const HEALTHY_MS = 5000;

const keyOf = (object: KubeObject) => `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;

export class ResourceWatch {
  readonly store = new Map<string, KubeObject>();
  resourceVersion = '';
  /** True once the first list arrived: the store can answer for the resource. */
  synced = false;
  /** Lists made (the first one, and one per 410 Gone). */
  lists = 0;

  private abort: AbortController | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  private gone = false;

  constructor(
    private readonly connection: ClusterConnection,
    readonly resource: ResourceName,
    readonly namespace: string | undefined,
    private readonly listener: WatchListener,
    private readonly backoff: Backoff = defaultBackoff,
  ) {}

  /** Lists and starts watching; rejects when the first list fails (the caller reports it). */
  async start(): Promise<void> {
    await this.relist();
    await this.watchFromVersion();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.abort?.abort();
    this.abort = null;
  }

  objects(): KubeObject[] {
    return [...this.store.values()];
  }

  private async relist(): Promise<void> {
    const { items, resourceVersion } = await this.connection.list(this.resource, this.namespace);
    this.lists += 1;
    const fresh = new Map(items.map((item) => [keyOf(item), item]));
    const changes: WatchChange[] = [];
    for (const [key, object] of this.store)
      if (!fresh.has(key)) changes.push({ type: 'DELETED', resource: this.resource, object });
    for (const [key, object] of fresh) {
      const before = this.store.get(key);
      if (!before) changes.push({ type: 'ADDED', resource: this.resource, object });
      else if (before.metadata?.resourceVersion !== object.metadata?.resourceVersion)
        changes.push({ type: 'MODIFIED', resource: this.resource, object });
    }
    this.store.clear();
    for (const [key, object] of fresh) this.store.set(key, object);
    this.resourceVersion = resourceVersion;
    const first = !this.synced;
    this.synced = true;
    if (first) return;
    for (const change of changes) this.listener.change(change);
    this.listener.gap(this.resource);
  }

  /** Opens the watch; false when it ended before it was established (its done callback has run). */
  private async watchFromVersion(): Promise<boolean> {
    if (this.stopped) return false;
    const startedAt = Date.now();
    this.gone = false;
    let ended = false;
    const controller = await this.connection.watch.watch(
      collectionPath(this.resource, this.namespace),
      { resourceVersion: this.resourceVersion, allowWatchBookmarks: true },
      (phase, object: KubeObject) => this.onEvent(phase, object),
      (error: unknown) => {
        ended = true;
        if (this.abort === controller) this.abort = null;
        this.onDone(error, startedAt);
      },
    );
    if (ended) return false;
    this.abort = controller;
    return true;
  }

  private onEvent(phase: string, object: KubeObject): void {
    if (phase === 'ERROR') {
      // A Status object: 410 means our resourceVersion is older than the API server keeps.
      if ((object as { code?: number }).code === 410) this.gone = true;
      this.abort?.abort();
      return;
    }
    const version = object.metadata?.resourceVersion;
    if (version) this.resourceVersion = version;
    if (phase === 'BOOKMARK') return;
    if (phase !== 'ADDED' && phase !== 'MODIFIED' && phase !== 'DELETED') return;
    if (phase === 'DELETED') this.store.delete(keyOf(object));
    else this.store.set(keyOf(object), object);
    this.failures = 0;
    this.listener.change({ type: phase, resource: this.resource, object });
  }

  private onDone(error: unknown, startedAt: number): void {
    if (this.stopped) return;
    if (error && (error as { statusCode?: number }).statusCode === 410) this.gone = true;
    // 410 Gone is no trouble: re-list at once. A watch that stayed up was healthy: reconnect at once.
    const healthy = this.gone || (!error && Date.now() - startedAt >= HEALTHY_MS);
    if (healthy) this.failures = 0;
    else this.failures += 1;
    const message = error ? describeClusterError(error, this.connection.server) : 'the watch ended';
    this.reconnect(message);
  }

  /** Watch again (re-listing after 410), backing off while the API server does not answer. */
  private reconnect(reason: string): void {
    const delay =
      this.failures === 0 ? 0 : Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** Math.min(this.failures - 1, 10));
    if (this.failures > 0) this.listener.trouble?.(this.resource, reason, delay);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.reestablish();
    }, delay);
    this.retryTimer.unref?.();
  }

  private async reestablish(): Promise<void> {
    if (this.stopped) return;
    const hadTrouble = this.failures > 0;
    try {
      if (this.gone) await this.relist();
      const established = await this.watchFromVersion();
      // Reconnected after trouble: the replay brings the missed changes, and a pass over everything makes sure.
      if (established && hadTrouble) this.listener.gap(this.resource);
    } catch (error) {
      this.failures += 1;
      this.reconnect(error instanceof Error ? describeClusterError(error, this.connection.server) : messageOf(error));
    }
  }
}
