/**
 * The lesson run's step-progress model on a fake clock, without an engine: when a step shows
 * failed, how live steps regress and recover, that a completion is not lost while the engine was
 * away, and that hints are kept.
 */
import { describe, expect, it } from 'vitest';
import type { CheckSummary } from '../../electron/core/contract';
import { ATTEMPT_GRACE_MS, ATTEMPT_SETTLE_MS, StepProgress, type StepOutline } from '../../electron/core/runner/step-progress';

const check = (id: string, live = false): CheckSummary => ({ id, kind: 'container', wants: `${id} holds`, live });

const steps: StepOutline[] = [
  { id: 'run', hints: ['use docker run', 'add -d'], checks: [check('container', true)] },
  { id: 'publish', hints: ['use -p'], checks: [check('container'), check('http')] },
  { id: 'clean', hints: [], checks: [check('gone')] },
];

const pass = { pass: true, explanation: 'container web is running' };
const miss = { pass: false, explanation: 'container web is created, not running' };
const miss2 = { pass: false, explanation: 'there is no container web' };

function model(saved = { passed: {}, hintsRevealed: {} }) {
  let now = 1_000_000;
  const progress = new StepProgress(steps, saved, () => now);
  return { progress, advance: (ms: number) => (now += ms), now: () => now };
}

describe('StepProgress', () => {
  it('starts at the first step not passed, with the others pending', () => {
    const { progress } = model({ passed: { run: 5 }, hintsRevealed: {} });
    expect(progress.currentStep).toBe(1);
    expect([0, 1, 2].map((i) => progress.status(i))).toEqual(['passed', 'current', 'pending']);
    expect(progress.watchedSteps()).toEqual([0, 1]); // the live step keeps being watched
  });

  it('a step not yet tried stays current while it misses, and fails only once the attempt settles', () => {
    const { progress, advance } = model();
    progress.record(0, 0, miss);
    expect(progress.settle(0)).toEqual({ kind: 'updated', persist: false });
    expect(progress.status(0)).toBe('current'); // no attempt yet: the miss is what is still to do

    advance(ATTEMPT_GRACE_MS);
    expect(progress.attemptNow()).toBe(true);
    expect(progress.settleDelay()).toBe(ATTEMPT_SETTLE_MS);
    advance(ATTEMPT_SETTLE_MS / 2);
    expect(progress.status(0)).toBe('current'); // mid-command states are no miss
    expect(progress.commandFinished()).toBe(true); // the wait restarts from the finish
    expect(progress.settleDelay()).toBe(ATTEMPT_SETTLE_MS);

    advance(ATTEMPT_SETTLE_MS);
    expect(progress.takeAttempt(true)).toBeNull(); // a command of theirs still runs
    expect(progress.takeAttempt(false)).toBe(0);
    expect(progress.judge(0)).toBe(true);
    expect(progress.status(0)).toBe('failed');
    expect(progress.stepState(0)).toMatchObject({ status: 'failed', checks: [{ pass: false, explanation: miss.explanation }] });
    expect(progress.takeAttempt(false)).toBeNull(); // judged once

    // Failed stays failed while it misses in another way, until it passes.
    progress.record(0, 0, miss2);
    progress.settle(0);
    expect(progress.status(0)).toBe('failed');
    progress.record(0, 0, pass);
    expect(progress.settle(0)).toEqual({ kind: 'passed', next: 1 });
    expect(progress.status(0)).toBe('passed');
    expect(progress.status(1)).toBe('current');
  });

  it('ignores actions within the grace period after a step became current', () => {
    const { progress, advance } = model();
    advance(ATTEMPT_GRACE_MS - 1);
    expect(progress.attemptNow()).toBe(false);
    expect(progress.takeAttempt(false)).toBeNull();
    progress.record(0, 0, pass);
    progress.settle(0);
    // The next step became current now: the tail of the command that passed step 0 is no attempt.
    advance(100);
    expect(progress.attemptNow()).toBe(false);
    advance(ATTEMPT_GRACE_MS);
    expect(progress.attemptNow()).toBe(true);
  });

  it('a polled answer that changes on the current step is an attempt', () => {
    const { progress, advance } = model();
    advance(ATTEMPT_GRACE_MS);
    expect(progress.record(0, 0, miss)).toBe(false); // first answer: nothing to compare with
    expect(progress.record(0, 0, miss)).toBe(false); // same answer
    expect(progress.record(0, 0, miss2)).toBe(true);
  });

  it('a live step regresses when it stops holding and recovers, keeping when it passed', () => {
    const { progress, advance, now } = model();
    progress.record(0, 0, pass);
    progress.settle(0);
    const passedAt = now();
    advance(5_000);
    progress.record(0, 0, miss);
    expect(progress.settle(0)).toEqual({ kind: 'updated', persist: true });
    expect(progress.stepState(0)).toMatchObject({ status: 'failed', passedAt: null });
    expect(progress.currentStep).toBe(1); // a regression does not move the learner back
    expect(progress.settle(0)).toEqual({ kind: 'updated', persist: false });
    progress.record(0, 0, pass);
    expect(progress.settle(0)).toEqual({ kind: 'updated', persist: true });
    expect(progress.stepState(0)).toMatchObject({ status: 'passed', passedAt });
    expect(progress.passedByStepId()).toEqual({ run: passedAt });
  });

  it('does not lose a completion that happened while the engine was away', () => {
    const { progress, advance } = model();
    progress.record(0, 0, miss);
    progress.settle(0);
    progress.engineError = 'connect ENOENT /var/run/docker.sock';
    expect(progress.stepState(0).error).toMatch(/cannot be read: connect ENOENT/);
    expect(progress.stepState(2).error).toBeNull(); // only watched steps carry the error
    advance(10_000);
    // Back again: the checks are evaluated afresh and find the step done.
    progress.engineError = null;
    progress.record(0, 0, pass);
    expect(progress.settle(0)).toEqual({ kind: 'passed', next: 1 });
    expect(progress.stepState(0)).toMatchObject({ status: 'passed', error: null });
  });

  it('completes the lesson, and a rewind makes a step current again with its hints kept', () => {
    const { progress, advance } = model();
    expect(progress.revealHint(0)).toBe(true);
    expect(progress.revealHint(0)).toBe(true);
    expect(progress.revealHint(0)).toBe(false); // only two hints
    for (const [index, count] of [
      [0, 1],
      [1, 2],
      [2, 1],
    ] as const) {
      for (let c = 0; c < count; c += 1) progress.record(index, c, pass);
      progress.settle(index);
    }
    expect(progress.currentStep).toBeNull();
    advance(1_000);
    progress.rewind(1);
    expect(progress.currentStep).toBe(1);
    expect(progress.stepStartedAt).toBeGreaterThan(0);
    expect(progress.stepState(1)).toMatchObject({ status: 'current', checks: [{ pass: null }, { pass: null }] });
    expect(progress.stepState(0).hints).toEqual(['use docker run', 'add -d']);
    expect(progress.hintsByStepId()).toEqual({ run: 2 });
  });

  it('takes hints and passes from saved progress, capped at the hints the step has', () => {
    const { progress } = model({ passed: { run: 7 }, hintsRevealed: { run: 9, publish: 1 } });
    expect(progress.stepState(0)).toMatchObject({ passedAt: 7, hints: ['use docker run', 'add -d'] });
    expect(progress.stepState(1).hints).toEqual(['use -p']);
    expect(progress.hintsByStepId()).toEqual({ run: 2, publish: 1 });
  });
});
