/**
 * A lesson run: evaluates the steps live from the one engine events stream.
 *
 * An event marks dirty only the checks it touches (each kind says which events do), of the steps
 * that are watched: the current one, and passed steps with a `live` check. Dirty checks are
 * evaluated together after a short debounce, sharing one set of engine reads. When the current
 * step passes, the next becomes current and is evaluated at once. Checks no event announces
 * (http, file, exec) are polled while their step is current; checks that follow the terminal
 * are re-evaluated when a command finishes. After any gap in the stream (the engine restarted,
 * the socket went away) everything watched is evaluated again, so no completion is lost.
 *
 * Engine trouble is an error state: nothing fails because the engine could not be read.
 */
import type { CheckState, RunState, StepState } from '../contract';
import type { CoreContext } from '../context';
import { notApplicable } from '../checks/applies-when';
import { CallCounter, EngineReader, EngineUnavailable, type Died } from '../checks/engine-reader';
import type { CheckTriggers, RunFacts } from '../checks/kind';
import { checkKind } from '../checks/registry';
import type { EngineEvent } from '../engine/events';
import { messageOf } from '../errors';
import type { LoadedLesson } from '../lessons/types';
import { Attribution, snapshotBeforeRun, type CreatedObject, type IgnorePredicate } from './attribution';

export interface RunTiming {
  /** Quiet time after an event before evaluating (a `docker run` sends several events at once). */
  debounceMs: number;
  /** Interval for checks no event announces, while their step is current. */
  pollMs: number;
}

export const defaultTiming: RunTiming = { debounceMs: 15, pollMs: 1000 };

/**
 * Events that arrive this soon after a step became current still belong to the command that
 * finished the step before it (a `docker run` sends its events over ~100 ms): they are not the
 * learner's attempt at the new step.
 */
const ATTEMPT_GRACE_MS = 500;

/**
 * A command's events arrive over a few hundred milliseconds, and the state in between (created,
 * not yet started) is no miss. The current step shows failed only once the learner's attempt has
 * been quiet this long — and no command they started during the step is still running (a
 * `docker stop` waits out its grace period) — and still misses; then it stays failed until it passes.
 */
const ATTEMPT_SETTLE_MS = 600;

export interface RunListener {
  step(state: StepState): void;
  changed(state: RunState): void;
  /** The attempt changed (a step passed, a hint, created objects): save it. */
  persist(): void;
  /** Objects this run created may look different now. */
  objects(): void;
}

export interface LessonRunOptions {
  lesson: LoadedLesson;
  context: Pick<CoreContext, 'engine' | 'events' | 'commands' | 'containers' | 'ledger'>;
  workspaceDir: string;
  runId: string;
  startedAt: number;
  created: CreatedObject[];
  /** Step id -> unix ms, from progress. */
  passed: Record<string, number>;
  hintsRevealed: Record<string, number>;
  listener: RunListener;
  timing?: Partial<RunTiming>;
  /** Objects never to attribute to the learner (test harnesses exclude other tools' objects). */
  ignore?: IgnorePredicate;
  counter?: CallCounter;
}

type Key = `${number}:${number}`;

const key = (step: number, check: number): Key => `${step}:${check}`;

export class LessonRun {
  readonly lesson: LoadedLesson;
  readonly runId: string;
  readonly startedAt: number;
  readonly workspaceDir: string;
  readonly attribution: Attribution;
  readonly counter: CallCounter;
  readonly passedAt: (number | null)[];
  readonly hintsRevealed: number[];

  private readonly timing: RunTiming;
  private readonly triggers: CheckTriggers[][];
  private readonly checkStates: CheckState[][];
  private readonly regressed: boolean[];
  /** The step showed failed after an attempt: it stays so until it passes (no flicker back to current). */
  private readonly missed: boolean[];
  private settleTimer: NodeJS.Timeout | null = null;
  /** The step whose attempt waits to be judged. */
  private attemptPending: number | null = null;
  private readonly lastSent = new Map<number, string>();
  private readonly dirty = new Set<Key>();
  /** Containers killed or dead with no `start` since: an inspect of them may wait, their list entry lags. */
  private readonly died = new Map<string, Died>();
  private readonly unsubscribes: Array<() => void> = [];
  private engineError: string | null = null;
  private stepStartedAt = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private attributionChain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: LessonRunOptions) {
    this.lesson = options.lesson;
    this.runId = options.runId;
    this.startedAt = options.startedAt;
    this.workspaceDir = options.workspaceDir;
    this.timing = { ...defaultTiming, ...options.timing };
    this.counter = options.counter ?? new CallCounter();
    this.attribution = new Attribution(options.created, options.ignore, options.context.ledger);
    const steps = this.lesson.steps;
    this.passedAt = steps.map((step) => options.passed[step.id] ?? null);
    this.hintsRevealed = steps.map((step) => Math.min(options.hintsRevealed[step.id] ?? 0, step.hints.length));
    this.regressed = steps.map(() => false);
    this.missed = steps.map(() => false);
    this.triggers = steps.map((step) => step.checks.map((check) => checkKind(check.kind).triggers(check.spec)));
    this.checkStates = steps.map((step) =>
      step.checks.map((check) => ({
        id: check.id,
        kind: check.kind,
        wants: check.wants,
        live: check.live,
        pass: null,
        explanation: 'not checked yet',
      })),
    );
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
        if (status.state === 'unreachable') this.setEngineError(status.error);
      }),
      commands.subscribe(() => {
        this.noteAttempt((triggers) => triggers.commands === true);
        this.markWatched((t) => t.commands === true);
        // A command just finished: an attempt that waited for it can be judged after a quiet spell.
        if (this.attemptPending !== null) this.armSettle();
      }),
    );
    await this.takeSnapshot();
    this.markWatched(() => true);
    this.updatePolling();
    await this.flushNow();
  }

  stop(): void {
    this.stopped = true;
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.timer = null;
    this.pollTimer = null;
    this.settleTimer = null;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** The first step not passed in this attempt; null when the lesson is complete. */
  get currentStep(): number | null {
    const index = this.passedAt.findIndex((at) => at === null);
    return index < 0 ? null : index;
  }

  stepState(index: number): StepState {
    const step = this.lesson.steps[index]!;
    const current = this.currentStep;
    const status = this.regressed[index]
      ? 'failed'
      : this.passedAt[index] !== null
        ? 'passed'
        : index === current
          ? this.missed[index] && this.checkStates[index]!.some((c) => c.pass === false)
            ? 'failed'
            : 'current'
          : 'pending';
    const watched = index === current || (this.passedAt[index] !== null && step.checks.some((c) => c.live));
    return {
      index,
      id: step.id,
      status,
      checks: this.checkStates[index]!.map((c) => ({ ...c })),
      passedAt: this.regressed[index] ? null : this.passedAt[index]!,
      hints: step.hints.slice(0, this.hintsRevealed[index]),
      hintCount: step.hints.length,
      error: watched && this.engineError ? `The Docker engine cannot be read: ${this.engineError}` : null,
    };
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
      engineError: this.engineError,
      workspaceDir: this.workspaceDir,
      created: this.attribution.refs(),
    };
  }

  revealHint(index: number): StepState {
    const step = this.lesson.steps[index]!;
    if (this.hintsRevealed[index]! < step.hints.length) {
      this.hintsRevealed[index] = this.hintsRevealed[index]! + 1;
      this.options.listener.persist();
    }
    return this.emitStep(index, true);
  }

  /** Make `from` the current step again: it and every later step are no longer passed. */
  rewind(from: number): void {
    for (let i = from; i < this.passedAt.length; i += 1) {
      this.passedAt[i] = null;
      this.regressed[i] = false;
      this.missed[i] = false;
      if (this.attemptPending === i) this.attemptPending = null;
      this.checkStates[i] = this.checkStates[i]!.map((c) => ({ ...c, pass: null, explanation: 'not checked yet' }));
    }
    this.stepStartedAt = Date.now();
    this.options.listener.persist();
    this.markWatched(() => true);
    this.updatePolling();
    this.emitChanged();
  }

  /** Adopt what appeared without events (BuildKit images, a gap in the stream) before a reset. */
  async reconcile(): Promise<void> {
    await this.settled();
    const reader = this.reader();
    if (!reader) return;
    if (await this.attribution.reconcile(reader, this.startedAt, this.currentStep ?? this.lesson.steps.length - 1))
      this.options.listener.persist();
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
      await this.attributionChain;
      if (this.stopped) return;
      if (this.running) await this.running;
      else if (this.timer || (this.dirty.size > 0 && this.engineError === null)) {
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

  // ------------------------------------------------------------------------------------------

  /** What checks of this step may know about the run (also for tools that evaluate checks themselves). */
  factsFor(stepIndex: number): RunFacts {
    return {
      startedAt: this.startedAt,
      stepStartedAt: stepIndex === this.currentStep ? this.stepStartedAt : this.startedAt,
      workspaceDir: this.workspaceDir,
      createdDuringRun: (type, id, seen) => {
        if (this.attribution.has(type, id)) return true;
        if (type !== 'image' || !seen) return false;
        const adopted = this.attribution.adoptImage(id, seen.names, seen.labels, this.currentStep ?? stepIndex);
        if (adopted) {
          this.options.listener.persist();
          this.options.listener.objects();
          this.emitChanged();
        }
        return adopted;
      },
      createdNames: (type) => this.attribution.names(type),
      createdIds: (type) => this.attribution.all.filter((o) => o.type === type).map((o) => o.id),
      commandsSince: (since) => this.options.context.commands.since(since),
    };
  }

  /** Steps whose checks are evaluated now: the current one, and passed steps with a live check. */
  private watchedSteps(): number[] {
    const current = this.currentStep;
    return this.lesson.steps
      .map((step, index) => ({ step, index }))
      .filter(({ step, index }) => index === current || (this.passedAt[index] !== null && step.checks.some((c) => c.live)))
      .map(({ index }) => index);
  }

  private markWatched(select: (triggers: CheckTriggers) => boolean): void {
    let marked = false;
    for (const step of this.watchedSteps()) {
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
    if (event.type === 'container') this.noteLifecycle(event);
    if (event.type === 'container' || event.type === 'image' || event.type === 'volume' || event.type === 'network') {
      const step = this.currentStep ?? this.lesson.steps.length - 1;
      this.attributionChain = this.attributionChain
        .then(async () => {
          const changed = await this.attribution.observe(event, step, this.reader());
          const concernsOurs =
            changed || this.attribution.all.some((o) => o.id === event.id || o.id === event.attributes.container);
          if (changed) {
            this.options.listener.persist();
            // Clients list what was created (and by whom) in Reset's dialog.
            this.emitChanged();
          }
          if (concernsOurs) this.options.listener.objects();
        })
        .catch(() => undefined);
    }
    const touchedBy = (triggers: CheckTriggers) =>
      triggers.events !== undefined && triggers.events.types.includes(event.type) && triggers.events.touches(event);
    this.noteAttempt(touchedBy);
    this.markWatched(touchedBy);
  }

  /** The learner did something the current step's checks care about: once it settles, a miss shows as failed. */
  private noteAttempt(select: (triggers: CheckTriggers) => boolean): void {
    const current = this.currentStep;
    if (current === null || Date.now() - this.stepStartedAt < ATTEMPT_GRACE_MS) return;
    if (!this.triggers[current]!.some(select)) return;
    this.attemptPending = current;
    this.armSettle();
  }

  /** Each action restarts the wait: the attempt is judged once the learner's commands are quiet. */
  private armSettle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => void this.settleAttempt(), ATTEMPT_SETTLE_MS);
    this.settleTimer.unref?.();
  }

  private async settleAttempt(): Promise<void> {
    this.settleTimer = null;
    const index = this.attemptPending;
    if (this.stopped || index === null || index !== this.currentStep) return;
    // Still running what they typed for this step: its finish re-arms the wait (see start()).
    if (this.options.context.commands.runningSince(this.stepStartedAt)) return;
    this.attemptPending = null;
    await this.settled(); // judge the attempt by the state after it, not during it
    if (this.stopped || index !== this.currentStep || this.missed[index]) return;
    if (!this.checkStates[index]!.some((c) => c.pass === false)) return;
    this.missed[index] = true;
    this.emitStep(index);
  }

  private noteLifecycle(event: EngineEvent): void {
    const name = event.attributes.name ?? '';
    if (event.action === 'die')
      this.died.set(event.id, { exitCode: Number(event.attributes.exitCode ?? 0), name, at: Date.now() });
    // A kill is usually followed by a death within a millisecond or two.
    else if (event.action === 'kill' && !this.died.has(event.id))
      this.died.set(event.id, { exitCode: null, name, at: Date.now() });
    else if (event.action === 'start' || event.action === 'restart' || event.action === 'destroy') this.died.delete(event.id);
  }

  /** The stream reconnected, or the engine came back: what happened meanwhile is unknown. */
  private onGap(): void {
    if (this.stopped) return;
    this.attributionChain = this.attributionChain
      .then(async () => {
        const reader = this.reader();
        if (!reader) return;
        if (!this.attribution.hasSnapshot) await this.takeSnapshot();
        else if (await this.attribution.reconcile(reader, this.startedAt, this.currentStep ?? this.lesson.steps.length - 1)) {
          this.options.listener.persist();
          this.options.listener.objects();
        }
      })
      .catch(() => undefined);
    this.died.clear(); // the events that kept it are not to be trusted across a gap
    this.markWatched(() => true);
  }

  private async takeSnapshot(): Promise<void> {
    const reader = this.reader();
    if (!reader) {
      const status = this.options.context.engine.status;
      this.setEngineError(status.state === 'unreachable' ? status.error : 'not connected yet');
      return;
    }
    try {
      this.attribution.before = await snapshotBeforeRun(reader);
    } catch (error) {
      this.setEngineError(messageOf(error));
    }
  }

  private reader(): EngineReader | null {
    const docker = this.options.context.engine.connected?.docker;
    return docker ? new EngineReader(docker, this.counter, 5000, this.died, this.options.context.containers) : null;
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
      if (this.dirty.size > 0 && !this.stopped && this.engineError === null) this.schedule();
    });
    return this.running;
  }

  private async evaluateLoop(): Promise<void> {
    while (this.dirty.size > 0 && !this.stopped) {
      await this.attributionChain;
      const keys = [...this.dirty];
      this.dirty.clear();
      const ok = await this.evaluate(keys);
      if (!ok) return;
    }
  }

  /** Evaluate these checks with one shared reader; false when the engine could not be read. */
  private async evaluate(keys: Key[]): Promise<boolean> {
    const watched = new Set(this.watchedSteps());
    const targets = keys.map((k) => k.split(':').map(Number) as [number, number]).filter(([step]) => watched.has(step));
    if (targets.length === 0) return true;
    const reader = this.reader();
    if (!reader) {
      for (const [step, check] of targets) this.dirty.add(key(step, check));
      const status = this.options.context.engine.status;
      this.setEngineError(status.state === 'unreachable' ? status.error : 'not connected');
      return false;
    }
    let unavailable: string | null = null;
    const results = await Promise.all(
      targets.map(async ([step, check]) => {
        const loaded = this.lesson.steps[step]!.checks[check]!;
        const status = this.options.context.engine.status;
        const skip = notApplicable(loaded.when, status.state === 'connected' ? status.info : null);
        if (skip) return { pass: true, explanation: skip };
        try {
          return await checkKind(loaded.kind).evaluate(loaded.spec, { engine: reader, run: this.factsFor(step) });
        } catch (error) {
          if (error instanceof EngineUnavailable) unavailable = error.message;
          return { pass: null, explanation: `could not be checked: ${messageOf(error)}` };
        }
      }),
    );
    if (unavailable !== null) {
      for (const [step, check] of targets) this.dirty.add(key(step, check));
      this.setEngineError(unavailable);
      return false;
    }
    this.clearEngineError();
    const touched = new Set<number>();
    targets.forEach(([step, check], i) => {
      const result = results[i]!;
      const before = this.checkStates[step]![check]!;
      // A polled answer that changed (a file appeared, a page now answers) is an attempt too.
      if (step === this.currentStep && before.pass !== null && before.explanation !== result.explanation)
        this.noteAttempt(() => true);
      this.checkStates[step]![check] = { ...before, pass: result.pass, explanation: result.explanation };
      touched.add(step);
    });
    for (const step of [...touched].sort((a, b) => a - b)) this.settleStep(step);
    return true;
  }

  /** Apply a step's check results: pass it, let a live one fail, and move on to the next step. */
  private settleStep(index: number): void {
    const all = this.checkStates[index]!.every((c) => c.pass === true);
    const wasCurrent = index === this.currentStep;
    if (wasCurrent && all) {
      this.passedAt[index] = Date.now();
      this.options.listener.persist();
      this.stepStartedAt = Date.now();
      this.emitStep(index);
      const next = this.currentStep;
      if (next !== null) {
        this.checkStates[next]!.forEach((_, check) => this.dirty.add(key(next, check)));
        this.emitStep(next);
      }
      this.updatePolling();
      this.emitChanged();
      return;
    }
    if (!wasCurrent && this.passedAt[index] !== null) {
      const was = this.regressed[index];
      this.regressed[index] = !all && this.checkStates[index]!.some((c) => c.pass === false);
      if (was !== this.regressed[index]) this.options.listener.persist();
    }
    this.emitStep(index);
  }

  /** The whole state goes out: every step's last-sent copy is what the clients now hold. */
  private emitChanged(): void {
    const state = this.state();
    for (const step of state.steps) this.lastSent.set(step.index, JSON.stringify(step));
    this.options.listener.changed(state);
  }

  private emitStep(index: number, force = false): StepState {
    const state = this.stepState(index);
    const text = JSON.stringify(state);
    if (force || this.lastSent.get(index) !== text) {
      this.lastSent.set(index, text);
      this.options.listener.step(state);
    }
    return state;
  }

  private updatePolling(): void {
    const current = this.currentStep;
    const polled = current === null ? [] : this.triggers[current]!.map((t, check) => (t.poll ? check : -1)).filter((c) => c >= 0);
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    if (polled.length === 0 || this.stopped) return;
    this.pollTimer = setInterval(() => {
      if (this.currentStep !== current) return;
      for (const check of polled) this.dirty.add(key(current!, check));
      this.schedule();
    }, this.timing.pollMs);
    this.pollTimer.unref?.();
  }

  private setEngineError(message: string): void {
    if (this.engineError === message) return;
    this.engineError = message;
    this.emitChanged();
  }

  private clearEngineError(): void {
    if (this.engineError === null) return;
    this.engineError = null;
    this.emitChanged();
  }
}
