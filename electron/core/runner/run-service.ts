/**
 * The one active lesson run, and everything around it: starting or resuming an attempt (its
 * record lives in progress, so reset still works after a restart), the workspace, resets,
 * preflight, hints, the live-objects panel, and the events that tell clients about all of it.
 */
import { randomUUID } from 'node:crypto';
import type {
  KubeLiveState,
  LiveObjects,
  ObjectRef,
  Preflight,
  RemoveConflictsResult,
  ResetResult,
  RunState,
  StepState,
} from '../contract';
import type { CoreContext } from '../context';
import { EngineReader } from '../checks/engine-reader';
import { CoreError, messageOf } from '../errors';
import type { LessonLibrary } from '../lessons/lesson-library';
import type { LoadedLesson } from '../lessons/types';
import type { ProgressStore, StoredAttempt } from '../progress/progress-store';
import { workspaceDir } from '../workspace';
import type { CreatedObject, IgnorePredicate } from './attribution';
import { LessonRun } from './lesson-run';
import type { RunTiming } from './lesson-run-options';
import { readLiveObjects } from './live-objects';
import { removeConflicts, runPreflight, type PreflightInput } from './preflight';
import { removeCreated, type RemovalOutcome } from './reset';
import { needsCluster, openRunCluster, resetRunCluster } from './run-cluster';
import type { RunClusterSource } from './cluster-feed';
import { machineProbes, type RequirementProbes } from './requirements';
import { prepareWorkspace } from './workspace-files';
import { KubeLiveFeed } from './kube-live-feed';

export interface RunServiceOptions {
  timing?: Partial<RunTiming>;
  ignore?: IgnorePredicate;
  /** Quiet time before the live-objects panel is re-read after a change. */
  objectsDebounceMs?: number;
  /** How `requires:` is checked (tests pass their own; default: this machine). */
  probes?: RequirementProbes;
}

/**
 * Test harnesses share one engine with other suites. With DOCKSIDE_TEST_AREA set, only objects
 * labelled `dockside.test=<that area>` are attributed to the learner, so a reset in one suite
 * can never remove what another suite (or anyone else) created meanwhile.
 */
export function onlyTestArea(env: Record<string, string | undefined>): IgnorePredicate | undefined {
  const area = env.DOCKSIDE_TEST_AREA;
  if (!area) return undefined;
  return (candidate) => candidate.labels['dockside.test'] !== area;
}

/**
 * What a reset removes: everything made in Dockside's terminal, and of what other clients made
 * during the run only what the learner ticked (by id). The rest is left, and said so.
 */
export function chooseRemovals(
  objects: readonly CreatedObject[],
  alsoRemove: readonly string[],
): { remove: CreatedObject[]; leftOutside: ObjectRef[] } {
  const ticked = new Set(alsoRemove);
  const remove = objects.filter((o) => o.viaTerminal === true || ticked.has(o.id));
  const leftOutside = objects.filter((o) => !remove.includes(o)).map((o) => ({ type: o.type, id: o.id, name: o.name }));
  return { remove, leftOutside };
}

export class RunService {
  private run: LessonRun | null = null;
  /** The active run's cluster, for a Kubernetes lesson (its namespace is what a reset deletes). */
  private cluster: RunClusterSource | null = null;
  /** The live panel's tree of the run's namespace (a Kubernetes lesson only). */
  private kubeLive: KubeLiveFeed | null = null;
  private objectsTimer: NodeJS.Timeout | null = null;
  private starting: Promise<RunState> | null = null;
  private readonly probes: RequirementProbes;

  constructor(
    private readonly context: CoreContext,
    private readonly library: LessonLibrary,
    private readonly progress: ProgressStore,
    private readonly options: RunServiceOptions = {},
  ) {
    this.probes = options.probes ?? machineProbes(context.env);
  }

  get active(): LessonRun | null {
    return this.run;
  }
  /** The active run's cluster (a Kubernetes lesson's namespace and watches), or null. */
  get activeCluster(): RunClusterSource | null {
    return this.cluster;
  }

  async start(lessonId: string, restart: boolean): Promise<RunState> {
    // Two clicks in two windows must not start two runs.
    while (this.starting) await this.starting.catch(() => undefined);
    this.starting = this.startNow(lessonId, restart);
    try {
      return await this.starting;
    } finally {
      this.starting = null;
    }
  }

  private async startNow(lessonId: string, restart: boolean): Promise<RunState> {
    const lesson = this.library.require(lessonId);
    if (this.run && this.run.lesson.summary.id === lessonId && !restart && !this.run.isStopped) return this.run.state();
    this.stop();
    const stored = this.progress.lesson(lessonId);
    const resume = !restart && stored.attempt !== null;
    const attempt: StoredAttempt = resume ? stored.attempt! : { runId: randomUUID(), startedAt: Date.now(), created: [] };
    const dir = workspaceDir(this.context.paths, lessonId);
    await prepareWorkspace(lesson, dir, false);
    await this.progress.update(lessonId, (record) => {
      record.attempt = attempt;
      if (!resume) record.passed = {};
    });
    return this.launch(lesson, dir, attempt, resume ? stored.passed : {}, stored.hintsRevealed);
  }

  private async launch(
    lesson: LoadedLesson,
    dir: string,
    attempt: StoredAttempt,
    passed: Record<string, number>,
    hintsRevealed: Record<string, number>,
  ): Promise<RunState> {
    const lessonId = lesson.summary.id;
    const cluster = needsCluster(lesson)
      ? await openRunCluster({
          env: this.context.env,
          homeDir: this.context.paths.homeDir,
          platform: this.context.platform,
          lessonId,
          runId: attempt.runId,
          startedAt: attempt.startedAt,
          workspaceDir: dir,
          choices: this.context.settings.get().kubeContextChoices,
        })
      : null;
    const run: LessonRun = new LessonRun({
      ...(cluster ? { cluster: cluster.ok ? cluster.source : { error: cluster.error } } : {}),
      lesson,
      context: this.context,
      workspaceDir: dir,
      runId: attempt.runId,
      startedAt: attempt.startedAt,
      created: attempt.created,
      passed,
      hintsRevealed,
      timing: this.options.timing,
      ignore: this.options.ignore ?? onlyTestArea(this.context.env),
      listener: {
        step: (step) => {
          if (this.run === run) this.context.hub.broadcast('run.step', { runId: run.runId, lessonId, step });
        },
        changed: (state) => {
          if (this.run === run) this.context.hub.broadcast('run.changed', state);
        },
        persist: () => void this.persist(run),
        objects: () => this.scheduleObjects(run),
      },
    });
    this.run = run;
    this.cluster = cluster?.ok ? cluster.source : null;
    if (cluster?.ok) {
      const feed = new KubeLiveFeed(cluster.source, { runId: run.runId, lessonId }, (tree) => {
        if (this.run === run) this.context.hub.broadcast('run.kube', tree);
      });
      this.kubeLive = feed;
      void feed.start();
    }
    await run.start();
    const state = run.state();
    this.context.hub.broadcast('run.changed', state);
    this.scheduleObjects(run);
    return state;
  }

  /** Stop evaluating; the attempt stays in progress. */
  stop(): void {
    const run = this.run;
    if (!run) return;
    run.stop();
    this.run = null;
    this.cluster = null;
    this.kubeLive?.stop();
    this.kubeLive = null;
    if (this.objectsTimer) clearTimeout(this.objectsTimer);
    this.objectsTimer = null;
    this.context.hub.broadcast('run.changed', null);
  }

  state(): RunState | null {
    return this.run?.state() ?? null;
  }

  /** The Kubernetes run's namespace as a tree, for the live panel; null for a Docker lesson. */
  kube(): KubeLiveState | null {
    return this.kubeLive?.state() ?? null;
  }

  private requireRun(): LessonRun {
    if (!this.run) throw new CoreError('NO_RUN', 'No lesson is running: start one first.');
    return this.run;
  }

  private requireStep(run: LessonRun, step: number): void {
    if (!Number.isInteger(step) || step < 0 || step >= run.lesson.steps.length) {
      throw new CoreError('BAD_REQUEST', `This lesson has steps 0 to ${run.lesson.steps.length - 1}; there is no step ${step}.`);
    }
  }

  private docker() {
    return this.context.engine.requireDocker();
  }

  /** Removes engine objects; a Kubernetes run with none to remove needs no engine connected. */
  private removeFromEngine(remove: readonly CreatedObject[]): Promise<RemovalOutcome> {
    if (remove.length === 0) return Promise.resolve({ removed: [], kept: [], settled: [] });
    return removeCreated(this.docker(), remove);
  }

  revealHint(step: number): StepState {
    const run = this.requireRun();
    this.requireStep(run, step);
    return run.revealHint(step);
  }

  async resetStep(step: number, alsoRemove: readonly string[] = []): Promise<ResetResult> {
    const run = this.requireRun();
    this.requireStep(run, step);
    await run.reconcile();
    const { remove, leftOutside } = chooseRemovals(run.attribution.fromStep(step), alsoRemove);
    const outcome = await this.removeFromEngine(remove);
    run.forget(outcome.settled);
    run.rewind(step);
    await run.flushNow();
    return { removed: outcome.removed, kept: outcome.kept, leftOutside, state: run.state() };
  }

  async resetLesson(alsoRemove: readonly string[] = []): Promise<ResetResult> {
    const run = this.requireRun();
    if (!this.cluster) this.docker(); // a Docker lesson's reset needs the engine before anything is touched
    await run.reconcile();
    const { remove, leftOutside } = chooseRemovals(run.attribution.all, alsoRemove);
    const outcome = await this.removeFromEngine(remove);
    const cluster = this.cluster ? await resetRunCluster(this.cluster, run.runId) : null;
    const lesson = run.lesson;
    this.stop();
    const attempt: StoredAttempt = { runId: randomUUID(), startedAt: Date.now(), created: [] };
    const dir = workspaceDir(this.context.paths, lesson.summary.id);
    await prepareWorkspace(lesson, dir, true);
    await this.progress.update(lesson.summary.id, (record) => {
      record.attempt = attempt;
      record.passed = {};
    });
    const state = await this.launch(lesson, dir, attempt, {}, this.progress.lesson(lesson.summary.id).hintsRevealed);
    return { removed: outcome.removed, kept: outcome.kept, leftOutside, state, ...(cluster ? { cluster } : {}) };
  }

  private preflightInput(lessonId: string): PreflightInput {
    const lesson = this.library.require(lessonId);
    const run = this.run && this.run.lesson.summary.id === lessonId ? this.run : null;
    const stored = this.progress.lesson(lessonId).attempt;
    const ours = (type: string, id: string) =>
      run ? run.attribution.has(type as 'container', id) : (stored?.created ?? []).some((o) => o.type === type && o.id === id);
    const status = this.context.engine.status;
    return {
      lesson,
      docker: this.context.engine.connected?.docker ?? null,
      engineError: status.state === 'unreachable' ? status.error : null,
      ours,
      probes: this.probes,
    };
  }

  preflight(lessonId: string): Promise<Preflight> {
    return runPreflight(this.preflightInput(lessonId));
  }

  removeConflicts(lessonId: string, keys: string[]): Promise<RemoveConflictsResult> {
    return removeConflicts(this.preflightInput(lessonId), keys);
  }

  async objects(): Promise<LiveObjects | null> {
    const run = this.run;
    if (!run) return null;
    const ids = { runId: run.runId, lessonId: run.lesson.summary.id };
    // A Kubernetes lesson without an engine made nothing on one.
    if (this.cluster && !this.context.engine.connected)
      return { ...ids, containers: [], images: [], volumes: [], networks: [], at: Date.now() };
    return readLiveObjects(new EngineReader(this.docker()), run.attribution.all, ids);
  }

  private scheduleObjects(run: LessonRun): void {
    if (this.run !== run || this.objectsTimer) return;
    this.objectsTimer = setTimeout(() => {
      this.objectsTimer = null;
      const docker = this.context.engine.connected?.docker;
      if (!docker || this.run !== run) return;
      readLiveObjects(new EngineReader(docker), run.attribution.all, { runId: run.runId, lessonId: run.lesson.summary.id })
        .then((objects) => {
          if (this.run === run) this.context.hub.broadcast('run.objects', objects);
        })
        .catch((error: unknown) => console.error('dockside: reading the live objects failed:', messageOf(error)));
    }, this.options.objectsDebounceMs ?? 200);
    this.objectsTimer.unref?.();
  }

  private persist(run: LessonRun): Promise<void> {
    // A run replaced by a reset must not write its old attempt over the new one.
    if (run.isStopped) return Promise.resolve();
    const lessonId = run.lesson.summary.id;
    return this.progress.update(lessonId, (record) => {
      record.passed = run.progress.passedByStepId();
      record.hintsRevealed = run.progress.hintsByStepId();
      record.attempt = { runId: run.runId, startedAt: run.startedAt, created: [...run.attribution.all] };
      if (run.currentStep === null && record.completedAt === null) record.completedAt = Date.now();
    });
  }

  async dispose(): Promise<void> {
    this.stop();
    await this.progress.flush();
  }
}
