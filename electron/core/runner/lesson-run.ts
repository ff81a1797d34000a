/**
 * A lesson run: evaluates the steps live from the engine's events and a Kubernetes lesson's
 * cluster watches. A change marks dirty only the checks it touches, of the watched steps (the
 * current one, and passed steps with a `live` check); dirty checks are evaluated together after a
 * short debounce. Checks nothing announces are polled while their step is current; after a gap in
 * a stream everything watched is evaluated again, so no completion is lost. A source that cannot
 * be read is an error state: nothing fails because the engine or the cluster could not be read.
 */
import type { RunState, StepState } from '../contract';
import { CallCounter, type Died } from '../checks/engine-reader';
import type { CheckTriggers, RunFacts } from '../checks/kind';
import { checkKind } from '../checks/registry';
import type { EngineEvent } from '../engine/events';
import type { LoadedLesson } from '../lessons/types';
import { ClusterFeed } from './cluster-feed';
import { evaluateChecks, noteLifecycle, type Unavailable } from './evaluate-checks';
import { Attribution, type CreatedObject } from './attribution';
import { defaultTiming, type LessonRunOptions, type RunTiming } from './lesson-run-options';
import { runFacts } from './run-facts';
import { polledChecks, StepPoller } from './step-poller';
import { StepProgress } from './step-progress';
import { StepSender } from './step-sender';
import { RunObjects } from './run-objects';
import { RunEngine } from './run-engine';

type Key = `${number}:${number}`;
const key = (step: number, check: number): Key => `${step}:${check}`;

export class LessonRun {
  readonly lesson: LoadedLesson;
  readonly runId: string;
  readonly startedAt: number;
  readonly workspaceDir: string;
  readonly attribution: Attribution;
  readonly counter: CallCounter;
  /** Where the learner stands, step by step (the pure model; this class schedules and reads). */
  readonly progress: StepProgress;

  private readonly timing: RunTiming;
  private readonly triggers: CheckTriggers[][];
  private readonly sender: StepSender;
  private settleTimer: NodeJS.Timeout | null = null;
  private readonly dirty = new Set<Key>();
  /** Containers killed or dead with no `start` since: an inspect of them may wait, their list entry lags. */
  private readonly died = new Map<string, Died>();
  private readonly unsubscribes: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly poller: StepPoller;
  private running: Promise<void> | null = null;
  /** What this run created, kept from the events stream (attribution.ts). */
  private readonly objects: RunObjects;
  /** A Kubernetes lesson's cluster watches: the second source of state, handled as engine events are. */
  private readonly cluster: ClusterFeed;
  private stopped = false;
  /** The engine's reads; a Kubernetes lesson runs without an engine (only its Docker checks say it is away). */
  private readonly engine: RunEngine;

  constructor(private readonly options: LessonRunOptions) {
    this.lesson = options.lesson;
    this.runId = options.runId;
    this.startedAt = options.startedAt;
    this.workspaceDir = options.workspaceDir;
    this.timing = { ...defaultTiming, ...options.timing };
    this.counter = options.counter ?? new CallCounter();
    this.engine = new RunEngine(options.context, this.counter, this.died, options.cluster !== undefined);
    this.attribution = new Attribution(options.created, options.ignore, options.context.ledger);
    this.sender = new StepSender(options.listener);
    this.objects = new RunObjects(this.attribution, options.listener, {
      startedAt: this.startedAt,
      reader: () => this.engine.reader(),
      // Clients list what was created (and by whom) in Reset's dialog.
      attributed: () => this.emitChanged(),
      engineAway: (message) => {
        if (!this.engine.optional) this.setEngineError(message ?? this.engine.awayMessage('not connected yet'));
      },
    });
    const steps = this.lesson.steps;
    this.progress = new StepProgress(steps, { passed: options.passed, hintsRevealed: options.hintsRevealed });
    this.triggers = steps.map((step) => step.checks.map((check) => checkKind(check.kind).triggers(check.spec)));
    this.poller = new StepPoller(this.timing.pollMs, (step, checks) => {
      if (!this.stopped && this.currentStep === step) this.markDirty(step, checks);
    });
    this.cluster = new ClusterFeed(options.cluster, options.context.commands, {
      change: (t) => (this.cluster.isAttempt(this.progress.stepStartedAt) ? this.touched(t) : this.markWatched(t)),
      gap: () => this.markWatched((t) => t.watch !== undefined),
      trouble: (message) => message !== null && this.setEngineError(message, 'cluster'),
    });
  }

  /** Begin watching; resolves once the current step has been evaluated (or the engine is known to be away). */
  async start(): Promise<void> {
    const { events, engine, commands } = this.options.context;
    this.unsubscribes.push(
      events.subscribe((event) => this.onEvent(event)),
      events.onResync(() => this.onGap()),
      // The proxy's record may come after the engine's event: then it settles who made the object.
      this.options.context.ledger.subscribe((record) => {
        if (this.stopped || !this.attribution.confirm(record)) return;
        this.options.listener.persist();
        this.emitChanged();
      }),
      engine.onConnected(() => this.onGap()),
      engine.onChange((status) => {
        if (status.state === 'unreachable' && !this.engine.optional) this.setEngineError(status.error);
      }),
      commands.subscribe(() => {
        this.touched((t) => t.commands === true);
        // A command just finished: an attempt that waited for it can be judged after a quiet spell.
        if (this.progress.commandFinished()) this.armSettle();
      }),
    );
    await Promise.all([this.objects.snapshot(), this.cluster.start(this.triggers.flat())]);
    this.markWatched(() => true);
    this.updatePolling();
    await this.flushNow();
  }

  stop(): void {
    this.stopped = true;
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.cluster.stop();
    if (this.timer) clearTimeout(this.timer);
    this.poller.stop();
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.timer = this.settleTimer = null;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** The first step not passed in this attempt; null when the lesson is complete. */
  get currentStep(): number | null {
    return this.progress.currentStep;
  }

  stepState(index: number): StepState {
    return this.progress.stepState(index);
  }

  state(): RunState {
    const current = this.currentStep;
    return {
      runId: this.runId,
      lessonId: this.lesson.summary.id,
      startedAt: this.startedAt,
      status: current === null ? 'complete' : 'active',
      currentStep: current,
      steps: this.lesson.steps.map((_, index) => this.stepState(index)),
      engineError: this.progress.engineError,
      workspaceDir: this.workspaceDir,
      created: this.attribution.refs(),
    };
  }

  revealHint(index: number): StepState {
    if (this.progress.revealHint(index)) this.options.listener.persist();
    return this.emitStep(index, true);
  }

  /** Make `from` the current step again: it and every later step are no longer passed. */
  rewind(from: number): void {
    this.progress.rewind(from);
    this.options.listener.persist();
    this.markWatched(() => true);
    this.updatePolling();
    this.emitChanged();
  }

  /** Adopt what appeared without events (BuildKit images, a gap in the stream) before a reset. */
  async reconcile(): Promise<void> {
    await this.settled();
    await this.objects.reconcile(this.attributionStep);
  }

  /** Forget objects that reset removed (or found gone). */
  forget(objects: readonly CreatedObject[]): void {
    this.attribution.forget(objects);
    this.options.listener.persist();
    this.options.listener.objects();
  }

  /** Resolves when no evaluation is pending or running (pending attributions included). */
  async settled(): Promise<void> {
    for (;;) {
      await this.objects.pending;
      if (this.stopped) return;
      if (this.running) await this.running;
      else if (this.timer || (this.dirty.size > 0 && this.progress.engineError === null)) {
        this.schedule();
        await new Promise((resolve) => setTimeout(resolve, this.timing.debounceMs));
      } else return;
    }
  }

  /** Evaluate now, without waiting for the debounce (and wait for it). */
  async flushNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
    await this.settled();
  }

  /** What checks of this step may know about the run (also for tools that evaluate checks themselves). */
  factsFor(stepIndex: number): RunFacts {
    return runFacts(
      {
        startedAt: this.startedAt,
        stepStartedAt: stepIndex === this.currentStep ? this.progress.stepStartedAt : this.startedAt,
        workspaceDir: this.workspaceDir,
        adoptAtStep: () => this.currentStep ?? stepIndex,
        attribution: this.attribution,
        commands: this.options.context.commands,
        cluster: this.cluster.facts,
      },
      () => {
        this.options.listener.persist();
        this.options.listener.objects();
        this.emitChanged();
      },
    );
  }

  private markDirty(step: number, checks = this.triggers[step]!.map((_, check) => check)): void {
    for (const check of checks) this.dirty.add(key(step, check));
    this.schedule();
  }

  private markWatched(select: (triggers: CheckTriggers) => boolean): void {
    let marked = false;
    for (const step of this.progress.watchedSteps()) {
      this.triggers[step]!.forEach((triggers, check) => {
        if (!select(triggers)) return;
        this.dirty.add(key(step, check));
        marked = true;
      });
    }
    if (marked) this.schedule();
  }

  private onEvent(event: EngineEvent): void {
    if (this.stopped) return;
    if (event.type === 'container') noteLifecycle(this.died, event);
    this.objects.observe(event, this.attributionStep);
    this.touched(
      (triggers) => triggers.events !== undefined && triggers.events.types.includes(event.type) && triggers.events.touches(event),
    );
  }

  /** Something changed that these checks follow: an attempt at the current step, and a re-evaluation. */
  private touched(select: (triggers: CheckTriggers) => boolean): void {
    if (this.stopped) return;
    this.noteAttempt(select);
    this.markWatched(select);
  }

  /** The learner did something the current step's checks care about: once it settles, a miss shows as failed. */
  private noteAttempt(select: (triggers: CheckTriggers) => boolean): void {
    const current = this.currentStep;
    if (current === null || !this.triggers[current]!.some(select)) return;
    if (this.progress.attemptNow()) this.armSettle();
  }

  /** Each action restarts the wait: the attempt is judged once the learner's commands are quiet. */
  private armSettle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => void this.settleAttempt(), this.progress.settleDelay());
    this.settleTimer.unref?.();
  }

  private async settleAttempt(): Promise<void> {
    this.settleTimer = null;
    if (this.stopped) return;
    // Still running what they typed for this step: its finish re-arms the wait (see start()).
    const index = this.progress.takeAttempt(this.options.context.commands.runningSince(this.progress.stepStartedAt));
    if (index === null) return;
    // Judged by the state after it, read afresh: a polled check's last answer may be from during it.
    this.markDirty(index, polledChecks(this.triggers[index]!));
    await this.settled();
    if (!this.stopped && this.progress.judge(index)) this.emitStep(index);
  }

  /** The stream reconnected, or the engine came back: what happened meanwhile is unknown. */
  private onGap(): void {
    if (this.stopped) return;
    this.objects.gap(() => this.attributionStep);
    this.died.clear(); // the events that kept it are not to be trusted across a gap
    this.markWatched(() => true);
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.timing.debounceMs);
  }

  private flush(): Promise<void> {
    if (this.running) return this.running; // the running loop picks up what is dirty now
    this.running = this.evaluateLoop().finally(() => {
      this.running = null;
      if (this.dirty.size > 0 && !this.stopped && this.progress.engineError === null) this.schedule();
    });
    return this.running;
  }

  private async evaluateLoop(): Promise<void> {
    while (this.dirty.size > 0 && !this.stopped) {
      await this.objects.pending;
      const keys = [...this.dirty];
      this.dirty.clear();
      const ok = await this.evaluate(keys);
      if (!ok) return;
    }
  }

  /** Evaluate these checks with one shared reader; false when the engine could not be read. */
  private async evaluate(keys: Key[]): Promise<boolean> {
    const watched = new Set(this.progress.watchedSteps());
    const targets = keys.map((k) => k.split(':').map(Number) as [number, number]).filter(([step]) => watched.has(step));
    if (targets.length === 0) return true;
    const reader = this.engine.readerForPass();
    if (!reader) {
      for (const [step, check] of targets) this.dirty.add(key(step, check));
      this.setEngineError(this.engine.awayMessage('not connected'));
      return false;
    }
    const { results, unavailable } = await evaluateChecks(
      targets.map(([step, check]) => ({ check: this.lesson.steps[step]!.checks[check]!, run: this.factsFor(step) })),
      reader,
      this.options.context.engine.status,
      this.cluster.reader(),
      this.engine.optional,
    );
    if (unavailable !== null) {
      for (const [step, check] of targets) this.dirty.add(key(step, check));
      this.setEngineError(unavailable.message, unavailable.from);
      return false;
    }
    this.setEngineError(null);
    const touched = new Set<number>();
    targets.forEach(([step, check], i) => {
      // A polled answer that changed (a file appeared, a page now answers) is an attempt too.
      const mayAttempt = this.cluster.isAttempt(this.progress.stepStartedAt, this.lesson.steps[step]!.checks[check]);
      if (this.progress.record(step, check, results[i]!, mayAttempt)) this.armSettle();
      touched.add(step);
    });
    for (const step of [...touched].sort((a, b) => a - b)) this.settleStep(step);
    return true;
  }

  /** Apply a step's check results: pass it, let a live one fail, and move on to the next step. */
  private settleStep(index: number): void {
    const settled = this.progress.settle(index);
    if (settled.kind === 'updated') {
      if (settled.persist) this.options.listener.persist();
      this.emitStep(index);
      return;
    }
    this.options.listener.persist();
    this.emitStep(index);
    const next = settled.next;
    if (next !== null) {
      this.markDirty(next);
      this.emitStep(next);
    }
    this.updatePolling();
    this.emitChanged();
  }

  private emitChanged(): void {
    this.sender.changed(this.state());
  }

  private emitStep(index: number, force = false): StepState {
    return this.sender.step(this.stepState(index), force);
  }

  private updatePolling(): void {
    const current = this.currentStep;
    this.poller.follow(current, current === null ? [] : this.triggers[current]!);
  }

  /** Objects appearing now are attributed to the current step (the last one once complete). */
  private get attributionStep(): number {
    return this.currentStep ?? this.lesson.steps.length - 1;
  }

  /** Checks are on hold while a source of state (the engine, or the cluster) cannot be read; null resumes them. */
  private setEngineError(message: string | null, from: Unavailable['from'] = 'engine'): void {
    if (this.progress.engineError === message && (message === null || this.progress.errorFrom === from)) return;
    this.progress.engineError = message;
    this.progress.errorFrom = from;
    this.emitChanged();
  }
}
