/**
 * The contract's Kubernetes live state: a Kubernetes lesson run's namespace as a tree —
 * Deployments → ReplicaSets → Pods, Pods of no Deployment, Services with their ready endpoints
 * (from EndpointSlices) — kept live from the run's cluster watches.
 *
 * Part of THE contract (see index.ts): shared with the renderer, so free of Node and electron.
 */
import type { z } from 'zod';
import { noParams } from './params';

export interface KubePodNode {
  name: string;
  /** Pending, Running, Succeeded, Failed, Unknown; "Terminating" while it is being deleted. */
  phase: string;
  /** Containers ready, of `containers`. */
  ready: number;
  containers: number;
  /** Restarts of all its containers together. */
  restarts: number;
  node: string | null;
}

export interface KubeReplicaSetNode {
  name: string;
  /** The Deployment's revision this ReplicaSet holds (its `deployment.kubernetes.io/revision`). */
  revision: string | null;
  desired: number;
  ready: number;
  image: string;
  pods: KubePodNode[];
}

export interface KubeDeploymentNode {
  name: string;
  desired: number;
  ready: number;
  updated: number;
  available: number;
  image: string;
  /** Newest revision first. */
  replicaSets: KubeReplicaSetNode[];
}

export interface KubeEndpointNode {
  address: string;
  ready: boolean;
  /** The pod behind it, when the EndpointSlice names one. */
  pod: string | null;
}

export interface KubeServiceNode {
  name: string;
  type: string;
  /** "80→8080/TCP", with ":30080" for a node port. */
  ports: string[];
  endpoints: KubeEndpointNode[];
}

export interface KubeLiveState {
  runId: string;
  lessonId: string;
  context: string;
  namespace: string;
  deployments: KubeDeploymentNode[];
  /** Pods no Deployment of this namespace owns (a bare pod, a Job's, a StatefulSet's). */
  pods: KubePodNode[];
  services: KubeServiceNode[];
  /** Set while the cluster cannot be read (the tree shows what was last seen). */
  error: string | null;
  /** Unix ms of this reading. */
  at: number;
}

export interface KubeLiveRequests {
  /** The active Kubernetes run's namespace as a tree; null when no Kubernetes lesson is running. */
  'run.kube': { params: void; result: KubeLiveState | null };
}

export interface KubeLiveEvents {
  /** The run's namespace changed (a watch saw it), or the cluster went away or came back. */
  'run.kube': KubeLiveState;
}

export const kubeLiveParams = {
  'run.kube': noParams,
} satisfies { [N in keyof KubeLiveRequests]: z.ZodType };
