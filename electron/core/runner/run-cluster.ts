/**
 * A Kubernetes lesson run's cluster, set up when the run starts: the learner's kubeconfig read
 * (nothing contacted), the context decided by cluster/lesson-context.ts (the current one when
 * local, else the learner's answer in the guard dialog, else the first local one — a remote
 * context only when the learner typed its name), the lesson
 * kubeconfig written into the workspace, the run's namespace created, and the watches that feed
 * the runner. What cannot be set up is one sentence the steps show; nothing else breaks.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedLesson } from '../lessons/types';
import { checkKind } from '../checks/registry';
import { ClusterConnection, describeClusterError } from '../cluster/cluster-connection';
import { ClusterCreated } from '../cluster/cluster-created';
import { ClusterWatches } from '../cluster/cluster-watches';
import { credentialProblem, credentialsOf, pluginProblem } from '../cluster/credential-problems';
import { resourceType } from '../cluster/resources';
import { readLearnerKubeconfig, summariseContexts } from '../cluster/learner-kubeconfig';
import { decideLessonContext } from '../cluster/lesson-context';
import type { KubeContextChoice } from '../contract';
import { KubeconfigProblem, writeLessonKubeconfig } from '../cluster/lesson-kubeconfig';
import { isClusterLessonId, lessonKubeconfigPath } from '../cluster/lesson-tools';
import { deleteRunNamespace, ensureRunNamespace, runNamespaceName, type NamespaceDeletion } from '../cluster/run-namespace';
import { messageOf } from '../errors';
import type { RunClusterSource } from './cluster-feed';

/** A lesson works on a cluster when it belongs to a cluster track or any of its checks reads one. */
export function needsCluster(lesson: LoadedLesson): boolean {
  return (
    isClusterLessonId(lesson.summary.id) ||
    lesson.steps.some((step) => step.checks.some((check) => checkKind(check.kind).source === 'cluster'))
  );
}

export interface RunClusterInput {
  env: Record<string, string | undefined>;
  homeDir: string;
  platform: NodeJS.Platform;
  lessonId: string;
  runId: string;
  /** Unix ms the attempt began: cluster-scoped objects created since are the run's. */
  startedAt: number;
  workspaceDir: string;
  /** A remote context the learner picked in the guard dialog, by name. */
  allowRemote?: string;
  /** The guard dialog's remembered answers (settings), by current context. */
  choices?: Readonly<Record<string, KubeContextChoice>>;
}

export type RunClusterOutcome = { ok: true; source: RunClusterSource } | { ok: false; error: string };

export async function openRunCluster(input: RunClusterInput): Promise<RunClusterOutcome> {
  const learner = await readLearnerKubeconfig(input);
  const contexts = summariseContexts(learner.config);
  const decision = decideLessonContext(contexts, input.choices ?? {});
  const allowRemote = input.allowRemote ?? decision.allowRemote ?? undefined;
  const picked = input.allowRemote ? contexts.find((c) => c.name === input.allowRemote) : decision.context;
  if (!picked) {
    const current = contexts.find((c) => c.current);
    const why =
      learner.errors[0] ??
      current?.problem ??
      (current ? `context ${current.name} is not on this machine (${current.reason})` : null);
    return { ok: false, error: `no local Kubernetes cluster is in your kubeconfig${why ? `: ${why}` : ''}` };
  }
  const namespace = runNamespaceName(input.lessonId, input.runId);
  const kubeconfigPath = lessonKubeconfigPath(input.workspaceDir);
  try {
    await mkdir(join(input.workspaceDir, '.kube'), { recursive: true, mode: 0o700 });
    const config = await writeLessonKubeconfig(learner.config, { context: picked.name, namespace }, kubeconfigPath);
    // The same sentences as preflight and the doctor, before a request can fail more vaguely.
    const credentials = credentialsOf(config);
    const problem =
      (credentials && credentialProblem(credentials, { path: input.env.PATH ?? '' })) ?? (await pluginProblem(config));
    if (problem) return { ok: false, error: `context ${picked.name}: ${problem}` };
    const connection = ClusterConnection.open(config, allowRemote ? { allowRemote } : {});
    await ensureRunNamespace(connection, { namespace, lessonId: input.lessonId, runId: input.runId });
    const watches = new ClusterWatches(connection);
    const created = new ClusterCreated(watches, { startedAt: input.startedAt, namespace });
    return { ok: true, source: { watches, created, facts: { context: picked.name, namespace, kubeconfigPath } } };
  } catch (error) {
    if (error instanceof KubeconfigProblem) return { ok: false, error: error.message };
    return { ok: false, error: `context ${picked.name}: ${describeClusterError(error, picked.server) || messageOf(error)}` };
  }
}

export interface ClusterReset {
  /** What went, in words: "namespace dockside-first-pod-3f9a1c2e", "ClusterRole pod-reader". */
  removed: string[];
  /** What was left, and why. */
  kept: string[];
}

/**
 * Reset: the run's namespace goes, with everything in it, and the cluster-scoped objects created
 * during the run, each only while it has the uid recorded; nothing else is touched.
 */
export async function resetRunCluster(
  source: RunClusterSource,
  runId: string,
  progress?: NamespaceDeletion,
): Promise<ClusterReset> {
  const { connection } = source.watches;
  const namespace = source.facts.namespace;
  const deleted = await deleteRunNamespace(connection, { namespace, runId }, progress ? { listener: progress } : {});
  const scoped = source.created ? await source.created.deleteAll(connection) : { removed: [], kept: [] };
  return {
    removed: [
      ...(deleted ? [`namespace ${namespace}`] : []),
      ...scoped.removed.map((o) => `${resourceType(o.resource).kind} ${o.name}`),
    ],
    kept: scoped.kept.map((k) => k.reason),
  };
}
