/**
 * The learner's kubeconfig, read for the Kubernetes track: the files of KUBECONFIG merged as
 * kubectl merges them (the first file to name a cluster, user or context wins, and so does the
 * first current-context), or ~/.kube/config. Reading contacts nothing and runs no credential
 * plugin: @kubernetes/client-node runs an `exec` plugin only when a request is authenticated,
 * and Dockside makes requests only to a context the guard let through.
 *
 * Unlike client-node's loadFromDefault, a missing kubeconfig is "no contexts", never a silent
 * http://localhost:8080.
 */
import { existsSync } from 'node:fs';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { messageOf } from '../errors';
import { kubeconfigFiles } from '../doctor/kubeconfig';
import type { DoctorSystem } from '../doctor/system';
import { judgeContext, type ContextJudgement } from './context-guard';

export interface LearnerKubeconfig {
  config: KubeConfig;
  /** The files that were read. */
  files: string[];
  /** "<file>: <why>" for each file that exists but could not be read. */
  errors: string[];
}

export interface ContextSummary extends ContextJudgement {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  server: string;
  current: boolean;
  /** Set when the context cannot be used: it names a cluster or user that is not defined. */
  problem?: string;
}

export function readLearnerKubeconfig(system: Pick<DoctorSystem, 'env' | 'homeDir' | 'platform'>): LearnerKubeconfig {
  const merged = new KubeConfig();
  const files: string[] = [];
  const errors: string[] = [];
  for (const file of kubeconfigFiles(system)) {
    if (!existsSync(file)) continue;
    const one = new KubeConfig();
    try {
      // 'filter' drops malformed entries instead of refusing the whole file, as kubectl tolerates them.
      one.loadFromFile(file, { onInvalidEntry: 'filter' });
    } catch (error) {
      errors.push(`${file}: ${firstLine(messageOf(error))}`);
      continue;
    }
    files.push(file);
    mergeFirstWins(merged, one);
  }
  return { config: merged, files, errors };
}

function mergeFirstWins(into: KubeConfig, from: KubeConfig): void {
  if (!into.currentContext && from.currentContext) into.currentContext = from.currentContext;
  for (const cluster of from.clusters) if (!into.getCluster(cluster.name)) into.addCluster(cluster);
  for (const user of from.users) if (!into.getUser(user.name)) into.addUser(user);
  for (const context of from.contexts) if (!into.getContextObject(context.name)) into.addContext(context);
}

/** Every context, judged by the guard from the kubeconfig alone. */
export function summariseContexts(config: KubeConfig): ContextSummary[] {
  return config.contexts.map((context) => summarise(config, context));
}

/**
 * The context a Kubernetes lesson should use: the current one when the guard judges it local and
 * it is complete, else the first local one (so a learner whose current context is production is
 * offered their kind cluster instead); null when there is no local context at all.
 */
export function offerLocalContext(contexts: readonly ContextSummary[]): ContextSummary | null {
  const usable = contexts.filter((context) => context.local && context.problem === undefined);
  return usable.find((context) => context.current) ?? usable.find((context) => context.origin !== null) ?? usable[0] ?? null;
}

function summarise(config: KubeConfig, context: Context): ContextSummary {
  const cluster: Cluster | null = config.getCluster(context.cluster);
  const user: User | null = config.getUser(context.user);
  const server = cluster?.server ?? '';
  const problem = !cluster
    ? `context ${context.name} names cluster "${context.cluster}", which the kubeconfig does not define`
    : !user && context.user
      ? `context ${context.name} names user "${context.user}", which the kubeconfig does not define`
      : undefined;
  return {
    name: context.name,
    cluster: context.cluster,
    user: context.user,
    ...(context.namespace ? { namespace: context.namespace } : {}),
    server,
    current: context.name === config.currentContext,
    ...judgeContext({ name: context.name, server }),
    ...(problem ? { problem } : {}),
  };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
