/**
 * What one step looks like right now: its live state from the run when this lesson's run is
 * active, else what the progress file remembers (passed or not), so a lesson that is not
 * running still shows how far the learner got.
 */
import type { CheckState, LessonProgress, LessonStep, RunState, StepState, StepStatus } from '@contract';

export interface StepView {
  step: LessonStep;
  status: StepStatus;
  checks: CheckState[];
  hints: string[];
  passedAt: number | null;
  error: string | null;
  live: boolean;
  /** The step to do now (current, or failed after an attempt at it). */
  isCurrent: boolean;
}

export function stepViews(steps: LessonStep[], run: RunState | null, progress: LessonProgress | undefined): StepView[] {
  return steps.map((step) => {
    const state: StepState | undefined = run?.steps.find((s) => s.index === step.index);
    if (state) {
      return {
        step,
        status: state.status,
        checks: state.checks,
        hints: state.hints,
        passedAt: state.passedAt,
        error: state.error,
        live: true,
        isCurrent: run?.currentStep === step.index,
      };
    }
    const passedAt = progress?.passed[step.id] ?? null;
    return {
      step,
      status: passedAt !== null ? 'passed' : 'pending',
      checks: step.checks.map((c) => ({ ...c, pass: passedAt !== null ? true : null, explanation: '' })),
      hints: [],
      passedAt,
      error: null,
      live: false,
      isCurrent: false,
    };
  });
}

const STATUS_WORDS: Record<StepStatus, string> = {
  pending: 'not reached yet',
  current: 'current step',
  passed: 'passed',
  failed: 'failed',
};

/** "Step 2 of 4: Serve a page, current step" — the step's accessible name. */
export function stepLabel(view: StepView, total: number): string {
  const words =
    view.status === 'failed' ? (view.isCurrent ? 'current step, not right yet' : 'no longer holds') : STATUS_WORDS[view.status];
  return `Step ${view.step.index + 1} of ${total}: ${view.step.title}, ${words}`;
}

/** The check to explain: the first failing one (the nearest miss), for current and failed steps. */
export function nearestMiss(view: StepView): CheckState | null {
  if (view.status !== 'current' && view.status !== 'failed') return null;
  return view.checks.find((c) => c.pass === false) ?? null;
}
