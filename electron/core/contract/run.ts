/**
 * The contract's run domain: a lesson run, its steps, what it created, and progress.
 *
 * Part of THE contract (see index.ts): shared with the renderer, so free of Node and electron.
 */

import { z } from 'zod';
import type { KindImages } from './cluster';
import type { CheckSummary, LessonRequirement } from './lessons';
import { lessonIdParam, noParams, stepParam } from './params';

/** Why `run.removeConflicts` refuses without `confirmed: true`. */
export const REMOVAL_NEEDS_CONFIRMATION =
  'removing anything the lesson did not create needs the learner to confirm it (confirmed: true)';

/**
 * pending: not reached yet · current: the step to do now, not attempted yet (its checks say
 * what is missing) · passed: done · failed: the step to do now after the learner acted on it
 * and it still does not hold (its checks name the nearest miss), or a `live` step that had
 * passed and no longer holds. `RunState.currentStep` tells the two kinds of failed apart.
 */
export type StepStatus = 'pending' | 'current' | 'passed' | 'failed';

/** One check's latest outcome. `pass` is null while not evaluated or while the engine is unreachable. */
export interface CheckState extends CheckSummary {
  pass: boolean | null;
  /** One sentence naming expected and actual: "container web is running but publishes 80/tcp on 8080, not 1111". */
  explanation: string;
}

export interface StepState {
  index: number;
  id: string;
  status: StepStatus;
  checks: CheckState[];
  /** Unix ms of the (latest) pass, null when not passed. */
  passedAt: number | null;
  /** The hints revealed so far, in order. */
  hints: string[];
  hintCount: number;
  /** Set when the step could not be evaluated (engine unreachable): an error, never a failed step. */
  error: string | null;
}

/** An engine object, named for the learner. */
export interface ObjectRef {
  type: 'container' | 'image' | 'volume' | 'network';
  id: string;
  /** Container/volume/network name, or an image's tag. */
  name: string;
}

/** An object created during a run, and who made it. */
export interface CreatedRef extends ObjectRef {
  /**
   * terminal: made in Dockside's terminal (its engine proxy saw the creating call): Reset removes it.
   * outside: made by another client on the same engine during the run (an IDE, a script, another
   * terminal): it counts for checks, but Reset removes it only when the learner ticks it.
   */
  origin: 'terminal' | 'outside';
  /** The step that was current when it appeared. */
  step: number;
}

export interface RunState {
  runId: string;
  lessonId: string;
  /** Unix ms the attempt began (kept across app restarts: progress stores the attempt). */
  startedAt: number;
  /** `complete` once every step passed. */
  status: 'active' | 'complete';
  /** Index of the current step, null when complete. */
  currentStep: number | null;
  steps: StepState[];
  /** Set while the engine cannot be read: evaluation is on hold, nothing counts as failed. */
  engineError: string | null;
  /** The lesson's workspace: the terminal starts there; `file` checks look there. */
  workspaceDir: string;
  /** What was created during this run so far (reset removes only these, and only while still the same object). */
  created: CreatedRef[];
}

/** Something on the learner's engine or machine that stands in the lesson's way. */
export interface PreflightConflict {
  /** The key to confirm removal with: the object's id, or "port:1111" for a port. */
  key: string;
  kind: 'container-name' | 'port' | 'volume-name' | 'network-name' | 'compose-project';
  /** The object in the way; null when a program outside Docker holds a port. */
  object: ObjectRef | null;
  /** One sentence: what is in the way, e.g. "you already have a container named web (exited)". */
  problem: string;
  /** What to do about it, e.g. "rename it with `docker rename web web-old`, or let Dockside remove it". */
  fix: string;
  /** Dockside can remove it, on the learner's explicit confirmation only. */
  removable: boolean;
}

export interface Preflight {
  lessonId: string;
  /** True when nothing stands in the way and the engine is reachable. */
  ok: boolean;
  conflicts: PreflightConflict[];
  /** The lesson's images and whether the engine has them. */
  images: { name: string; present: boolean }[];
  /** met: null when Dockside cannot tell here (the environment doctor can). */
  requirements: { name: LessonRequirement; met: boolean | null; detail: string }[];
  engineError: string | null;
  /** A Kubernetes lesson on a kind cluster: whether its nodes have the lesson's images. */
  kindImages?: KindImages;
}

export interface ResetResult {
  removed: ObjectRef[];
  /** What was left alone and why ("it is no longer the container this lesson created"). */
  kept: { object: ObjectRef; reason: string }[];
  /** Objects made outside Dockside's terminal that the learner did not tick: left as they are. */
  leftOutside: ObjectRef[];
  state: RunState;
  /**
   * A Kubernetes lesson's reset: the run's namespace and the cluster-scoped objects created
   * during the run ("namespace dockside-…", "ClusterRole pod-reader"), and what was left and why.
   */
  cluster?: { removed: string[]; kept: string[] };
}

export interface RemoveConflictsResult {
  removed: ObjectRef[];
  /** Keys that were not removed, with the reason (no longer a conflict, not removable, engine error). */
  skipped: { key: string; reason: string }[];
}

/** For the "live state" panel: the objects this run created, as they are now. */
export interface LiveContainer {
  id: string;
  name: string;
  image: string;
  /** created, running, paused, restarting, exited, dead */
  state: string;
  /** The engine's human status, e.g. "Up 3 seconds", "Exited (0) 2 seconds ago". */
  status: string;
  ports: { containerPort: string; hostIp: string; hostPort: number }[];
  /** The step that was current when it was created. */
  step: number;
}

export interface LiveImage {
  id: string;
  tags: string[];
  size: number;
  /** Newest first, as `docker history` shows them. */
  layers: { createdBy: string; size: number; comment: string }[];
  step: number;
}

export interface LiveVolume {
  name: string;
  driver: string;
  /** Names of the containers that mount it. */
  mountedBy: string[];
  step: number;
}

export interface LiveNetwork {
  id: string;
  name: string;
  driver: string;
  /** Names of the attached containers. */
  containers: string[];
  step: number;
}

export interface LiveObjects {
  runId: string;
  lessonId: string;
  containers: LiveContainer[];
  images: LiveImage[];
  volumes: LiveVolume[];
  networks: LiveNetwork[];
  /** Unix ms of this reading. */
  at: number;
}

export interface LessonProgress {
  lessonId: string;
  /** Step id -> unix ms it passed. */
  passed: Record<string, number>;
  /** Step id -> how many hints were revealed. */
  hintsRevealed: Record<string, number>;
  /** Unix ms the lesson was first completed, null until then. */
  completedAt: number | null;
  /** True while an attempt is under way (started and not complete or reset). */
  inProgress: boolean;
}

export interface ProgressSummary {
  lessons: LessonProgress[];
}

export interface RunRequests {
  /** What stands in the way before starting: same-named objects, taken ports, missing images. */
  'run.preflight': { params: { lessonId: string }; result: Preflight };
  /** Start (or resume) the lesson's run; it becomes the one active run. `restart` begins a new attempt. */
  'run.start': { params: { lessonId: string; restart?: boolean }; result: RunState };
  /** The active run, or null. */
  'run.state': { params: void; result: RunState | null };
  /** Stop evaluating (the learner left the lesson); the attempt stays in progress for later. */
  'run.stop': { params: void; result: void };
  /**
   * Remove what the learner made in Dockside's terminal while this step or a later one was
   * current, plus the objects made outside it whose ids are in `alsoRemove` (ticked by the
   * learner); make the step current again.
   */
  'run.resetStep': { params: { step: number; alsoRemove?: string[] }; result: ResetResult };
  /** Remove what the learner made in Dockside's terminal (and `alsoRemove`) and begin a new attempt. */
  'run.resetLesson': { params: { alsoRemove?: string[] } | void; result: ResetResult };
  /** Remove preflight conflicts; only with `confirmed: true`, sent after the learner said yes. */
  'run.removeConflicts': { params: { lessonId: string; keys: string[]; confirmed: true }; result: RemoveConflictsResult };
  /** Reveal the step's next hint; returns the step with its hints so far. */
  'run.revealHint': { params: { step: number }; result: StepState };
  'run.objects': { params: void; result: LiveObjects | null };
  'progress.get': { params: void; result: ProgressSummary };
}

export interface RunEvents {
  /** One step's state changed (status, a check's explanation, a hint revealed). */
  'run.step': { runId: string; lessonId: string; step: StepState };
  /** The whole run changed: started, reset, completed, engine lost or back, stopped (null). */
  'run.changed': RunState | null;
  /** The objects this run created changed. */
  'run.objects': LiveObjects;
  'progress.changed': ProgressSummary;
}

/** Ids of objects made outside Dockside's terminal that the learner ticked for removal. */
const alsoRemoveParam = z.array(z.string().min(1).max(200)).max(500);

/** Each request's params, validated in core before its handler runs. */
export const runParams = {
  'run.preflight': z.object({ lessonId: lessonIdParam }).strict(),
  'run.start': z.object({ lessonId: lessonIdParam, restart: z.boolean().optional() }).strict(),
  'run.state': noParams,
  'run.stop': noParams,
  'run.resetStep': z.object({ step: stepParam, alsoRemove: alsoRemoveParam.optional() }).strict(),
  'run.resetLesson': z.object({ alsoRemove: alsoRemoveParam.optional() }).strict().optional(),
  'run.removeConflicts': z
    .object({
      lessonId: lessonIdParam,
      keys: z.array(z.string().min(1).max(200)).max(100),
      confirmed: z.literal(true, { error: REMOVAL_NEEDS_CONFIRMATION }),
    })
    .strict(),
  'run.revealHint': z.object({ step: stepParam }).strict(),
  'run.objects': noParams,
  'progress.get': noParams,
} satisfies { [N in keyof RunRequests]: z.ZodType };
