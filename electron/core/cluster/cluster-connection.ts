/**
 * A connection to the lesson's cluster: API clients made from a kubeconfig whose current context
 * the guard judged local — or that the learner picked, by name, in the guard dialog. This is
 * the only place Dockside makes Kubernetes clients, so no other path can reach a remote cluster.
 */
import type { ApiException, CoreV1Api, KubeConfig, KubernetesObject, KubernetesObjectApi, Watch } from '@kubernetes/client-node';
import { messageOf } from '../errors';
import { loadedClientNode } from './client-node';
import { judgeContext, type ContextJudgement } from './context-guard';
import { resourceType, type KubeObject, type ResourceName } from './resources';

export class RemoteContextRefused extends Error {
  constructor(
    readonly context: string,
    readonly judgement: ContextJudgement,
  ) {
    super(`context ${context} is not on this machine (${judgement.reason}); Dockside contacts it only if you pick it`);
    this.name = 'RemoteContextRefused';
  }
}

export interface ConnectOptions {
  /** The context the learner explicitly allowed in the guard dialog, although it is remote. */
  allowRemote?: string;
  /** Bound for every call (a watch is not bounded). */
  timeoutMs?: number;
}

export class ClusterConnection {
  readonly context: string;
  readonly server: string;
  readonly judgement: ContextJudgement;
  readonly objects: KubernetesObjectApi;
  readonly core: CoreV1Api;
  readonly watch: Watch;
  /** Calls made through `list` (the bench and the tests count them). */
  calls = 0;

  private constructor(
    readonly config: KubeConfig,
    judgement: ContextJudgement,
  ) {
    this.context = config.getCurrentContext();
    this.server = config.getCurrentCluster()?.server ?? '';
    this.judgement = judgement;
    const { CoreV1Api, KubernetesObjectApi, Watch } = loadedClientNode();
    this.objects = KubernetesObjectApi.makeApiClient(config);
    this.core = config.makeApiClient(CoreV1Api);
    this.watch = new Watch(config);
  }

  /** Clients for the config's current context; throws `RemoteContextRefused` before any packet is sent. */
  static open(config: KubeConfig, options: ConnectOptions = {}): ClusterConnection {
    const name = config.getCurrentContext();
    const cluster = config.getCurrentCluster();
    if (!name || !cluster) throw new Error('the kubeconfig has no current context with a cluster');
    const judgement = judgeContext({ name, server: cluster.server });
    if (!judgement.local && options.allowRemote !== name) throw new RemoteContextRefused(name, judgement);
    return new ClusterConnection(config, judgement);
  }

  /** Every object of a resource (in a namespace, for namespaced ones), with the list's resourceVersion. */
  async list(resource: ResourceName, namespace?: string): Promise<{ items: KubeObject[]; resourceVersion: string }> {
    const type = resourceType(resource);
    this.calls += 1;
    const list = await this.objects.list<KubernetesObject>(type.apiVersion, type.kind, type.namespaced ? namespace : undefined);
    return { items: list.items as KubeObject[], resourceVersion: list.metadata?.resourceVersion ?? '' };
  }
}

/** The HTTP status of a failed call, when the API server answered (client-node's ApiException carries it as `code`). */
export function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** One line for an error of the API server or of the way to it. */
export function describeClusterError(error: unknown, server: string): string {
  const status = statusOf(error);
  if (status !== undefined) {
    const body = (error as ApiException<unknown>).body;
    const parsed = typeof body === 'string' ? safeJson(body) : body;
    const message = (parsed as { message?: unknown } | null)?.message;
    return `the API server answered ${status}${typeof message === 'string' ? `: ${message}` : ''}`;
  }
  const code = (error as NodeJS.ErrnoException).code ?? (error as { cause?: NodeJS.ErrnoException }).cause?.code;
  if (code === 'ECONNREFUSED') return `nothing listens at ${server}`;
  if (code === 'ENOENT') return `a file the kubeconfig names is missing (${messageOf(error)})`;
  return `${server} cannot be read: ${messageOf(error)}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
