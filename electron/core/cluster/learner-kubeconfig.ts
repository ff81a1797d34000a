/**
 * The learner's kubeconfig, read for the Kubernetes track: the files of KUBECONFIG merged as
 * kubectl merges them (the first file to name a cluster, user or context wins, and so does the
 * first current-context), or ~/.kube/config. Reading contacts nothing and runs no credential
 * plugin: @kubernetes/client-node runs an `exec` plugin only when a request is authenticated,
 * and Dockside makes requests only to a context the guard let through.
 *
 * Unlike client-node's loadFromDefault, a missing kubeconfig is "no contexts", never a silent
 * http://localhost:8080.
 *
 * The files are read without loading client-node (start-up reads them for the cluster status and
 * must not pay its import): parsed with `yaml`, their entries kept or dropped by client-node's own
 * small config_types module, exactly as KubeConfig.loadFromFile(file, { onInvalidEntry: 'filter' })
 * does. The KubeConfig itself is made only when a lesson run or preflight needs one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { Cluster, Context, KubeConfig, User } from '@kubernetes/client-node';
// Not the package index: this one module (node:fs only) validates entries the way KubeConfig does.
import { newClusters, newContexts, newUsers } from '@kubernetes/client-node/dist/config_types.js';
import { parseDocument } from 'yaml';
import { messageOf } from '../errors';
import { kubeconfigFiles } from '../doctor/kubeconfig';
import type { DoctorSystem } from '../doctor/system';
import { loadClientNode } from './client-node';
import { judgeContext, type ContextJudgement } from './context-guard';

/** What a KubeConfig holds after loading (a KubeConfig is one, too). */
export interface KubeconfigEntries {
  clusters: Cluster[];
  users: User[];
  contexts: Context[];
  currentContext: string;
}

export interface LearnerKubeconfig<Config extends KubeconfigEntries = KubeConfig> {
  config: Config;
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

/** The learner's kubeconfig as plain entries: contacts nothing and loads no client-node. */
export function readLearnerEntries(
  system: Pick<DoctorSystem, 'env' | 'homeDir' | 'platform'>,
): LearnerKubeconfig<KubeconfigEntries> {
  const merged: KubeconfigEntries = { clusters: [], users: [], contexts: [], currentContext: '' };
  const files: string[] = [];
  const errors: string[] = [];
  for (const file of kubeconfigFiles(system)) {
    if (!existsSync(file)) continue;
    let one: KubeconfigEntries;
    try {
      one = readKubeconfigFile(file);
    } catch (error) {
      errors.push(`${file}: ${firstLine(messageOf(error))}`);
      continue;
    }
    files.push(file);
    mergeFirstWins(merged, one);
  }
  return { config: merged, files, errors };
}

/** The learner's kubeconfig as a client-node KubeConfig (loading client-node), for a run or a preflight. */
export async function readLearnerKubeconfig(
  system: Pick<DoctorSystem, 'env' | 'homeDir' | 'platform'>,
): Promise<LearnerKubeconfig> {
  const learner = readLearnerEntries(system);
  const { KubeConfig } = await loadClientNode();
  const config = new KubeConfig();
  config.loadFromOptions(learner.config);
  return { ...learner, config };
}

/** One file, as KubeConfig.loadFromFile(file, { onInvalidEntry: 'filter' }) reads it. */
function readKubeconfigFile(file: string): KubeconfigEntries {
  const document = parseDocument(readFileSync(file, 'utf8'));
  if (document.errors.length > 0) throw document.errors[0]!;
  const raw = document.toJS() as Record<string, unknown> | null | undefined;
  // client-node fails on a file with no document in it (it reads `.clusters` of nothing): so does this.
  if (raw === null || raw === undefined) throw new Error('the file holds no kubeconfig (it is empty)');
  // 'filter' drops malformed entries instead of refusing the whole file, as kubectl tolerates them.
  const filter = { onInvalidEntry: 'filter' } as const;
  const dir = dirname(file);
  const absolute = (path: string | undefined) => (path && !isAbsolute(path) ? join(dir, path) : path);
  return {
    clusters: newClusters(raw.clusters, filter).map((cluster) => ({ ...cluster, caFile: absolute(cluster.caFile) })),
    users: newUsers(raw.users, filter).map((user) => ({
      ...user,
      certFile: absolute(user.certFile),
      keyFile: absolute(user.keyFile),
    })),
    contexts: newContexts(raw.contexts, filter),
    currentContext: raw['current-context'] as string,
  };
}

function mergeFirstWins(into: KubeconfigEntries, from: KubeconfigEntries): void {
  if (!into.currentContext && from.currentContext) into.currentContext = from.currentContext;
  for (const cluster of from.clusters) if (!named(into.clusters, cluster.name)) into.clusters.push(cluster);
  for (const user of from.users) if (!named(into.users, user.name)) into.users.push(user);
  for (const context of from.contexts) if (!named(into.contexts, context.name)) into.contexts.push(context);
}

/** The first entry of that name, as KubeConfig's getCluster / getUser / getContextObject find it. */
function named<T extends { name: string }>(entries: readonly T[], name: string): T | null {
  return entries.find((entry) => entry.name === name) ?? null;
}

/** Every context, judged by the guard from the kubeconfig alone. */
export function summariseContexts(config: KubeconfigEntries): ContextSummary[] {
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

function summarise(config: KubeconfigEntries, context: Context): ContextSummary {
  const cluster = named(config.clusters, context.cluster);
  const user = named(config.users, context.user);
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
