/**
 * The contract's doctor domain: every engine, cluster and tool the learner has, and how to fix problems.
 *
 * Part of THE contract (see index.ts): shared with the renderer, so free of Node and electron.
 */

import { z } from 'zod';
import type { Settings } from './app';
import type { EndpointSource, EngineStatus } from './engine';

/** How a probe of one Docker endpoint ended. */
export type DoctorEndpointState =
  | 'reachable'
  /** The socket file does not exist (or a symlink points nowhere). */
  | 'missing'
  /** The socket exists but nobody listens: a stopped engine left it behind. */
  | 'refused'
  /** The operating system refused us: permission denied. */
  | 'denied'
  | 'timeout'
  | 'failed';

export interface DoctorEngine {
  /** "Docker Engine", "Docker Desktop", "Colima", ... from the engine's info. */
  product: string;
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
  name: string;
  /** The engine's ID: two sockets that lead to one engine share it. */
  id: string;
}

export interface DoctorEndpoint {
  /** As the docker CLI writes it: unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host */
  host: string;
  /** What usually lives there, e.g. "Colima (profile default)", "Docker Desktop", "Docker Engine". */
  label: string;
  /** How it was found: "DOCKER_HOST", "docker context colima", "known socket", "chosen in Dockside". */
  foundBy: string[];
  /** The docker contexts whose endpoint is this host. */
  contexts: string[];
  state: DoctorEndpointState;
  /** One sentence, when not reachable. */
  error?: string;
  engine?: DoctorEngine;
  probeMs: number;
  /** The docker CLI in a fresh shell would talk to it (DOCKER_HOST, DOCKER_CONTEXT, current context). */
  cliDefault: boolean;
  /** The learner picked it in Dockside. */
  chosen: boolean;
  /** What Dockside (its checks and new terminals) uses: the choice, else the CLI's default. */
  inUse: boolean;
}

export interface DoctorKindNode {
  name: string;
  role: string;
  /** The container's state: running, exited, ... */
  state: string;
}

export interface DoctorKindCluster {
  name: string;
  /** The endpoints whose engine runs this cluster's node containers. */
  endpoints: string[];
  nodes: DoctorKindNode[];
  running: boolean;
  /** The kubeconfig context kind writes for it (kind-<name>), when present. */
  kubeContext: string | null;
}

export interface DoctorKubeContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  /** The API server address. */
  server: string;
  current: boolean;
  /** The API server runs on this machine (loopback, or a local tool's VM): see cluster/context-guard.ts. */
  local: boolean;
  /** Why it is judged local or remote, in a clause ("its server 10.0.0.5 is another machine"). */
  judgement: string;
  /** The doctor sent GET /version: only to local contexts, a remote one is listed from the kubeconfig alone. */
  probed: boolean;
  /** Something answered HTTP at the API server (even a 401/403 counts). */
  answers: boolean;
  /** The HTTP status of GET /version, when it answered. */
  status?: number;
  /** The server's gitVersion, when /version was readable. */
  version?: string;
  error?: string;
}

export type DoctorToolName = 'docker' | 'compose' | 'buildx' | 'colima' | 'kind' | 'kubectl' | 'helm' | 'k9s';

export interface DoctorTool {
  name: DoctorToolName;
  /** Where it was found; null when it is not installed. */
  path: string | null;
  version: string | null;
  /** Why no version could be read, when it was found but did not answer. */
  error?: string;
}

export type DoctorProblemCode =
  | 'no-engine'
  | 'engine-stopped'
  | 'socket-permission-denied'
  | 'colima-stopped'
  | 'desktop-stopped'
  | 'desktop-default-socket-disabled'
  | 'context-dead-socket'
  | 'context-missing'
  | 'docker-config-invalid'
  | 'docker-host-unreachable'
  | 'endpoint-unreachable'
  | 'engine-too-old'
  | 'docker-cli-missing'
  | 'compose-missing'
  | 'buildx-missing'
  | 'kubectl-missing'
  | 'kind-missing'
  | 'kind-no-cluster'
  | 'kind-cluster-stopped'
  | 'kind-kubeconfig-missing'
  | 'kube-context-unreachable'
  | 'kubeconfig-invalid';

export interface DoctorProblem {
  code: DoctorProblemCode;
  /** error: Dockside cannot work; warning: something the learner has is broken or missing; info: a tip. */
  severity: 'error' | 'warning' | 'info';
  /** What it is about: an endpoint host, a context, a tool, a cluster. */
  subject: string;
  /** One sentence: what is wrong. */
  summary: string;
  /** One specific fix, for the learner's operating system. */
  fix: string;
  /** The command that fixes it, when the fix is one (shown with a copy button). */
  command?: string;
}

export interface DoctorReport {
  platform: string;
  generatedAt: number;
  durationMs: number;
  /** Where the PATH used to find tools came from (on macOS, the login shell's). */
  pathFrom: 'environment' | 'login shell' | 'environment and the usual directories';
  /** What the docker CLI resolves to in a fresh shell, as it would (error when it cannot). */
  cli: { host: string | null; source: EndpointSource | null; context: string | null; error?: string };
  /** The endpoint Dockside uses. */
  inUse: { host: string | null; chosen: boolean };
  endpoints: DoctorEndpoint[];
  kindClusters: DoctorKindCluster[];
  kubeconfig: { files: string[]; currentContext: string | null; error?: string };
  kubeContexts: DoctorKubeContext[];
  tools: DoctorTool[];
  problems: DoctorProblem[];
}

export interface DoctorRequests {
  /** The last report, or a fresh one when `refresh` is set or the last is old. */
  'doctor.report': { params: { refresh?: boolean }; result: DoctorReport };
  /**
   * Pick the endpoint Dockside uses (null: resolve as the docker CLI does again). Persists, and
   * resolves once the engine connection has followed the choice.
   */
  'doctor.chooseEndpoint': {
    params: { endpoint: { host: string; context?: string } | null };
    result: { chosenEndpoint: Settings['chosenEndpoint']; engine: EngineStatus };
  };
}

export interface DoctorEvents {
  /** A fresh report, to every window. */
  'doctor.updated': DoctorReport;
}

/** Each request's params, validated in core before its handler runs. */
export const doctorParams = {
  'doctor.report': z.object({ refresh: z.boolean().optional() }).strict().optional(),
  'doctor.chooseEndpoint': z
    .object({
      endpoint: z
        .object({
          host: z.string().trim().min(1).max(2048),
          context: z.string().trim().min(1).max(256).optional(),
        })
        .strict()
        .nullable(),
    })
    .strict(),
} satisfies { [N in keyof DoctorRequests]: z.ZodType };
