/**
 * Where a learner stands in a lesson, step by step: the pure model behind a lesson run.
 *
 * One record per step (its checks' latest results, when it passed, whether a live step regressed,
 * whether the learner's attempt missed, how many hints are shown). It takes what happened (check
 * results, an attempt, a finished command, a hint, a rewind) and a clock, and answers with states.
 * It reads no engine and sets no timer: the run (lesson-run.ts) schedules and does the I/O.
 */
import type { CheckState, CheckSummary, StepState, StepStatus } from '../contract';

/**
 * Events that arrive this soon after a step became current still belong to the command that
 * finished the step before it (a `docker run` sends its events over ~100 ms): they are not the
 * learner's attempt at the new step.
 */
export const ATTEMPT_GRACE_MS = 500;

/**
 * A command's events arrive over a few hundred milliseconds, and the state in between (created,
 * not yet started) is no miss. The current step shows failed only once the learner's attempt has
 * been quiet this long — and no command they started during the step is still running (a
 * `docker stop` waits out its grace period) — and still misses; then it stays failed until it passes.
 */
export const ATTEMPT_SETTLE_MS = 600;

/** What the model needs to know of a lesson's step. */
export interface StepOutline {
  id: string;
  hints: readonly string[];
  checks: readonly CheckSummary[];
}

interface StepRecord {
  checks: CheckState[];
  /** Unix ms of the (latest) pass in this attempt; kept while a live step is regressed. */
  passedAt: number | null;
  /** A passed step with a live check that no longer holds. */
  regressed: boolean;
  /** The step showed failed after an attempt: it stays so until it passes (no flicker back to current). */
  missed: boolean;
  hints: number;
}

/** What applying a step's check results did. */
export type Settled =
  | { kind: 'passed'; next: number | null }
  | { kind: 'updated'; /** The saved attempt changed (a live step regressed or recovered). */ persist: boolean };

export interface CheckResult {
  pass: boolean | null;
  explanation: string;
}

const notChecked = (check: CheckSummary): CheckState => ({
  id: check.id,
  kind: check.kind,
  wants: check.wants,
  live: check.live,
  pass: null,
  explanation: 'not checked yet',
});

export class StepProgress {
  private readonly records: StepRecord[];
  /** The step whose attempt waits to be judged, and when the learner last acted on it. */
  private attempt: { step: number; at: number } | null = null;
  private currentSince: number;
  engineError: string | null = null;
  /** Which source `engineError` is about: the Docker engine, or a Kubernetes lesson's cluster. */
  errorFrom: 'engine' | 'cluster' = 'engine';

  constructor(
    private readonly steps: readonly StepOutline[],
    saved: { passed: Record<string, number>; hintsRevealed: Record<string, number> },
    private readonly clock: () => number = Date.now,
  ) {
    this.records = steps.map((step) => ({
      checks: step.checks.map(notChecked),
      passedAt: saved.passed[step.id] ?? null,
      regressed: false,
      missed: false,
      hints: Math.min(saved.hintsRevealed[step.id] ?? 0, step.hints.length),
    }));
    this.currentSince = clock();
  }

  /** The first step not passed in this attempt; null when the lesson is complete. */
  get currentStep(): number | null {
    const index = this.records.findIndex((record) => record.passedAt === null);
    return index < 0 ? null : index;
  }

  /** Unix ms the current step became current (checks judge "since the step began" from it). */
  get stepStartedAt(): number {
    return this.currentSince;
  }

  /** Whether a step's checks are evaluated now: the current one, and passed steps with a live check. */
  isWatched(index: number): boolean {
    const record = this.records[index]!;
    return index === this.currentStep || (record.passedAt !== null && record.checks.some((c) => c.live));
  }

  /** The steps whose checks are evaluated now, in order. */
  watchedSteps(): number[] {
    return this.records.map((_, index) => index).filter((index) => this.isWatched(index));
  }

  status(index: number): StepStatus {
    const record = this.records[index]!;
    if (record.regressed) return 'failed';
    if (record.passedAt !== null) return 'passed';
    if (index !== this.currentStep) return 'pending';
    return record.missed && record.checks.some((c) => c.pass === false) ? 'failed' : 'current';
  }

  stepState(index: number): StepState {
    const step = this.steps[index]!;
    const record = this.records[index]!;
    return {
      index,
      id: step.id,
      status: this.status(index),
      checks: record.checks.map((c) => ({ ...c })),
      passedAt: record.regressed ? null : record.passedAt,
      hints: step.hints.slice(0, record.hints),
      hintCount: step.hints.length,
      error:
        this.isWatched(index) && this.engineError
          ? `${this.errorFrom === 'cluster' ? 'The Kubernetes cluster' : 'The Docker engine'} cannot be read: ${this.engineError}`
          : null,
    };
  }

  /**
   * Record one check's result. True when it was an attempt at the current step (a polled answer
   * changed), unless `mayAttempt` says the learner has not acted.
   */
  record(step: number, check: number, result: CheckResult, mayAttempt = true): boolean {
    const before = this.records[step]!.checks[check]!;
    this.records[step]!.checks[check] = { ...before, pass: result.pass, explanation: result.explanation };
    const changedAnswer = step === this.currentStep && before.pass !== null && before.explanation !== result.explanation;
    return changedAnswer && mayAttempt && this.attemptNow();
  }

  /** Apply a step's recorded results: pass the current step, let a live one regress or recover. */
  settle(index: number): Settled {
    const record = this.records[index]!;
    const all = record.checks.every((c) => c.pass === true);
    if (index === this.currentStep && all) {
      record.passedAt = this.clock();
      this.currentSince = this.clock();
      return { kind: 'passed', next: this.currentStep };
    }
    if (index === this.currentStep || record.passedAt === null) return { kind: 'updated', persist: false };
    const was = record.regressed;
    record.regressed = !all && record.checks.some((c) => c.pass === false);
    return { kind: 'updated', persist: was !== record.regressed };
  }

  /**
   * The learner acted on the current step (an event or command its checks care about). Ignored
   * within the grace period after the step became current. True when an attempt now waits to settle.
   */
  attemptNow(): boolean {
    const current = this.currentStep;
    const now = this.clock();
    if (current === null || now - this.currentSince < ATTEMPT_GRACE_MS) return false;
    this.attempt = { step: current, at: now };
    return true;
  }

  /** A command finished: a pending attempt waits for quiet from now on. True when one is pending. */
  commandFinished(): boolean {
    if (this.attempt === null) return false;
    this.attempt.at = this.clock();
    return true;
  }

  /** How long until the pending attempt has been quiet long enough to be judged. */
  settleDelay(): number {
    if (this.attempt === null) return ATTEMPT_SETTLE_MS;
    return Math.max(0, ATTEMPT_SETTLE_MS - (this.clock() - this.attempt.at));
  }

  /**
   * The attempt to judge now, taken off the pending list: null when none is pending, the step is no
   * longer current, or a command the learner started during the step is still running (its finish
   * makes the attempt pending again).
   */
  takeAttempt(commandsRunning: boolean): number | null {
    const attempt = this.attempt;
    if (attempt === null || attempt.step !== this.currentStep) return null;
    if (commandsRunning) return null;
    this.attempt = null;
    return attempt.step;
  }

  /** Judge a settled attempt by the state after it: a miss shows failed from now on. True when it did. */
  judge(index: number): boolean {
    const record = this.records[index]!;
    if (index !== this.currentStep || record.missed) return false;
    if (!record.checks.some((c) => c.pass === false)) return false;
    record.missed = true;
    return true;
  }

  /** Show the step's next hint. True when there was one more to show. */
  revealHint(index: number): boolean {
    const record = this.records[index]!;
    if (record.hints >= this.steps[index]!.hints.length) return false;
    record.hints += 1;
    return true;
  }

  /** Make `from` the current step again: it and every later step are no longer passed. Hints stay. */
  rewind(from: number): void {
    for (let i = from; i < this.records.length; i += 1) {
      const record = this.records[i]!;
      record.passedAt = null;
      record.regressed = false;
      record.missed = false;
      record.checks = record.checks.map((c) => ({ ...c, pass: null, explanation: 'not checked yet' }));
      if (this.attempt?.step === i) this.attempt = null;
    }
    this.currentSince = this.clock();
  }

  /** Step id -> unix ms it passed, as progress saves it. */
  passedByStepId(): Record<string, number> {
    return Object.fromEntries(
      this.steps.flatMap((step, i) => {
        const at = this.records[i]!.passedAt;
        return at !== null ? [[step.id, at]] : [];
      }),
    );
  }

  /** Step id -> how many hints are shown, as progress saves it. */
  hintsByStepId(): Record<string, number> {
    return Object.fromEntries(
      this.steps.flatMap((step, i) => {
        const hints = this.records[i]!.hints;
        return hints > 0 ? [[step.id, hints]] : [];
      }),
    );
  }
}
