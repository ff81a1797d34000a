/**
 * Polls the checks of the current step that no event announces (a URL, a file, an exec): while
 * that step stays current, they are marked dirty every interval. A new current step replaces the
 * timer; a step with nothing to poll has none.
 */
import type { CheckTriggers } from '../checks/kind';

/** The checks, by index, that no event announces. */
export function polledChecks(triggers: readonly CheckTriggers[]): number[] {
  return triggers.flatMap((t, check) => (t.poll ? [check] : []));
}

export class StepPoller {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly due: (step: number, checks: number[]) => void,
  ) {}

  /** Follow `step` (null: the lesson is complete), whose checks declare `triggers`. */
  follow(step: number | null, triggers: readonly CheckTriggers[]): void {
    this.stop();
    const polled = polledChecks(triggers);
    if (step === null || polled.length === 0) return;
    this.timer = setInterval(() => this.due(step, polled), this.intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
