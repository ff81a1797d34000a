/**
 * The cluster half of a lesson run's state: the watches its checks ask for (each kind's `watch`
 * trigger, in the check's namespace or the run's), started before the first evaluation so the
 * reader answers from their stores; their changes, gaps and trouble passed on to the run, which
 * treats them exactly as engine events, stream resyncs and engine errors.
 */
import { ClusterReader } from '../checks/cluster-reader';
import { checkKind } from '../checks/registry';
import type { CommandFeed } from '../terminal/command-feed';
import type { CheckTriggers, RunCluster } from '../checks/kind';
import type { ClusterCreated } from '../cluster/cluster-created';
import type { ClusterWatches } from '../cluster/cluster-watches';
import type { WatchChange } from '../cluster/resource-watch';
import { describeClusterError } from '../cluster/cluster-connection';
import type { ResourceName } from '../cluster/resources';

export interface RunClusterSource {
  watches: ClusterWatches;
  facts: RunCluster;
  /** Cluster-scoped objects created while the run is live (reset deletes them by uid). */
  created?: ClusterCreated;
}

export interface ClusterFeedListener {
  change(touched: (triggers: CheckTriggers) => boolean): void;
  /** A watch was away: everything that follows the cluster is evaluated again. */
  gap(): void;
  /** Null when the cluster answers again. */
  trouble(message: string | null): void;
}

export class ClusterFeed {
  private unsubscribe: (() => void) | null = null;

  private readonly source: RunClusterSource | undefined;
  /** Why there is no cluster, when setting it up failed: every cluster check shows it. */
  private readonly missing: string | undefined;

  constructor(
    source: RunClusterSource | { error: string } | undefined,
    private readonly commands: Pick<CommandFeed, 'startedSince'>,
    private readonly listener: ClusterFeedListener,
  ) {
    this.source = source && 'watches' in source ? source : undefined;
    this.missing = source && 'error' in source ? source.error : undefined;
  }

  get facts(): RunCluster | undefined {
    return this.source?.facts;
  }

  /**
   * Whether a change the cluster reports (or a new answer of `check`) is the learner's attempt at
   * the step current since `stepStartedAt`. Controllers change objects for seconds after a step
   * passed (pods turn ready, old ReplicaSets go): such a change counts only once the learner ran a
   * command in this step, so the next step never shows failed before they did anything.
   */
  isAttempt(stepStartedAt: number, check?: { kind: string }): boolean {
    if (check && checkKind(check.kind).source !== 'cluster') return true;
    return this.commands.startedSince(stepStartedAt);
  }

  /** A reader for one evaluation pass (its lists memoised within the pass). */
  reader(): ClusterReader {
    return this.source
      ? new ClusterReader({ connection: this.source.watches.connection, watches: this.source.watches })
      : new ClusterReader(null, this.missing);
  }

  /** Subscribes, and starts every watch these triggers need; a watch that cannot start is reported as trouble. */
  async start(triggers: readonly CheckTriggers[]): Promise<void> {
    const source = this.source;
    if (!source) return;
    const namespace = source.facts.namespace;
    this.unsubscribe = source.watches.subscribe({
      change: (change) => this.listener.change((t) => touches(t, change, namespace)),
      gap: () => this.listener.gap(),
      trouble: (trouble) =>
        this.listener.trouble(
          trouble ? `${trouble.message}; watching ${trouble.resource} again in ${trouble.retryInMs} ms` : null,
        ),
    });
    const wanted = new Map<string, { resource: ResourceName; namespace: string }>();
    for (const trigger of triggers)
      for (const resource of trigger.watch?.resources ?? []) {
        const where = trigger.watch?.namespace ?? namespace;
        wanted.set(`${resource}@${where}`, { resource, namespace: where });
      }
    const [started, unwatched] = await Promise.all([
      Promise.allSettled([...wanted.values()].map((w) => source.watches.ensure(w.resource, w.namespace))),
      source.created?.start() ?? [],
    ]);
    // Not fatal: the checks still work; reset then deletes only the run's namespace.
    for (const problem of unwatched) console.error(`dockside: cluster-scoped objects: ${problem}`);
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) this.listener.trouble(describeClusterError(failed.reason, source.watches.connection.server));
  }

  /** The watches belong to the run: they stop with it. */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.source?.watches.stop();
  }
}

/** A change concerns a check when it watches that resource, in that namespace, and the kind says it touches it. */
function touches(triggers: CheckTriggers, change: WatchChange, runNamespace: string): boolean {
  const watch = triggers.watch;
  if (!watch || !watch.resources.includes(change.resource)) return false;
  const namespace = change.object.metadata?.namespace;
  if (namespace !== undefined && namespace !== (watch.namespace ?? runNamespace)) return false;
  return watch.touches(change);
}
