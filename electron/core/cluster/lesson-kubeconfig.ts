/**
 * The lesson kubeconfig: a file in the lesson workspace holding only the lesson's context (its
 * cluster and user copied from the learner's kubeconfig, credentials included and file-based
 * certificates inlined), with the run's namespace as its default. The lesson terminal's
 * KUBECONFIG points at it, so kubectl, helm and k9s typed in a lesson reach only that cluster.
 *
 * Written with mode 0600 (it holds credentials), atomically; the learner's own files are only read.
 */
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import type { Cluster, KubeConfig, User } from '@kubernetes/client-node';
import { messageOf } from '../errors';
import { loadClientNode } from './client-node';

export class KubeconfigProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeconfigProblem';
  }
}

export interface LessonContext {
  /** The learner's context the lesson uses. */
  context: string;
  /** The run's namespace: the default for every command in the lesson terminal. */
  namespace: string;
}

/** A kubeconfig holding only this context, certificates inlined (so it stands alone). */
export async function lessonKubeconfig(learner: KubeConfig, lesson: LessonContext): Promise<KubeConfig> {
  const context = learner.getContextObject(lesson.context);
  if (!context) throw new KubeconfigProblem(`the kubeconfig has no context named ${lesson.context}`);
  const cluster = learner.getCluster(context.cluster);
  if (!cluster)
    throw new KubeconfigProblem(
      `context ${lesson.context} names cluster "${context.cluster}", which the kubeconfig does not define`,
    );
  const user = context.user ? learner.getUser(context.user) : null;
  if (context.user && !user)
    throw new KubeconfigProblem(`context ${lesson.context} names user "${context.user}", which the kubeconfig does not define`);
  const { KubeConfig } = await loadClientNode();
  const config = new KubeConfig();
  config.addCluster(await inlineCluster(cluster));
  const userName = user?.name ?? `${lesson.context}-anonymous`;
  config.addUser(user ? await inlineUser(user) : { name: userName });
  config.addContext({ name: lesson.context, cluster: cluster.name, user: userName, namespace: lesson.namespace });
  config.setCurrentContext(lesson.context);
  return config;
}

export async function writeLessonKubeconfig(learner: KubeConfig, lesson: LessonContext, path: string): Promise<KubeConfig> {
  const config = await lessonKubeconfig(learner, lesson);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, config.exportConfig(), { mode: 0o600 });
  await chmod(temporary, 0o600); // the mode of writeFile is masked by the umask
  await rename(temporary, path);
  return config;
}

async function inlineCluster(cluster: Cluster): Promise<Cluster> {
  if (!cluster.caFile || cluster.caData) return cluster;
  const { caFile, ...rest } = cluster;
  return { ...rest, caData: await base64Of(caFile, `the certificate authority of cluster ${cluster.name}`) };
}

async function inlineUser(user: User): Promise<User> {
  const { certFile, keyFile, ...rest } = user;
  return {
    ...rest,
    ...(certFile && !user.certData ? { certData: await base64Of(certFile, `the client certificate of user ${user.name}`) } : {}),
    ...(keyFile && !user.keyData ? { keyData: await base64Of(keyFile, `the client key of user ${user.name}`) } : {}),
  };
}

async function base64Of(file: string, what: string): Promise<string> {
  try {
    return (await readFile(file)).toString('base64');
  } catch (error) {
    throw new KubeconfigProblem(`${what} cannot be read from ${file} (${messageOf(error)})`);
  }
}
