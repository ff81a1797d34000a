/**
 * The live panel's feed for a Kubernetes run: watches the run's namespace (Deployments,
 * ReplicaSets, Pods, Services, EndpointSlices — the same shared watches the checks use), and
 * after each burst of changes sends the namespace as a tree (`run.kube`). Reading it costs no
 * API call: the tree is built from the watches' stores.
 */
import type { KubeLiveState } from '../contract';
import { describeClusterError } from '../cluster/cluster-connection';
import type { ResourceName } from '../cluster/resources';
import { messageOf } from '../errors';
import type { RunClusterSource } from './cluster-feed';
import { buildKubeTree, type NamespaceLists } from './kube-live-tree';

const RESOURCES = ['deployments', 'replicasets', 'pods', 'services', 'endpointslices'] as const satisfies readonly ResourceName[];

export class KubeLiveFeed {
  private timer: NodeJS.Timeout | null = null;
  private error: string | null = null;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly source: RunClusterSource,
    private readonly ids: { runId: string; lessonId: string },
    private readonly send: (state: KubeLiveState) => void,
    private readonly debounceMs = 50,
  ) {
    const namespace = source.facts.namespace;
    this.unsubscribe = source.watches.subscribe({
      change: (change) => {
        if ((RESOURCES as readonly string[]).includes(change.resource) && change.object.metadata?.namespace === namespace)
          this.schedule();
      },
      gap: () => this.schedule(),
      trouble: (trouble) => {
        this.error = trouble ? trouble.message : null;
        this.schedule();
      },
    });
  }

  /** Starts the namespace's watches; resolves with the first tree. */
  async start(): Promise<KubeLiveState> {
    const { watches, facts } = this.source;
    try {
      await Promise.all(RESOURCES.map((resource) => watches.ensure(resource, facts.namespace)));
    } catch (error) {
      this.error = describeClusterError(error, watches.connection.server) || messageOf(error);
    }
    const state = this.state();
    if (!this.stopped) this.send(state);
    return state;
  }

  /** The tree as the watches have it now. */
  state(): KubeLiveState {
    const { watches, facts } = this.source;
    const lists = Object.fromEntries(
      RESOURCES.map((r) => [r, watches.stored(r, facts.namespace) ?? []]),
    ) as unknown as NamespaceLists;
    return {
      ...this.ids,
      context: facts.context,
      namespace: facts.namespace,
      ...buildKubeTree(lists),
      error: this.error,
      at: Date.now(),
    };
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.send(this.state());
    }, this.debounceMs);
    this.timer.unref?.();
  }
}
