/**
 * Every check kind Dockside knows. A new kind is one file beside this one exporting a
 * `CheckKind` (see kind.ts) and one line in this list; the loader's schema, the runner's
 * triggers and preflight's claims all come from here.
 */
import { commandCheck } from './command';
import { composeCheck } from './compose';
import { containerCheck } from './container';
import { execCheck } from './exec';
import { fileCheck } from './file';
import { httpCheck } from './http';
import { imageCheck } from './image';
import { k9sStateCheck } from './k9s-state';
import type { AnyCheckKind } from './kind';
import { kubeContextCheck } from './kube-context';
import { configMapCheck } from './kube-config-map';
import { daemonSetCheck } from './kube-daemon-set';
import { deploymentCheck } from './kube-deployment';
import { eventCheck } from './kube-event';
import { helmReleaseCheck } from './kube-helm-release';
import { hpaCheck } from './kube-hpa';
import { ingressCheck } from './kube-ingress';
import { jobCheck } from './kube-job';
import { namespaceCheck } from './kube-namespace';
import { podCheck } from './kube-pod';
import { pvcCheck } from './kube-pvc';
import { replicaSetCheck } from './kube-replica-set';
import { secretCheck } from './kube-secret';
import { serviceCheck } from './kube-service';
import { statefulSetCheck } from './kube-stateful-set';
import { networkCheck } from './network';
import { volumeCheck } from './volume';

export const checkKinds: readonly AnyCheckKind[] = [
  containerCheck,
  imageCheck,
  volumeCheck,
  networkCheck,
  composeCheck,
  execCheck,
  fileCheck,
  httpCheck,
  commandCheck,
  // Kubernetes: read from the cluster (source 'cluster'), re-evaluated from its watches.
  kubeContextCheck,
  namespaceCheck,
  podCheck,
  deploymentCheck,
  replicaSetCheck,
  statefulSetCheck,
  daemonSetCheck,
  jobCheck,
  serviceCheck,
  configMapCheck,
  secretCheck,
  pvcCheck,
  hpaCheck,
  ingressCheck,
  eventCheck,
  helmReleaseCheck,
  // k9s's own saved state and screen dumps, in the lesson's K9S_CONFIG_DIR.
  k9sStateCheck,
];

const byName = new Map(checkKinds.map((kind) => [kind.name, kind]));

export function checkKind(name: string): AnyCheckKind {
  const kind = byName.get(name);
  if (!kind) throw new Error(`unknown check kind ${name}`);
  return kind;
}
