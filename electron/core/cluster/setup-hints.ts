/**
 * How to get a local Kubernetes cluster, for this OS and the engine Dockside talks to: the
 * engine's own Kubernetes first (nothing more to install), then kind (the practice cluster
 * button), then the other local tools. Pure: the service passes what it knows.
 */
import type { ClusterSetupHint } from '../contract';
import { PRACTICE_CLUSTER_NAME } from './kind-output';

/** What the engine's product offers itself ("Docker Desktop", "Colima", ... as the engine status names it). */
function engineHint(product: string | null): ClusterSetupHint | null {
  switch (product) {
    case 'Docker Desktop':
      return {
        tool: 'Docker Desktop',
        text: 'Turn on Docker Desktop’s Kubernetes: Settings → Kubernetes → Enable Kubernetes → Apply & restart.',
      };
    case 'Colima':
      return {
        tool: 'Colima (k3s)',
        text: 'Restart Colima with Kubernetes (k3s) turned on.',
        command: 'colima start --kubernetes',
      };
    case 'OrbStack':
      return { tool: 'OrbStack', text: 'Start OrbStack’s Kubernetes.', command: 'orb start k8s' };
    case 'Rancher Desktop':
      return {
        tool: 'Rancher Desktop',
        text: 'Turn on Kubernetes in Rancher Desktop: Preferences → Kubernetes → Enable Kubernetes.',
      };
    default:
      return null;
  }
}

export function clusterSetupHints(platform: NodeJS.Platform, engineProduct: string | null): ClusterSetupHint[] {
  const hints: ClusterSetupHint[] = [];
  const fromEngine = engineHint(engineProduct);
  if (fromEngine) hints.push(fromEngine);
  hints.push({
    tool: 'kind',
    text: 'Run a cluster in a container of your engine with kind (“Create a practice cluster” does it for you).',
    command: `kind create cluster --name ${PRACTICE_CLUSTER_NAME}`,
  });
  if (platform === 'darwin' && engineProduct !== 'Colima')
    hints.push({ tool: 'Colima (k3s)', text: 'Or run Colima with Kubernetes.', command: 'colima start --kubernetes' });
  hints.push({ tool: 'k3d', text: 'Or k3s in your engine with k3d.', command: `k3d cluster create ${PRACTICE_CLUSTER_NAME}` });
  hints.push({ tool: 'minikube', text: 'Or minikube on your engine.', command: 'minikube start --driver=docker' });
  return hints;
}
