/**
 * Preflight for a Kubernetes lesson: is there a local cluster, do its credentials work, does it
 * answer, and does it serve every resource the lesson's checks read? Each "no" is one sentence
 * (the same ones the run shows on its steps). A context the guard judges remote is never
 * contacted here, and its credential plugin is never run.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { checkKind } from '../checks/registry';
import type { DoctorSystem } from '../doctor/system';
import { messageOf } from '../errors';
import type { LoadedLesson } from '../lessons/types';
import { loadClientNode } from './client-node';
import { ClusterConnection, describeClusterError, statusOf } from './cluster-connection';
import { credentialProblem, credentialsOf, pluginProblem } from './credential-problems';
import { offerLocalContext, readLearnerKubeconfig, summariseContexts } from './learner-kubeconfig';
import { resourceType, type ResourceName } from './resources';

export interface ClusterPreflight {
  ok: boolean;
  /** One sentence: what answers, or what is wrong. */
  detail: string;
  context?: string;
  /** The kind cluster's name when the context is a kind one (`kind-<name>`): its images can be loaded. */
  kindCluster?: string;
}

export type ClusterPreflightSystem = Pick<DoctorSystem, 'env' | 'homeDir' | 'platform'>;

/** Every resource the lesson's Kubernetes checks read. */
export function lessonResources(lesson: LoadedLesson): ResourceName[] {
  const all = lesson.steps.flatMap((step) =>
    step.checks.flatMap((check) => checkKind(check.kind).triggers(check.spec).watch?.resources ?? []),
  );
  return [...new Set(all)];
}

function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref()),
  ]);
}

/** The context to use, or the sentence saying why there is none. */
export async function pickLessonContext(system: ClusterPreflightSystem): Promise<{ name: string; config: KubeConfig } | string> {
  const learner = await readLearnerKubeconfig(system);
  const contexts = summariseContexts(learner.config);
  const picked = offerLocalContext(contexts);
  if (picked) {
    learner.config.setCurrentContext(picked.name);
    return { name: picked.name, config: learner.config };
  }
  if (learner.errors[0]) return `your kubeconfig cannot be read: ${learner.errors[0]}`;
  const current = contexts.find((c) => c.current);
  if (current?.problem) return current.problem;
  if (current)
    return `context ${current.name} is not on this machine (${current.reason}), and no local cluster is in your kubeconfig`;
  return 'no Kubernetes cluster is in your kubeconfig: create a local one, e.g. `kind create cluster --name dockside`';
}

export async function clusterPreflight(
  lesson: LoadedLesson,
  system: ClusterPreflightSystem,
  timeoutMs = 4000,
): Promise<ClusterPreflight> {
  const picked = await pickLessonContext(system);
  if (typeof picked === 'string') return { ok: false, detail: picked };
  const { name, config } = picked;
  const kind = name.startsWith('kind-') ? { kindCluster: name.slice('kind-'.length) } : {};
  const fail = (detail: string): ClusterPreflight => ({ ok: false, detail, context: name, ...kind });
  const credentials = credentialsOf(config);
  const problem = credentials && credentialProblem(credentials, { path: system.env.PATH ?? '' });
  if (problem) return fail(problem);
  const plugin = await pluginProblem(config);
  if (plugin) return fail(plugin);
  const connection = ClusterConnection.open(config);
  const { VersionApi } = await loadClientNode();
  let version: string;
  try {
    version = (await within(timeoutMs, connection.server, config.makeApiClient(VersionApi).getCode())).gitVersion;
  } catch (error) {
    return fail(`the cluster of context ${name} does not answer: ${describeClusterError(error, connection.server)}`);
  }
  const unserved = await unservedResources(connection, lessonResources(lesson), timeoutMs);
  if (unserved.length > 0) {
    const what = unserved.map((r) => `${resourceType(r).kind} (${resourceType(r).apiVersion})`).join(', ');
    return fail(`this cluster (Kubernetes ${version}) does not serve ${what}, which this lesson's checks read`);
  }
  return { ok: true, detail: `context ${name} answers at ${connection.server}: Kubernetes ${version}`, context: name, ...kind };
}

/** Resources the API server answers 404 for (not served at this version); other answers count as served. */
async function unservedResources(
  connection: ClusterConnection,
  resources: ResourceName[],
  timeoutMs: number,
): Promise<ResourceName[]> {
  const answers = await Promise.all(
    resources.map(async (resource) => {
      try {
        await within(timeoutMs, connection.server, connection.list(resource, 'default'));
        return null;
      } catch (error) {
        // Discovery: a group version the server lacks is a 404; a kind missing from it, client-node's "Unrecognized".
        const unserved = statusOf(error) === 404 || /Unrecognized API version and kind/.test(messageOf(error));
        return unserved ? resource : null;
      }
    }),
  );
  return answers.filter((r): r is ResourceName => r !== null);
}
