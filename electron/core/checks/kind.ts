/**
 * What a check kind is: a schema for what lesson authors write, an evaluation against the
 * engine (or workspace, or terminal), an explanation of the nearest miss, and a declaration of
 * what can change its outcome — so the runner re-evaluates it only when that happens.
 *
 * To add a kind: write `electron/core/checks/<kind>.ts` exporting a `CheckKind`, and add it to the
 * list in `registry.ts`. The loader, the runner, preflight and `lessons:check` pick it up from there.
 */
import type { z } from 'zod';
import type { WatchChange } from '../cluster/resource-watch';
import type { ResourceName } from '../cluster/resources';
import type { EngineEvent } from '../engine/events';
import type { FinishedCommand } from '../terminal/command-feed';
import type { ClusterReader } from './cluster-reader';
import type { EngineReader } from './engine-reader';

export type EngineObjectType = 'container' | 'image' | 'volume' | 'network';

/** What makes a check worth evaluating again. A kind may declare several. */
export interface CheckTriggers {
  /** Engine events: of these types, narrowed by `touches` to the events about this check's objects. */
  events?: { types: readonly string[]; touches: (event: EngineEvent) => boolean };
  /**
   * Cluster watches: these resources are watched (in `namespace`, else the run's namespace) while
   * the check is, and a change re-evaluates it when `touches` says it is about this check's objects.
   */
  watch?: { resources: readonly ResourceName[]; namespace?: string; touches: (change: WatchChange) => boolean };
  /** State no event announces (a URL, a file, a command's output): polled while the step is current. */
  poll?: boolean;
  /** A command finished in a terminal (the `context.commands` feed). */
  commands?: boolean;
}

/** Names and ports a check will want for itself: preflight reports the ones already taken. */
export type Claim =
  | { kind: 'container-name'; name: string }
  | { kind: 'port'; port: number }
  | { kind: 'volume-name'; name: string }
  | { kind: 'network-name'; name: string }
  | { kind: 'compose-project'; name: string };

/** What the run knows that the engine does not: when it began and what the learner created since. */
export interface RunFacts {
  /** Unix ms the attempt began. */
  startedAt: number;
  /** Unix ms the step being evaluated became current. */
  stepStartedAt: number;
  workspaceDir: string;
  /**
   * True when this object (by id; a volume by name) was created during this run. `seen` passes
   * what the check read about it: an image no event announced (a BuildKit build) is judged by it.
   */
  createdDuringRun(type: EngineObjectType, id: string, seen?: { names: string[]; labels: Record<string, string> }): boolean;
  /** Names of the objects of a type created during this run, for "you created X instead". */
  createdNames(type: EngineObjectType): string[];
  /** Ids of the objects of a type created during this run (candidates a check can inspect directly). */
  createdIds?(type: EngineObjectType): string[];
  /** Commands the learner finished in a terminal since a time (oldest first). */
  commandsSince(sinceMs: number): FinishedCommand[];
  /** A Kubernetes lesson's cluster: its context, the run's namespace, the lesson kubeconfig. */
  cluster?: RunCluster;
}

export interface RunCluster {
  context: string;
  /** The run's namespace: the default of every Kubernetes check. */
  namespace: string;
  /** The lesson kubeconfig the terminal's KUBECONFIG points at. */
  kubeconfigPath: string;
}

/** Where a kind reads state: the Docker engine (events) or the Kubernetes cluster (watches). */
export type StateSource = 'engine' | 'cluster';

export interface CheckContext {
  engine: EngineReader;
  /** Given by the runner when a lesson's kinds read the cluster (absent: reads fail as "no cluster"). */
  cluster?: ClusterReader;
  run: RunFacts;
}

export interface CheckResult {
  pass: boolean;
  /** One sentence naming expected and actual, for a pass as for a miss. */
  explanation: string;
}

export interface CheckKind<Spec> {
  /** The key lesson authors write in a `check` block. */
  readonly name: string;
  readonly schema: z.ZodType<Spec>;
  /** Which reader it needs (default: the engine). The runner connects only what the lesson's kinds need. */
  readonly source?: StateSource;
  /** What must hold, in one sentence, before anything is evaluated. */
  wants(spec: Spec): string;
  triggers(spec: Spec): CheckTriggers;
  /** Throws `EngineUnavailable` / `ClusterUnavailable` when state cannot be read: an error, never a fail. */
  evaluate(spec: Spec, context: CheckContext): Promise<CheckResult>;
  claims?(spec: Spec): Claim[];
}

/** Kinds as the registry holds them: each spec reaching a kind was produced by its own schema. */
export type AnyCheckKind = CheckKind<unknown>;

export function defineCheckKind<Spec>(kind: CheckKind<Spec>): AnyCheckKind {
  return kind;
}
