/**
 * The contract's cluster domain: which local Kubernetes cluster the lessons use, the context
 * guard's question when the learner's current context is not on this machine, how to get a
 * cluster, and the practice cluster (`kind create cluster --name dockside`) with its progress.
 *
 * Part of THE contract (see index.ts): shared with the renderer, so free of Node and electron.
 */
import { z } from 'zod';
import { imageReference } from './images';
import { noParams } from './params';

/** A kubeconfig context as the UI names it. */
export interface ClusterContextInfo {
  name: string;
  /** The tool that runs it: "kind", "Colima (k3s)", "Docker Desktop", ...; "a local cluster" or "a remote cluster" when unknown. */
  tool: string;
  server: string;
  local: boolean;
  /** Why it is judged local or remote, in a clause ("its server 10.0.0.5 is another machine"). */
  reason: string;
}

/** Asked before a Kubernetes lesson starts when the current context is not on this machine. */
export interface ClusterGuardQuestion {
  /** The learner's current context: remote, so never contacted unless picked by typing its name. */
  current: ClusterContextInfo;
  /** The local contexts of the same kubeconfig, offered instead (the first is the suggestion). */
  localContexts: ClusterContextInfo[];
  /** Exactly what a lesson creates and deletes in the cluster it uses, one sentence each. */
  effects: string[];
}

/** One way to get a local cluster, for this OS and engine. */
export interface ClusterSetupHint {
  tool: string;
  /** What to do, in a sentence. */
  text: string;
  /** The command, when it is one (shown with a copy button). */
  command?: string;
}

export interface PracticeJob {
  action: 'create' | 'delete';
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** kind's output so far (the last lines), as it printed them. */
  lines: string[];
  /** The stage kind is in ("Ensuring node image"), and how far along the stages it is (0 to 1). */
  stage: string | null;
  progress: number;
  /** One sentence when it failed: what went wrong and what to do. */
  error: string | null;
}

/** A lesson image and a kind cluster: kind copies images from the Docker engine into its nodes' containerd. */
export interface KindImageState {
  /** As the lesson names it ("busybox:musl"). */
  name: string;
  /** The Docker engine has it, so kind can copy it. */
  inEngine: boolean;
  /** Every node of the cluster has it; null when the nodes could not be read. */
  inCluster: boolean | null;
}

/** Preflight's answer for a lesson whose cluster is a kind one (context kind-<cluster>). */
export interface KindImages {
  cluster: string;
  /** The node containers that were read ("dockside-control-plane"). */
  nodes: string[];
  images: KindImageState[];
  /** One sentence when the nodes could not be read (no node container, a node stopped). */
  problem: string | null;
}

/** `kind load docker-image`, one image after another, with its output and progress. */
export interface KindLoadJob {
  cluster: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  images: { name: string; state: 'waiting' | 'loading' | 'loaded' | 'failed' }[];
  /** 0 to 1 over the images (the one being copied counts half). */
  progress: number;
  /** kind's output so far (the last lines). */
  lines: string[];
  /** One sentence when it failed: what went wrong and what to do. */
  error: string | null;
}

export interface ClusterStatus {
  /** The context Kubernetes lessons use; null: no local cluster (and no remote one picked). */
  lessonContext: ClusterContextInfo | null;
  /** current: the current context is local · chosen: picked in the guard dialog · offered: the first local context. */
  source: 'current' | 'chosen' | 'offered' | null;
  /** Set while the current context is remote and the learner has not chosen: the dialog asks. */
  guard: ClusterGuardQuestion | null;
  /** The kubeconfig could not be read (one sentence), when so. */
  kubeconfigError: string | null;
  /** How to get a local cluster here (shown when there is none). */
  setup: ClusterSetupHint[];
  practice: {
    /** The kind CLI Dockside would run; null when it is not on PATH. */
    kindPath: string | null;
    /** How to install kind on this OS, in a sentence. */
    installHint: string;
    /** The practice cluster is in the kubeconfig (context kind-dockside). */
    exists: boolean;
    /**
     * Why "Delete practice cluster" is not offered, when the kind cluster dockside is not the one
     * Dockside created (or the engine cannot say); null when Dockside may delete it.
     */
    deleteRefusal: string | null;
    job: PracticeJob | null;
  };
}

export interface ClusterRequests {
  'cluster.status': { params: void; result: ClusterStatus };
  /**
   * Use this context for Kubernetes lessons while the current context is the one it is now;
   * remembered in settings. A remote context needs `typedName` equal to its name (the learner
   * typed it after reading what a lesson does there).
   */
  'cluster.choose': { params: { context: string; typedName?: string }; result: ClusterStatus };
  /** Start `kind create|delete cluster --name dockside`; progress arrives as `cluster.practice`. */
  'cluster.practice': { params: { action: 'create' | 'delete' }; result: PracticeJob };
  /** Stop the running practice job (its whole process group). */
  'cluster.cancelPractice': { params: void; result: void };
  /**
   * Copy these images from the Docker engine into kind cluster `cluster` (`kind load
   * docker-image`), one after another; only for a local context kind-<cluster>. Progress arrives
   * as `cluster.imageLoad`.
   */
  'cluster.loadImages': { params: { cluster: string; images: string[] }; result: KindLoadJob };
  /** Stop the running image load (kind's whole process group). */
  'cluster.cancelImageLoad': { params: void; result: void };
}

export interface ClusterEvents {
  'cluster.changed': ClusterStatus;
  'cluster.practice': PracticeJob;
  'cluster.imageLoad': KindLoadJob;
}

/** A kubeconfig context name as kubectl accepts it. */
const contextName = z.string().trim().min(1).max(253);

export const clusterParams = {
  'cluster.status': noParams,
  'cluster.choose': z.object({ context: contextName, typedName: z.string().max(253).optional() }).strict(),
  'cluster.practice': z.object({ action: z.enum(['create', 'delete']) }).strict(),
  'cluster.cancelPractice': noParams,
  'cluster.loadImages': z
    .object({
      // kind's cluster names: what `kind create cluster --name` accepts.
      cluster: z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]*$/, 'is not a kind cluster name')
        .max(50),
      images: z.array(imageReference).min(1).max(20),
    })
    .strict(),
  'cluster.cancelImageLoad': noParams,
} satisfies { [N in keyof ClusterRequests]: z.ZodType };
