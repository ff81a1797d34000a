/**
 * What stops a kubeconfig context from working, found from the kubeconfig and local files alone
 * (nothing contacted, no plugin run): the sentences preflight and the run use too.
 */
import { credentialProblem } from '../cluster/credential-problems';
import type { KubeContextEntry, Kubeconfig } from './kubeconfig';

export function kubeContextProblem(
  context: KubeContextEntry,
  kubeconfig: Kubeconfig,
  pathDirs: string[],
  now = Date.now(),
): string | null {
  const cluster = kubeconfig.clusters.get(context.cluster);
  if (!cluster) return `the context names cluster "${context.cluster}", which the kubeconfig does not define.`;
  const user = kubeconfig.users.get(context.user);
  if (context.user && !user) return `the context names user "${context.user}", which the kubeconfig does not define.`;
  const problem = credentialProblem(
    {
      user: context.user,
      cluster: context.cluster,
      ...(user?.cert ? { cert: user.cert } : {}),
      ...(user?.key ? { key: user.key } : {}),
      ...(cluster.ca ? { ca: cluster.ca } : {}),
      ...(user?.exec ? { execCommand: user.exec } : {}),
    },
    { path: pathDirs.join(':'), now },
  );
  return problem ? `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.` : null;
}
