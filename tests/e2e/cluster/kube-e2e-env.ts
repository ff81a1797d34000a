/**
 * Where the Kubernetes e2e tests' cluster lives: ports and a state directory of its own, so it
 * never meets `npm run test:cluster`'s cluster (26443...) or a developer's (16443...).
 */
export const E2E_CLUSTER_ENV: Record<string, string> = {
  DOCKSIDE_KUBE_STATE: '/tmp/dockside-kube-e2e',
  DOCKSIDE_KUBE_APISERVER_PORT: '36443',
  DOCKSIDE_KUBE_ETCD_PORT: '32379',
  DOCKSIDE_KUBE_CONTROLLER_MANAGER_PORT: '30257',
  DOCKSIDE_KUBE_SCHEDULER_PORT: '30259',
  DOCKSIDE_KUBE_KWOK_PORT: '30247',
};

/** Set by the global setup: why the cluster could not run here, or where it is. */
export function e2eCluster(): { skip: string | null; kubeconfig: string; binDir: string } {
  return {
    skip: process.env.DOCKSIDE_E2E_KUBE_SKIP ?? null,
    kubeconfig: process.env.DOCKSIDE_E2E_KUBECONFIG ?? '',
    binDir: process.env.DOCKSIDE_E2E_KUBE_BIN ?? '',
  };
}
