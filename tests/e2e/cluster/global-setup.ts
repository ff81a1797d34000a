/**
 * Starts the Kubernetes e2e tests' own test cluster (control plane + kwok, tests/kube) once, on
 * ports and a state directory apart from `npm run test:cluster`'s, and stops it after. The specs
 * read where it is from the environment; where it cannot run here (not root, binaries that cannot
 * be built) they are skipped with the reason.
 */
import { startTestCluster, stopTestCluster } from '../../cluster/helpers/test-cluster';
import { E2E_CLUSTER_ENV } from './kube-e2e-env';

/** CI provisions root and the binaries: there a cluster that cannot run is a failure, never a skip. */
function skipHere(reason: string): undefined {
  if (process.env.CI === 'true') throw new Error(`the Kubernetes e2e cluster cannot run: ${reason}`);
  process.env.DOCKSIDE_E2E_KUBE_SKIP = reason;
  return undefined;
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.getuid?.() !== 0) {
    return skipHere('the test cluster needs root (its control plane, certificates and kwok run as root)');
  }
  let cluster;
  try {
    cluster = await startTestCluster(E2E_CLUSTER_ENV);
  } catch (error) {
    // build.sh failing means the binaries cannot be had here (no Go, no module proxy): say so.
    const message = error instanceof Error ? error.message : String(error);
    if (!message.startsWith('build.sh failed')) throw error;
    return skipHere(`the kube binaries cannot be built here: ${message.slice(0, 400)}`);
  }
  process.env.DOCKSIDE_E2E_KUBECONFIG = cluster.kubeconfig;
  process.env.DOCKSIDE_E2E_KUBE_BIN = cluster.binDir;
  return () => stopTestCluster(cluster);
}
